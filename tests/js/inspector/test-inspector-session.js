'use strict';
// node:inspector's Session over an in-process connection: connect, post
// (synchronous callbacks, argument checks, protocol errors), notifications as
// events, Debugger.paused resumed from its listener, scriptParsed with
// file:// urls, disconnect answering pending commands.
const common = require('../common');
const assert = require('assert');
const path = require('path');
const url = require('url');
const inspector = require('inspector');

assert.deepStrictEqual(Object.keys(inspector).slice(0, 6),
  ['open', 'close', 'url', 'waitForDebugger', 'console', 'Session']);
assert.ok(new inspector.Session() instanceof require('events'));
// No visible state beyond EventEmitter's (node keeps it in private fields).
assert.deepStrictEqual(Object.keys(new inspector.Session()),
  ['_events', '_eventsCount', '_maxListeners']);

const session = new inspector.Session();
assert.throws(() => session.post('Runtime.evaluate'), {
  code: 'ERR_INSPECTOR_NOT_CONNECTED', name: 'Error', message: 'Session is not connected',
});
session.connect();
assert.throws(() => session.connect(), {
  code: 'ERR_INSPECTOR_ALREADY_CONNECTED',
  message: 'The inspector session is already connected',
});
assert.throws(() => session.connectToMainThread(), {
  code: 'ERR_INSPECTOR_NOT_WORKER', message: 'Current thread is not a worker',
});
assert.throws(() => session.post(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "method" argument must be of type string. Received type number (1)',
});
assert.throws(() => session.post('Runtime.evaluate', 1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => session.post('Runtime.evaluate', []), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => session.post('Runtime.evaluate', {}, 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "callback" argument must be of type function. Received type number (1)',
});

// Runtime.evaluate answers synchronously, inside post().
let returned = false;
session.post('Runtime.evaluate', { expression: '6 * 7' }, common.mustCall((err, result) => {
  assert.strictEqual(returned, false);
  assert.strictEqual(err, null);
  assert.deepStrictEqual(result, { result: { type: 'number', value: 42, description: '42' } });
}));
returned = true;
session.post('Runtime.evaluate', { expression: '({ a: [1, "x"] })', returnByValue: true },
  common.mustCall((err, result) => {
    assert.deepStrictEqual(result.result.value, { a: [1, 'x'] });
  }));
session.post('Runtime.evaluate', { expression: 'throw new RangeError("nope")' },
  common.mustCall((err, result) => {
    assert.strictEqual(err, null);
    assert.strictEqual(result.exceptionDetails.exception.className, 'RangeError');
  }));
// Callback-less and params-less forms.
session.post('Runtime.evaluate', { expression: '1' });
session.post('Runtime.evaluate', null, common.mustCall());
session.post('Schema.getDomains', common.mustCall((err, result) => {
  assert.ok(result.domains.some((d) => d.name === 'Debugger'));
}));

// Protocol errors: ERR_INSPECTOR_COMMAND with the protocol's code.
session.post('Nope.method', common.mustCall((err, result) => {
  assert.strictEqual(result, undefined);
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 'ERR_INSPECTOR_COMMAND');
  assert.strictEqual(err.name, 'Error');
  assert.strictEqual(err.message, "Inspector error -32601: 'Nope.method' wasn't found");
}));

// Notifications: the method's own event first, then inspectorNotification.
const order = [];
session.once('Runtime.executionContextCreated', common.mustCall((message) => {
  assert.deepStrictEqual(Object.keys(message), ['method', 'params']);
  assert.strictEqual(message.params.context.auxData.isDefault, true);
  order.push('specific');
}));
const onNotification = (message) => {
  if (message.method === 'Runtime.executionContextCreated') order.push('generic');
};
session.on('inspectorNotification', onNotification);
session.post('Runtime.enable', common.mustCall((err) => assert.strictEqual(err, null)));
session.off('inspectorNotification', onNotification);
assert.deepStrictEqual(order, ['specific', 'generic']);

// Runtime.consoleAPICalled for console.log while Runtime is enabled.
const logged = [];
const onConsole = (message) => logged.push(message.params);
session.on('Runtime.consoleAPICalled', onConsole);
const write = process.stdout.write;
let written = '';
process.stdout.write = (chunk) => { written += chunk; return true; };
try {
  console.log('to the inspector', 7);
  // inspector.console is V8's own: it reaches the session, never stdout.
  inspector.console.warn('only to the inspector');
} finally {
  process.stdout.write = write;
}
session.off('Runtime.consoleAPICalled', onConsole);
assert.strictEqual(written, 'to the inspector 7\n');
assert.strictEqual(logged.length, 2);
assert.strictEqual(logged[0].type, 'log');
assert.deepStrictEqual(logged[0].args.map((a) => a.value), ['to the inspector', 7]);
assert.strictEqual(logged[1].type, 'warning');
assert.deepStrictEqual(logged[1].args.map((a) => a.value), ['only to the inspector']);

// Debugger.scriptParsed carries file:// urls for required modules.
const fixture = path.join(__dirname, 'fixtures', 'parsed-module.js');
const parsed = [];
const onParsed = (message) => parsed.push(message.params.url);
session.on('Debugger.scriptParsed', onParsed);
session.post('Debugger.enable', common.mustCall((err, result) => {
  assert.strictEqual(err, null);
  assert.strictEqual(typeof result.debuggerId, 'string');
}));
require(fixture);
session.off('Debugger.scriptParsed', onParsed);
assert.ok(parsed.includes(url.pathToFileURL(fixture).href), parsed.join('\n'));

// debugger; pauses; resuming from the listener continues synchronously.
let paused = 0;
session.on('Debugger.paused', (message) => {
  paused++;
  assert.strictEqual(message.params.reason, 'other');
  const frame = message.params.callFrames[0];
  session.post('Debugger.evaluateOnCallFrame',
    { callFrameId: frame.callFrameId, expression: 'local + 1' },
    common.mustCall((err, result) => assert.strictEqual(result.result.value, 11)));
  session.post('Debugger.resume');
});
(function pauseHere() {
  const local = 10; // eslint-disable-line no-unused-vars
  debugger; // eslint-disable-line no-debugger
})();
assert.strictEqual(paused, 1);
session.post('Debugger.disable');

// A command still pending at disconnect gets an error, and the session can
// connect again.
session.post('Runtime.evaluate',
  { expression: 'new Promise((resolve) => setTimeout(resolve, 10000))', awaitPromise: true },
  common.mustCall((err) => {
    assert.ok(err instanceof Error);
    // V8 answers it while the session closes (node's message too).
    assert.strictEqual(err.code, 'ERR_INSPECTOR_COMMAND');
    assert.match(err.message, /^Inspector error -32000: /);
  }));
session.disconnect();
session.disconnect();
assert.throws(() => session.post('Runtime.evaluate'), { code: 'ERR_INSPECTOR_NOT_CONNECTED' });
session.connect();
session.post('Runtime.evaluate', { expression: '"again"' }, common.mustCall((err, result) => {
  assert.strictEqual(result.result.value, 'again');
}));

// A throwing callback becomes a warning, not an exception out of post().
process.once('warning', common.mustCall((warning) => {
  assert.strictEqual(warning.message, 'thrown in a callback');
}));
session.post('Runtime.evaluate', { expression: '1' }, () => {
  throw new Error('thrown in a callback');
});
// The connected session does not hold the process open (the test exits).
