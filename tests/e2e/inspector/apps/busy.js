'use strict';
globalThis.stop = false;
let spins = 0;
console.log('spinning');
while (!globalThis.stop) {
  spins++;
}
console.log('stopped after', spins > 0 ? 'some spins' : 'no spins');
