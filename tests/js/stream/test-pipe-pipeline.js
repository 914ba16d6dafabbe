'use strict';
// pipe/unpipe backpressure, pipeline (generators, async functions, errors), finished, addAbortSignal, async iteration.
// Expected sequences recorded from node v20.
const assert = require('assert');
const { Readable, Writable, PassThrough, Transform, pipeline, finished } = require('stream');
const log = [];
function slowWriter(name, hwm) {
  return new Writable({
    highWaterMark: hwm,
    write(c, e, cb) { log.push(`${name}:w:${c}`); setTimeout(cb, 1); },
  });
}
// pipe with backpressure: source pauses while the writer drains
{
  let i = 0;
  const r = new Readable({ highWaterMark: 2, read() { this.push(i < 6 ? String(i++) : null); } });
  const w = slowWriter('a', 2);
  w.on('pipe', (src) => log.push('a:pipe:' + (src === r)));
  w.on('unpipe', () => log.push('a:unpipe'));
  w.on('drain', () => log.push('a:drain'));
  w.on('finish', () => { log.push('a:finish'); second(); });
  r.pipe(w);
}
function second() {
  // unpipe stops the flow
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { log.push('b:w:' + c); cb(); } });
  r.pipe(w);
  r.push('one');
  setTimeout(() => {
    r.unpipe(w);
    log.push('b:flowing=' + r.readableFlowing);
    r.push('two');
    setTimeout(() => { log.push('b:len=' + r.readableLength); third(); }, 5);
  }, 5);
}
function third() {
  // pipeline with generator transform and error propagation
  pipeline(
    Readable.from(['a', 'b', 'c']),
    async function* (src) { for await (const x of src) yield x.toUpperCase(); },
    new Writable({ objectMode: true, write(c, e, cb) { log.push('c:w:' + c); cb(); } }),
    (err, val) => { log.push('c:done:' + err + ':' + val); fourth(); },
  );
}
function fourth() {
  const src = new Readable({ read() {} });
  const pt = new PassThrough();
  const dst = new Writable({ write(c, e, cb) { cb(); } });
  for (const [n, s] of [['src', src], ['pt', pt], ['dst', dst]]) s.on('close', () => log.push('d:close:' + n));
  pipeline(src, pt, dst, (err) => {
    log.push('d:done:' + (err && err.message) + ':' + src.destroyed + pt.destroyed + dst.destroyed);
    fifth();
  });
  src.push('x');
  setTimeout(() => pt.destroy(new Error('mid')), 2);
}
function fifth() {
  // pipeline to an async function returning a value
  pipeline(Readable.from([1, 2, 3]), async function(source) {
    let sum = 0;
    for await (const n of source) sum += n;
    return sum;
  }, (err, val) => { log.push('e:' + err + ':' + val); sixth(); });
}
function sixth() {
  // finished on readable/writable, premature close, cleanup
  const r = new Readable({ read() {} });
  finished(r, (err) => log.push('f:r:' + (err ? err.code : 'ok')));
  r.destroy();
  const w = new Writable({ write(c, e, cb) { cb(); } });
  const cleanup = finished(w, (err) => log.push('f:w:' + (err ? err.code : 'ok')));
  log.push('f:cleanup:' + typeof cleanup);
  w.end('x');
  const r2 = new Readable({ read() {} });
  r2.resume();
  finished(r2, (err) => { log.push('f:r2:' + (err ? err.code : 'ok')); seventh(); });
  r2.push(null);
}
function seventh() {
  const ac = new AbortController();
  const r = new Readable({ read() {} });
  finished(r, { signal: ac.signal }, (err) => log.push('g:' + err.name + ':' + err.code));
  ac.abort();
  try { pipeline(new PassThrough()); } catch (e) { log.push('g:' + e.code + ':' + e.message); }
  try { pipeline(new PassThrough(), new PassThrough()); } catch (e) { log.push('g:' + e.code + ':' + e.message); }
  require('stream/promises').pipeline(Readable.from(['q']), new PassThrough(), async function(s) {
    for await (const c of s) log.push('h:' + c);
  }).then(() => { log.push('h:resolved'); eighth(); });
}
function eighth() {
  const r = new Readable({ read() {} });
  const ac = new AbortController();
  require('stream').addAbortSignal(ac.signal, r);
  r.on('error', (e) => log.push('i:error:' + e.name));
  r.on('close', () => log.push('i:close'));
  ac.abort();
  (async () => {
    const r2 = Readable.from([1, 2, 3, 4]);
    for await (const x of r2) { log.push('j:' + x); if (x === 2) break; }
    log.push('j:destroyed=' + r2.destroyed);
    const r3 = new Readable({ read() { this.destroy(new Error('iter')); } });
    try { for await (const x of r3) log.push(x); } catch (e) { log.push('j:caught:' + e.message); }
  })();
}

const expected = ["a:pipe:true","a:w:0","a:w:1","a:drain","a:w:2","a:w:3","a:drain","a:w:4","a:w:5","a:finish","a:unpipe","b:w:one","b:flowing=false","b:len=3","c:w:A","c:w:B","c:w:C","c:done:undefined:undefined","d:close:pt","d:close:src","d:close:dst","d:done:mid:truetruetrue","e:undefined:6","f:cleanup:function","f:r:ERR_STREAM_PREMATURE_CLOSE","f:w:ok","f:r2:ok","g:AbortError:ABORT_ERR","g:ERR_INVALID_ARG_TYPE:The \"streams[stream.length - 1]\" property must be of type function. Received an instance of PassThrough","g:ERR_INVALID_ARG_TYPE:The \"streams[stream.length - 1]\" property must be of type function. Received an instance of PassThrough","h:q","h:resolved","j:1","j:2","j:destroyed=true","i:error:AbortError","i:close","j:caught:iter"];
process.on('exit', () => assert.deepStrictEqual(log, expected));
