'use strict';
// pbkdf2 and scrypt, synchronous or on the libuv thread pool.

const {
  codes: {
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_INVALID_SCRYPT_PARAMS,
    ERR_CRYPTO_SCRYPT_INVALID_PARAMETER,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateInt32,
  validateInteger,
  validateString,
  validateUint32,
} = require('internal/validators');
const { binding, getArrayBufferOrView, toBuffer } = require('internal/crypto/util');

function checkPbkdf2(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  if (binding.digestSize(digest) < 0) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  return { password, salt, iterations, keylen, digest };
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  ({ password, salt, iterations, keylen, digest } =
    checkPbkdf2(password, salt, iterations, keylen, digest));
  validateFunction(callback, 'callback');
  binding.pbkdf2(password, salt, iterations, keylen, digest, (err, result) => {
    if (err) return callback(err);
    callback(null, toBuffer(result));
  });
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  ({ password, salt, iterations, keylen, digest } =
    checkPbkdf2(password, salt, iterations, keylen, digest));
  return toBuffer(binding.pbkdf2(password, salt, iterations, keylen, digest));
}

const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function checkScrypt(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = scryptDefaults;
  if (options && options !== scryptDefaults) {
    const hasN = options.N !== undefined;
    if (hasN) {
      N = options.N;
      validateUint32(N, 'N');
    }
    if (options.cost !== undefined) {
      if (hasN) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      N = options.cost;
      validateUint32(N, 'cost');
    }
    const hasR = options.r !== undefined;
    if (hasR) {
      r = options.r;
      validateUint32(r, 'r');
    }
    if (options.blockSize !== undefined) {
      if (hasR) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      r = options.blockSize;
      validateUint32(r, 'blockSize');
    }
    const hasP = options.p !== undefined;
    if (hasP) {
      p = options.p;
      validateUint32(p, 'p');
    }
    if (options.parallelization !== undefined) {
      if (hasP) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      p = options.parallelization;
      validateUint32(p, 'parallelization');
    }
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (N === 0) N = scryptDefaults.N;
    if (r === 0) r = scryptDefaults.r;
    if (p === 0) p = scryptDefaults.p;
    if (maxmem === 0) maxmem = scryptDefaults.maxmem;
  }
  const check = binding.checkScryptParams(N, r, p, maxmem);
  if (check !== true) throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS(check || undefined);
  return { password, salt, keylen, N, r, p, maxmem };
}

function scrypt(password, salt, keylen, options, callback = scryptDefaults) {
  if (callback === scryptDefaults) {
    callback = options;
    options = scryptDefaults;
  }
  const { N, r, p, maxmem, ...rest } = checkScrypt(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  binding.scrypt(rest.password, rest.salt, rest.keylen, N, r, p, maxmem, (err, result) => {
    if (err) return callback(err);
    callback(null, toBuffer(result));
  });
}

function scryptSync(password, salt, keylen, options = scryptDefaults) {
  const { N, r, p, maxmem, ...rest } = checkScrypt(password, salt, keylen, options);
  return toBuffer(binding.scrypt(rest.password, rest.salt, rest.keylen, N, r, p, maxmem));
}

module.exports = { pbkdf2, pbkdf2Sync, scrypt, scryptSync };
