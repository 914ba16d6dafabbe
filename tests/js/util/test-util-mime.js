'use strict';
// util.MIMEType and util.MIMEParams: parsing, serialization and errors, with
// the expected results recorded from node v20.
const assert = require('assert');
const util = require('util');
const { MIMEType, MIMEParams } = util;

function run(f) {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: [e.name, e.code, e.message] };
  }
}
const parse = (s) => () => {
  const m = new MIMEType(s);
  return [m.type, m.subtype, m.essence, [...m.params], String(m), JSON.stringify(m)];
};
const cases = {};
for (const s of ['text/html', ' TEXT/HTML ; Charset="utf-8" ', 'text/html;charset=utf-8;charset=x',
  'a/b;x="q\\"z\\\\";y=', 'a/b;  x  = 1', 'a/b;x=1 ;y="2" junk; z', '/b', 'a/', 'a b/c', 'a/b c',
  'a/b;\u00e9=1', 'a/b;k=\u00e9', 'a/b;k="\u00e9"', '', 'text', 'a/b;;;x=1', 'a/b;x', 'a/b;x="',
  'a/b;x=""', 'a/b;X=Y', 'a/b;x=a b', 'a/b;x="a;b"', 'a/b;x=a"b', ' a b/c', ' a/b c ;x=1', 'a/ b',
  'a/b;x="\\', 'application/vnd.api+json; q=0.9', '\t\n text/plain \r', 'a/b;x=\u0100',
  'a/b ;x=1', 'a/b; x="\\a\\b"extra ;y=2']) {
  cases[`parse ${JSON.stringify(s)}`] = parse(s);
}
Object.assign(cases, {
  setters: () => { const m = new MIMEType('a/b'); m.type = 'X'; m.subtype = 'Y'; return [String(m), m.essence]; },
  'type number': () => { const m = new MIMEType('a/b'); m.type = 1; return String(m); },
  'bad type': () => { new MIMEType('a/b').type = 'x y'; },
  'empty type': () => { new MIMEType('a/b').type = ''; },
  'bad subtype': () => { new MIMEType('a/b').subtype = 'x/'; },
  'bad subtype 2': () => { new MIMEType('a/b').subtype = 'A B'; },
  'params set': () => {
    const m = new MIMEType('a/b');
    m.params.set('Q', 'x y');
    m.params.set('e', '');
    m.params.set('q', '\u00e9');
    return [m.toString(), JSON.stringify(m)];
  },
  'bad param name': () => { new MIMEType('a/b').params.set('Q y', 'x'); },
  'empty param name': () => { new MIMEType('a/b').params.set('', 'x'); },
  'bad param value': () => { new MIMEType('a/b').params.set('q', '\u0100'); },
  'bad param value 2': () => { new MIMEType('a/b').params.set('q', 'a\nb'); },
  'params api': () => {
    const p = new MIMEType('a/b;x=1;y=2').params;
    return [p.get('x'), p.get('z'), p.has('y'), p.has('z'), [...p.keys()], [...p.values()],
      [...p.entries()], p.delete('x'), String(p), JSON.stringify(p), p.get()];
  },
  'params case': () => { const p = new MIMEType('a/b;A=1').params; return [p.get('A'), p.get('a')]; },
  'params order': () => {
    const p = new MIMEType('a/b;x=1;y=2').params;
    p.set('x', '3');
    p.set('z', '4');
    return String(p);
  },
  'new MIMEParams': () => { const p = new MIMEParams(); p.set('a', 1); p.set(2, 'x'); return [String(p), [...p]]; },
  'params not settable': () => { const m = new MIMEType('a/b;x=1'); m.params = null; return String(m); },
  iterator: () => {
    const p = new MIMEType('a/b;x=1').params;
    return [p[Symbol.iterator] === p.entries, Object.prototype.toString.call(p.entries())];
  },
  prototypes: () => [Object.getOwnPropertyNames(MIMEType.prototype),
    Object.getOwnPropertyNames(MIMEParams.prototype)],
  inspect: () => [require('util').inspect(new MIMEType('a/b;x=1')),
    require('util').inspect(new MIMEType('a/b;x=1').params)],
  'toString object': () => new MIMEType({ toString() { return 'x/Y'; } }).toString(),
  symbol: () => new MIMEType(Symbol('s')),
  'wrong receiver': () => { MIMEType.prototype.toString.call({}); },
});

const expected = {
  "parse \"text/html\"": {
    "ok": [
      "text",
      "html",
      "text/html",
      [],
      "text/html",
      "\"text/html\""
    ]
  },
  "parse \" TEXT/HTML ; Charset=\\\"utf-8\\\" \"": {
    "ok": [
      "text",
      "html",
      "text/html",
      [
        [
          "charset",
          "utf-8"
        ]
      ],
      "text/html;charset=utf-8",
      "\"text/html;charset=utf-8\""
    ]
  },
  "parse \"text/html;charset=utf-8;charset=x\"": {
    "ok": [
      "text",
      "html",
      "text/html",
      [
        [
          "charset",
          "utf-8"
        ]
      ],
      "text/html;charset=utf-8",
      "\"text/html;charset=utf-8\""
    ]
  },
  "parse \"a/b;x=\\\"q\\\\\\\"z\\\\\\\\\\\";y=\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [
        [
          "x",
          "q\"z\\"
        ]
      ],
      "a/b;x=\"q\\\"z\\\\\"",
      "\"a/b;x=\\\"q\\\\\\\"z\\\\\\\\\\\"\""
    ]
  },
  "parse \"a/b;  x  = 1\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [],
      "a/b",
      "\"a/b\""
    ]
  },
  "parse \"a/b;x=1 ;y=\\\"2\\\" junk; z\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [
        [
          "x",
          "1"
        ],
        [
          "y",
          "2"
        ]
      ],
      "a/b;x=1;y=2",
      "\"a/b;x=1;y=2\""
    ]
  },
  "parse \"/b\"": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a type in \"/b\" is invalid"
    ]
  },
  "parse \"a/\"": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a subtype in \"a/\" is invalid"
    ]
  },
  "parse \"a b/c\"": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a type in \"a b/c\" is invalid at 1"
    ]
  },
  "parse \"a/b c\"": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a subtype in \"a/b c\" is invalid at 1"
    ]
  },
  "parse \"a/b;\u00e9=1\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [],
      "a/b",
      "\"a/b\""
    ]
  },
  "parse \"a/b;k=\u00e9\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [
        [
          "k",
          "\u00e9"
        ]
      ],
      "a/b;k=\"\u00e9\"",
      "\"a/b;k=\\\"\u00e9\\\"\""
    ]
  },
  "parse \"a/b;k=\\\"\u00e9\\\"\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [
        [
          "k",
          "\u00e9"
        ]
      ],
      "a/b;k=\"\u00e9\"",
      "\"a/b;k=\\\"\u00e9\\\"\""
    ]
  },
  "parse \"\"": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a type in \"\" is invalid"
    ]
  },
  "parse \"text\"": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a type in \"text\" is invalid"
    ]
  },
  "parse \"a/b;;;x=1\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [
        [
          "x",
          "1"
        ]
      ],
      "a/b;x=1",
      "\"a/b;x=1\""
    ]
  },
  "parse \"a/b;x\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [],
      "a/b",
      "\"a/b\""
    ]
  },
  "parse \"a/b;x=\\\"\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [
        [
          "x",
          ""
        ]
      ],
      "a/b;x=\"\"",
      "\"a/b;x=\\\"\\\"\""
    ]
  },
  "parse \"a/b;x=\\\"\\\"\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [
        [
          "x",
          ""
        ]
      ],
      "a/b;x=\"\"",
      "\"a/b;x=\\\"\\\"\""
    ]
  },
  "parse \"a/b;X=Y\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [
        [
          "x",
          "Y"
        ]
      ],
      "a/b;x=Y",
      "\"a/b;x=Y\""
    ]
  },
  "parse \"a/b;x=a b\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [
        [
          "x",
          "a b"
        ]
      ],
      "a/b;x=\"a b\"",
      "\"a/b;x=\\\"a b\\\"\""
    ]
  },
  "parse \"a/b;x=\\\"a;b\\\"\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [
        [
          "x",
          "a;b"
        ]
      ],
      "a/b;x=\"a;b\"",
      "\"a/b;x=\\\"a;b\\\"\""
    ]
  },
  "parse \"a/b;x=a\\\"b\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [
        [
          "x",
          "a\"b"
        ]
      ],
      "a/b;x=\"a\\\"b\"",
      "\"a/b;x=\\\"a\\\\\\\"b\\\"\""
    ]
  },
  "parse \" a b/c\"": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a type in \" a b/c\" is invalid at 1"
    ]
  },
  "parse \" a/b c ;x=1\"": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a subtype in \" a/b c ;x=1\" is invalid at 1"
    ]
  },
  "parse \"a/ b\"": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a subtype in \"a/ b\" is invalid at 0"
    ]
  },
  "parse \"a/b;x=\\\"\\\\\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [
        [
          "x",
          "\\"
        ]
      ],
      "a/b;x=\"\\\\\"",
      "\"a/b;x=\\\"\\\\\\\\\\\"\""
    ]
  },
  "parse \"application/vnd.api+json; q=0.9\"": {
    "ok": [
      "application",
      "vnd.api+json",
      "application/vnd.api+json",
      [
        [
          "q",
          "0.9"
        ]
      ],
      "application/vnd.api+json;q=0.9",
      "\"application/vnd.api+json;q=0.9\""
    ]
  },
  "parse \"\\t\\n text/plain \\r\"": {
    "ok": [
      "text",
      "plain",
      "text/plain",
      [],
      "text/plain",
      "\"text/plain\""
    ]
  },
  "parse \"a/b;x=\u0100\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [],
      "a/b",
      "\"a/b\""
    ]
  },
  "parse \"a/b ;x=1\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [
        [
          "x",
          "1"
        ]
      ],
      "a/b;x=1",
      "\"a/b;x=1\""
    ]
  },
  "parse \"a/b; x=\\\"\\\\a\\\\b\\\"extra ;y=2\"": {
    "ok": [
      "a",
      "b",
      "a/b",
      [
        [
          "x",
          "ab"
        ],
        [
          "y",
          "2"
        ]
      ],
      "a/b;x=ab;y=2",
      "\"a/b;x=ab;y=2\""
    ]
  },
  "setters": {
    "ok": [
      "x/y",
      "x/y"
    ]
  },
  "type number": {
    "ok": "1/b"
  },
  "bad type": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a type in \"x y\" is invalid at 1"
    ]
  },
  "empty type": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a type in \"\" is invalid"
    ]
  },
  "bad subtype": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a subtype in \"x/\" is invalid at 1"
    ]
  },
  "bad subtype 2": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a subtype in \"A B\" is invalid at 1"
    ]
  },
  "params set": {
    "ok": [
      "a/b;Q=\"x y\";e=\"\";q=\"\u00e9\"",
      "\"a/b;Q=\\\"x y\\\";e=\\\"\\\";q=\\\"\u00e9\\\"\""
    ]
  },
  "bad param name": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a parameter name in \"Q y\" is invalid at 1"
    ]
  },
  "empty param name": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a parameter name in \"\" is invalid"
    ]
  },
  "bad param value": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a parameter value in \"\u0100\" is invalid at 0"
    ]
  },
  "bad param value 2": {
    "error": [
      "TypeError",
      "ERR_INVALID_MIME_SYNTAX",
      "The MIME syntax for a parameter value in \"a\nb\" is invalid at 1"
    ]
  },
  "params api": {
    "ok": [
      "1",
      null,
      true,
      false,
      [
        "x",
        "y"
      ],
      [
        "1",
        "2"
      ],
      [
        [
          "x",
          "1"
        ],
        [
          "y",
          "2"
        ]
      ],
      null,
      "y=2",
      "\"y=2\"",
      null
    ]
  },
  "params case": {
    "ok": [
      null,
      "1"
    ]
  },
  "params order": {
    "ok": "x=3;y=2;z=4"
  },
  "new MIMEParams": {
    "ok": [
      "a=1;2=x",
      [
        [
          "a",
          "1"
        ],
        [
          "2",
          "x"
        ]
      ]
    ]
  },
  "params not settable": {
    "error": [
      "TypeError",
      null,
      "Cannot set property params of [object Object] which has only a getter"
    ]
  },
  "iterator": {
    "ok": [
      true,
      "[object Generator]"
    ]
  },
  "prototypes": {
    "ok": [
      [
        "constructor",
        "type",
        "subtype",
        "essence",
        "params",
        "toString",
        "toJSON"
      ],
      [
        "constructor",
        "delete",
        "get",
        "has",
        "set",
        "entries",
        "keys",
        "values",
        "toString",
        "toJSON"
      ]
    ]
  },
  "inspect": {
    "ok": [
      "MIMEType {}",
      "MIMEParams {}"
    ]
  },
  "toString object": {
    "ok": "x/y"
  },
  "symbol": {
    "error": [
      "TypeError",
      null,
      "Cannot convert a Symbol value to a string"
    ]
  }
};

for (const [name, fn] of Object.entries(cases)) {
  if (name === 'wrong receiver') continue;
  assert.deepStrictEqual(JSON.parse(JSON.stringify(run(fn))), expected[name], name);
}
assert.deepStrictEqual(Object.keys(cases).length - 1, Object.keys(expected).length);

// Private state: another object is not a MIMEType.
assert.throws(cases['wrong receiver'], TypeError);

const desc = Object.getOwnPropertyDescriptor(util, 'MIMEType');
assert.strictEqual(desc.enumerable, true);
assert.strictEqual(util.MIMEParams, MIMEParams);
const error = run(() => new MIMEType('a b/c')).error;
assert.deepStrictEqual(error, ['TypeError', 'ERR_INVALID_MIME_SYNTAX',
  'The MIME syntax for a type in "a b/c" is invalid at 1']);
