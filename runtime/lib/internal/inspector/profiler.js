'use strict';
// --cpu-prof and --heap-prof: V8's CPU profiler and sampling heap profiler,
// driven through an in-process inspector session that starts before the main
// module and writes DevTools' file formats (the protocol's Profile and
// SamplingHeapProfile objects as JSON) when the process exits.
//
// File names follow node's: <CPU|Heap>.<yyyymmdd>.<hhmmss>.<pid>.<tid>.<seq>
// .<cpuprofile|heapprofile>, or --cpu-prof-name / --heap-prof-name, in
// --cpu-prof-dir / --heap-prof-dir (default: the working directory at start).

const fs = require('fs');
const path = require('path');

let connection = null;
let nextId = 1;
// Responses arrive synchronously, inside dispatch().
let lastResponse = null;
let sequence = 0;
const pending = [];

function command(method, params) {
  const id = nextId++;
  lastResponse = null;
  connection.dispatch(JSON.stringify({ id, method, params }));
  const response = lastResponse;
  lastResponse = null;
  if (response === null || response.id !== id || response.error) return undefined;
  return response.result;
}

function onMessage(text) {
  const message = JSON.parse(text);
  if (message.id !== undefined) lastResponse = message;
}

function pad(value, width) {
  return String(value).padStart(width, '0');
}

function defaultName(prefix, extension) {
  const now = new Date();
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1, 2)}${pad(now.getDate(), 2)}`;
  const time = `${pad(now.getHours(), 2)}${pad(now.getMinutes(), 2)}${pad(now.getSeconds(), 2)}`;
  sequence++;
  // The thread id is 0: nodus runs JavaScript on the main thread only.
  return `${prefix}.${date}.${time}.${process.pid}.0.${pad(sequence, 3)}.${extension}`;
}

function writeProfile(dir, name, profile) {
  if (profile === undefined) return;
  try {
    fs.mkdirSync(dir, { recursive: true });
    // Owner-only, as node writes them: profiles can hold program data.
    fs.writeFileSync(path.join(dir, name), JSON.stringify(profile), { mode: 0o600 });
  } catch (error) {
    process._rawDebug(`Failed to write the profile to ${path.join(dir, name)}: ${error.message}`);
  }
}

function stop() {
  if (connection === null) return;
  for (const finish of pending.splice(0)) finish();
  connection.disconnect();
  connection = null;
}

function start(options) {
  const { Connection } = internalBinding('inspector');
  connection = new Connection(onMessage);
  const cwd = process.cwd();
  if (options.cpuProf) {
    const dir = path.resolve(cwd, options.cpuProfDir || '.');
    command('Profiler.enable');
    command('Profiler.setSamplingInterval', { interval: options.cpuProfInterval });
    command('Profiler.start');
    pending.push(() => {
      const result = command('Profiler.stop');
      const name = options.cpuProfName || defaultName('CPU', 'cpuprofile');
      writeProfile(dir, name, result && result.profile);
    });
  }
  if (options.heapProf) {
    const dir = path.resolve(cwd, options.heapProfDir || '.');
    command('HeapProfiler.enable');
    command('HeapProfiler.startSampling', { samplingInterval: options.heapProfInterval });
    pending.push(() => {
      const result = command('HeapProfiler.stopSampling');
      const name = options.heapProfName || defaultName('Heap', 'heapprofile');
      writeProfile(dir, name, result && result.profile);
    });
  }
  // 'exit' is emitted on every ending that runs JavaScript: the loop
  // draining, process.exit() and an uncaught exception. Known difference:
  // this listener comes first, so the profile ends before the program's own
  // 'exit' listeners run (node's covers them).
  process.on('exit', stop);
}

module.exports = { start, stop };
