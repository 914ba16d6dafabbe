'use strict';
// IPC between runtimes: the channel is found through NODE_CHANNEL_FD and
// speaks Node's JSON framing, so a parent and child of different runtimes
// (nodus and node) talk. This runtime forks the other one (node from PATH
// under nodus; under node both are node), which forks this one back.
const assert = require('assert');
const path = require('path');
const common = require('../common');
const { fork, spawnSync } = require('child_process');

const fixture = path.join(__dirname, 'fixtures', 'ipc-child.js');
const guard = setTimeout(() => { throw new Error('test timed out'); }, 20000);
guard.unref();

const other = common.runtimeName() === 'nodus' ? 'node' : process.execPath;
if (spawnSync(other, ['-e', '0']).status !== 0) {
  console.log(`skipped: ${other} cannot run`);
  return;
}

const messages = [
  'text', 42, true, null, [1, [2, { three: 3 }]], { nested: { unicode: 'ü😀', list: [] } },
  'x'.repeat(200000),
];
const child = fork(fixture, ['relay', process.execPath], { execPath: other });
const got = [];
child.on('message', (message) => {
  got.push(message);
  if (got.length === messages.length) child.send({ exit: 9 });
});
for (const message of messages) child.send(message);
child.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 9);
  assert.deepStrictEqual(got, messages.map((relayed) => ({ relayed })));
}));
