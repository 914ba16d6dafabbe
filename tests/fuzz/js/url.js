'use strict';
// The URL parser (runtime/lib/internal/url.js, with ICU's domainToASCII in
// bindings/url.cc) under arbitrary input. Byte 0 picks a base; the rest,
// read as UTF-8, is the input. check() throws on a broken invariant:
//   - new URL() throws nothing but a TypeError with code ERR_INVALID_URL,
//     and URL.canParse() agrees with it;
//   - a parsed URL's href parses again to the same href (idempotence);
//   - href is its components put back together, a special URL's origin its
//     scheme and host;
//   - setting search, hash and pathname to their own (non-empty) values
//     changes nothing.
// describe() is what run.js compares with node's answers (--compare).

const kBases = [
  undefined,
  'http://user:pass@example.com:8080/a/b/c?q=1#frag',
  'file:///tmp/dir/file.txt',
  'non-spec:/p/q',
  'about:blank',
  'https://xn--nxasmq6b.example/%7Efoo/',
];

function fail(message, input, base) {
  const error = new Error(`url invariant: ${message} (input ${JSON.stringify(input)}` +
    `${base === undefined ? '' : `, base ${JSON.stringify(base)}`})`);
  error.fuzzInvariant = true;
  throw error;
}

function parse(input, base) {
  try {
    return base === undefined ? new URL(input) : new URL(input, base);
  } catch (error) {
    if (!(error instanceof TypeError) || error.code !== 'ERR_INVALID_URL') {
      fail(`threw ${error && error.code} ${error && error.stack}`, input, base);
    }
    return null;
  }
}

function split(bytes) {
  const base = kBases[bytes.length > 0 ? bytes[0] % kBases.length : 0];
  const input = Buffer.from(bytes.subarray(1)).toString('utf8');
  return { base, input };
}

function check(bytes) {
  const { base, input } = split(bytes);
  const url = parse(input, base);
  const can = base === undefined ? URL.canParse(input) : URL.canParse(input, base);
  if (can !== (url !== null)) fail(`canParse says ${can}`, input, base);
  if (url === null) return;
  const href = url.href;
  const again = parse(href);
  if (again === null) fail(`its href ${JSON.stringify(href)} does not parse`, input, base);
  if (again.href !== href) {
    fail(`href ${JSON.stringify(href)} parses to ${JSON.stringify(again.href)}`, input, base);
  }
  const auth = url.username !== '' || url.password !== '' ?
    `${url.username}${url.password !== '' ? `:${url.password}` : ''}@` : '';
  // An empty query or fragment ("?", "#") shows as '' in search and hash.
  const forms = [];
  for (const search of url.search === '' ? ['', '?'] : [url.search]) {
    for (const hash of url.hash === '' ? ['', '#'] : [url.hash]) {
      const tail = `${url.pathname}${search}${hash}`;
      forms.push(`${url.protocol}//${auth}${url.host}${tail}`);
      if (auth === '' && url.host === '') forms.push(`${url.protocol}${tail}`, `${url.protocol}/.${tail}`);
    }
  }
  if (!forms.includes(href)) fail(`href ${JSON.stringify(href)} is not its components`, input, base);
  if (['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(url.protocol) &&
      url.origin !== `${url.protocol}//${url.host}`) {
    fail(`origin ${url.origin} is not the scheme and host`, input, base);
  }
  for (const part of ['search', 'hash', 'pathname']) {
    if (url[part] === '') continue;  // '' removes an empty "?" or "#"
    const copy = new URL(href);
    copy[part] = url[part];
    if (copy.href !== href) {
      fail(`setting ${part} to ${JSON.stringify(url[part])} made ${JSON.stringify(copy.href)}`,
        input, base);
    }
  }
}

function describe(bytes) {
  const { base, input } = split(bytes);
  let url;
  try {
    url = base === undefined ? new URL(input) : new URL(input, base);
  } catch (error) {
    return `throws ${error.code}`;
  }
  return url.href;
}

// Where node 20 (ada 2.x) departs from the URL Standard and nodus follows the
// standard (tests/js/url/test-url-corpus.js lists the same), or ICU's IDNA and
// ada's disagree: a class name for run.js --compare, or undefined for a
// difference nobody has explained.
function classify(bytes, nodus, node) {
  const { base } = split(bytes);
  if (base === 'about:blank' && nodus === 'throws ERR_INVALID_URL') {
    return 'node resolves against about:blank (the standard fails)';
  }
  if (nodus.replace(/\/(?=[?#]|$)/, '') === node) {
    return 'node drops the empty segment ".." leaves before ?, # or the end (the standard keeps "/")';
  }
  // A hierarchical path never keeps "." or ".." segments in the standard.
  const path = /^[a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?(\/[^?#]*)/i.exec(node);
  if (path && /\/\.{1,2}(\/|$)/.test(path[1])) {
    return 'node keeps "." and ".." segments (ada 2.x, after a segment starting with ".")';
  }
  if (nodus === 'throws ERR_INVALID_URL' && /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*@)?([^/?#]*\.)?xn--/i.test(node)) {
    return 'an xn-- label node accepts and ICU does not (e.g. Punycode that decodes to ASCII only)';
  }
  if (/^file:\/\/[^/]*\/[A-Za-z]:[^/]/.test(node) && nodus.length < node.length) {
    return 'node keeps a first segment like "C:x" that ".." pops (not a drive letter)';
  }
  return undefined;
}

module.exports = {
  check,
  describe,
  classify,
  dictionary: ['://', '//', '@', ':', '[', ']', '[::1]', '[::ffff:1.2.3.4]', '%', '%2e', '%2E%2e',
    '..', '.', '/', '\\', '?', '#', 'xn--', 'xn--a', '0x7f', '127.0.0.1', '1.2.3', '0300',
    '4294967296', 'http:', 'https:', 'file:', 'ws:', 'blob:', 'data:', 'javascript:', ' ',
    '\t', '\n', '\u0000', '\u00df', '\uff21', '\u3002', '\u200d', '\ufffd', '\ud83d\ude00',
    'C:', '|', 'localhost', 'user:pw@', ':65535', ':65536', '%00', '%zz', '^', '`', '{', '<'],
};
