'use strict';
// querystring: parse/stringify/escape/unescape. Table values were recorded
// from node 20 (the oracle); the hand-written checks below cover the options
// and the overridable escape/unescape hooks.
const assert = require('assert');
const qs = require('querystring');

// parse() returns objects without a prototype.
const np = (o) => Object.assign(Object.create(null), o);

// [input, extra arguments, expected]
const parseCases = [
  ["", [], {}],
  ["a", [], {"a":""}],
  ["a=", [], {"a":""}],
  ["=", [], {"":""}],
  ["=a", [], {"":"a"}],
  ["&", [], {}],
  ["&&", [], {}],
  ["a&", [], {"a":""}],
  ["&a", [], {"a":""}],
  ["a=1", [], {"a":"1"}],
  ["a=1&b=2", [], {"a":"1","b":"2"}],
  ["a=1&a=2", [], {"a":["1","2"]}],
  ["a=1&a=2&a=3", [], {"a":["1","2","3"]}],
  ["a&a", [], {"a":["",""]}],
  ["a&a=&a=x", [], {"a":["","","x"]}],
  ["a=b=c", [], {"a":"b=c"}],
  ["a==b", [], {"a":"=b"}],
  ["==", [], {"":"="}],
  ["a=1&&b=2", [], {"a":"1","b":"2"}],
  ["&&a=1&&", [], {"a":"1"}],
  ["a+b=c+d", [], {"a b":"c d"}],
  ["+=+", [], {" ":" "}],
  ["++", [], {"  ":""}],
  ["a=%20b", [], {"a":" b"}],
  ["a%20b=c", [], {"a b":"c"}],
  ["%61=%62", [], {"a":"b"}],
  ["a=%2B", [], {"a":"+"}],
  ["a=%2b+%2B", [], {"a":"+ +"}],
  ["a=%", [], {"a":"%"}],
  ["a=%2", [], {"a":"%2"}],
  ["a=%%", [], {"a":"%%"}],
  ["a=%zz", [], {"a":"%zz"}],
  ["a=%2g", [], {"a":"%2g"}],
  ["a=%%41", [], {"a":"%A"}],
  ["a=%4%41", [], {"a":"%4A"}],
  ["%=%", [], {"%":"%"}],
  ["a=%E4%BD%A0%E5%A5%BD", [], {"a":"你好"}],
  ["a=%E4%BD", [], {"a":"�"}],
  ["a=%E4%BD%A0%", [], {"a":"你%"}],
  ["a=%C0%80", [], {"a":"��"}],
  ["a=%ED%A0%80", [], {"a":"���"}],
  ["a=%F0%9F%98%80", [], {"a":"😀"}],
  ["a=%F0%9F%98", [], {"a":"�"}],
  ["a=%FF", [], {"a":"�"}],
  ["a=%80%80", [], {"a":"��"}],
  ["a=%F4%90%80%80", [], {"a":"����"}],
  ["a=%EF%BB%BF", [], {"a":"﻿"}],
  ["é=ü", [], {"é":"ü"}],
  ["é=%41", [], {"é":"A"}],
  ["a=é%zz", [], {"a":"é%zz"}],
  ["a=%41é%zz", [], {"a":"A�%zz"}],
  ["a=€%E4", [], {"a":"��"}],
  ["a=😀", [], {"a":"😀"}],
  ["a=\ud800", [], {"a":"\ud800"}],
  ["a=%41%zz+b", [], {"a":"A%zz b"}],
  ["k%41=%E4", [], {"kA":"�"}],
  ["%41%42=%E4", [], {"AB":"�"}],
  ["%41%E4=x", [], {"A�":"x"}],
  ["a=%2+1é%zz", [], {"a":"%2 1�%zz"}],
  ["%2+1é%zz", [], {"%2 1é%zz":""}],
  ["a[]=1&a[]=2", [], {"a[]":["1","2"]}],
  ["a[b]=1", [], {"a[b]":"1"}],
  ["__proto__=1", [], { ["__proto__"]: "1" }],  // an own key, not the prototype
  ["constructor=x&toString=y&hasOwnProperty=z", [], {"constructor":"x","toString":"y","hasOwnProperty":"z"}],
  ["a=1;b=2", [], {"a":"1;b=2"}],
  ["a:1&b:2", [], {"a:1":"","b:2":""}],
  ["foo=bar&baz=qux&baz=quux&corge=", [], {"foo":"bar","baz":["qux","quux"],"corge":""}],
  ["q=node.js+%E2%9C%93&lang=en", [], {"q":"node.js ✓","lang":"en"}],
  [" a = b ", [], {" a ":" b "}],
  ["a=1&b&c=3&d", [], {"a":"1","b":"","c":"3","d":""}],
  ["a:1;b:2", [";",":"], {"a":"1","b":"2"}],
  ["a::1;;b::2;;;c", [";;","::"], {"a":"1","b":"2",";c":""}],
  ["a=1&b=2", [";"], {"a":"1&b=2"}],
  ["a=1;b=2", [null,null], {"a":"1;b=2"}],
  ["a=1&b=2", ["",""], {"a":"1","b":"2"}],
  ["a1b2c", [1,2], {"a":"","b":"c"}],
  ["xaab=1", ["ab"], {"xaab":"1"}],
  ["xab=1", ["ab"], {"x":"","":"1"}],
  ["kaab", ["&","ab"], {"kaab":""}],
  ["a=b&&c=d", ["&&"], {"a":"b","c":"d"}],
  ["a=b&&&c=d", ["&&"], {"a":"b","&c":"d"}],
  ["k=&=v", ["&","&="], {"k=":"","=v":""}],
  ["a&=b", ["&=","="], {"a":"","b":""}],
  ["aXbXc", ["X","X"], {"a":"","b":"","c":""}],
  ["a=1&amp;b=2", ["&amp;"], {"a":"1","b":"2"}],
  ["k%41é", ["&","4"], {"k%":"1é"}],
  ["a+b", ["+&"], {"a+b":""}],
  ["a=b+&c", ["+&"], {"a":"b","c":""}],
  ["a+=b", ["&","+="], {"a":"b"}],
  ["a=%41", ["&","=%"], {"a":"41"}],
  ["%4=", ["&","4="], {"%":""}],
  ["a=%41&b", ["&","%41"], {"a=":"","b":""}],
  ["%%41%", ["%"], {"41":""}],
  ["a=1&b=2&c=3&d=4", [null, null, { maxKeys: 1 }], {"a":"1"}],
  ["&&a&&b&&c&d", [null, null, { maxKeys: 1 }], {}],
  ["a=1&a=2&a=3", [null, null, { maxKeys: 1 }], {"a":"1"}],
  ["a=1&b=2&c=3&d=4", [null, null, { maxKeys: 2 }], {"a":"1","b":"2"}],
  ["&&a&&b&&c&d", [null, null, { maxKeys: 2 }], {}],
  ["a=1&a=2&a=3", [null, null, { maxKeys: 2 }], {"a":["1","2"]}],
  ["a=1&b=2&c=3&d=4", [null, null, { maxKeys: 3 }], {"a":"1","b":"2","c":"3"}],
  ["&&a&&b&&c&d", [null, null, { maxKeys: 3 }], {"a":""}],
  ["a=1&a=2&a=3", [null, null, { maxKeys: 3 }], {"a":["1","2","3"]}],
  ["a=1&b=2&c=3&d=4", [null, null, { maxKeys: 0 }], {"a":"1","b":"2","c":"3","d":"4"}],
  ["&&a&&b&&c&d", [null, null, { maxKeys: 0 }], {"a":"","b":"","c":"","d":""}],
  ["a=1&a=2&a=3", [null, null, { maxKeys: 0 }], {"a":["1","2","3"]}],
  ["a=1&b=2&c=3&d=4", [null, null, { maxKeys: -1 }], {"a":"1","b":"2","c":"3","d":"4"}],
  ["&&a&&b&&c&d", [null, null, { maxKeys: -1 }], {"a":"","b":"","c":"","d":""}],
  ["a=1&a=2&a=3", [null, null, { maxKeys: -1 }], {"a":["1","2","3"]}],
  ["a=1&b=2&c=3&d=4", [null, null, { maxKeys: 1.5 }], {"a":"1","b":"2","c":"3","d":"4"}],
  ["&&a&&b&&c&d", [null, null, { maxKeys: 1.5 }], {"a":"","b":"","c":"","d":""}],
  ["a=1&a=2&a=3", [null, null, { maxKeys: 1.5 }], {"a":["1","2","3"]}],
  ["a=1&b=2&c=3&d=4", [null, null, { maxKeys: "2" }], {"a":"1","b":"2","c":"3","d":"4"}],
  ["&&a&&b&&c&d", [null, null, { maxKeys: "2" }], {"a":"","b":"","c":"","d":""}],
  ["a=1&a=2&a=3", [null, null, { maxKeys: "2" }], {"a":["1","2","3"]}],
  ["a=1&b=2&c=3&d=4", [null, null, { maxKeys: Infinity }], {"a":"1","b":"2","c":"3","d":"4"}],
  ["&&a&&b&&c&d", [null, null, { maxKeys: Infinity }], {"a":"","b":"","c":"","d":""}],
  ["a=1&a=2&a=3", [null, null, { maxKeys: Infinity }], {"a":["1","2","3"]}],
];
for (const [input, args, expected] of parseCases) {
  const opts = args[2];
  const where = `parse(${JSON.stringify(input)}, ${JSON.stringify(args)}${
    opts && opts.maxKeys === Infinity ? ' maxKeys: Infinity' : ''})`;
  const got = qs.parse(input, ...args);
  assert.strictEqual(Object.getPrototypeOf(got), null, where);
  assert.deepStrictEqual(got, np(expected), where);
  assert.deepStrictEqual(qs.decode(input, ...args), np(expected), where);
}

// Non-string input gives an empty object.
for (const v of [undefined, null, 1, true, {}, [], ['a=1'], () => 'a=1']) {
  assert.deepStrictEqual(qs.parse(v), np({}));
}

// maxKeys defaults to 1000 pairs.
const big = Array.from({ length: 1005 }, (_, i) => `k${i}=${i}`).join('&');
assert.strictEqual(Object.keys(qs.parse(big)).length, 1000);
assert.strictEqual(Object.keys(qs.parse(big, null, null, { maxKeys: 0 })).length, 1005);
assert.strictEqual(Object.keys(qs.parse(big, null, null, { maxKeys: 1004 })).length, 1004);

// [() => object, extra arguments, expected]
const stringifyCases = [
  [() => ({}), [], ""],
  [() => ({ a: 1 }), [], "a=1"],
  [() => ({ a: "b c", d: "é" }), [], "a=b%20c&d=%C3%A9"],
  [() => ({ a: [1, 2, 3] }), [], "a=1&a=2&a=3"],
  [() => ({ a: [], b: 1 }), [], "b=1"],
  [() => ({ b: 1, a: [] }), [], "b=1"],
  [() => ({ a: [], b: [] }), [], ""],
  [() => ({ a: [[1, 2], 3] }), [], "a=&a=3"],
  [() => ({ n: NaN, i: Infinity, m: -Infinity, z: -0, f: 1.5, e: 1e21, s: 1e-7 }), [], "n=&i=&m=&z=0&f=1.5&e=1e%2B21&s=1e-7"],
  [() => ({ b: 10n, t: true, f: false }), [], "b=10&t=true&f=false"],
  [() => ({ u: undefined, n: null, o: {}, fn() {} }), [], "u=&n=&o=&fn="],
  [() => ({ "a b": "c&d=e", "ü": "€😀" }), [], "a%20b=c%26d%3De&%C3%BC=%E2%82%AC%F0%9F%98%80"],
  [() => ({ x: "!'()*-._~" }), [], "x=!'()*-._~"],
  [() => ({ x: "#$&+,/:;=?@[]" }), [], "x=%23%24%26%2B%2C%2F%3A%3B%3D%3F%40%5B%5D"],
  [() => ([1, 2]), [], "0=1&1=2"],
  [() => ({ "": "" }), [], "="],
  [() => ({ 2: "b", 1: "a", z: "c" }), [], "1=a&2=b&z=c"],
  [() => ({ a: ["", null] }), [], "a=&a="],
  [() => ({ a: 1, b: [2, 3] }), [";",":"], "a:1;b:2;b:3"],
  [() => ({ a: 1, b: 2 }), ["",""], "a=1&b=2"],
  [() => ({ a: 1, b: 2 }), [0,null], "a=1&b=2"],
  [() => ({ a: 1, b: 2 }), ["&amp;","=>"], "a=>1&amp;b=>2"],
  [() => "x", [], ""],
  [() => null, [], ""],
  [() => undefined, [], ""],
  [() => 1, [], ""],
  [() => true, [], ""],
  [() => () => 1, [], ""],
];
for (const [make, args, expected] of stringifyCases) {
  const where = `stringify(${make.toString().slice(6)}, ${JSON.stringify(args)})`;
  assert.strictEqual(qs.stringify(make(), ...args), expected, where);
  assert.strictEqual(qs.encode(make(), ...args), expected, where);
}

// [function, ...arguments, expected]
const escapeCases = [
  ['escape', "", ""],
  ['escape', "abc", "abc"],
  ['escape', "a b", "a%20b"],
  ['escape', "AZaz09-_.!~*'()", "AZaz09-_.!~*'()"],
  ['escape', " \"#$%&+,/:;<=>?@[\\]^`{|}", "%20%22%23%24%25%26%2B%2C%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D"],
  ['escape', "é", "%C3%A9"],
  ['escape', "€", "%E2%82%AC"],
  ['escape', "😀", "%F0%9F%98%80"],
  ['escape', "\ud800a", "%F0%90%81%A1"],
  ['escape', "\udc00\udc00", "%F0%90%80%80"],
  ['escape', "\ud800\ud800", "%F0%90%80%80"],
  ['escape', "x\ud800\u0000y", "x%F0%90%80%80y"],
  ['escape', "\u0000߿ࠀ￿", "%00%7F%C2%80%DF%BF%E0%A0%80%EF%BF%BF"],
  ['unescape', "", ""],
  ['unescape', "", true, ""],
  ['unescape', "abc", "abc"],
  ['unescape', "abc", true, "abc"],
  ['unescape', "a+b", "a+b"],
  ['unescape', "a+b", true, "a+b"],
  ['unescape', "a%20b", "a b"],
  ['unescape', "a%20b", true, "a b"],
  ['unescape', "%41%zz", "A%zz"],
  ['unescape', "%41%zz", true, "A%zz"],
  ['unescape', "%E4%BD%A0", "你"],
  ['unescape', "%E4%BD%A0", true, "你"],
  ['unescape', "%E4%BD", "�"],
  ['unescape', "%E4%BD", true, "�"],
  ['unescape', "é%zz", "�%zz"],
  ['unescape', "é%zz", true, "�%zz"],
  ['unescape', "€%E4", "��"],
  ['unescape', "€%E4", true, "��"],
  ['unescape', "%", "%"],
  ['unescape', "%", true, "%"],
  ['unescape', "%%", "%%"],
  ['unescape', "%%", true, "%%"],
  ['unescape', "%2", "%2"],
  ['unescape', "%2", true, "%2"],
  ['unescape', "%C0%80", "��"],
  ['unescape', "%C0%80", true, "��"],
  ['unescape', "%f0%9f%98%80", "😀"],
  ['unescape', "%f0%9f%98%80", true, "😀"],
  ['unescape', "%zz+a", "%zz+a"],
  ['unescape', "%zz+a", true, "%zz a"],
  ['unescape', "é+%41", "é+A"],
  ['unescape', "é+%41", true, "é+A"],
];
for (const row of escapeCases) {
  const args = row.slice(1, -1);
  const where = `${row[0]}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
  assert.strictEqual(qs[row[0]](...args), row[row.length - 1], where);
}

// escape() of non-strings: objects through String(), the rest through `+ ''`.
assert.strictEqual(qs.escape(123), '123');
assert.strictEqual(qs.escape(null), 'null');
assert.strictEqual(qs.escape(undefined), 'undefined');
assert.strictEqual(qs.escape(true), 'true');
assert.strictEqual(qs.escape([1, 'a b']), '1%2Ca%20b');
assert.strictEqual(qs.escape({}), '%5Bobject%20Object%5D');
assert.strictEqual(qs.escape({ toString() { return 't'; }, valueOf() { return 'v'; } }), 't');
assert.strictEqual(qs.escape(10n), '10');
assert.throws(() => qs.escape(Symbol('s')), TypeError);
// An unpaired surrogate at the very end cannot be encoded.
for (const bad of ['\ud800', 'a\udc00', '\ud800\ud83d\ude00']) {
  assert.throws(() => qs.escape(bad), (e) => {
    assert(e instanceof URIError);
    assert.strictEqual(e.name, 'URIError');
    assert.strictEqual(e.code, 'ERR_INVALID_URI');
    assert.strictEqual(e.message, 'URI malformed');
    return true;
  });
  assert.throws(() => qs.stringify({ a: bad }), { code: 'ERR_INVALID_URI' });
}

// A custom decoder sees every non-empty key and value, with '+' as "%20".
{
  const seen = [];
  const decodeURIComponent = (s) => { seen.push(s); return s.toUpperCase(); };
  const got = qs.parse('a+b=c+d&e&=f&g=&&h=1=2', null, null, { decodeURIComponent });
  assert.deepStrictEqual(got, np({ 'A%20B': 'C%20D', E: '', '': 'F', G: '', H: '1=2' }));
  assert.deepStrictEqual(seen, ['a%20b', 'c%20d', 'e', 'f', 'g', 'h', '1=2']);
}
// If it throws, querystring.unescape(s, true) is used instead.
{
  const thrower = () => { throw new Error('no'); };
  assert.deepStrictEqual(qs.parse('a=%41%zz+b&c=d', null, null, { decodeURIComponent: thrower }),
                         np({ a: 'A%zz b', c: 'd' }));
}
// Values it returns are stored as they are; repeated keys collect them.
assert.deepStrictEqual(qs.parse('a=1&a=2&a=3', null, null, { decodeURIComponent: () => 5 }),
                       np({ 5: [5, 5, 5] }));
assert.deepStrictEqual(
  qs.parse('a=1&a=2&a=3', null, null, { decodeURIComponent: (s) => (s === 'a' ? 'a' : [s]) }),
  np({ a: ['1', ['2'], ['3']] }));
// Passing decodeURIComponent itself decodes every part, so malformed
// input falls back to the byte-wise decoder.
assert.deepStrictEqual(qs.parse('a=é%zz', null, null, { decodeURIComponent }),
                       np({ a: '\ufffd%zz' }));
assert.deepStrictEqual(qs.parse('a=é%zz', null, null, { decodeURIComponent: qs.unescape }),
                       np({ a: 'é%zz' }));

// parse() and stringify() call the module's current unescape/escape.
{
  const { unescape, escape } = qs;
  try {
    qs.unescape = (s, spaces) => `U(${s},${spaces})`;
    assert.deepStrictEqual(qs.parse('a=%41&b+c=d'), np({ 'U(a,undefined)': 'U(%41,undefined)', 'U(b%20c,undefined)': 'U(d,undefined)' }));
    assert.deepStrictEqual(qs.parse('a+b=%41+', null, null, { decodeURIComponent() { throw 1; } }),
                           np({ 'U(a%20b,true)': 'U(%41%20,true)' }));
    qs.escape = (s) => `E(${s})`;
    assert.strictEqual(qs.stringify({ a: 'b', c: [1, null] }), 'E(a)=E(b)&E(c)=E(1)&E(c)=E()');
  } finally {
    qs.unescape = unescape;
    qs.escape = escape;
  }
  assert.strictEqual(qs.stringify({ a: 'b c' }), 'a=b%20c');
}

// A custom encoder is called once per key and once per value, in order.
{
  const seen = [];
  const encodeURIComponent = (s) => { seen.push(s); return `<${s}>`; };
  assert.strictEqual(
    qs.stringify({ a: null, b: [1, undefined], c: '', d: 1n }, null, null, { encodeURIComponent }),
    '<a>=<>&<b>=<1>&<b>=<>&<c>=<>&<d>=<1>');
  assert.deepStrictEqual(seen, ['a', '', 'b', '1', '', 'c', '', 'd', '1']);
  assert.strictEqual(qs.stringify({ a: 1 }, null, null, { encodeURIComponent: 'nope' }), 'a=1');
}

// Round trip.
{
  const o = { name: 'nodus ✓', list: ['a', 'b&c', '='], empty: '', 'k y': 'v+w' };
  assert.deepStrictEqual(qs.parse(qs.stringify(o)), np(o));
  assert.deepStrictEqual(qs.parse(qs.stringify(o, ';', ':'), ';', ':'), np(o));
}

// Module shape.
assert.deepStrictEqual(Object.keys(qs),
                       ['unescapeBuffer', 'unescape', 'escape', 'stringify', 'encode', 'parse', 'decode']);
assert.strictEqual(qs.decode, qs.parse);
assert.strictEqual(qs.encode, qs.stringify);
assert.strictEqual(require('node:querystring'), qs);
