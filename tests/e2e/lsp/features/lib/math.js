'use strict';
/** Adds two numbers. */
function add(a, b) {
  return a + b;
}
function square(x) {
  return x * x;
}
module.exports = { add, square };
