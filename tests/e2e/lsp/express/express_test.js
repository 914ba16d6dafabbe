// nodus-lsp on a real codebase: express@4 and its dependencies, installed with
// npm into FIXTURE by express.sh. Definitions across require('./router'),
// completion of exports, references.
//   node express_test.js NODUS_LSP FIXTURE
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { Client, positionOf } = require('./client');

const lsp = path.resolve(process.argv[2]);
const fixture = path.resolve(process.argv[3]);
const express = path.join(fixture, 'node_modules', 'express');
const uri = (p) => 'file://' + p;
const appPath = path.join(fixture, 'app.js');
const appText = [
  "const express = require('express');",
  "const { Router } = require('express');",
  'const app = express();',
  'const r = express.Router();',
  'app.use(Router());',
  'express.',
  '',
].join('\n');
fs.writeFileSync(appPath, appText);

function where(location) {
  if (!location) return '<none>';
  return `${path.relative(fixture, location.uri.slice(7))}:${location.range.start.line + 1}`;
}

async function main() {
  const client = new Client(lsp, ['--stdio'], { stderr: 'inherit' });
  const init = await client.request('initialize', {
    processId: process.pid,
    rootUri: uri(fixture),
    workspaceFolders: [{ uri: uri(fixture), name: 'app' }, { uri: uri(express), name: 'express' }],
    capabilities: {},
  });
  assert.ok(init.result.capabilities.referencesProvider);
  client.notify('initialized', {});
  client.notify('textDocument/didOpen', {
    textDocument: { uri: uri(appPath), languageId: 'javascript', version: 1, text: appText },
  });
  const diagnostics = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri(appPath));
  // The unfinished `express.` line is the only syntax error.
  const errors = diagnostics.diagnostics.filter((d) => d.severity <= 2 && !d.message.startsWith('Unexpected'));
  assert.deepStrictEqual(errors.map((d) => d.message), [], 'no unresolved require, no undefined name');

  const ask = (method, needle, offset, extra = {}) =>
    client.request(method, {
      textDocument: { uri: uri(appPath) },
      position: positionOf(appText, needle, offset),
      ...extra,
    });

  // express.Router -> exports.Router = Router -> require('./router') -> lib/router/index.js
  let reply = await ask('textDocument/definition', 'express.Router', 9);
  assert.strictEqual(where(reply.result), 'node_modules/express/lib/router/index.js:43');
  reply = await ask('textDocument/definition', 'Router()', 1);
  assert.strictEqual(where(reply.result), 'node_modules/express/lib/router/index.js:43');
  reply = await ask('textDocument/definition', "'express'", 2);
  assert.strictEqual(where(reply.result), 'node_modules/express/index.js:1');

  // Completion of express's exports.
  reply = await ask('textDocument/completion', 'express.\n', 8);
  const labels = reply.result.items.map((i) => i.label);
  for (const name of ['application', 'request', 'response', 'Router', 'Route', 'json', 'static', 'query']) {
    assert.ok(labels.includes(name), `completion lacks ${name}: ${labels.join(' ')}`);
  }

  // Hover carries the JSDoc of the definition.
  reply = await ask('textDocument/hover', 'express.Router', 9);
  assert.match(reply.result.contents.value, /router/i);

  // References of Router: the uses in app.js and the re-export in lib/express.js.
  reply = await ask('textDocument/references', 'express.Router', 9, { context: { includeDeclaration: true } });
  const refs = reply.result.map(where).sort();
  for (const expected of ['app.js:2', 'app.js:4', 'node_modules/express/lib/express.js:72',
    'node_modules/express/lib/router/index.js:43']) {
    assert.ok(refs.includes(expected), `references lack ${expected}: ${refs.join(' ')}`);
  }

  // Renaming into node_modules is refused.
  reply = await ask('textDocument/prepareRename', 'express.Router', 9);
  assert.ok(reply.error, 'prepareRename refuses node_modules');

  await client.close();
  console.log('ok express: definition, completion, hover, references, prepareRename');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
