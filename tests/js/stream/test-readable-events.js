'use strict';
// Readable event order: flowing/paused modes, read(n), encoding, destroy, unshift, errors.
// Expected sequences recorded from node v20.
const assert = require('assert');
const { Readable } = require('stream');
const log = [];
function track(name, s) {
  for (const ev of ['end', 'close', 'pause', 'resume', 'error']) {
    s.on(ev, (e) => log.push(`${name}:${ev}${e && e.message ? ':' + e.message : ''}`));
  }
  return s;
}
// flowing mode with push from _read
{
  let i = 0;
  const r = track('a', new Readable({ read() { this.push(i < 3 ? String(i++) : null); } }));
  r.on('data', (d) => log.push('a:data:' + d));
  log.push('a:flowing=' + r.readableFlowing + ':paused=' + r.isPaused());
}
// paused mode with 'readable' and read()
{
  const r = track('b', new Readable({ read() {} }));
  r.push('xy'); r.push('z');
  r.on('readable', () => {
    let c;
    log.push('b:readable:len=' + r.readableLength);
    while ((c = r.read()) !== null) log.push('b:read:' + c);
  });
  setTimeout(() => r.push(null), 5);
}
// read(n) slicing across chunks
{
  const r = new Readable({ read() {} });
  r.push('abc'); r.push('def'); r.push(null);
  log.push('c:' + r.read(2) + ',' + r.read(3) + ',' + r.read(5) + ',' + r.read());
}
// setEncoding and multibyte split
{
  const r = new Readable({ read() {} });
  r.setEncoding('utf8');
  const buf = Buffer.from('héllo€');
  r.push(buf.subarray(0, 2)); r.push(buf.subarray(2, 7)); r.push(buf.subarray(7)); r.push(null);
  r.on('data', (d) => log.push('d:' + JSON.stringify(d)));
  r.on('end', () => log.push('d:end enc=' + r.readableEncoding));
}
// destroy with error: error then close, no end
{
  const r = track('e', new Readable({ read() {} }));
  r.push('q');
  r.destroy(new Error('boom'));
  log.push('e:destroyed=' + r.destroyed + ':errored=' + (r.errored && r.errored.message));
}
// emitClose false, autoDestroy false
{
  const r = track('f', new Readable({ read() {}, emitClose: false, autoDestroy: false }));
  r.resume();
  r.push(null);
  setTimeout(() => log.push('f:destroyed=' + r.destroyed), 100);
}
// objectMode and highWaterMark counting
{
  const r = new Readable({ objectMode: true, highWaterMark: 2, read() {} });
  log.push('g:' + r.push({ a: 1 }) + ',' + r.push(2) + ',' + r.readableLength + ',' + r.readableHighWaterMark);
  log.push('g:' + JSON.stringify(r.read()) + ',' + r.read());
}
// unshift
{
  const r = new Readable({ read() {} });
  r.push('world'); r.unshift('hello ');
  r.push(null);
  log.push('h:' + r.read());
}
// push after EOF
{
  const r = track('i', new Readable({ read() {} }));
  r.push(null);
  r.push('late');
}
// pause/resume
{
  const r = track('j', new Readable({ read() {} }));
  r.on('data', (d) => { log.push('j:data:' + d); r.pause(); setTimeout(() => r.resume(), 2); });
  r.push('1'); r.push('2'); r.push(null);
}
// invalid chunk type
{
  const r = track('k', new Readable({ read() {} }));
  r.push(42);
}
// _read not implemented
{
  const r = track('l', new Readable());
  r.resume();
}

const expected = ["a:flowing=true:paused=false","c:ab,cde,f,null","e:destroyed=true:errored=boom","g:true,false,2,2","g:{\"a\":1},2","h:hello world","a:resume","a:data:0","a:data:1","a:data:2","b:readable:len=3","b:read:xyz","d:\"h\"","d:\"éllo\"","d:\"€\"","e:error:boom","e:close","f:resume","i:error:stream.push() after EOF","i:close","j:resume","j:data:1","j:pause","k:error:The \"chunk\" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received type number (42)","k:close","l:resume","a:end","d:end enc=utf8","f:end","l:error:The _read() method is not implemented","l:close","a:close","b:readable:len=0","b:end","b:close","j:resume","j:data:2","j:pause","j:end","j:close","j:resume","f:destroyed=false"];
process.on('exit', () => assert.deepStrictEqual(log, expected));
