'use strict';
// Entry point for `nodus -c FILE`: compile as a CommonJS module, run nothing.

const path = require('path');
const { wrapSafe, stripShebang } = require('internal/modules/cjs/loader');

const options = internalBinding('options');
let filename;
let source;
if (options.script && options.script !== '-') {
  filename = path.resolve(options.script);
  const { checkResolution } = require('internal/modules/cjs/loader');
  filename = checkResolution(null, internalBinding('modules').resolveMain(filename, process.cwd()))[1];
  source = internalBinding('fs').readFileUtf8(filename);
} else {
  filename = '[stdin]';
  source = internalBinding('stdio').readStdin();
}
if (source.charCodeAt(0) === 0xFEFF) source = source.slice(1);
wrapSafe(filename, stripShebang(source));
