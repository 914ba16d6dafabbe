'use strict';
// fs.createReadStream/createWriteStream, FileHandle streams: events, options, errors.
// Expected sequences recorded from node v20.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const common = require('../common');
const log = [];
const console = { log: (...a) => log.push(a.join(' ')) };
try{fs.createReadStream('/x',{start:3,end:2})}catch(e){console.log(e.code, e.message)}
try{fs.createReadStream('/x',{start:-1})}catch(e){console.log(e.code, e.message)}
try{fs.createReadStream('/x',{start:'a'})}catch(e){console.log(e.code, e.message)}
try{fs.createReadStream(42)}catch(e){console.log(e.code, e.message)}
try{fs.createReadStream('/x',{highWaterMark:-1})}catch(e){console.log(e.code, e.message)}
const r=fs.createReadStream('/nonexist'); console.log(r.pending, r.path, r.fd, r.flags, r.mode, r.start, r.end, r.pos, r.bytesRead, r.autoClose, r.readableHighWaterMark);
r.on('error',e=>console.log('err',e.message, e.code, e.syscall, e.path)); r.on('close',()=>console.log('close'));
const f = path.join(common.tmpdir.refresh(), 'ws.txt');
const w=fs.createWriteStream(f); console.log(w.pending, w.path === f, w.fd, w.flags, w.mode, w.start, w.pos, w.bytesWritten, w.writableHighWaterMark);
for (const ev of ['open','ready','finish','close']) w.on(ev, (x) => console.log('w', ev, typeof x));
w.write('hello '); w.write(Buffer.from('world')); w.end('\n', () => {
  console.log('bytesWritten', w.bytesWritten);
  const rs = fs.createReadStream(f, { encoding: 'utf8', start: 2, end: 7, highWaterMark: 3 });
  for (const ev of ['open','ready','end','close']) rs.on(ev, (x) => console.log('r', ev, typeof x));
  rs.on('data', (d) => console.log('data', JSON.stringify(d)));
  rs.on('close', async () => {
    console.log('bytesRead', rs.bytesRead);
    const fh = await fs.promises.open(f);
    const chunks = [];
    for await (const c of fh.createReadStream()) chunks.push(c);
    console.log('fh', Buffer.concat(chunks).toString());
    const wh = await fs.promises.open(f, 'a');
    const ws = wh.createWriteStream();
    ws.end('more\n');
    ws.on('close', () => { console.log('appended', JSON.stringify(fs.readFileSync(f, 'utf8'))); second(); });
  });
});
function second() {
  // pipe a file through a PassThrough into another file; destroy mid-read closes the fd.
  const { PassThrough, pipeline } = require('stream');
  const src = path.join(require('os').tmpdir(), `nodus-stream-src-${process.pid}`);
  fs.writeFileSync(src, Buffer.alloc(300000, 'x'));
  const dst = src + '.out';
  pipeline(fs.createReadStream(src), new PassThrough(), fs.createWriteStream(dst), (err) => {
    log.push('pipeline ' + err + ' ' + fs.statSync(dst).size);
    const r = fs.createReadStream(src, { highWaterMark: 1000 });
    r.once('data', (d) => {
      log.push('first ' + d.length);
      r.destroy();
      r.on('close', () => {
        log.push('closed fd=' + r.fd + ' destroyed=' + r.destroyed);
        fs.unlinkSync(src);
        fs.unlinkSync(dst);
      });
    });
  });
}

const expected = ["ERR_OUT_OF_RANGE The value of \"start\" is out of range. It must be <= \"end\" (here: 2). Received 3","ERR_OUT_OF_RANGE The value of \"start\" is out of range. It must be >= 0 && <= 9007199254740991. Received -1","ERR_INVALID_ARG_TYPE The \"start\" argument must be of type number. Received type string ('a')","ERR_INVALID_ARG_TYPE The \"path\" argument must be of type string or an instance of Buffer or URL. Received type number (42)","ERR_INVALID_ARG_VALUE The property 'options.highWaterMark' is invalid. Received -1","true /nonexist  r 438  Infinity  0 true 65536","true true  w 438   0 16384","err ENOENT: no such file or directory, open '/nonexist' ENOENT open /nonexist","close","w open number","w ready undefined","bytesWritten 12","w finish undefined","w close undefined","r open number","r ready undefined","data \"llo\"","data \" wo\"","r end undefined","r close undefined","bytesRead 6","fh hello world\n","appended \"hello world\\nmore\\n\"","pipeline undefined 300000","first 1000","closed fd=null destroyed=true"];
process.on('exit', () => assert.deepStrictEqual(log, expected));
