'use strict';
// WHATWG URL and URLSearchParams API surface, inspect output, errors, and the
// node:url helpers, with expected values taken from node 20.
const assert = require('assert');
const util = require('util');
const url = require('url');
const { URL, URLSearchParams } = url;

assert.strictEqual(globalThis.URL, URL);
assert.strictEqual(globalThis.URLSearchParams, URLSearchParams);
for (const name of ['URL', 'URLSearchParams']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  assert.deepStrictEqual([d.writable, d.enumerable, d.configurable], [true, false, true]);
}
assert.deepStrictEqual(Object.getOwnPropertyNames(URL.prototype), [
  'constructor', 'toString', 'href', 'origin', 'protocol', 'username', 'password', 'host',
  'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON',
]);
assert.deepStrictEqual(Object.getOwnPropertyNames(URLSearchParams.prototype), [
  'constructor', 'size', 'append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'entries',
  'forEach', 'keys', 'values', 'toString',
]);
assert.strictEqual(Object.getOwnPropertyDescriptor(URL.prototype, 'href').enumerable, true);
assert.strictEqual(Object.getOwnPropertyDescriptor(URLSearchParams.prototype, 'append').enumerable,
                   true);
assert.strictEqual(URL.length, 1);
assert.strictEqual(URLSearchParams.length, 0);
assert.strictEqual(Object.prototype.toString.call(new URL('http://a')), '[object URL]');
assert.strictEqual(Object.prototype.toString.call(new URLSearchParams()),
                   '[object URLSearchParams]');
assert.strictEqual(URLSearchParams.prototype[Symbol.iterator], URLSearchParams.prototype.entries);

// Errors
assert.throws(() => new URL(), {
  code: 'ERR_MISSING_ARGS', name: 'TypeError', message: 'The "url" argument must be specified',
});
assert.throws(() => new URL('nope'), (e) => {
  assert.strictEqual(e.code, 'ERR_INVALID_URL');
  assert.strictEqual(e.name, 'TypeError');
  assert.strictEqual(e.message, 'Invalid URL');
  assert.strictEqual(e.input, 'nope');
  assert.strictEqual('base' in e, false);
  return true;
});
assert.throws(() => new URL('x', 'also nope'), (e) => {
  assert.strictEqual(e.input, 'x');
  assert.strictEqual(e.base, 'also nope');
  return true;
});
assert.throws(() => { new URL('http://a').href = 'bad'; }, { code: 'ERR_INVALID_URL' });
assert.throws(() => new URL(Symbol('s')), TypeError);
assert.throws(() => URL.prototype.href, TypeError);
assert.throws(() => URLSearchParams.prototype.get.call({}, 'a'), {
  code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type URLSearchParams',
});
assert.throws(() => new URLSearchParams().append('a'), {
  code: 'ERR_MISSING_ARGS', message: 'The "name" and "value" arguments must be specified',
});
assert.throws(() => new URLSearchParams().get(), {
  code: 'ERR_MISSING_ARGS', message: 'The "name" argument must be specified',
});
assert.throws(() => new URLSearchParams([['a']]), {
  code: 'ERR_INVALID_TUPLE', message: 'Each query pair must be an iterable [name, value] tuple',
});
assert.throws(() => new URLSearchParams([1]), { code: 'ERR_INVALID_TUPLE' });
assert.throws(() => new URLSearchParams().forEach(1), { code: 'ERR_INVALID_ARG_TYPE' });

// URL.canParse / URL.parse
assert.strictEqual(URL.canParse('http://a'), true);
assert.strictEqual(URL.canParse('a'), false);
assert.strictEqual(URL.canParse('a', 'http://b/'), true);
assert.strictEqual(URL.canParse('a', 'bad'), false);
assert.throws(() => URL.canParse(), { code: 'ERR_MISSING_ARGS' });
assert.strictEqual(URL.parse('nope'), null);
assert.strictEqual(URL.parse('/x', 'http://h/').href, 'http://h/x');
assert.ok(URL.parse('http://a') instanceof URL);
assert.strictEqual(new URL('http://a/b?c#d').toJSON(), 'http://a/b?c#d');
assert.strictEqual(JSON.stringify({ u: new URL('http://a') }), '{"u":"http://a/"}');
assert.strictEqual(String(new URL('http://a')), 'http://a/');
assert.strictEqual(new URL(new URL('http://x/y')).href, 'http://x/y');
assert.strictEqual(new URL('b', new URL('http://x/y/z')).href, 'http://x/y/b');

// inspect
const u = new URL('https://user:pw@example.org:8443/a/b?x=1&y=%20#frag');
assert.strictEqual(util.inspect(u), `URL {
  href: 'https://user:pw@example.org:8443/a/b?x=1&y=%20#frag',
  origin: 'https://example.org:8443',
  protocol: 'https:',
  username: 'user',
  password: 'pw',
  host: 'example.org:8443',
  hostname: 'example.org',
  port: '8443',
  pathname: '/a/b',
  search: '?x=1&y=%20',
  searchParams: URLSearchParams { 'x' => '1', 'y' => ' ' },
  hash: '#frag'
}`);
assert.strictEqual(util.inspect(new URLSearchParams()), 'URLSearchParams {}');
assert.strictEqual(util.inspect(new URLSearchParams('a=1&b=2&a=3')),
                   "URLSearchParams { 'a' => '1', 'b' => '2', 'a' => '3' }");
const longParams = new URLSearchParams();
for (let i = 0; i < 6; i++) longParams.append(`key${i}`, `value number ${i}`);
assert.strictEqual(util.inspect(longParams), `URLSearchParams {
  'key0' => 'value number 0',
  'key1' => 'value number 1',
  'key2' => 'value number 2',
  'key3' => 'value number 3',
  'key4' => 'value number 4',
  'key5' => 'value number 5' }`);
const sp = new URLSearchParams('a=1&b=2');
assert.strictEqual(util.inspect(sp.keys()), "URLSearchParams Iterator { 'a', 'b' }");
assert.strictEqual(util.inspect(sp.values()), "URLSearchParams Iterator { '1', '2' }");
assert.strictEqual(util.inspect(sp.entries()),
                   "URLSearchParams Iterator { [ 'a', '1' ], [ 'b', '2' ] }");
const it = sp.keys();
it.next();
assert.strictEqual(util.inspect(it), "URLSearchParams Iterator { 'b' }");
it.next();
assert.strictEqual(util.inspect(it), 'URLSearchParams Iterator {  }');
assert.strictEqual(Object.prototype.toString.call(it), '[object URLSearchParams Iterator]');
assert.strictEqual(util.inspect({ a: { b: { c: new URLSearchParams('x=1') } } }),
                   '{ a: { b: { c: [Object] } } }');
assert.strictEqual(util.inspect({ a: { b: { c: new URL('http://a') } } }),
                   '{ a: { b: { c: URL {} } } }');
assert.strictEqual(util.inspect({ a: { b: { c: sp.keys() } } }), '{ a: { b: { c: [Object] } } }');

// URLSearchParams
function list(p) { return [...p]; }
assert.deepStrictEqual(list(new URLSearchParams('?a=b&c=d')), [['a', 'b'], ['c', 'd']]);
assert.deepStrictEqual(list(new URLSearchParams('a+b=c+d&&=&e&%zz=%41%42&f=%E2%82%AC%FF')),
                       [['a b', 'c d'], ['', ''], ['e', ''], ['%zz', 'AB'], ['f', '€\ufffd']]);
assert.deepStrictEqual(list(new URLSearchParams({ a: 1, b: [2, 3], c: undefined })),
                       [['a', '1'], ['b', '2,3'], ['c', 'undefined']]);
assert.deepStrictEqual(list(new URLSearchParams([['x', 1], new Set(['y', 'z'])])),
                       [['x', '1'], ['y', 'z']]);
assert.deepStrictEqual(list(new URLSearchParams(new Map([['m', 'n']]))), [['m', 'n']]);
const copy = new URLSearchParams(sp);
copy.append('c', '3');
assert.strictEqual(sp.toString(), 'a=1&b=2');
assert.strictEqual(copy.toString(), 'a=1&b=2&c=3');
assert.deepStrictEqual(list(new URLSearchParams(null)), []);
assert.deepStrictEqual(list(new URLSearchParams(123)), [['123', '']]);
assert.deepStrictEqual(list(new URLSearchParams({ '\ud800': '\udc00x' })), [['\ufffd', '\ufffdx']]);

const p = new URLSearchParams('a=1&b=2&a=3&c=4');
assert.strictEqual(p.size, 4);
assert.strictEqual(p.get('a'), '1');
assert.strictEqual(p.get('zz'), null);
assert.deepStrictEqual(p.getAll('a'), ['1', '3']);
assert.strictEqual(p.has('a'), true);
assert.strictEqual(p.has('a', '3'), true);
assert.strictEqual(p.has('a', '4'), false);
assert.strictEqual(p.has('a', undefined), true);
p.set('a', 'x');
assert.strictEqual(p.toString(), 'a=x&b=2&c=4');
p.append('b', 'y');
p.delete('b', 'y');
assert.strictEqual(p.toString(), 'a=x&b=2&c=4');
p.delete('b');
assert.strictEqual(p.toString(), 'a=x&c=4');
p.set('new', 'v');
assert.strictEqual(p.toString(), 'a=x&c=4&new=v');
const s = new URLSearchParams('z=1&a=2&\ud83d\ude00=3&\uff41=4&a=1&Z=0');
s.sort();
assert.strictEqual(s.toString(), 'Z=0&a=2&a=1&z=1&%F0%9F%98%80=3&%EF%BD%81=4');
const seen = [];
new URLSearchParams('a=1&b=2').forEach(function(value, key, obj) {
  seen.push([key, value, obj instanceof URLSearchParams, this]);
}, 'T');
assert.deepStrictEqual(seen.map((x) => x.slice(0, 3)), [['a', '1', true], ['b', '2', true]]);
assert.strictEqual(new URLSearchParams({ s: ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~é€' }).toString(),
                   's=+%21%22%23%24%25%26%27%28%29*%2B%2C-.%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E_%60%7B%7C%7D%7E%C3%A9%E2%82%AC');
const iter = new URLSearchParams('a=1').entries();
assert.deepStrictEqual(iter.next(), { value: ['a', '1'], done: false });
assert.deepStrictEqual(iter.next(), { value: undefined, done: true });
assert.strictEqual(typeof iter[Symbol.iterator], 'function');
assert.strictEqual(iter[Symbol.iterator](), iter);

// The searchParams live link.
const linked = new URL('http://h/p?x=1#f');
const params = linked.searchParams;
assert.strictEqual(linked.searchParams, params);
params.append('y', 'a b');
assert.strictEqual(linked.href, 'http://h/p?x=1&y=a+b#f');
params.delete('x');
params.delete('y');
assert.strictEqual(linked.href, 'http://h/p#f');
assert.strictEqual(linked.search, '');
linked.search = '?q=1&q=2';
assert.deepStrictEqual(params.getAll('q'), ['1', '2']);
linked.href = 'http://other/?k=v';
assert.strictEqual(params.get('k'), 'v');
linked.search = '';
assert.strictEqual(params.size, 0);
const opaque = new URL('sc:path   ?q=1');
opaque.searchParams.delete('q');
assert.strictEqual(opaque.href, 'sc:path');
const opaqueHash = new URL('sc:path   #h');
opaqueHash.hash = '';
assert.strictEqual(opaqueHash.href, 'sc:path');

// URL.createObjectURL needs Blob; revokeObjectURL of a non-blob is a no-op.
assert.throws(() => URL.revokeObjectURL(), { code: 'ERR_MISSING_ARGS' });
URL.revokeObjectURL('http://x/');

// domainToASCII / domainToUnicode
assert.strictEqual(url.domainToASCII('español.com'), 'xn--espaol-zwa.com');
assert.strictEqual(url.domainToASCII('中文.com'), 'xn--fiq228c.com');
assert.strictEqual(url.domainToASCII('xn--iñvalid.com'), '');
assert.strictEqual(url.domainToASCII('EXAMPLE.com'), 'example.com');
assert.strictEqual(url.domainToASCII('1.2.3'), '1.2.0.3');
assert.strictEqual(url.domainToASCII('[::1]'), '[::1]');
assert.strictEqual(url.domainToASCII('a b'), '');
assert.strictEqual(url.domainToUnicode('xn--espaol-zwa.com'), 'español.com');
assert.strictEqual(url.domainToUnicode('xn--fiq228c.com'), '中文.com');
assert.strictEqual(url.domainToUnicode('xn--iñvalid.com'), '');
assert.strictEqual(url.domainToUnicode('ABC.com'), 'abc.com');
assert.throws(() => url.domainToASCII(), { code: 'ERR_MISSING_ARGS' });

// fileURLToPath / pathToFileURL
assert.strictEqual(url.fileURLToPath('file:///a/b%20c'), '/a/b c');
assert.strictEqual(url.fileURLToPath(new URL('file://localhost/x/%E2%82%AC')), '/x/€');
assert.strictEqual(url.fileURLToPath('file:///a/%2561'), '/a/%61');
assert.throws(() => url.fileURLToPath('file://host/a'), {
  code: 'ERR_INVALID_FILE_URL_HOST', message: 'File URL host must be "localhost" or empty on linux',
});
assert.throws(() => url.fileURLToPath('file:///a%2Fb'), {
  code: 'ERR_INVALID_FILE_URL_PATH', message: 'File URL path must not include encoded / characters',
});
assert.throws(() => url.fileURLToPath('http://a/'), {
  code: 'ERR_INVALID_URL_SCHEME', message: 'The URL must be of scheme file',
});
assert.throws(() => url.fileURLToPath(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "path" argument must be of type string or an instance of URL. Received type number (1)',
});
assert.throws(() => url.fileURLToPath('nope'), { code: 'ERR_INVALID_URL' });
assert.strictEqual(url.pathToFileURL('/a b/c#d?e%f\\g\n\t\r').href,
                   'file:///a%20b/c%23d%3Fe%25f%5Cg%0A%09%0D');
assert.strictEqual(url.pathToFileURL('/dir/').href, 'file:///dir/');
assert.strictEqual(url.pathToFileURL('/€/ü').href, 'file:///%E2%82%AC/%C3%BC');
assert.strictEqual(url.pathToFileURL('/a/../b/./c').href, 'file:///b/c');
assert.strictEqual(url.pathToFileURL('rel').href, new URL(`file://${process.cwd()}/rel`).href);
assert.ok(url.pathToFileURL('/x') instanceof URL);
assert.throws(() => url.pathToFileURL(1), { code: 'ERR_INVALID_ARG_TYPE' });

// urlToHttpOptions
assert.deepStrictEqual(url.urlToHttpOptions(new URL('https://a%20b:c%3Ad@[::1]:8080/p?q#h')), {
  __proto__: null,
  protocol: 'https:', hostname: '::1', hash: '#h', search: '?q', pathname: '/p', path: '/p?q',
  href: 'https://a%20b:c%3Ad@[::1]:8080/p?q#h', port: 8080, auth: 'a b:c:d',
});
assert.deepStrictEqual(url.urlToHttpOptions(new URL('http://x')), {
  __proto__: null,
  protocol: 'http:', hostname: 'x', hash: '', search: '', pathname: '/', path: '/',
  href: 'http://x/',
});
