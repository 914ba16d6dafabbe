'use strict';
// Entry point for `nodus -e CODE` and `nodus -p CODE`.

const { prepareMainThreadExecution } = require('internal/process/pre_execution');
const { evalScript } = require('internal/process/evaluate');

const options = internalBinding('options');
prepareMainThreadExecution();
evalScript('[eval]', options.evalSource, options.printEval);
