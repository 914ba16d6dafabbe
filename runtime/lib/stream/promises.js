'use strict';
// stream/promises: promise versions of pipeline() and finished().

const { finished } = require('internal/streams/end-of-stream');

function pipeline(...streams) {
  return require('internal/streams/pipeline').pipelinePromise(...streams);
}

module.exports = { finished, pipeline };
