'use strict';
// compose, Duplex.from, stream/consumers, Readable operators (map/filter/reduce/...).
// Expected sequences recorded from node v20.
const assert = require('assert');
const log = [];
const console = { log: (...a) => log.push(a.map((x) => typeof x === 'string' ? x : require('util').inspect(x)).join(' ')) };
const { compose, Duplex, Readable, Transform, PassThrough, Writable, pipeline } = require('stream');
const consumers = require('stream/consumers');
(async () => {
  const upper = new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } });
  const c = compose(upper, async function* (src) { for await (const x of src) yield `[${x}]`; });
  c.end('hello');
  console.log('compose', await c.toArray().then(a => a.map(String)));
  console.log('text', await consumers.text(Readable.from(['a', 'b'])));
  console.log('json', await consumers.json(Readable.from(['{"a"', ':1}'])));
  console.log('buffer', await consumers.buffer(Readable.from([Buffer.from('x'), Buffer.from('y')])));
  const ab = await consumers.arrayBuffer(Readable.from([Buffer.from('xyz')]));
  console.log('ab', ab.byteLength, ab instanceof ArrayBuffer);
  const b = await consumers.blob(Readable.from([Buffer.from('xyz')]));
  console.log('blob', b.size);
  const d = Duplex.from(async function* (src) { for await (const x of src) yield String(x) + '!'; });
  d.end('q');
  console.log('from gen', (await d.toArray()).map(String));
  console.log('from promise', await Duplex.from(Promise.resolve('v')).toArray());
  console.log('from iter', await Duplex.from([1, 2]).toArray());
  const pair = Duplex.from({ readable: Readable.from(['r']), writable: new Writable({ write(c, e, cb) { console.log('pair write', String(c)); cb(); } }) });
  pair.write('w');
  console.log('pair', await pair.toArray());
  const sink = Duplex.from(async function(src) { let n = 0; for await (const x of src) n += x.length; console.log('sink got', n); });
  sink.end('abcd');
  await new Promise(r => sink.on('finish', r));
  try { Duplex.from(42); } catch (e) { console.log(e.code); }
  try { compose(); } catch (e) { console.log(e.code, e.message); }
  console.log(await Readable.from([1, 2, 3, 4]).reduce((a, b) => a + b, 0),
    await Readable.from([1, 2, 3]).some(x => x > 2), await Readable.from([1, 2, 3]).every(x => x > 2),
    await Readable.from([1, 2, 3]).find(x => x > 1),
    await Readable.from([1, 2, 3, 4, 5]).drop(1).take(2).toArray(),
    await Readable.from([1, 2]).flatMap(x => [x, x]).toArray(),
    await Readable.from(['a', 'b']).asIndexedPairs().toArray());
  await Readable.from([1, 2]).forEach(x => console.log('each', x));
  console.log(await Readable.from([3, 1, 2]).map(async (x) => { await new Promise(r => setTimeout(r, x * 3)); return x; }, { concurrency: 3 }).toArray());
  try { await Readable.from([]).reduce((a, b) => a + b); } catch (e) { console.log(e.code, e.name, e.message); }
  try { Readable.from([1]).take(-1); } catch (e) { console.log(e.code, e.message); }
})();

const expected = ["compose [ '[HELLO]' ]","text ab","json { a: 1 }","buffer <Buffer 78 79>","ab 3 true","blob 3","from gen [ 'q!' ]","from promise [ 'v' ]","from iter [ 1, 2 ]","pair write w","pair [ 'r' ]","sink got 4","ERR_INVALID_ARG_TYPE","ERR_MISSING_ARGS The \"streams\" argument must be specified","10 true false 2 [ 2, 3 ] [ 1, 1, 2, 2 ] [ [ 0, 'a' ], [ 1, 'b' ] ]","each 1","each 2","[ 3, 1, 2 ]","ERR_MISSING_ARGS TypeError Reduce of an empty stream requires an initial value","ERR_OUT_OF_RANGE The value of \"number\" is out of range. It must be >= 0. Received -1"];
process.on('exit', () => assert.deepStrictEqual(log, expected));
