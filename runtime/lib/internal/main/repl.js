'use strict';
// The REPL is a separate piece of work (repl/); until it lands, say so.
const error = new Error('The nodus REPL is not implemented yet');
error.code = 'ERR_NOT_IMPLEMENTED';
throw error;
