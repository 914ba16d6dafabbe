'use strict';
// Entry point for `nodus` with no script on a TTY, `nodus -i` and
// `nodus -i -e CODE`: the code (if any) runs first, then the REPL on
// stdin/stdout. On a terminal: colours, previews, the history file
// (~/.nodus_repl_history, NODUS_REPL_HISTORY, NODE_REPL_HISTORY_SIZE).
// Otherwise (a pipe, TERM=dumb): plain lines, every input evaluated.

const { prepareMainThreadExecution } = require('internal/process/pre_execution');

const options = internalBinding('options');
prepareMainThreadExecution();

process.stdout.write(`Welcome to nodus ${process.versions.nodus ? `v${process.versions.nodus}` : ''}.\n` +
  'Type ".help" for more information.\n');

if (options.evalSource) {
  require('internal/process/evaluate').evalScript('[eval]', options.evalSource, false);
}

const path = require('path');
const os = require('os');
const repl = require('repl');

const terminal = !!process.stdin.isTTY && !!process.stdout.isTTY && process.env.TERM !== 'dumb';


let historySize = Number(process.env.NODE_REPL_HISTORY_SIZE);
if (!Number.isFinite(historySize) || historySize < 0) historySize = 1000;

const server = repl.start({
  prompt: '> ',
  input: process.stdin,
  output: process.stdout,
  terminal,
  useGlobal: true,
  ignoreUndefined: false,
  breakEvalOnSigint: true,  // Ctrl-C stops `while (true) {}`, as in node
  historySize,
});

if (terminal) {
  const file = process.env.NODUS_REPL_HISTORY !== undefined ? process.env.NODUS_REPL_HISTORY :
    path.join(os.homedir(), '.nodus_repl_history');
  if (file.trim() !== '') {
    server.setupHistory(file, (err) => {
      if (err) process.stderr.write(`Error: Could not open history file.\nREPL session history will not be persisted.\n`);
    });
  }
}

// An exception in a callback (a timer, a server) is reported and the session goes on.
process.setUncaughtExceptionCaptureCallback((err) => {
  server._printError(err);
  server.displayPrompt(true);
});

server.on('exit', () => {
  process.exit();
});
