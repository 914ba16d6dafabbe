'use strict';

// The tls module: secure contexts, TLSSocket, tls.Server/createServer,
// tls.connect, checkServerIdentity and the root certificate list.

const net = require('net');
const binding = internalBinding('tls_wrap');
const { SecureContext, createSecureContext } = require('_tls_common');
const { TLSSocket, Server, createServer, connect, convertALPNProtocols } = require('_tls_wrap');
const { codes: { ERR_TLS_CERT_ALTNAME_INVALID }, notImplemented } = require('internal/errors');

const kDefaultCiphers = [
  'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-AES256-GCM-SHA384',
  'DHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-SHA256', 'DHE-RSA-AES128-SHA256',
  'ECDHE-RSA-AES256-SHA384', 'DHE-RSA-AES256-SHA384', 'ECDHE-RSA-AES256-SHA256',
  'DHE-RSA-AES256-SHA256', 'HIGH', '!aNULL', '!eNULL', '!EXPORT', '!DES', '!RC4', '!MD5',
  '!PSK', '!SRP', '!CAMELLIA',
].join(':');

let ciphers;
function getCiphers() {
  if (!ciphers) {
    const names = new Set();
    for (const name of binding.getCiphers()) names.add(name.toLowerCase());
    ciphers = [...names].sort();
  }
  return ciphers.slice();
}

// The system's trusted roots, read on first use.
let rootCertificates;
function getRootCertificates() {
  if (!rootCertificates) {
    let text = '';
    try {
      text = require('fs').readFileSync('/etc/ssl/certs/ca-certificates.crt', 'latin1');
    } catch {
      // no system store: an empty list
    }
    const found = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) || [];
    rootCertificates = Object.freeze(found);
  }
  return rootCertificates;
}

function unfqdn(host) {
  return host.replace(/[.]$/, '');
}

function splitHost(host) {
  return unfqdn(host).toLowerCase().split('.');
}

function matchHost(hostParts, pattern, wildcards) {
  if (!pattern) return false;
  const patternParts = splitHost(pattern);
  if (hostParts.length !== patternParts.length) return false;
  if (patternParts.includes('')) return false;
  if (patternParts.some((part) => /[^\u0021-\u007F]/u.test(part))) return false;
  for (let i = hostParts.length - 1; i > 0; i--) {
    if (hostParts[i] !== patternParts[i]) return false;
  }
  const host = hostParts[0];
  const first = patternParts[0];
  const pieces = first.split('*');
  if (pieces.length === 1 || first.includes('xn--')) return host === first;
  if (!wildcards || pieces.length > 2 || patternParts.length <= 2) return false;
  const [prefix, suffix] = pieces;
  if (prefix.length + suffix.length > host.length) return false;
  return host.startsWith(prefix) && host.endsWith(suffix);
}

function canonicalIP(ip) {
  if (net.isIPv6(ip)) {
    try {
      return new URL(`http://[${ip}]`).hostname.slice(1, -1);
    } catch {
      return ip;
    }
  }
  return ip;
}

// "DNS:a, DNS:\"b, c\"" -> entries, honouring quoted values.
function splitAltNames(text) {
  if (!text.includes('"')) return text.split(', ');
  const out = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\' && i + 1 < text.length) current += text[++i];
      else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',' && text[i + 1] === ' ') {
      out.push(current);
      current = '';
      i++;
    } else {
      current += c;
    }
  }
  out.push(current);
  return out;
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = `${hostname}`;
  if (altNames) {
    for (const name of splitAltNames(altNames)) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:')) ips.push(canonicalIP(name.slice(11)));
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  hostname = unfqdn(hostname);
  if (net.isIP(hostname)) {
    valid = ips.includes(canonicalIP(hostname));
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || (subject && subject.CN)) {
    const hostParts = splitHost(hostname);
    const wildcard = (pattern) => matchHost(hostParts, pattern, true);
    if (dnsNames.length > 0) {
      valid = dnsNames.some(wildcard);
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      if (Array.isArray(cn)) valid = cn.some(wildcard);
      else if (cn) valid = wildcard(cn);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (!valid) return new ERR_TLS_CERT_ALTNAME_INVALID(reason, hostname, cert);
  return undefined;
}

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: kDefaultCiphers,
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: 'TLSv1.2',
  DEFAULT_MAX_VERSION: 'TLSv1.3',
  getCiphers,
  rootCertificates: undefined,
  convertALPNProtocols(protocols, out) {
    convertALPNProtocols(protocols, out);
  },
  checkServerIdentity,
  createSecureContext,
  SecureContext,
  TLSSocket,
  Server,
  createServer,
  connect,
  createSecurePair() {
    throw notImplemented('tls.createSecurePair');
  },
};

Object.defineProperty(module.exports, 'rootCertificates', {
  __proto__: null,
  configurable: false,
  enumerable: true,
  get: getRootCertificates,
});
