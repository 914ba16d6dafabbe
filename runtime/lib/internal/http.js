'use strict';

// Helpers shared by the http modules: the cached Date header value and the
// symbols the classes keep their state under.

let dateCache;
let dateTimer;

function resetDate() {
  dateCache = undefined;
}

// The value of the Date header, recomputed at most once per second.
function utcDate() {
  if (dateCache === undefined) {
    dateCache = new Date().toUTCString();
    const ms = 1000 - new Date().getMilliseconds();
    dateTimer = setTimeout(resetDate, ms);
    if (dateTimer.unref) dateTimer.unref();
  }
  return dateCache;
}

module.exports = {
  kOutHeaders: Symbol('kOutHeaders'),
  kNeedDrain: Symbol('kNeedDrain'),
  utcDate,
};
