'use strict';
exports.twice = function twice(n) {
  const doubled = n * 2;
  return doubled;
};
