'use strict';

// SecureContext (an SSL_CTX behind internalBinding('tls_wrap')) and
// createSecureContext's option handling; the peer-certificate object shape.

const binding = internalBinding('tls_wrap');
const { FastBuffer } = require('internal/buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
  notImplemented,
} = require('internal/errors');
const { tlsError } = require('internal/tls/errors');

const kProtocolVersions = {
  __proto__: null,
  'TLSv1': binding.TLS1_VERSION,
  'TLSv1.1': binding.TLS1_1_VERSION,
  'TLSv1.2': binding.TLS1_2_VERSION,
  'TLSv1.3': binding.TLS1_3_VERSION,
};

const kSecureProtocols = {
  __proto__: null,
  TLS_method: [0, 0],
  TLS_client_method: [0, 0],
  TLS_server_method: [0, 0],
  SSLv23_method: [0, 0],
  SSLv23_client_method: [0, 0],
  SSLv23_server_method: [0, 0],
  TLSv1_method: ['TLSv1', 'TLSv1'],
  TLSv1_client_method: ['TLSv1', 'TLSv1'],
  TLSv1_server_method: ['TLSv1', 'TLSv1'],
  TLSv1_1_method: ['TLSv1.1', 'TLSv1.1'],
  TLSv1_1_client_method: ['TLSv1.1', 'TLSv1.1'],
  TLSv1_1_server_method: ['TLSv1.1', 'TLSv1.1'],
  TLSv1_2_method: ['TLSv1.2', 'TLSv1.2'],
  TLSv1_2_client_method: ['TLSv1.2', 'TLSv1.2'],
  TLSv1_2_server_method: ['TLSv1.2', 'TLSv1.2'],
};

function toVersion(value, which) {
  const version = kProtocolVersions[value];
  if (version === undefined) {
    throw tlsError('ERR_TLS_INVALID_PROTOCOL_VERSION',
                   `${JSON.stringify(value)} is not a valid ${which} TLS protocol version`,
                   TypeError);
  }
  return version;
}

function SecureContext(secureProtocol, secureOptions, minVersion, maxVersion) {
  if (!(this instanceof SecureContext)) {
    return new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  }
  const tls = require('tls');
  if (secureProtocol) {
    if (typeof secureProtocol !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.secureProtocol', 'string', secureProtocol);
    }
    for (const [name, value] of [['minVersion', minVersion], ['maxVersion', maxVersion]]) {
      if (value != null) {
        throw tlsError('ERR_TLS_PROTOCOL_VERSION_CONFLICT',
                       `TLS protocol version ${JSON.stringify(value)} conflicts with ` +
                       `secureProtocol ${JSON.stringify(secureProtocol)}`, TypeError);
      }
      void name;
    }
  }
  this.context = new binding.SecureContext();
  let min = 0;
  let max = 0;
  if (secureProtocol) {
    const range = kSecureProtocols[secureProtocol];
    if (range === undefined) {
      const err = new TypeError(`Unknown method: ${secureProtocol}`);
      err.code = 'ERR_TLS_INVALID_PROTOCOL_METHOD';
      throw err;
    }
    min = range[0] ? kProtocolVersions[range[0]] : binding.TLS1_VERSION;
    max = range[1] ? kProtocolVersions[range[1]] : binding.TLS1_3_VERSION;
  } else {
    min = toVersion(minVersion == null ? tls.DEFAULT_MIN_VERSION : minVersion, 'minimum');
    max = toVersion(maxVersion == null ? tls.DEFAULT_MAX_VERSION : maxVersion, 'maximum');
  }
  this.minVersion = min;
  this.maxVersion = max;
  this.context.setProtocols(min, max);
  if (secureOptions) this.context.setOptions(secureOptions);
}

function toBytes(value, name) {
  if (typeof value === 'string') return Buffer.from(value);
  if (ArrayBuffer.isView(value)) return value;
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
}

function each(value, fn) {
  if (Array.isArray(value)) value.forEach(fn);
  else fn(value);
}

function createSecureContext(options) {
  if (!options) options = {};
  const tls = require('tls');
  for (const unsupported of ['pfx', 'dhparam', 'crl', 'sigalgs', 'privateKeyEngine',
    'privateKeyIdentifier', 'clientCertEngine', 'ticketKeys']) {
    if (options[unsupported] != null && options[unsupported] !== 'auto') {
      throw notImplemented(`tls.createSecureContext option ${unsupported}`);
    }
  }
  const { honorCipherOrder, minVersion, maxVersion, secureProtocol } = options;
  let { secureOptions } = options;
  if (honorCipherOrder) secureOptions |= 0x400000;  // SSL_OP_CIPHER_SERVER_PREFERENCE
  const sc = new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  const ctx = sc.context;

  if (options.ca) {
    each(options.ca, (ca) => ctx.addCACert(toBytes(ca, 'options.ca')));
  } else {
    ctx.addRootCerts();
  }
  if (options.cert) {
    each(options.cert, (cert) => ctx.setCert(toBytes(cert, 'options.cert')));
  }
  if (options.key) {
    each(options.key, (key) => {
      let pem = key;
      let passphrase = options.passphrase;
      if (key !== null && typeof key === 'object' && !ArrayBuffer.isView(key)) {
        pem = key.pem;
        if (key.passphrase !== undefined) passphrase = key.passphrase;
      }
      ctx.setKey(toBytes(pem, 'options.key'), passphrase === undefined ? undefined : String(passphrase));
    });
    ctx.checkKey();
  }

  const ciphers = options.ciphers === undefined ? tls.DEFAULT_CIPHERS : options.ciphers;
  if (typeof ciphers !== 'string') throw new ERR_INVALID_ARG_TYPE('options.ciphers', 'string', ciphers);
  const parts = ciphers.split(':');
  const suites = parts.filter((c) => c.startsWith('TLS_')).join(':');
  const list = parts.filter((c) => c !== '' && !c.startsWith('TLS_')).join(':');
  if (suites === '' && list === '') {
    throw new ERR_INVALID_ARG_VALUE('options.ciphers', ciphers);
  }
  ctx.setCiphers(list, suites);
  if (suites === '' && sc.maxVersion > binding.TLS1_2_VERSION && sc.minVersion < binding.TLS1_3_VERSION) {
    ctx.setProtocols(sc.minVersion, binding.TLS1_2_VERSION);
  }
  if (list === '' && sc.minVersion < binding.TLS1_3_VERSION && sc.maxVersion > binding.TLS1_2_VERSION) {
    ctx.setProtocols(binding.TLS1_3_VERSION, sc.maxVersion);
  }

  const curve = options.ecdhCurve === undefined ? tls.DEFAULT_ECDH_CURVE : options.ecdhCurve;
  if (typeof curve !== 'string') throw new ERR_INVALID_ARG_TYPE('options.ecdhCurve', 'string', curve);
  if (curve !== 'auto' && !ctx.setGroups(curve)) {
    throw tlsError('ERR_CRYPTO_OPERATION_FAILED', 'Failed to set ECDH curve');
  }
  if (options.sessionIdContext) ctx.setSessionIdContext(String(options.sessionIdContext));
  return sc;
}

// infoAccess "OCSP - URI:http://x\n..." -> { 'OCSP - URI': ['http://x'] }
function parseInfoAccess(text) {
  const out = { __proto__: null };
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon);
    (out[key] ||= []).push(line.slice(colon + 1));
  }
  return out;
}

function translatePeerCertificate(c) {
  if (!c) return null;
  const seen = new Set();
  const fix = (cert) => {
    if (seen.has(cert)) return;
    seen.add(cert);
    if (cert.raw instanceof ArrayBuffer) cert.raw = new FastBuffer(cert.raw);
    if (cert.pubkey instanceof ArrayBuffer) cert.pubkey = new FastBuffer(cert.pubkey);
    if (typeof cert.infoAccess === 'string') cert.infoAccess = parseInfoAccess(cert.infoAccess);
    if (cert.issuerCertificate && cert.issuerCertificate !== cert) fix(cert.issuerCertificate);
  };
  fix(c);
  return c;
}

module.exports = {
  SecureContext,
  createSecureContext,
  translatePeerCertificate,
};
