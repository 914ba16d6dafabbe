'use strict';
// Legacy alias Node still exports.

module.exports = require('internal/streams/duplex');
