'use strict';
// A seeded mutation fuzzer for the parsers that are JavaScript (url,
// keypress): libFuzzer cannot see coverage inside V8's JavaScript, so this
// runs under nodus itself, mutating the seeds in tests/fuzz/seeds/NAME with a
// fixed pseudo-random sequence and calling the harness's check() on each input.
// An input that breaks an invariant is written to CRASH_DIR/NAME-<hash> and the
// run stops with exit code 1; adding it to the seeds makes it a regression test.
//
//   nodus run.js NAME [--runs=N] [--seconds=S] [--seed=K] [--crashes=DIR]
//                     [--record=FILE]     also write every input (hex) to FILE
//   node run.js NAME --compare=FILE       node's describe() of each recorded
//                                         input against nodus's (differential)

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const name = process.argv[2];
const options = {};
for (const arg of process.argv.slice(3)) {
  const match = /^--([a-z]+)=(.*)$/.exec(arg);
  if (!match) throw new Error(`run.js: unknown argument ${arg}`);
  options[match[1]] = match[2];
}
const harness = require(`./${name}.js`);
const seedDir = path.join(__dirname, '..', 'seeds', name);
const seeds = fs.readdirSync(seedDir).sort().map((file) => fs.readFileSync(path.join(seedDir, file)));

if (options.compare !== undefined) {
  // Each line: hex input \t nodus's description.
  let total = 0;
  const differ = [];
  for (const line of fs.readFileSync(options.compare, 'utf8').split('\n')) {
    if (line === '') continue;
    const tab = line.indexOf('\t');
    const bytes = Buffer.from(line.slice(0, tab), 'hex');
    const theirs = line.slice(tab + 1);
    const ours = JSON.stringify(harness.describe(bytes));
    total++;
    if (ours !== theirs) differ.push([bytes, JSON.parse(theirs), JSON.parse(ours)]);
  }
  // Known departures (harness.classify) are counted; the rest are shown.
  const classes = new Map();
  const unexplained = [];
  for (const entry of differ) {
    const label = harness.classify ? harness.classify(entry[0], entry[1], entry[2]) : undefined;
    if (label === undefined) unexplained.push(entry);
    else classes.set(label, (classes.get(label) ?? 0) + 1);
  }
  console.log(`${name}: ${total} inputs compared with node, ${differ.length} differ`);
  for (const [label, count] of classes) console.log(`  ${count}: ${label}`);
  console.log(`  ${unexplained.length}: unexplained`);
  for (const [bytes, theirs, ours] of unexplained.slice(0, Number(options.show ?? 20))) {
    console.log(`  ${JSON.stringify(bytes.toString('latin1'))}\n    nodus: ${theirs}\n    node:  ${ours}`);
  }
  process.exit(0);
}

// xorshift32: the same inputs for the same --seed, on every machine.
let state = (Number(options.seed ?? 1) >>> 0) || 1;
function next() {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state;
}
function below(n) {
  return n <= 0 ? 0 : next() % n;
}

const dictionary = harness.dictionary.map((token) =>
  (Buffer.isBuffer(token) ? token : Buffer.from(token, 'utf8')));
const kMaxLength = 512;

function mutate(input) {
  let bytes = Buffer.from(input);
  const steps = 1 + below(4);
  for (let step = 0; step < steps; step++) {
    const at = below(bytes.length + 1);
    switch (below(7)) {
      case 0:  // flip a bit
        if (bytes.length > 0) bytes[below(bytes.length)] ^= 1 << below(8);
        break;
      case 1:  // a random byte in
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([below(256)]), bytes.subarray(at)]);
        break;
      case 2:  // a run out
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + below(8))]);
        break;
      case 3:  // a dictionary token in
      case 4:
        bytes = Buffer.concat([bytes.subarray(0, at), dictionary[below(dictionary.length)],
          bytes.subarray(at)]);
        break;
      case 5: {  // part of another seed in
        const other = seeds[below(seeds.length)];
        const from = below(other.length);
        bytes = Buffer.concat([bytes.subarray(0, at),
          other.subarray(from, from + 1 + below(32)), bytes.subarray(at)]);
        break;
      }
      default:  // a piece of itself repeated
        if (bytes.length > 0) {
          const from = below(bytes.length);
          const piece = bytes.subarray(from, from + 1 + below(16));
          bytes = Buffer.concat([bytes.subarray(0, at), piece, piece, bytes.subarray(at)]);
        }
    }
  }
  return bytes.length > kMaxLength ? bytes.subarray(0, kMaxLength) : bytes;
}

const crashDir = options.crashes ?? path.join(__dirname, '..', '..', '..', 'build-fuzz', 'crashes');
const record = options.record !== undefined ? fs.openSync(options.record, 'w') : undefined;
const runs = options.runs !== undefined ? Number(options.runs) : Infinity;
const deadline = options.seconds !== undefined ? Date.now() + Number(options.seconds) * 1000 :
  Infinity;
if (runs === Infinity && deadline === Infinity) throw new Error('run.js: --runs or --seconds');

function one(bytes) {
  try {
    harness.check(bytes);
  } catch (error) {
    fs.mkdirSync(crashDir, { recursive: true });
    const file = path.join(crashDir,
      `${name}-${crypto.createHash('sha1').update(bytes).digest('hex')}`);
    fs.writeFileSync(file, bytes);
    console.error(`${name}: ${error.fuzzInvariant ? '' : 'uncaught: '}${error.stack}`);
    console.error(`${name}: the input is in ${file}`);
    process.exit(1);
  }
  if (record !== undefined) {
    fs.writeSync(record, `${bytes.toString('hex')}\t${JSON.stringify(harness.describe(bytes))}\n`);
  }
}

const started = Date.now();
// Every seed first (past crashes included), then mutants of the corpus: the
// seeds and every mutant that took a new path... which JavaScript cannot
// tell us, so mutants of mutants are kept at random to go deeper.
const corpus = seeds.slice();
for (const seed of seeds) one(seed);
let executed = seeds.length;
while (executed < runs && Date.now() < deadline) {
  const bytes = mutate(corpus[below(corpus.length)]);
  one(bytes);
  executed++;
  if (below(64) === 0 && corpus.length < 4096) corpus.push(bytes);
}
if (record !== undefined) fs.closeSync(record);
const seconds = (Date.now() - started) / 1000;
console.log(`${name}: ${executed} inputs in ${seconds.toFixed(1)} s, no invariant broken`);
