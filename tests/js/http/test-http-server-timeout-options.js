'use strict';
// Validation and defaults of the server's timeout options.
const assert = require('assert');
const http = require('http');

const s = http.createServer();
assert.strictEqual(s.requestTimeout, 300000);
assert.strictEqual(s.headersTimeout, 60000);
assert.strictEqual(s.keepAliveTimeout, 5000);
assert.strictEqual(s.connectionsCheckingInterval, 30000);
assert.strictEqual(s.timeout, 0);
assert.strictEqual(s.maxHeadersCount, null);
assert.strictEqual(s.maxRequestsPerSocket, 0);

const s2 = http.createServer({ requestTimeout: 1000 });
assert.strictEqual(s2.headersTimeout, 1000);
const s3 = http.createServer({ requestTimeout: 0 });
assert.strictEqual(s3.headersTimeout, 0);

assert.throws(() => http.createServer({ headersTimeout: 2000, requestTimeout: 1000 }), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "headersTimeout" is out of range. It must be <= requestTimeout. ' +
    'Received 2000',
});
assert.throws(() => http.createServer({ headersTimeout: -1 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => http.createServer({ requestTimeout: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => http.createServer({ connectionsCheckingInterval: 1.5 }),
              { code: 'ERR_OUT_OF_RANGE' });

const s4 = http.createServer();
assert.strictEqual(s4.setTimeout(123), s4);
assert.strictEqual(s4.timeout, 123);
let called = 0;
s4.setTimeout(10, () => called++);
assert.strictEqual(s4.listenerCount('timeout'), 1);
assert.strictEqual(called, 0);
