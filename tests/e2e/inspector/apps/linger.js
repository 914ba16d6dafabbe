'use strict';
// Runs for a bounded time so clients can attach to a running program.
console.log('lingering');
setTimeout(() => console.log('done lingering'), 15000);
