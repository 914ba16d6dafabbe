'use strict';
// Duplex (allowHalfOpen, readable/writable false), Transform (flush, backpressure, errors), PassThrough.
// Expected sequences recorded from node v20.
const assert = require('assert');
const { Duplex, Transform, PassThrough, Readable, Writable } = require('stream');
const log = [];
function track(name, s) {
  for (const ev of ['end', 'finish', 'prefinish', 'close', 'error']) {
    s.on(ev, (e) => log.push(`${name}:${ev}${e && e.message ? ':' + e.message : ''}`));
  }
  return s;
}
// Duplex with allowHalfOpen false ends the writable side after 'end'
{
  const d = track('a', new Duplex({ allowHalfOpen: false, read() {}, write(c, e, cb) { log.push('a:write:' + c); cb(); } }));
  d.write('in');
  d.push('out'); d.push(null);
  d.resume();
  log.push('a:' + (d instanceof Writable) + ':' + (d instanceof Readable) + ':' + d.allowHalfOpen);
}
// Duplex default half-open keeps writable after end
{
  const d = track('b', new Duplex({ read() {}, write(c, e, cb) { cb(); } }));
  d.push(null); d.resume();
  setTimeout(() => { log.push('b:writable=' + d.writable); d.end(); }, 100);
}
// Transform with flush
{
  const t = track('c', new Transform({
    transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); },
    flush(cb) { log.push('c:flush'); cb(null, '!'); },
  }));
  t.on('data', (d) => log.push('c:data:' + d));
  t.write('ab'); t.end('cd');
}
// Transform error in callback
{
  const t = track('d', new Transform({ transform(chunk, enc, cb) { cb(new Error('tx')); } }));
  t.write('x', (err) => log.push('d:cb:' + (err && err.message)));
}
// PassThrough objectMode
{
  const p = track('e', new PassThrough({ objectMode: true }));
  p.on('data', (o) => log.push('e:data:' + JSON.stringify(o)));
  p.write({ n: 1 }); p.end({ n: 2 });
}
// Transform backpressure: readable side full holds the write callback
{
  const t = new Transform({ highWaterMark: 2, transform(c, e, cb) { cb(null, c); } });
  let done = 0;
  for (let i = 0; i < 5; i++) t.write('xx', () => done++);
  setTimeout(() => {
    log.push('f:done=' + done + ':rlen=' + t.readableLength + ':wlen=' + t.writableLength);
    t.resume();
    // Deadlines ordered by expiry alone: f (5ms) < b (100ms) < f:after (>= 155ms),
    // as long as the synchronous code between b's and f's timers takes < 95ms.
    setTimeout(() => log.push('f:after=' + done), 150);
  }, 5);
}
// readable: false / writable: false duplex
{
  const d = new Duplex({ readable: false, write(c, e, cb) { cb(); } });
  log.push('g:' + d.readable + ':' + d.writable + ':' + d.readableEnded);
  const d2 = new Duplex({ writable: false, read() {} });
  log.push('g:' + d2.readable + ':' + d2.writable + ':' + d2.writableFinished);
}
// destroy duplex
{
  const d = track('h', new Duplex({ read() {}, write(c, e, cb) { cb(); } }));
  d.destroy(new Error('dd'));
  log.push('h:' + d.destroyed + ':' + d.readableAborted + ':' + d.writableAborted);
}
// Transform without _transform
{
  const t = track('i', new Transform());
  try { t.write('x'); } catch (e) { log.push('i:throws:' + e.code); }
}

const expected = ["a:write:in","a:true:true:false","c:data:AB","c:data:CD","c:flush","c:data:!","c:prefinish","e:data:{\"n\":1}","e:data:{\"n\":2}","e:prefinish","g:false:true:true","g:true:false:true","h:true:true:undefined","i:throws:ERR_METHOD_NOT_IMPLEMENTED","c:end","c:finish","d:cb:tx","e:end","e:finish","h:error:dd","h:close","a:end","b:end","c:close","d:error:tx","d:close","e:close","a:prefinish","a:finish","a:close","f:done=0:rlen=2:wlen=10","b:writable=true","b:prefinish","b:finish","b:close","f:after=5"];
process.on('exit', () => assert.deepStrictEqual(log, expected));
