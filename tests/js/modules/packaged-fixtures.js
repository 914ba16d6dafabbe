'use strict';
// The fixture packages are our own files; they are committed in folders named
// `_node_modules` (no committed tree looks like installed packages). Tests of
// package lookup require this module: it copies fixtures/ once into a
// temporary directory, naming those folders `node_modules`, and exports the
// copy's path. The copy is removed when the process exits.
const fs = require('fs');
const os = require('os');
const path = require('path');

function copyTree(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const target = path.join(to, entry.name === '_node_modules' ? 'node_modules' : entry.name);
    if (entry.isDirectory()) {
      copyTree(path.join(from, entry.name), target);
    } else {
      fs.copyFileSync(path.join(from, entry.name), target);
    }
  }
}

const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-module-fixtures-'));
process.on('exit', () => fs.rmSync(copy, { recursive: true, force: true }));
const fixtures = path.join(copy, 'fixtures');
copyTree(path.join(__dirname, 'fixtures'), fixtures);

module.exports = { fixtures };
