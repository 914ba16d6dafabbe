'use strict';
let x = 41;
x++;
debugger;
console.log('x is', x);
