'use strict';
// Entry point for `nodus - < file` (and no script with stdin not a TTY).

const { prepareMainThreadExecution } = require('internal/process/pre_execution');
const { evalScript } = require('internal/process/evaluate');

prepareMainThreadExecution('-');
process.argv.splice(1, 1, '-');
const source = internalBinding('stdio').readStdin();
evalScript('[stdin]', require('internal/modules/cjs/loader').stripShebang(source),
  internalBinding('options').printEval);
