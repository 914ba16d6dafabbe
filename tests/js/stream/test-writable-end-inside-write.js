'use strict';
// end() called from inside _write before its callback (ws's Receiver does
// this on a close frame) still finishes the stream.
const assert = require('assert');
const { Writable } = require('stream');
const common = require('../common');

const events = [];
const w = new Writable({
  write(chunk, encoding, callback) {
    if (String(chunk) === 'close') this.end();
    callback();
  },
});
w.on('finish', common.mustCall(() => events.push('finish')));
w.on('close', common.mustCall(() => {
  events.push('close');
  assert.deepStrictEqual(events, ['finish', 'close']);
  assert.strictEqual(w.writableFinished, true);
}));
w.write('a');
w.write('close');
