'use strict';
// What `process.version` and `process.versions` report. nodus implements
// Node 20's API, so process.version names that API level; process.versions
// adds nodus's own version and the libraries really linked.

const processMethods = internalBinding('process_methods');

const NODE_COMPAT_VERSION = '20.11.1';
const NODUS_VERSION = processMethods.versions().nodus;

function versions() {
  const native = processMethods.versions();
  return {
    node: NODE_COMPAT_VERSION,
    nodus: native.nodus,
    v8: native.v8,
    uv: native.uv,
    modules: '115',
  };
}

function arch() {
  return 'x64';
}

module.exports = { NODE_COMPAT_VERSION, NODUS_VERSION, versions, arch };
