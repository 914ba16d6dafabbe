'use strict';
// node:inspector/promises: node:inspector with a Session whose post()
// returns a promise (argument errors reject it, as node's promisified post).

const inspector = require('inspector');

class Session extends inspector.Session {
  post(method, params) {
    return new Promise((resolve, reject) => {
      const settle = (error, result) => {
        if (error) reject(error);
        else resolve(result);
      };
      super.post(method, params, settle);
    });
  }
}

module.exports = {
  open: inspector.open,
  close: inspector.close,
  url: inspector.url,
  waitForDebugger: inspector.waitForDebugger,
  console: inspector.console,
  Session,
  Network: inspector.Network,
};
