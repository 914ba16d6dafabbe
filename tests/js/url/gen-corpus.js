'use strict';
// Generates the URL corpus: tricky inputs, each parsed against a few bases.
// `node gen-corpus.js > fixtures/url-corpus.json` records node's answers
// (the oracle); test-url-corpus.js replays them.
function corpus() {
  const inputs = [
    '', ' ', 'http://example.com', 'HTTP://EXAMPLE.COM/', 'http://example.com:80/', 'https://a:443/',
    'http://a:8080', 'http://a:0/', 'http://a:65535', 'http://a:65536', 'http://a:-1', 'http://a:b',
    'http://a:00080/', 'ws://a:80/', 'wss://a:443/', 'ftp://a:21/', 'ftp://a:22/', 'file://a:1/',
    'http://user:pass@host/', 'http://user@host', 'http://:pass@host', 'http://@host', 'http://a@b@c/',
    'http://u:p:q@h/', 'http://us%20er:pa ss@h/', 'http://ü:ö@h/', 'http://[::1]/', 'http://[::]/',
    'http://[1:0:0:0:0:0:0:1]/', 'http://[1:0:0:2:0:0:0:1]/', 'http://[0:0:1:0:0:0:0:0]', 'http://[::ffff:1.2.3.4]/',
    'http://[::1.2.3.4]', 'http://[1::2::3]', 'http://[1:2:3:4:5:6:7:8:9]', 'http://[::1', 'http://[g::1]',
    'http://[1:2:3:4:5:6:7::]', 'http://[::1.2.3]', 'http://[::1.2.3.256]', 'http://[::01.2.3.4]',
    'http://1.2.3.4/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://2130706433/', 'http://4294967295/',
    'http://4294967296/', 'http://1.2.3.4.5/', 'http://1.2.3.4./', 'http://1.2.3/', 'http://1.256/',
    'http://256.1.1.1/', 'http://0x/', 'http://0x100000000/', 'http://09/', 'http://1.2.3.09/', 'http://foo.09/',
    'http://foo.0x/', 'http://a.b.c.1/', 'http://1.2.3.4.foo/', 'http://foo.1a/', 'http://%30.0.0.1/',
    'http://faß.de/', 'http://Ünicode.com/', 'http://xn--nxasmq6b.com/', 'http://xn--a.com/', 'http://xn--/',
    'http://日本語.jp/', 'http://a.b-.c/', 'http://-a.b/', 'http://ab--cd.ef/', 'http://a..b/', 'http://.a/',
    'http://a./', 'http://%41.com/', 'http://%zz/', 'http://a%2eb/', 'http://a b/', 'http://a<b/',
    'http://a^b/', 'http://a|b/', 'http://a%00b/', 'http://\u00ad/', 'http://a\u200db/', 'http://ＡＢＣ.com/',
    'http://example.com./', 'http://example.com../', 'http:/example.com/', 'http:example.com/',
    'http:\\\\example.com\\a\\b', 'http:///example.com', 'http:////example.com', 'https:\\/x/y',
    'http://a/b/c/../../d', 'http://a/b/c/./d', 'http://a/%2e/b', 'http://a/%2E%2e/b', 'http://a/.%2e/b',
    'http://a/b/..', 'http://a/b/.', 'http://a/b/%2e', 'http://a/..', 'http://a/../../..', 'http://a/b/c/..%2f',
    'http://a/ sp ace', 'http://a/"quote"', 'http://a/<>`{}|^', 'http://a/%zz', 'http://a/ü', 'http://a/\ud83d\ude00',
    'http://a/\ud800', 'http://a/\t\nb\r', '  http://a/  ', '\u0000http://a/\u001f', 'http://a/?q=1 2', 'http://a/?q=\'x\'',
    'http://a/?q="<>#frag', 'http://a/?ü', 'http://a/#ü', 'http://a/#a#b', 'http://a/#`x`', 'http://a/?#',
    'http://a?b', 'http://a#b', 'non-spec:/a/../b', 'non-spec://h/a/./b', 'non-spec:opaque path',
    'non-spec:opaque/../x', 'non-spec:  x  ?q', 'non-spec://u:p@h:99/p', 'non-spec://h:x/', 'non-spec://[::1]/',
    'non-spec://a b/', 'non-spec://a%20b/', 'non-spec://ÜÖ/', 'non-spec://a^b/', 'non-spec:/.//p',
    'non-spec:/..//p', 'non-spec:', 'non-spec:?q', 'non-spec:#f', 'non-spec://', 'non-spec:///', 'sc://ñ.test/',
    'mailto:User@Example.COM', 'javascript:alert(1)', 'data:text/plain,hi there', 'data:,a%20b', 'about:blank',
    'blob:https://a.com/uuid', 'blob:http://a:8080/x', 'blob:ftp://a/x', 'blob:null/x', 'blob:file:///x',
    'urn:isbn:0451450523', 'tel:+1-555', 'git+ssh://git@github.com/a/b.git', 'a+b.c-d://x/', '1http://a/',
    'file:///etc/passwd', 'file://localhost/etc', 'file://LOCALHOST/etc', 'file://host/share', 'file:/a/b',
    'file:a/b', 'file:', 'file://', 'file:///', 'file:///C:/a/../..', 'file:///C|/x', 'file://C:/x',
    'file:/C|/x', 'file:C:/x', 'file:..', 'file:///a/../../b', 'file://h/C:/../x', 'file:\\\\h\\x',
    'file:///%2e%2e/x', 'file://[::1]/x', 'file://1.2.3.4/x', 'file://0x7f.1/x', 'file://ü/x', 'file:?q#f',
    '//a/b', '/a/b', 'a/b', '../a', './a', '?q', '#f', '', '.', '..', '\\x', '\\\\x\\y', '//', '///x',
    'C:/x', 'C|\\x', '/C:/x', 'http:', 'https:', 'http:/', 'http:#x', 'http:?x', 'http://', 'http:///',
    'https://@', 'https://:@a', 'https://a:@b', 'ws:x', 'wss://x/y?z#w', 'HtTpS://ExAmPlE.CoM:443/Path',
    'http://a/b?c=d&e=f+g&h=%20#i', 'http://a/b/c/d;p?q', 'g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y',
    '#s', 'g#s', 'g?y#s', ';x', 'g;x', 'g;x?y#s', '../g', '../..', '../../', '../../g', '../../../g',
    '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g', './g/.', 'g/./h', 'g/../h', 'http:g',
  ];
  const bases = [undefined, 'http://a/b/c/d;p?q', 'file:///C:/dir/file', 'non-spec:/p/q', 'about:blank',
    'http://u:p@h:99/x?y#z', 'file://host/dir/'];
  return { inputs, bases };
}

const props = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
  'pathname', 'search', 'hash'];

function run(URL) {
  const { inputs, bases } = corpus();
  const out = [];
  for (const base of bases) {
    for (const input of inputs) {
      let result;
      try {
        const u = base === undefined ? new URL(input) : new URL(input, base);
        result = props.map((p) => u[p]);
        result.push(JSON.stringify([...u.searchParams]));
      } catch (e) {
        result = `${e.name}:${e.code}`;
      }
      out.push([input, base === undefined ? null : base, result]);
    }
  }
  return out;
}

module.exports = { corpus, run, props };
if (require.main === module) {
  process.stdout.write(`${JSON.stringify(run(URL))}\n`);
}
