// The driver of tests/bench/lsp.sh: one scripted session per server over
// FIXTURE (express@4 in node_modules), figures printed side by side.
//   node bench.js FIXTURE NODUS_LSP [TYPESCRIPT_LANGUAGE_SERVER_CLI]
'use strict';
const fs = require('fs');
const path = require('path');
const { Client, positionOf } = require('./client');

const [fixture, nodusLsp, tsls] = process.argv.slice(2);
const REQUESTS = Number(process.env.REQUESTS || 200);
const EDITS = Number(process.env.EDITS || 200);
const uri = (p) => 'file://' + p;
const appPath = path.join(fixture, 'app.js');
const appText = [
  "const express = require('express');",
  'const app = express();',
  'const r = express.Router();',
  "app.get('/', (req, res) => res.send('hi'));",
  'express.',
  'app.listen(3000);',
  '',
].join('\n');
fs.writeFileSync(appPath, appText);

const now = () => Number(process.hrtime.bigint()) / 1e6;
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
function treeRssKb(pid) {
  let total = 0;
  const visit = (p) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+)/.exec(status);
      if (hwm) total += Number(hwm[1]);
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const c of children ? children.split(/\s+/) : []) visit(c);
      }
    } catch {}
  };
  visit(pid);
  return total;
}

async function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  const result = await Promise.race([promise, timeout]);
  clearTimeout(timer);
  return result;
}

async function run(name, command, args, folders = [fixture]) {
  const out = { name };
  const start = now();
  const client = new Client(command, args);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: uri(fixture),
    workspaceFolders: folders.map((f) => ({ uri: uri(f), name: path.basename(f) })),
    capabilities: { textDocument: { publishDiagnostics: {}, completion: {} } },
  });
  client.notify('initialized', {});
  client.notify('textDocument/didOpen', {
    textDocument: { uri: uri(appPath), languageId: 'javascript', version: 1, text: appText },
  });
  const at = (needle, offset) => ({ textDocument: { uri: uri(appPath) }, position: positionOf(appText, needle, offset) });
  const definition = () => client.request('textDocument/definition', at('express.Router', 9));
  const first = await withTimeout(definition(), 60000);
  out.firstDefinitionMs = now() - start;
  const result = first && first.result;
  const target = Array.isArray(result) ? result[0] : result;
  out.definitionTarget = target ? path.relative(fixture, (target.uri || target.targetUri).slice(7)) : '<none>';

  let t = now();
  const refs = await withTimeout(
    client.request('textDocument/references', { ...at('express.Router', 9), context: { includeDeclaration: true } }),
    60000);
  out.firstReferencesMs = now() - t;
  out.references = refs && Array.isArray(refs.result) ? refs.result.length : 0;

  const completionTimes = [];
  let labels = [];
  for (let i = 0; i < REQUESTS; i++) {
    t = now();
    const reply = await client.request('textDocument/completion', at('express.\n', 8));
    completionTimes.push(now() - t);
    const items = reply.result && (Array.isArray(reply.result) ? reply.result : reply.result.items);
    labels = (items || []).map((x) => x.label);
  }
  out.completionHasRouter = labels.includes('Router');
  out.completionP50 = percentile(completionTimes, 50);
  out.completionP95 = percentile(completionTimes, 95);
  const definitionTimes = [];
  for (let i = 0; i < REQUESTS; i++) {
    t = now();
    await definition();
    definitionTimes.push(now() - t);
  }
  out.definitionP50 = percentile(definitionTimes, 50);
  out.definitionP95 = percentile(definitionTimes, 95);

  // The edit storm: type characters into a comment line, time each edit to its diagnostics.
  client.notifications.length = 0;
  const editTimes = [];
  const line = appText.split('\n').length - 1;
  let timeouts = 0;
  for (let i = 0; i < EDITS && timeouts < 3; i++) {
    t = now();
    const waiting = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri(appPath));
    client.notify('textDocument/didChange', {
      textDocument: { uri: uri(appPath), version: i + 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: i % 2 ? ' ' : '/' }],
    });
    if ((await withTimeout(waiting, 5000)) === null) {
      timeouts++;
      continue;
    }
    editTimes.push(now() - t);
  }
  out.edits = editTimes.length;
  out.editP50 = editTimes.length ? percentile(editTimes, 50) : NaN;
  out.editP95 = editTimes.length ? percentile(editTimes, 95) : NaN;
  out.peakRssMb = treeRssKb(client.proc.pid) / 1024;
  await withTimeout(client.close(), 5000);
  client.proc.kill();
  return out;
}

async function main() {
  const results = [await run('nodus-lsp', nodusLsp, ['--stdio'])];
  // The same with every file of express's dependency tree in the workspace:
  // the first references request then indexes all of them.
  const files = (dir) => fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) =>
    n + (e.isDirectory() ? files(path.join(dir, e.name)) : /\.c?js$/.test(e.name) ? 1 : 0), 0);
  const everything = await run('nodus-lsp, node_modules indexed', nodusLsp, ['--stdio'],
    [fixture, path.join(fixture, 'node_modules')]);
  everything.name = `nodus-lsp +${files(path.join(fixture, 'node_modules'))} files`;
  results.push(everything);
  if (tsls) results.push(await run('typescript-language-server', process.execPath, [tsls, '--stdio']));
  const fmt = (v) => (typeof v === 'number' ? (Number.isNaN(v) ? 'n/a' : v.toFixed(v < 10 ? 2 : 0)) : String(v));
  const rows = [
    ['cold start to first definition (ms)', 'firstDefinitionMs'],
    ['  definition target', 'definitionTarget'],
    ['first references, index included (ms)', 'firstReferencesMs'],
    ['  references found', 'references'],
    ['completion p50 (ms)', 'completionP50'],
    ['completion p95 (ms)', 'completionP95'],
    ['  completion offers Router', 'completionHasRouter'],
    ['definition p50 (ms)', 'definitionP50'],
    ['definition p95 (ms)', 'definitionP95'],
    ['edit to diagnostics p50 (ms)', 'editP50'],
    ['edit to diagnostics p95 (ms)', 'editP95'],
    ['  edits answered', 'edits'],
    ['peak RSS, process tree (MB)', 'peakRssMb'],
  ];
  console.log(['figure'.padEnd(40), ...results.map((r) => r.name.padEnd(28))].join(''));
  for (const [label, key] of rows) {
    console.log([label.padEnd(40), ...results.map((r) => fmt(r[key]).padEnd(28))].join(''));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
