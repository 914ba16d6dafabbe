// tests/bench/lsp.sh's real-tree index figure: nodus-lsp indexes an existing
// folder of JavaScript (read only; e.g. an npm install's node_modules, whose
// packages are crawled as the workspace) in the background, from `initialize`
// to the `$/progress` end, on whatever core taskset gives it.
//   node index_tree_bench.js DIR NODUS_LSP
'use strict';
const fs = require('fs');
const { Client, cpuSeconds, peakRssKb } = require('./client');

const [dir, nodusLsp] = process.argv.slice(2);
const now = () => Number(process.hrtime.bigint()) / 1e6;

async function main() {
  const client = new Client(nodusLsp, []);
  const start = now();
  const ended = client.waitFor('$/progress', (p) => p.value && p.value.kind === 'end');
  await client.request('initialize', {
    processId: process.pid,
    rootUri: 'file://' + fs.realpathSync(dir),
    capabilities: { window: { workDoneProgress: true } },
  });
  client.notify('initialized', {});
  const end = await ended;
  console.log(`background index of ${dir}: ${(now() - start).toFixed(0)} ms ` +
              `(${end.value.message}); CPU ${cpuSeconds(client.proc.pid).toFixed(2)} s; ` +
              `peak RSS ${(peakRssKb(client.proc.pid) / 1024).toFixed(1)} MB`);
  await client.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
