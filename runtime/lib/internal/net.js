'use strict';
// Address helpers shared by net, dns and http: isIP/isIPv4/isIPv6 and the
// "listen EADDRINUSE: address already in use 127.0.0.1:80" error.

const v4Seg = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4Str = `(?:${v4Seg}\\.){3}${v4Seg}`;
const IPv4Reg = new RegExp(`^${v4Str}$`);
const v6Seg = '(?:[0-9a-fA-F]{1,4})';
const IPv6Reg = new RegExp('^(?:' +
  `(?:${v6Seg}:){7}(?:${v6Seg}|:)|` +
  `(?:${v6Seg}:){6}(?:${v4Str}|:${v6Seg}|:)|` +
  `(?:${v6Seg}:){5}(?::${v4Str}|(?::${v6Seg}){1,2}|:)|` +
  `(?:${v6Seg}:){4}(?:(?::${v6Seg}){0,1}:${v4Str}|(?::${v6Seg}){1,3}|:)|` +
  `(?:${v6Seg}:){3}(?:(?::${v6Seg}){0,2}:${v4Str}|(?::${v6Seg}){1,4}|:)|` +
  `(?:${v6Seg}:){2}(?:(?::${v6Seg}){0,3}:${v4Str}|(?::${v6Seg}){1,5}|:)|` +
  `(?:${v6Seg}:){1}(?:(?::${v6Seg}){0,4}:${v4Str}|(?::${v6Seg}){1,6}|:)|` +
  `(?::(?:(?::${v6Seg}){0,5}:${v4Str}|(?::${v6Seg}){1,7}|:))` +
')(?:%[0-9a-zA-Z-.:]{1,})?$');

function isIPv4(s) {
  return IPv4Reg.test(`${s}`);
}

function isIPv6(s) {
  return IPv6Reg.test(`${s}`);
}

function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

// "syscall CODE: description address:port", with errno/code/syscall/address/port.
function uvExceptionWithHostPort(err, syscall, address, port) {
  const { uvException } = require('internal/errors');
  const base = uvException({ errno: err, syscall });
  const details = port > 0 ? `${address}:${port}` : address;
  const colon = base.message.indexOf(', ');
  const description = base.message.slice(base.code.length + 2, colon);
  const ex = new Error(`${syscall} ${base.code}: ${description} ${details}`);
  ex.code = base.code;
  ex.errno = err;
  ex.syscall = syscall;
  ex.address = address;
  if (port !== undefined) ex.port = port;
  Error.captureStackTrace(ex, uvExceptionWithHostPort);
  return ex;
}

module.exports = { isIP, isIPv4, isIPv6, uvExceptionWithHostPort };
