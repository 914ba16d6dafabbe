'use strict';
// Setter corpus: each URL attribute set to tricky values on varied URLs.
// `node gen-setters.js > fixtures/setter-corpus.json` records node's answers.
const urls = ['http://u:p@a.com:8080/p/q?x=1#h', 'https://a/', 'file:///C:/x', 'file://host/x',
  'non-spec://h/p', 'non-spec:/p', 'data:text/plain,x', 'mailto:a@b', 'ws://a/', 'http://[::1]/',
  'sc:opaque  ?q#f'];
const values = {
  protocol: ['https', 'HTTP:', 'ftp', 'file', 'non-spec', 'ws:x', 'a b', '', 'x:y', 'mailto', 'git+ssh'],
  username: ['', 'user', 'us er', 'ü', 'a:b@c/d', '%40'],
  password: ['', 'pw', 'p w', ':@/', 'ö'],
  host: ['', 'b.com', 'b.com:81', 'B.COM:80', '[::2]:9', 'b.com:x', 'a b', 'ü.de', '1.2.3.4:', 'x/y', 'h?q',
    'h#f', 'b.com:', ':81', 'localhost', '0x7f.1'],
  hostname: ['', 'b.com', 'b.com:81', '[::2]', 'ÜB', 'a%20b', 'x/y', 'localhost', '255.255.255.256'],
  port: ['', '0', '80', '443', '8080', '65535', '65536', '12ab', 'ab', ' 8', '8 ', '-1', '021'],
  pathname: ['', '/', 'a/b', '/a/../b', '\\x\\y', '%2e', ' sp', '?q', '#f', 'ü', '/C|/x', '//x'],
  search: ['', '?', 'a=b', '??x', '#x', 'a b', "'", 'ü=1'],
  hash: ['', '#', 'x', '##y', 'a b`', 'ü'],
  href: ['http://new/', 'nope', '', 'file:x', 'non-spec:z?q'],
};

function run(URL) {
  const out = [];
  for (const href of urls) {
    for (const attr of Object.keys(values)) {
      for (const value of values[attr]) {
        const u = new URL(href);
        let result;
        try {
          u[attr] = value;
          result = u.href;
        } catch (e) {
          result = `${e.name}:${e.code}`;
        }
        out.push([href, attr, value, result]);
      }
    }
  }
  return out;
}

module.exports = { run };
if (require.main === module) process.stdout.write(`${JSON.stringify(run(URL))}\n`);
