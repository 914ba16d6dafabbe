'use strict';
// fork() with serialization: 'advanced' (V8's serializer on the wire): Maps,
// BigInts, Dates, Buffers and typed arrays survive the round trip, with a
// child of this runtime and with node as the child (the wire format is node's).
const assert = require('assert');
const { fork } = require('child_process');
const common = require('../common');

if (process.argv[2] === 'child') {
  process.on('message', (message) => {
    process.send({ echo: message, isBuffer: Buffer.isBuffer(message.buffer) });
    if (message.last) process.disconnect();
  });
  return;
}

const value = {
  map: new Map([[1, { nested: [true, null] }]]),
  set: new Set(['a']),
  big: 2n ** 70n,
  date: new Date(86400000),
  buffer: Buffer.from('héllo'),
  u16: new Uint16Array([1, 65535]),
  text: 'ü😀'.repeat(1000),
  regexp: /x+/gi,
};

function roundTrip(execPath, done) {
  const child = fork(__filename, ['child'], { serialization: 'advanced', execPath });
  const answers = [];
  child.on('message', (message) => answers.push(message));
  child.send(value);
  child.send({ last: true, buffer: 'not a buffer' });
  child.on('exit', common.mustCall((code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(answers.length, 2);
    const [first, second] = answers;
    assert.deepStrictEqual(first.echo.map, value.map);
    assert.deepStrictEqual(first.echo.set, value.set);
    assert.strictEqual(first.echo.big, value.big);
    assert.strictEqual(first.echo.date.getTime(), value.date.getTime());
    assert.strictEqual(first.isBuffer, true);
    assert.ok(Buffer.isBuffer(first.echo.buffer));
    assert.strictEqual(first.echo.buffer.toString(), 'héllo');
    assert.deepStrictEqual(Array.from(first.echo.u16), [1, 65535]);
    assert.ok(first.echo.u16 instanceof Uint16Array);
    assert.strictEqual(first.echo.text, value.text);
    assert.strictEqual(String(first.echo.regexp), '/x+/gi');
    assert.strictEqual(second.isBuffer, false);
    done();
  }));
}

// This runtime as the child, then node (the other side of the interop).
roundTrip(process.execPath, () => roundTrip(process.env.NODE_BINARY || 'node', () => {}));
