#!/usr/bin/env node
// Checks a packaged .vsix (a zip): the files the extension needs at run time
// are in it, and sources and tests are not. Reads the zip's central
// directory itself, so no unzip is needed.
//   node scripts/check-vsix.js nodus-0.1.0.vsix
'use strict';
const fs = require('fs');

const file = process.argv[2];
const buf = fs.readFileSync(file);
let eocd = -1;
for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
  if (buf.readUInt32LE(i) === 0x06054b50) {
    eocd = i;
    break;
  }
}
if (eocd < 0) {
  console.error(`${file}: not a zip file`);
  process.exit(1);
}
const count = buf.readUInt16LE(eocd + 10);
let p = buf.readUInt32LE(eocd + 16);
const names = [];
for (let n = 0; n < count; n++) {
  if (buf.readUInt32LE(p) !== 0x02014b50) {
    console.error(`${file}: bad central directory entry ${n}`);
    process.exit(1);
  }
  const nameLen = buf.readUInt16LE(p + 28);
  const extraLen = buf.readUInt16LE(p + 30);
  const commentLen = buf.readUInt16LE(p + 32);
  names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
  p += 46 + nameLen + extraLen + commentLen;
}

const pkg = JSON.parse(fs.readFileSync(`${__dirname}/../package.json`, 'utf8'));
const required = [
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  `extension/${pkg.icon}`,
  `extension/${pkg.main.replace(/^\.\//, '')}`,
  'extension/out/src/lsp.js',
  'extension/out/src/debug.js',
  'extension/node_modules/vscode-languageclient/node.js',
  'extension/node_modules/vscode-languageserver-protocol/package.json',
];
const forbidden = [/^extension\/src\//, /^extension\/test\//, /^extension\/out\/test\//, /\.ts$/, /\.vsix$/, /^extension\/node_modules\/(typescript|eslint|mocha|ws|@vscode)\//];
let ok = true;
for (const r of required) {
  if (!names.includes(r)) {
    console.error(`missing from ${file}: ${r}`);
    ok = false;
  }
}
for (const n of names) {
  if (forbidden.some((re) => re.test(n))) {
    console.error(`should not be in ${file}: ${n}`);
    ok = false;
  }
}
if (!ok) {
  process.exit(1);
}
console.log(`${file}: ${names.length} files, contents ok`);
