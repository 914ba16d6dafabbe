'use strict';
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
let total = 0;
const until = Date.now() + 300;
while (Date.now() < until) total += fib(20);
globalThis.retained = { marker: ['heap', 'marker', 'nodus', 'e2e'].join('-'), total };
debugger;
console.log('worked', total > 0);
