'use strict';
// stream.addAbortSignal(): destroy a stream with an AbortError when the signal aborts.

function validateSignal(signal, name) {
  require('internal/validators').validateAbortSignal(signal, name);
}

function addAbortSignal(signal, stream) {
  validateSignal(signal, 'signal');
  const { isNodeStream, isWebStream } = require('internal/streams/utils');
  if (!isNodeStream(stream) && !isWebStream(stream)) {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  return addAbortSignalNoValidate(signal, stream);
}

function addAbortSignalNoValidate(signal, stream) {
  if (typeof signal !== 'object' || !('aborted' in signal)) return stream;
  const onAbort = () => {
    const { AbortError } = require('internal/errors');
    stream.destroy(new AbortError(undefined, { cause: signal.reason }));
  };
  if (signal.aborted) {
    onAbort();
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    const eos = require('internal/streams/end-of-stream');
    eos(stream, () => signal.removeEventListener('abort', onAbort));
  }
  return stream;
}

module.exports = { addAbortSignal, addAbortSignalNoValidate, validateSignal };
