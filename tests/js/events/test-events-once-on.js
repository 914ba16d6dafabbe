'use strict';
// events.once (promise) and events.on (async iterator), with AbortSignal.
const assert = require('assert');
const EventEmitter = require('events');
const { once, on } = EventEmitter;

(async () => {
  const e = new EventEmitter();
  process.nextTick(() => e.emit('ready', 1, 2));
  assert.deepStrictEqual(await once(e, 'ready'), [1, 2]);
  assert.strictEqual(e.listenerCount('error'), 0);

  // Rejects on 'error' and removes its listener.
  process.nextTick(() => e.emit('error', new Error('bad')));
  await assert.rejects(once(e, 'ready'), { message: 'bad' });
  assert.strictEqual(e.listenerCount('ready'), 0);

  // once(e, 'error') resolves with the error.
  process.nextTick(() => e.emit('error', new Error('x')));
  const [err] = await once(e, 'error');
  assert.strictEqual(err.message, 'x');

  // Already aborted signal.
  const aborted = AbortSignal.abort();
  await assert.rejects(once(e, 'ready', { signal: aborted }), (er) => {
    assert.strictEqual(er.name, 'AbortError');
    assert.strictEqual(er.code, 'ABORT_ERR');
    assert.strictEqual(er.message, 'The operation was aborted');
    assert.strictEqual(er.cause, aborted.reason);
    return true;
  });
  // Aborted later.
  const ac = new AbortController();
  const p = once(e, 'ready', { signal: ac.signal });
  ac.abort();
  await assert.rejects(p, { name: 'AbortError' });
  assert.strictEqual(e.listenerCount('ready'), 0);

  await assert.rejects(once(e, 'ready', { signal: 1 }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.signal" property must be an instance of AbortSignal. ' +
      'Received type number (1)',
  });

  // once on an EventTarget resolves with [event].
  const et = new EventTarget();
  process.nextTick(() => et.dispatchEvent(new Event('ping')));
  const [ev] = await once(et, 'ping');
  assert.strictEqual(ev.type, 'ping');

  // on(): values are argument arrays; 'error' ends the iteration with a throw.
  const it = new EventEmitter();
  process.nextTick(() => {
    it.emit('data', 1);
    it.emit('data', 2, 3);
    it.emit('error', new Error('stop'));
  });
  const values = [];
  await assert.rejects(async () => {
    for await (const v of on(it, 'data')) values.push(v);
  }, { message: 'stop' });
  assert.deepStrictEqual(values, [[1], [2, 3]]);
  assert.strictEqual(it.listenerCount('data'), 0);
  assert.strictEqual(it.listenerCount('error'), 0);

  // break ends the iterator and removes listeners.
  const br = new EventEmitter();
  process.nextTick(() => br.emit('x', 'a'));
  for await (const v of on(br, 'x')) {
    assert.deepStrictEqual(v, ['a']);
    break;
  }
  assert.strictEqual(br.listenerCount('x'), 0);

  // Abort while iterating.
  const ac2 = new AbortController();
  const ab = new EventEmitter();
  process.nextTick(() => ac2.abort());
  await assert.rejects(async () => {
    for await (const v of on(ab, 'x', { signal: ac2.signal })) assert.fail(String(v));
  }, { name: 'AbortError' });
  assert.throws(() => on(ab, 'x', { signal: AbortSignal.abort() }), { name: 'AbortError' });
  done = true;
})().then(() => {}, (err) => { console.error(err); process.exit(1); });

let done = false;
process.on('exit', () => assert.ok(done, 'test did not finish'));
