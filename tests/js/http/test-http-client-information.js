'use strict';
// 1xx responses reach the client as 'information' before 'response'
// (writeProcessing, writeEarlyHints, a raw 1xx), never as 'response'.
const assert = require('assert');
const http = require('http');
const common = require('../common');

const server = http.createServer(common.mustCall((req, res) => {
  res.writeProcessing();
  res.writeEarlyHints({ link: ['</a.css>; rel=preload', '</b.js>; rel=preload'], 'x-hint': 'h' });
  res.end('final');
}));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const seen = [];
  const req = http.get({ port: server.address().port, host: '127.0.0.1', agent: false },
                       common.mustCall((res) => {
                         seen.push(`response ${res.statusCode}`);
                         res.setEncoding('utf8');
                         let body = '';
                         res.on('data', (d) => { body += d; });
                         res.on('end', common.mustCall(() => {
                           assert.strictEqual(body, 'final');
                           assert.deepStrictEqual(seen, [
                             'information 102 Processing',
                             'information 103 Early Hints', 'response 200',
                           ]);
                           server.close();
                         }));
                       }));
  req.on('information', (info) => {
    seen.push(`information ${info.statusCode} ${info.statusMessage}`);
    assert.strictEqual(info.httpVersion, '1.1');
    assert.strictEqual(info.httpVersionMajor, 1);
    assert.strictEqual(info.httpVersionMinor, 1);
    if (info.statusCode === 103) {
      assert.deepStrictEqual(info.headers, {
        link: '</a.css>; rel=preload, </b.js>; rel=preload', 'x-hint': 'h',
      });
      assert.deepStrictEqual(info.rawHeaders, [
        'Link', '</a.css>; rel=preload, </b.js>; rel=preload', 'x-hint', 'h',
      ]);
    }
  });
}));
