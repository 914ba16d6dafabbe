'use strict';
// node:cluster. A process started by cluster.fork() finds NODE_UNIQUE_ID in
// its environment (the IPC channel set it up as a worker before user code
// ran, see internal/cluster/child); every other process is a primary.

const child = require('internal/cluster/child');

module.exports = child.isSetUp() ? child.cluster : require('internal/cluster/primary');
