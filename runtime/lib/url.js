'use strict';
// node:url — the WHATWG URL API (internal/url) and the legacy url.parse /
// url.format / url.resolve API.

const {
  URL, URLSearchParams, domainToASCII, domainToUnicode, fileURLToPath, pathToFileURL,
  urlToHttpOptions,
} = require('internal/url');

module.exports = {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
