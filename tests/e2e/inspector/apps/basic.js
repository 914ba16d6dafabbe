'use strict';
function add(a, b) {
  const sum = a + b;
  return sum;
}
function outer() {
  const local = 'outer-value';
  const r = add(2, 3);
  return local + r;
}
const result = outer();
console.log('result', result);
