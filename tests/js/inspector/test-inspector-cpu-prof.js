'use strict';
// --cpu-prof / --heap-prof write DevTools' files at exit: node's file names,
// the protocol's Profile and SamplingHeapProfile shapes, a user function in
// them, on a normal end, process.exit() and an uncaught exception; the
// -dir (created) and -name options; owner-only files; the -dir flag alone is refused.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const url = require('url');
const { spawnSync } = require('child_process');

const fixture = path.join(__dirname, 'fixtures', 'busy.js');
const root = common.tmpdir.refresh();
let runs = 0;

function run(flags, mode, expectedStatus) {
  const cwd = path.join(root, `run${++runs}`);
  fs.mkdirSync(cwd);
  const child = spawnSync(process.execPath, [...flags, fixture, mode],
    { cwd, encoding: 'utf8', timeout: common.platformTimeout(20000) });
  assert.strictEqual(child.status, expectedStatus, child.stderr);
  return cwd;
}

function checkMode(file) {
  assert.strictEqual((fs.statSync(file).mode & 0o777).toString(8), '600', file);
}

function checkCpuProfile(file) {
  checkMode(file);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.deepStrictEqual(Object.keys(profile).sort(),
    ['endTime', 'nodes', 'samples', 'startTime', 'timeDeltas']);
  assert.ok(profile.samples.length > 0);
  assert.strictEqual(profile.samples.length, profile.timeDeltas.length);
  assert.ok(profile.endTime > profile.startTime);
  assert.strictEqual(profile.nodes[0].callFrame.functionName, '(root)');
  const ids = new Set(profile.nodes.map((node) => node.id));
  for (const sample of profile.samples) assert.ok(ids.has(sample), `sample ${sample}`);
  const user = profile.nodes.filter((node) => node.callFrame.functionName === 'busyUserFunction');
  assert.ok(user.length > 0, 'busyUserFunction is in the profile');
  assert.strictEqual(user[0].callFrame.url, url.pathToFileURL(fixture).href);
  assert.ok(user.some((node) => node.hitCount > 0));
}

function checkHeapProfile(file) {
  checkMode(file);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.deepStrictEqual(Object.keys(profile).sort(), ['head', 'samples']);
  assert.strictEqual(profile.head.callFrame.functionName, '(root)');
  const names = [];
  (function walk(node) {
    assert.strictEqual(typeof node.selfSize, 'number');
    names.push(node.callFrame.functionName);
    node.children.forEach(walk);
  })(profile.head);
  assert.ok(names.includes('busyUserFunction'), 'busyUserFunction allocated');
}

const cpuName = /^CPU\.\d{8}\.\d{6}\.(\d+)\.0\.(\d{3})\.cpuprofile$/;
const heapName = /^Heap\.\d{8}\.\d{6}\.(\d+)\.0\.(\d{3})\.heapprofile$/;

// Both profilers, a normal end: one sequence across the two files.
{
  const cwd = run(['--cpu-prof', '--heap-prof'], 'end', 0);
  const files = fs.readdirSync(cwd).sort();
  assert.strictEqual(files.length, 2, files.join());
  const cpu = files[0].match(cpuName);
  const heap = files[1].match(heapName);
  assert.ok(cpu && heap, files.join());
  assert.strictEqual(cpu[1], heap[1]);
  assert.deepStrictEqual([cpu[2], heap[2]], ['001', '002']);
  checkCpuProfile(path.join(cwd, files[0]));
  checkHeapProfile(path.join(cwd, files[1]));
}

// process.exit(3) and an uncaught exception still write the profile; the
// exit status stays the program's.
for (const [mode, status] of [['exit', 3], ['throw', 1]]) {
  const cwd = run(['--cpu-prof'], mode, status);
  const files = fs.readdirSync(cwd);
  assert.strictEqual(files.length, 1, `${mode}: ${files.join()}`);
  assert.match(files[0], cpuName);
  checkCpuProfile(path.join(cwd, files[0]));
}

// -dir is created (relative to the working directory); -name is used as is.
{
  const cwd = run(['--cpu-prof', '--cpu-prof-dir=out/cpu', '--cpu-prof-name=p.json',
                   '--cpu-prof-interval', '500', '--heap-prof', '--heap-prof-dir=out/heap'],
  'end', 0);
  assert.deepStrictEqual(fs.readdirSync(path.join(cwd, 'out', 'cpu')), ['p.json']);
  checkCpuProfile(path.join(cwd, 'out', 'cpu', 'p.json'));
  const heapFiles = fs.readdirSync(path.join(cwd, 'out', 'heap'));
  assert.strictEqual(heapFiles.length, 1);
  assert.match(heapFiles[0], heapName);
}

// The options need their profiler flag (exit code 9, like node's bad options).
{
  const child = spawnSync(process.execPath, ['--cpu-prof-dir=x', '-e', '0'],
    { encoding: 'utf8', timeout: common.platformTimeout(10000) });
  assert.strictEqual(child.status, 9);
  assert.match(child.stderr, /--cpu-prof-dir must be used with --cpu-prof/);
}
