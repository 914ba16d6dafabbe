'use strict';
// captureRejections routes rejected listener promises to 'error' or to
// Symbol.for('nodejs.rejection').
const assert = require('assert');
const EventEmitter = require('events');
const common = require('../common');

assert.strictEqual(EventEmitter.captureRejections, false);
assert.throws(() => { EventEmitter.captureRejections = 1; }, {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "EventEmitter.captureRejections" property must be of type boolean. ' +
    'Received type number (1)',
});
assert.throws(() => new EventEmitter({ captureRejections: 1 }), {
  message: 'The "options.captureRejections" property must be of type boolean. ' +
    'Received type number (1)',
});

const e = new EventEmitter({ captureRejections: true });
const boom = new Error('boom');
e.on('something', async () => { throw boom; });
e.on('error', common.mustCall((err) => assert.strictEqual(err, boom)));
e.emit('something');

const r = new EventEmitter({ captureRejections: true });
r[Symbol.for('nodejs.rejection')] = common.mustCall((err, type, ...args) => {
  assert.strictEqual(err, boom);
  assert.strictEqual(type, 'ev');
  assert.deepStrictEqual(args, [1, 2]);
});
r.on('ev', async () => { throw boom; });
r.emit('ev', 1, 2);
