#!/usr/bin/env nodus
'use strict';
// A tour of what `nodus` runs today: CommonJS modules, the event loop's
// ordering guarantees, timers, promises, events and process.

const path = require('path');
const { EventEmitter, once } = require('events');
const util = require('util');
const { Inventory } = require('./lib/inventory');
const config = require('./config.json');

const order = [];
setTimeout(() => order.push('timeout'), 0);
setImmediate(() => order.push('immediate'));
Promise.resolve().then(() => order.push('promise'));
process.nextTick(() => order.push('nextTick'));
queueMicrotask(() => order.push('microtask'));

async function main() {
  console.log(`${config.name} on ${process.release.name}-compatible nodus ${process.versions.nodus}` +
    ` (V8 ${process.versions.v8}, libuv ${process.versions.uv})`);
  console.log('script:', path.relative(process.cwd(), __filename), 'args:', process.argv.slice(2));

  const inventory = new Inventory();
  inventory.on('low', (item, count) => console.log(`low stock: ${item} (${count} left)`));
  for (const [item, count] of Object.entries(config.stock)) inventory.add(item, count);
  inventory.take('widgets', 8);

  await util.promisify(setTimeout)(10);
  console.log('event loop order:', order.join(' -> '));

  const ticker = new EventEmitter();
  const interval = setInterval(() => ticker.emit('tick', Date.now()), 5);
  const [when] = await once(ticker, 'tick');
  clearInterval(interval);
  console.log('a tick arrived:', typeof when === 'number');

  console.log(util.inspect({ stock: inventory.snapshot(), nested: { deep: { deeper: {} } } },
    { colors: process.stdout.isTTY }));
  console.table(Object.entries(inventory.snapshot()).map(([item, count]) => ({ item, count })));
}

process.on('exit', (code) => console.log(`exiting with code ${code}`));
main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
