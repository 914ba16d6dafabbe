'use strict';
// util.parseArgs: tokens, values, positionals, defaults, negation and node's
// exact ERR_PARSE_ARGS_* and validation errors, recorded from node v20.
const assert = require('assert');
const { parseArgs } = require('util');
function run(f) {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: [e.name, e.code, e.message] };
  }
}
const s = { type: 'string' };
const b = { type: 'boolean' };
const cases = {
  'negative': () => parseArgs({ args: ['--no-foo'], options: { foo: b }, allowNegative: true, tokens: true }),
  'negative value': () => parseArgs({ args: ['--no-foo=1'], options: { foo: b }, allowNegative: true }),
  'negative string': () => parseArgs({ args: ['--no-bar'], options: { bar: s }, allowNegative: true }),
  'negative off': () => parseArgs({ args: ['--no-foo'], options: { foo: b } }),
  'negative multiple': () => parseArgs({ args: ['--foo', '--no-foo'], options: { foo: { type: 'boolean', multiple: true } }, allowNegative: true }),
  'bad type': () => parseArgs({ args: [], options: { foo: { type: 'x' } } }),
  'no type': () => parseArgs({ args: [], options: { foo: {} } }),
  'option not object': () => parseArgs({ args: [], options: { foo: 1 } }),
  'options not object': () => parseArgs({ args: [], options: 1 }),
  'long short': () => parseArgs({ args: [], options: { foo: { type: 'string', short: 'ab' } } }),
  'short not string': () => parseArgs({ args: [], options: { foo: { type: 'string', short: 1 } } }),
  'bad default': () => parseArgs({ args: [], options: { foo: { type: 'string', default: 1 } } }),
  'bad default array': () => parseArgs({ args: [], options: { foo: { type: 'string', multiple: true, default: ['a', 1] } } }),
  'bad default bool array': () => parseArgs({ args: [], options: { foo: { type: 'boolean', multiple: true, default: 'x' } } }),
  'bad default bool': () => parseArgs({ args: [], options: { foo: { type: 'boolean', default: 'x' } } }),
  'bad multiple': () => parseArgs({ args: [], options: { foo: { type: 'boolean', multiple: 1 } } }),
  'args string': () => parseArgs({ args: 'x' }),
  'config number': () => parseArgs(1).positionals.length >= 0,
  'bad allowNegative': () => parseArgs({ args: [], allowNegative: 1 }),
  'bad strict': () => parseArgs({ args: [], strict: 'no' }),
  'bad tokens': () => parseArgs({ args: [], tokens: 0 }),
  'bad allowPositionals': () => parseArgs({ args: [], allowPositionals: null }),
  'ambiguous long': () => parseArgs({ args: ['-f', '--x'], options: { foo: { type: 'string', short: 'f' } } }),
  'ambiguous short': () => parseArgs({ args: ['-f', '-x'], options: { foo: { type: 'string', short: 'f' } } }),
  'ambiguous long2': () => parseArgs({ args: ['--foo', '-x'], options: { foo: { type: 'string', short: 'f' } } }),
  'dash value ok': () => parseArgs({ args: ['--foo', '-'], options: { foo: s } }),
  'inline dash ok': () => parseArgs({ args: ['--foo=-x', '-f-y'], options: { foo: { type: 'string', short: 'f', multiple: true } } }),
  'missing value': () => parseArgs({ args: ['--foo'], options: { foo: { type: 'string', short: 'f' } } }),
  'missing value no short': () => parseArgs({ args: ['--foo'], options: { foo: s } }),
  'bool with value': () => parseArgs({ args: ['--foo=1'], options: { foo: { type: 'boolean', short: 'f' } } }),
  'unknown allow': () => parseArgs({ args: ['--zz'], options: {}, allowPositionals: true }),
  'unknown': () => parseArgs({ args: ['-z'], options: {} }),
  'positional': () => parseArgs({ args: ['pos'], options: {} }),
  'group loose': () => parseArgs({ args: ['-abc', 'x', '--', '-d'], strict: false, tokens: true }),
  'group string': () => parseArgs({ args: ['-abcVAL', '-fxyz', 'p'], options: { c: s, foo: { type: 'string', short: 'f' } }, strict: false, tokens: true }),
  'group strict': () => parseArgs({ args: ['-ab', '-cd'], options: { a: { type: 'boolean', short: 'a' }, b: { type: 'boolean', short: 'b' }, c: { type: 'string', short: 'c' } }, tokens: true }),
  'proto': () => parseArgs({ args: ['--__proto__', '--a', '--a'], options: { a: { type: 'boolean', multiple: true } }, strict: false }),
  'defaults': () => parseArgs({ args: ['--foo', 'x'], options: { foo: { type: 'string', default: 'd' }, bar: { type: 'boolean', default: false }, m: { type: 'string', multiple: true, default: ['q'] } } }),
  'proto options': () => parseArgs({ args: [], options: { __proto__: { type: 'string' } } }),
  'multiple': () => parseArgs({ args: ['-i', 'a', '--inc', 'b', '--inc=c', '-id'], options: { inc: { type: 'string', short: 'i', multiple: true } }, tokens: true }),
  'loose values': () => parseArgs({ args: ['--a=1', '--b', '2', '-c', '3', '--d='], strict: false }),
  'loose string missing': () => parseArgs({ args: ['--s'], options: { s }, strict: false }),
  'positionals allowed': () => parseArgs({ args: ['a', '--x', 'b'], options: { x: b }, allowPositionals: true, tokens: true }),
  'terminator only': () => parseArgs({ args: ['--'], tokens: true }),
  'empty arg': () => parseArgs({ args: [''], allowPositionals: true }),
  'lone dash': () => parseArgs({ args: ['-'], allowPositionals: true, tokens: true }),
  'value is --': () => parseArgs({ args: ['--foo', '--'], options: { foo: s }, tokens: true, strict: false }),
  'short as value': () => parseArgs({ args: ['-f', '--', 'x'], options: { foo: { type: 'string', short: 'f' } }, allowPositionals: true, strict: false }),
  'null proto values': () => Object.getPrototypeOf(parseArgs({ args: [] }).values) === null,
};

const expected = {
  "negative": {
    "ok": {
      "values": {
        "foo": false
      },
      "positionals": [],
      "tokens": [
        {
          "kind": "option",
          "name": "foo",
          "rawName": "--no-foo",
          "index": 0
        }
      ]
    }
  },
  "negative value": {
    "error": [
      "TypeError",
      "ERR_PARSE_ARGS_INVALID_OPTION_VALUE",
      "Option '--foo' does not take an argument"
    ]
  },
  "negative string": {
    "error": [
      "TypeError",
      "ERR_PARSE_ARGS_UNKNOWN_OPTION",
      "Unknown option '--no-bar'"
    ]
  },
  "negative off": {
    "error": [
      "TypeError",
      "ERR_PARSE_ARGS_UNKNOWN_OPTION",
      "Unknown option '--no-foo'"
    ]
  },
  "negative multiple": {
    "ok": {
      "values": {
        "foo": [
          true,
          false
        ]
      },
      "positionals": []
    }
  },
  "bad type": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_TYPE",
      "The \"options.foo.type\" property must be ('string|boolean'). Received type string ('x')"
    ]
  },
  "no type": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_TYPE",
      "The \"options.foo.type\" property must be ('string|boolean'). Received undefined"
    ]
  },
  "option not object": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_TYPE",
      "The \"options.foo\" property must be of type object. Received type number (1)"
    ]
  },
  "options not object": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_TYPE",
      "The \"options\" argument must be of type object. Received type number (1)"
    ]
  },
  "long short": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_VALUE",
      "The property 'options.foo.short' must be a single character. Received 'ab'"
    ]
  },
  "short not string": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_TYPE",
      "The \"options.foo.short\" property must be of type string. Received type number (1)"
    ]
  },
  "bad default": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_TYPE",
      "The \"options.foo.default\" property must be of type string. Received type number (1)"
    ]
  },
  "bad default array": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_TYPE",
      "The \"options.foo.default[1]\" property must be of type string. Received type number (1)"
    ]
  },
  "bad default bool array": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_TYPE",
      "The \"options.foo.default\" property must be an instance of Array. Received type string ('x')"
    ]
  },
  "bad default bool": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_TYPE",
      "The \"options.foo.default\" property must be of type boolean. Received type string ('x')"
    ]
  },
  "bad multiple": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_TYPE",
      "The \"options.foo.multiple\" property must be of type boolean. Received type number (1)"
    ]
  },
  "args string": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_TYPE",
      "The \"args\" argument must be an instance of Array. Received type string ('x')"
    ]
  },
  "config number": {
    "ok": true
  },
  "bad allowNegative": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_TYPE",
      "The \"allowNegative\" argument must be of type boolean. Received type number (1)"
    ]
  },
  "bad strict": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_TYPE",
      "The \"strict\" argument must be of type boolean. Received type string ('no')"
    ]
  },
  "bad tokens": {
    "error": [
      "TypeError",
      "ERR_INVALID_ARG_TYPE",
      "The \"tokens\" argument must be of type boolean. Received type number (0)"
    ]
  },
  "bad allowPositionals": {
    "ok": {
      "values": {},
      "positionals": []
    }
  },
  "ambiguous long": {
    "error": [
      "TypeError",
      "ERR_PARSE_ARGS_INVALID_OPTION_VALUE",
      "Option '-f' argument is ambiguous.\nDid you forget to specify the option argument for '-f'?\nTo specify an option argument starting with a dash use '--foo=-XYZ' or '-f-XYZ'."
    ]
  },
  "ambiguous short": {
    "error": [
      "TypeError",
      "ERR_PARSE_ARGS_INVALID_OPTION_VALUE",
      "Option '-f' argument is ambiguous.\nDid you forget to specify the option argument for '-f'?\nTo specify an option argument starting with a dash use '--foo=-XYZ' or '-f-XYZ'."
    ]
  },
  "ambiguous long2": {
    "error": [
      "TypeError",
      "ERR_PARSE_ARGS_INVALID_OPTION_VALUE",
      "Option '--foo' argument is ambiguous.\nDid you forget to specify the option argument for '--foo'?\nTo specify an option argument starting with a dash use '--foo=-XYZ'."
    ]
  },
  "dash value ok": {
    "ok": {
      "values": {
        "foo": "-"
      },
      "positionals": []
    }
  },
  "inline dash ok": {
    "ok": {
      "values": {
        "foo": [
          "-x",
          "-y"
        ]
      },
      "positionals": []
    }
  },
  "missing value": {
    "error": [
      "TypeError",
      "ERR_PARSE_ARGS_INVALID_OPTION_VALUE",
      "Option '-f, --foo <value>' argument missing"
    ]
  },
  "missing value no short": {
    "error": [
      "TypeError",
      "ERR_PARSE_ARGS_INVALID_OPTION_VALUE",
      "Option '--foo <value>' argument missing"
    ]
  },
  "bool with value": {
    "error": [
      "TypeError",
      "ERR_PARSE_ARGS_INVALID_OPTION_VALUE",
      "Option '-f, --foo' does not take an argument"
    ]
  },
  "unknown allow": {
    "error": [
      "TypeError",
      "ERR_PARSE_ARGS_UNKNOWN_OPTION",
      "Unknown option '--zz'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--zz\""
    ]
  },
  "unknown": {
    "error": [
      "TypeError",
      "ERR_PARSE_ARGS_UNKNOWN_OPTION",
      "Unknown option '-z'"
    ]
  },
  "positional": {
    "error": [
      "TypeError",
      "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL",
      "Unexpected argument 'pos'. This command does not take positional arguments"
    ]
  },
  "group loose": {
    "ok": {
      "values": {
        "a": true,
        "b": true,
        "c": true
      },
      "positionals": [
        "x",
        "-d"
      ],
      "tokens": [
        {
          "kind": "option",
          "name": "a",
          "rawName": "-a",
          "index": 0
        },
        {
          "kind": "option",
          "name": "b",
          "rawName": "-b",
          "index": 0
        },
        {
          "kind": "option",
          "name": "c",
          "rawName": "-c",
          "index": 0
        },
        {
          "kind": "positional",
          "index": 1,
          "value": "x"
        },
        {
          "kind": "option-terminator",
          "index": 2
        },
        {
          "kind": "positional",
          "index": 3,
          "value": "-d"
        }
      ]
    }
  },
  "group string": {
    "ok": {
      "values": {
        "a": true,
        "b": true,
        "c": "VAL",
        "foo": "xyz"
      },
      "positionals": [
        "p"
      ],
      "tokens": [
        {
          "kind": "option",
          "name": "a",
          "rawName": "-a",
          "index": 0
        },
        {
          "kind": "option",
          "name": "b",
          "rawName": "-b",
          "index": 0
        },
        {
          "kind": "option",
          "name": "c",
          "rawName": "-c",
          "index": 0,
          "value": "VAL",
          "inlineValue": true
        },
        {
          "kind": "option",
          "name": "foo",
          "rawName": "-f",
          "index": 1,
          "value": "xyz",
          "inlineValue": true
        },
        {
          "kind": "positional",
          "index": 2,
          "value": "p"
        }
      ]
    }
  },
  "group strict": {
    "ok": {
      "values": {
        "a": true,
        "b": true,
        "c": "d"
      },
      "positionals": [],
      "tokens": [
        {
          "kind": "option",
          "name": "a",
          "rawName": "-a",
          "index": 0
        },
        {
          "kind": "option",
          "name": "b",
          "rawName": "-b",
          "index": 0
        },
        {
          "kind": "option",
          "name": "c",
          "rawName": "-c",
          "index": 1,
          "value": "d",
          "inlineValue": true
        }
      ]
    }
  },
  "proto": {
    "ok": {
      "values": {
        "a": [
          true,
          true
        ]
      },
      "positionals": []
    }
  },
  "defaults": {
    "ok": {
      "values": {
        "foo": "x",
        "bar": false,
        "m": [
          "q"
        ]
      },
      "positionals": []
    }
  },
  "proto options": {
    "ok": {
      "values": {},
      "positionals": []
    }
  },
  "multiple": {
    "ok": {
      "values": {
        "inc": [
          "a",
          "b",
          "c",
          "d"
        ]
      },
      "positionals": [],
      "tokens": [
        {
          "kind": "option",
          "name": "inc",
          "rawName": "-i",
          "index": 0,
          "value": "a",
          "inlineValue": false
        },
        {
          "kind": "option",
          "name": "inc",
          "rawName": "--inc",
          "index": 2,
          "value": "b",
          "inlineValue": false
        },
        {
          "kind": "option",
          "name": "inc",
          "rawName": "--inc",
          "index": 4,
          "value": "c",
          "inlineValue": true
        },
        {
          "kind": "option",
          "name": "inc",
          "rawName": "-i",
          "index": 5,
          "value": "d",
          "inlineValue": true
        }
      ]
    }
  },
  "loose values": {
    "ok": {
      "values": {
        "a": "1",
        "b": true,
        "c": true,
        "d": ""
      },
      "positionals": [
        "2",
        "3"
      ]
    }
  },
  "loose string missing": {
    "ok": {
      "values": {
        "s": true
      },
      "positionals": []
    }
  },
  "positionals allowed": {
    "ok": {
      "values": {
        "x": true
      },
      "positionals": [
        "a",
        "b"
      ],
      "tokens": [
        {
          "kind": "positional",
          "index": 0,
          "value": "a"
        },
        {
          "kind": "option",
          "name": "x",
          "rawName": "--x",
          "index": 1
        },
        {
          "kind": "positional",
          "index": 2,
          "value": "b"
        }
      ]
    }
  },
  "terminator only": {
    "ok": {
      "values": {},
      "positionals": [],
      "tokens": [
        {
          "kind": "option-terminator",
          "index": 0
        }
      ]
    }
  },
  "empty arg": {
    "ok": {
      "values": {},
      "positionals": [
        ""
      ]
    }
  },
  "lone dash": {
    "ok": {
      "values": {},
      "positionals": [
        "-"
      ],
      "tokens": [
        {
          "kind": "positional",
          "index": 0,
          "value": "-"
        }
      ]
    }
  },
  "value is --": {
    "ok": {
      "values": {
        "foo": "--"
      },
      "positionals": [],
      "tokens": [
        {
          "kind": "option",
          "name": "foo",
          "rawName": "--foo",
          "index": 0,
          "value": "--",
          "inlineValue": false
        }
      ]
    }
  },
  "short as value": {
    "ok": {
      "values": {
        "foo": "--"
      },
      "positionals": [
        "x"
      ]
    }
  },
  "null proto values": {
    "ok": true
  }
};

for (const [name, fn] of Object.entries(cases)) {
  assert.deepStrictEqual(JSON.parse(JSON.stringify(run(fn))), expected[name], name);
}
assert.strictEqual(Object.keys(cases).length, Object.keys(expected).length);
assert.strictEqual(parseArgs.length, 0);

// Tokens keep undefined value/inlineValue for options without values.
const { tokens } = parseArgs({ args: ['--x'], options: { x: { type: 'boolean' } }, tokens: true });
assert.deepStrictEqual(tokens, [
  { kind: 'option', name: 'x', rawName: '--x', index: 0, value: undefined, inlineValue: undefined },
]);
// Defaults are used as given.
const list = ['a'];
assert.strictEqual(parseArgs({ args: [], options: { l: { type: 'string', multiple: true, default: list } } }).values.l,
                   list);
