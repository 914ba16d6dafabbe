'use strict';
// process.env coerces assigned values to strings and supports delete and `in`.
const assert = require('assert');

assert.strictEqual(typeof process.env, 'object');
assert.strictEqual(typeof process.env.PATH, 'string');

const key = `NODUS_TEST_ENV_${process.pid}`;
assert.strictEqual(process.env[key], undefined);
assert.strictEqual(key in process.env, false);

process.env[key] = 1;
assert.strictEqual(process.env[key], '1');
assert.strictEqual(key in process.env, true);
assert.ok(Object.keys(process.env).includes(key));
assert.strictEqual(Object.prototype.hasOwnProperty.call(process.env, key), true);

process.env[key] = undefined;
assert.strictEqual(process.env[key], 'undefined');
process.env[key] = null;
assert.strictEqual(process.env[key], 'null');
process.env[key] = true;
assert.strictEqual(process.env[key], 'true');
process.env[key] = { toString() { return 'custom'; } };
assert.strictEqual(process.env[key], 'custom');
process.env[key] = '';
assert.strictEqual(process.env[key], '');
assert.strictEqual(key in process.env, true);
process.env[key] = 'a=b c\u00e9';
assert.strictEqual(process.env[key], 'a=b c\u00e9');
assert.throws(() => { process.env[key] = Symbol('s'); }, TypeError);

assert.strictEqual(delete process.env[key], true);
assert.strictEqual(process.env[key], undefined);
assert.strictEqual(key in process.env, false);
// Deleting a missing key is fine too.
assert.strictEqual(delete process.env[key], true);

// JSON/spread see plain string values.
process.env[key] = 42;
const copy = { ...process.env };
assert.strictEqual(copy[key], '42');
assert.strictEqual(JSON.parse(JSON.stringify(process.env))[key], '42');
delete process.env[key];
