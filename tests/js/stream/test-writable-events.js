'use strict';
// Writable: backpressure, drain, cork/writev, final, destroy, errors (event order).
// Expected sequences recorded from node v20.
const assert = require('assert');
const { Writable } = require('stream');
const log = [];
function track(name, s) {
  for (const ev of ['drain', 'finish', 'prefinish', 'close', 'error', 'pipe', 'unpipe']) {
    s.on(ev, (e) => log.push(`${name}:${ev}${e && e.message ? ':' + e.message : ''}`));
  }
  return s;
}
// backpressure and drain
{
  const w = track('a', new Writable({
    highWaterMark: 4,
    write(chunk, enc, cb) { log.push('a:write:' + chunk + ':' + enc); process.nextTick(cb); },
  }));
  log.push('a:ret:' + w.write('ab') + ':' + w.write('cd') + ':' + w.write('e'));
  log.push('a:len=' + w.writableLength + ':needDrain=' + w.writableNeedDrain);
  w.end(() => log.push('a:endcb:finished=' + w.writableFinished));
  log.push('a:ended=' + w.writableEnded + ':finished=' + w.writableFinished);
}
// writev batching when corked
{
  const w = track('b', new Writable({
    write(chunk, enc, cb) { log.push('b:write:' + chunk); cb(); },
    writev(chunks, cb) { log.push('b:writev:' + chunks.map((c) => c.chunk).join('|') + ':' + chunks.allBuffers); cb(); },
  }));
  w.cork();
  w.write('1'); w.write('2'); w.write('3', 'utf8', () => log.push('b:cb3'));
  log.push('b:corked=' + w.writableCorked);
  process.nextTick(() => { w.uncork(); w.end(); });
}
// decodeStrings false keeps strings and encodings
{
  const w = new Writable({ decodeStrings: false, write(c, enc, cb) { log.push('c:' + typeof c + ':' + enc); cb(); } });
  w.write('hi', 'latin1');
  w.write(Buffer.from('x'));
  w.end();
}
// write after end
{
  const w = track('d', new Writable({ write(c, e, cb) { cb(); } }));
  w.end();
  w.write('x', (err) => log.push('d:cb:' + err.code));
}
// _final and error in write
{
  const w = track('e', new Writable({
    write(c, e, cb) { cb(new Error('wfail')); },
    final(cb) { log.push('e:final'); cb(); },
  }));
  w.write('x', (err) => log.push('e:cb:' + err.message));
}
// final runs before finish
{
  const w = track('f', new Writable({
    write(c, e, cb) { cb(); },
    final(cb) { log.push('f:final'); setTimeout(cb, 1); },
  }));
  w.end('last');
}
// destroy with pending writes
{
  const w = track('g', new Writable({ write(c, e, cb) { setTimeout(cb, 30); } }));
  w.write('1', (err) => log.push('g:cb1:' + (err && err.code)));
  w.write('2', (err) => log.push('g:cb2:' + (err && err.code)));
  w.destroy();
  w.write('3', (err) => log.push('g:cb3:' + (err && err.code)));
}
// multiple callback
{
  const w = track('h', new Writable({ write(c, e, cb) { cb(); cb(); } }));
  w.write('x');
}
// objectMode
{
  const w = new Writable({ objectMode: true, highWaterMark: 1, write(c, e, cb) { log.push('i:' + JSON.stringify(c) + ':' + e); cb(); } });
  log.push('i:ret:' + w.write({ k: 1 }));
}
// end twice
{
  const w = track('j', new Writable({ write(c, e, cb) { cb(); } }));
  w.end();
  w.on('finish', () => w.end((err) => log.push('j:end2:' + (err && err.code))));
}
// construct
{
  const w = track('k', new Writable({
    construct(cb) { log.push('k:construct'); setTimeout(cb, 1); },
    write(c, e, cb) { log.push('k:write:' + c); cb(); },
  }));
  w.write('early');
  w.end();
}
// null write throws
try { new Writable().write(null); } catch (e) { log.push('l:' + e.code + ':' + e.message); }
try { new Writable().write('x', 'bogus'); } catch (e) { log.push('l:' + e.code + ':' + e.message); }
log.push('m:' + (new Writable() instanceof Writable) + ':' + (Writable() instanceof Writable));
{
  const w = new Writable({ highWaterMark: 2, write(c, e, cb) { cb(); } });
  w.on('drain', () => log.push('n:drain'));
  log.push('n:' + w.write('abc') + ':' + w.writableLength);
  const o = new Writable({ objectMode: true, write(c, e, cb) { log.push('o:' + e); cb(); } });
  o.write('x'); o.write('x', () => {}); o.write('x', 'hex');
}

const expected = ["a:write:ab:buffer","a:ret:true:false:false","a:len=5:needDrain=true","a:ended=true:finished=false","b:corked=1","c:string:latin1","c:object:buffer","d:prefinish","f:final","i:{\"k\":1}:undefined","i:ret:true","j:prefinish","l:ERR_STREAM_NULL_VALUES:May not write null values to stream","l:ERR_UNKNOWN_ENCODING:Unknown encoding: bogus","m:true:true","n:true:0","o:undefined","o:null","o:hex","a:write:cd:buffer","b:writev:1|2|3:true","b:prefinish","d:cb:ERR_STREAM_WRITE_AFTER_END","d:error:write after end","d:close","e:cb:wfail","g:close","g:cb3:ERR_STREAM_DESTROYED","h:error:Callback called multiple times","h:close","j:finish","k:construct","a:write:e:buffer","b:cb3","e:error:wfail","e:close","j:end2:ERR_STREAM_ALREADY_FINISHED","j:close","a:prefinish","b:finish","a:endcb:finished=true","a:finish","b:close","a:close","f:prefinish","f:finish","f:close","k:write:early","k:prefinish","k:finish","k:close","g:cb1:null","g:cb2:ERR_STREAM_DESTROYED"];
process.on('exit', () => assert.deepStrictEqual(log, expected));
