'use strict';
// console.table draws node's box-drawing tables.
const assert = require('assert');
const { Console } = require('console');
const EventEmitter = require('events');

const stream = new EventEmitter();
stream.data = '';
stream.write = (chunk) => { stream.data += chunk; return true; };
const c = new Console(stream);

function table(...args) {
  stream.data = '';
  c.table(...args);
  return stream.data;
}

assert.strictEqual(table([{ a: 1, b: 'x' }, { a: 2, c: true }]), `\
┌─────────┬───┬─────┬──────┐
│ (index) │ a │ b   │ c    │
├─────────┼───┼─────┼──────┤
│ 0       │ 1 │ 'x' │      │
│ 1       │ 2 │     │ true │
└─────────┴───┴─────┴──────┘
`);

assert.strictEqual(table([[1, 2], [3]]), `\
┌─────────┬───┬───┐
│ (index) │ 0 │ 1 │
├─────────┼───┼───┤
│ 0       │ 1 │ 2 │
│ 1       │ 3 │   │
└─────────┴───┴───┘
`);

assert.strictEqual(table({ r1: { c: 1 }, r2: 5 }), `\
┌─────────┬───┬────────┐
│ (index) │ c │ Values │
├─────────┼───┼────────┤
│ r1      │ 1 │        │
│ r2      │   │ 5      │
└─────────┴───┴────────┘
`);

assert.strictEqual(table([1, 's']), `\
┌─────────┬────────┐
│ (index) │ Values │
├─────────┼────────┤
│ 0       │ 1      │
│ 1       │ 's'    │
└─────────┴────────┘
`);

assert.strictEqual(table([{ a: 1, b: 2 }], ['a']), `\
┌─────────┬───┐
│ (index) │ a │
├─────────┼───┤
│ 0       │ 1 │
└─────────┴───┘
`);

assert.strictEqual(table(new Map([['k', { v: 1 }]])), `\
┌───────────────────┬─────┬──────────┐
│ (iteration index) │ Key │ Values   │
├───────────────────┼─────┼──────────┤
│ 0                 │ 'k' │ { v: 1 } │
└───────────────────┴─────┴──────────┘
`);

assert.strictEqual(table(new Set([1, 2])), `\
┌───────────────────┬────────┐
│ (iteration index) │ Values │
├───────────────────┼────────┤
│ 0                 │ 1      │
│ 1                 │ 2      │
└───────────────────┴────────┘
`);

assert.strictEqual(table([{ a: 'long value here', b: { x: [1, 2] } }]), `\
┌─────────┬───────────────────┬────────────────┐
│ (index) │ a                 │ b              │
├─────────┼───────────────────┼────────────────┤
│ 0       │ 'long value here' │ { x: [Array] } │
└─────────┴───────────────────┴────────────────┘
`);

assert.strictEqual(table([]), `\
┌─────────┐
│ (index) │
├─────────┤
└─────────┘
`);

// Wide characters count two columns.
assert.strictEqual(table([{ k: '漢字' }]), `\
┌─────────┬────────┐
│ (index) │ k      │
├─────────┼────────┤
│ 0       │ '漢字' │
└─────────┴────────┘
`);

// Non-objects are logged as is.
assert.strictEqual(table(5), '5\n');
assert.strictEqual(table('s'), 's\n');
