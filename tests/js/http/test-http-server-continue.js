'use strict';
// Expect: 100-continue. With a 'checkContinue' listener the server decides
// (writeContinue, or a final answer without reading the body); without one
// node answers 100 Continue itself and emits 'request'. The client hears
// 'continue' and 'information' for the 100.
const assert = require('assert');
const http = require('http');
const common = require('../common');

function post(port, path, onContinue, cb) {
  const req = http.request({
    port, host: '127.0.0.1', path, method: 'POST', agent: false,
    headers: { 'Expect': '100-continue', 'Content-Length': 5 },
  }, cb);
  const seen = [];
  req.on('information', (info) => seen.push(`information ${info.statusCode} ${info.statusMessage}`));
  req.on('continue', () => {
    seen.push('continue');
    onContinue(req, seen);
  });
  return req;
}

function readAll(res, cb) {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (d) => { body += d; });
  res.on('end', () => cb(body));
}

// 1. checkContinue listener accepting.
const s1 = http.createServer(common.mustNotCall());
s1.on('checkContinue', common.mustCall((req, res) => {
  assert.strictEqual(req.headers.expect, '100-continue');
  res.writeContinue();
  readAll(req, (body) => res.end('got ' + body));
}));
s1.listen(0, '127.0.0.1', common.mustCall(() => {
  let seenRef;
  post(s1.address().port, '/a', common.mustCall((req, seen) => {
    seenRef = seen;
    req.end('hello');
  }), common.mustCall((res) => {
    assert.strictEqual(res.statusCode, 200);
    readAll(res, common.mustCall((body) => {
      assert.strictEqual(body, 'got hello');
      assert.deepStrictEqual(seenRef, ['continue', 'information 100 Continue']);
      s1.close();
    }));
  }));
}));

// 2. checkContinue listener refusing: no 100, a final 417 and no body read.
const s2 = http.createServer(common.mustNotCall());
s2.on('checkContinue', common.mustCall((req, res) => {
  res.writeHead(417);
  res.end();
}));
s2.listen(0, '127.0.0.1', common.mustCall(() => {
  post(s2.address().port, '/b', common.mustNotCall(), common.mustCall((res) => {
    assert.strictEqual(res.statusCode, 417);
    assert.strictEqual(res.headers.connection, 'close');
    res.resume();
    res.on('end', common.mustCall(() => s2.close()));
  }));
}));

// 3. No listener: automatic 100 Continue, then 'request'.
const s3 = http.createServer(common.mustCall((req, res) => {
  readAll(req, (body) => res.end('auto ' + body));
}));
s3.listen(0, '127.0.0.1', common.mustCall(() => {
  post(s3.address().port, '/c', common.mustCall((req) => req.end('world')),
       common.mustCall((res) => {
         readAll(res, common.mustCall((body) => {
           assert.strictEqual(body, 'auto world');
           s3.close();
         }));
       }));
}));

// 4. An expectation other than 100-continue: 417 unless 'checkExpectation'.
const s4 = http.createServer(common.mustNotCall());
s4.listen(0, '127.0.0.1', common.mustCall(() => {
  http.get({ port: s4.address().port, host: '127.0.0.1', agent: false,
             headers: { Expect: 'something' } }, common.mustCall((res) => {
    assert.strictEqual(res.statusCode, 417);
    res.resume();
    res.on('end', common.mustCall(() => s4.close()));
  }));
}));
const s5 = http.createServer(common.mustNotCall());
s5.on('checkExpectation', common.mustCall((req, res) => {
  assert.strictEqual(req.headers.expect, 'something');
  res.end('checked');
}));
s5.listen(0, '127.0.0.1', common.mustCall(() => {
  http.get({ port: s5.address().port, host: '127.0.0.1', agent: false,
             headers: { Expect: 'something' } }, common.mustCall((res) => {
    assert.strictEqual(res.statusCode, 200);
    readAll(res, common.mustCall((body) => {
      assert.strictEqual(body, 'checked');
      s5.close();
    }));
  }));
}));
