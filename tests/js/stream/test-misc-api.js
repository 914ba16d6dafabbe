'use strict';
// stream module shape, highWaterMark defaults, subclassing, _construct, utils, legacy pipe, wrap, iterator options.
// Expected sequences recorded from node v20.
const assert = require('assert');
const stream = require('stream');
const { Readable, Writable, Duplex, PassThrough, Stream } = stream;
const util = require('util');
const EventEmitter = require('events');
const log = [];
// module shape
log.push('shape:' + (stream === Stream) + ':' + (typeof stream.promises.pipeline) + ':' +
  (require('_stream_readable') === Readable) + ':' + (require('_stream_passthrough') === PassThrough) +
  ':' + (new Readable() instanceof EventEmitter) + ':' + (new PassThrough() instanceof Writable));
log.push('hwm:' + stream.getDefaultHighWaterMark(false) + ':' + stream.getDefaultHighWaterMark(true) + ':' +
  new Readable().readableHighWaterMark + ':' + new Writable({ objectMode: true }).writableHighWaterMark + ':' +
  new Duplex({ readableHighWaterMark: 7, writableHighWaterMark: 9 }).readableHighWaterMark + ':' +
  new Duplex({ readableHighWaterMark: 7, writableHighWaterMark: 9 }).writableHighWaterMark);
stream.setDefaultHighWaterMark(false, 1000);
log.push('hwm2:' + new Readable().readableHighWaterMark + ':' + new Writable().writableHighWaterMark);
stream.setDefaultHighWaterMark(false, 16384);
try { new Readable({ highWaterMark: 1.5 }); } catch (e) { log.push(e.code + ':' + e.message); }
try { new Duplex({ readableHighWaterMark: -1 }); } catch (e) { log.push(e.code + ':' + e.message); }
// util.inherits style subclassing
function Legacy(opts) { Readable.call(this, opts); }
util.inherits(Legacy, Readable);
Legacy.prototype._read = function() { this.push('L'); this.push(null); };
new Legacy().on('data', (d) => log.push('legacy:' + d));
// class subclassing with _construct ordering
class Slow extends Readable {
  _construct(cb) { log.push('construct'); setTimeout(cb, 2); }
  _read() { log.push('read'); this.push(null); }
}
const s = new Slow();
s.on('end', () => log.push('slow:end'));
s.resume();
// utils
const r = new Readable({ read() {} });
log.push('utils:' + stream.isReadable(r) + ':' + stream.isErrored(r) + ':' + stream.isDisturbed(r) + ':' + stream.isDestroyed(r));
r.on('error', () => {});
r.destroy(new Error('x'));
process.nextTick(() => log.push('utils2:' + stream.isReadable(r) + ':' + stream.isErrored(r) + ':' + stream.isDestroyed(r)));
const r2 = new Readable({ read() {} });
r2.push('a'); r2.read();
log.push('disturbed:' + stream.isDisturbed(r2) + ':' + r2.readableDidRead);
// legacy Stream#pipe
const old = new Stream();
const sink = new Writable({ write(c, e, cb) { log.push('old:' + c); cb(); } });
old.pipe(sink);
old.emit('data', 'zz');
old.emit('end');
sink.on('finish', () => log.push('old:finish'));
// Readable.wrap
const oldSrc = new EventEmitter();
oldSrc.pause = () => {}; oldSrc.resume = () => {};
const wrapped = new Readable().wrap(oldSrc);
wrapped.on('data', (d) => log.push('wrap:' + d));
wrapped.on('end', () => log.push('wrap:end'));
oldSrc.emit('data', Buffer.from('w'));
oldSrc.emit('end');
// readable.iterator destroyOnReturn false
(async () => {
  const it = Readable.from([1, 2, 3]);
  for await (const x of it.iterator({ destroyOnReturn: false })) { log.push('iter:' + x); break; }
  log.push('iter:destroyed=' + it.destroyed);
  for await (const x of it) log.push('iter2:' + x);
})();
// promisified pipeline / finished
log.push('promisify:' + (util.promisify(stream.pipeline) === stream.promises.pipeline) + ':' +
  (util.promisify(stream.finished) === stream.promises.finished));
// destroy callback and errored getters
const w = new Writable({ write(c, e, cb) { cb(); } });
w.destroy(null, (err) => log.push('destroy-cb:' + err));
w.on('close', () => log.push('w:close:' + w.closed + ':' + w.destroyed + ':' + w.writableAborted));
// Transform + setEncoding on readable side
const pt = new PassThrough();
pt.setEncoding('hex');
pt.on('data', (d) => log.push('hex:' + d));
pt.end('AB');
// writable end() with chunk and encoding
const w2 = new Writable({ write(c, e, cb) { log.push('w2:' + c.toString('hex')); cb(); } });
w2.end('ff00', 'hex');
// emit 'error' only once; errored property
const d = new Duplex({ read() {}, write(c, e, cb) { cb(new Error('d1')); } });
d.on('error', (e) => log.push('d:error:' + e.message + ':' + (d.errored && d.errored.message)));
d.write('x');
d.write('y', (err) => log.push('d:cb2:' + (err && err.code)));

const expected = ["shape:true:function:true:true:true:true","hwm:16384:16:16384:16:7:9","hwm2:1000:1000","ERR_INVALID_ARG_VALUE:The property 'options.highWaterMark' is invalid. Received 1.5","ERR_INVALID_ARG_VALUE:The property 'options.readableHighWaterMark' is invalid. Received -1","utils:true:false:false:false","disturbed:true:true","old:zz","promisify:true:true","destroy-cb:null","hex:4142","w2:ff00","legacy:L","construct","utils2:false:true:true","old:finish","wrap:w","w:close:true:true:true","d:cb2:undefined","wrap:end","d:error:d1:d1","iter:1","iter:destroyed=false","iter2:2","iter2:3","read","slow:end"];
process.on('exit', () => assert.deepStrictEqual(log, expected));
