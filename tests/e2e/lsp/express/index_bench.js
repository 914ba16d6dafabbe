// tests/bench/lsp.sh's index figure: a synthetic CommonJS workspace of FILES
// files (100 per folder, each requiring three others and exporting five
// functions), indexed in the background by nodus-lsp from `initialize` to the
// `$/progress` end; then the first workspace/symbol and references answers.
//   node index_bench.js DIR NODUS_LSP [FILES]
'use strict';
const fs = require('fs');
const path = require('path');
const { Client, cpuSeconds, peakRssKb } = require('./client');

const [dir, nodusLsp, filesArg] = process.argv.slice(2);
const FILES = Number(filesArg || 10000);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const fileName = (i) => path.join(dir, `d${Math.floor(i / 100)}`, `m${i}.js`);

function generate() {
  const stamp = path.join(dir, `.generated-${FILES}`);
  if (fs.existsSync(stamp)) return;
  fs.rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < FILES; i++) {
    const deps = [1, 7, 31].map((k) => (i + k) % FILES);
    const lines = ["'use strict';"];
    deps.forEach((d, k) => {
      let rel = path.relative(path.dirname(fileName(i)), fileName(d)).replace(/\.js$/, '');
      if (!rel.startsWith('.')) rel = './' + rel;
      lines.push(`const dep${k} = require('${rel}');`);
    });
    lines.push("const path = require('path');", '');
    for (let f = 0; f < 5; f++) {
      lines.push(`/** Computes f${f} of module ${i}. */`);
      lines.push(`function f${i}_${f}(a, b) {`);
      lines.push(`  const joined = path.join(String(a), String(b));`);
      lines.push(`  return dep${f % 3}.f${deps[f % 3]}_${f}(joined.length, b) + ${f};`);
      lines.push('}', '');
    }
    lines.push(`class C${i} { constructor(x) { this.x = x; } }`);
    lines.push(`module.exports = { ${[0, 1, 2, 3, 4].map((f) => `f${i}_${f}`).join(', ')}, C${i} };`);
    fs.mkdirSync(path.dirname(fileName(i)), { recursive: true });
    fs.writeFileSync(fileName(i), lines.join('\n') + '\n');
  }
  fs.writeFileSync(stamp, '');
}

async function main() {
  const t0 = now();
  generate();
  const bytes = Array.from({ length: FILES }, (_, i) => fs.statSync(fileName(i)).size)
    .reduce((a, b) => a + b, 0);
  console.log(`workspace: ${FILES} files, ${(bytes / 1e6).toFixed(1)} MB ` +
              `(generated or reused in ${(now() - t0).toFixed(0)} ms)`);
  const client = new Client(nodusLsp, []);
  const start = now();
  const ended = client.waitFor('$/progress', (p) => p.value && p.value.kind === 'end');
  await client.request('initialize', {
    processId: process.pid,
    rootUri: 'file://' + dir,
    capabilities: { window: { workDoneProgress: true } },
  });
  client.notify('initialized', {});
  const end = await ended;
  const indexed = now() - start;
  const cpu = cpuSeconds(client.proc.pid);
  console.log(`background index (initialize to $/progress end): ${indexed.toFixed(0)} ms ` +
              `(${end.value.message}), ${(indexed * 1000 / FILES).toFixed(0)} us per file; ` +
              `CPU ${cpu.toFixed(2)} s`);
  let t = now();
  const symbols = await client.request('workspace/symbol', { query: 'f42_3' });
  console.log(`first workspace/symbol after indexing: ${(now() - t).toFixed(1)} ms, ` +
              `${symbols.result.length} results, first ${symbols.result[0] && symbols.result[0].name}`);
  const target = fileName(42);
  const text = fs.readFileSync(target, 'utf8');
  client.notify('textDocument/didOpen',
                { textDocument: { uri: 'file://' + target, languageId: 'javascript', version: 1, text } });
  // On the export key in `module.exports = { …, f42_3, … }`: the uses in importers.
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('module.exports'));
  t = now();
  const refs = await client.request('textDocument/references', {
    textDocument: { uri: 'file://' + target },
    position: { line, character: lines[line].indexOf('f42_3') + 1 },
    context: { includeDeclaration: true },
  });
  console.log(`references of f42_3 across the workspace: ${(now() - t).toFixed(1)} ms, ` +
              `${refs.result.length} found`);
  console.log(`peak RSS: ${(peakRssKb(client.proc.pid) / 1024).toFixed(1)} MB`);
  await client.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
