'use strict';
// Legacy url.parse / url.format / url.resolve corpus.
// `node gen-legacy.js > fixtures/legacy-corpus.json` records node's answers.
const { corpus } = require('./gen-corpus');

const extra = ['http://a b.com/x', 'http://a.com:/x', 'HTTP://X.com:8080', 'http://user:pass@host.com:8080/p/a/t/h?query=string#hash',
  '//some/path', '//user@host/p', 'mailto:user@example.com', 'javascript:alert("hi")', 'http://x.com/path?a=1&b=2&a=3',
  'http://[fe80::1%25eth0]:80/', 'http://[::1]/x', 'http://a\\b\\c?d\\e', 'http://a.com/\u00e9', 'http://ÜNÏCÖDE.com/',
  'http://xn--n3h.com/', 'http://a@b@c/', 'http://a%40b@c/', 'http://@/x', 'http://:80/', 'http://a:b:c@d/',
  'file:///etc/passwd', 'file://host/x', 'file:/x', 'file:x', 'a:b', 'A:B', 'HTTPS://A.B/C', 'svn+ssh://foo/bar',
  'http://x/\t\n y', ' \t http://x/ ', 'http://x.y.com+a/b', 'http://x_y.com/', 'http://-x.com/', 'http://x.com;y/',
  'http://x.com%20y/', "http://x'y/", 'http://x{y}/', 'http://www.ExAmPlE.com/%7Euser', '?q=1', '#h', '/p?q#h',
  'coap://[1080:0:0:0:8:800:200C:417A]:61616/', 'http://a.com?x', 'http://a.com#x', 'x://a.com', 'x:/a', 'x:a/b',
];
const resolveBases = ['http://a/b/c/d;p?q', 'http://example.com/', 'http://example.com/one/two', 'mailto:a@b.com',
  'file:///a/b', '/one/two/three', 'one/two', 'http://u:p@h.com/x', 'foo:bar/baz', 'http://x/y/'];
const resolveTargets = ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', ';x', '', '.', './', '..', '../',
  '../g', '../..', '../../g', '../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g', 'g/./h', 'g/../h',
  'http:g', 'http://other/x', 'https://s/', 'mailto:x@y', '//u@h2/p', 'file:///z', 'a:b', 'C:\\x', '\\\\srv\\s'];

function run(url) {
  const out = [];
  const inputs = corpus().inputs.concat(extra);
  for (const input of inputs) {
    for (const [pqs, sdh] of [[false, false], [true, false], [false, true]]) {
      let result;
      try {
        const u = url.parse(input, pqs, sdh);
        result = JSON.stringify(u);
      } catch (e) {
        result = `${e.name}:${e.code}`;
      }
      out.push(['parse', input, pqs, sdh, result]);
    }
  }
  for (const base of resolveBases) {
    for (const target of resolveTargets) {
      let result;
      try {
        result = url.resolve(base, target);
      } catch (e) {
        result = `${e.name}:${e.code}`;
      }
      out.push(['resolve', base, target, result]);
    }
  }
  const objects = [
    { protocol: 'http', host: 'a.com', pathname: 'x' }, { protocol: 'https:', hostname: 'b', port: 81, search: 'q=1', hash: 'h' },
    { hostname: '::1', port: '8' }, { protocol: 'file', pathname: '/x' }, { protocol: 'mailto', auth: 'a b', host: 'c' },
    { pathname: 'a?b#c', query: { x: [1, 2], y: 'z w' } }, { slashes: true, host: 'h', pathname: 'p' },
    { protocol: 'foo', host: 'h' }, { protocol: 'foo', pathname: '/x', slashes: true }, { auth: 'u:p@x', host: 'h' },
    { search: '?a#b' }, { href: 'ignored', pathname: '/p' }, {},
  ];
  for (const obj of objects) out.push(['format', JSON.stringify(obj), url.format(obj)]);
  for (const s of ['http://a.com/x?y#z', 'HTTP://A.COM', 'x']) out.push(['format', s, url.format(s)]);
  const w = new URL('https://u:p@xn--fiq228c.com:81/p?q#h');
  for (const opts of [undefined, {}, { fragment: false }, { unicode: true }, { search: false }, { auth: false }]) {
    out.push(['formatURL', JSON.stringify(opts), url.format(w, opts)]);
  }
  return out;
}

module.exports = { run };
if (require.main === module) process.stdout.write(`${JSON.stringify(run(require('url')))}\n`);
