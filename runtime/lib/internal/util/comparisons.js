'use strict';
// Deep equality for assert.deepEqual / deepStrictEqual and
// util.isDeepStrictEqual, following the rules in node's assert documentation.
//
// Strict mode: primitives by Object.is, prototypes and [[Class]] must match,
// own enumerable string and symbol keys must match.
// Loose mode: primitives by ==, prototypes are ignored, symbol keys ignored.

const kStrict = true;
const kLoose = false;

const { toString: objectToString } = Object.prototype;
const { hasOwnProperty, propertyIsEnumerable } = Object.prototype;

function isBoxedPrimitive(v) {
  return v instanceof Number || v instanceof String || v instanceof Boolean ||
    (typeof BigInt === 'function' && v instanceof BigInt) || v instanceof Symbol;
}

function ownEnumerableKeys(obj, strict) {
  const keys = Object.keys(obj);
  if (strict) {
    for (const sym of Object.getOwnPropertySymbols(obj)) {
      if (propertyIsEnumerable.call(obj, sym)) keys.push(sym);
    }
  }
  return keys;
}

function primitiveEqual(a, b, strict) {
  if (strict) return Object.is(a, b);
  // Loose: == semantics, with NaN equal to NaN.
  return a == b || (Number.isNaN(a) && Number.isNaN(b)); // eslint-disable-line eqeqeq
}

function innerDeepEqual(a, b, strict, memos) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);

  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') return primitiveEqual(a, b, false);
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }

  const tagA = objectToString.call(a);
  if (tagA !== objectToString.call(b)) return false;

  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return compareKeys(a, b, strict, memos, kIsArray);
  }
  if (tagA === '[object Object]' && !isSpecialObject(a) && !isSpecialObject(b)) {
    return compareKeys(a, b, strict, memos, kNoIterator);
  }
  if (a instanceof Date) {
    if (!(b instanceof Date) || a.getTime() !== b.getTime()) return false;
  } else if (a instanceof RegExp) {
    if (!(b instanceof RegExp) || a.source !== b.source || a.flags !== b.flags ||
        a.lastIndex !== b.lastIndex) return false;
  } else if (a instanceof Error || b instanceof Error) {
    if (!(a instanceof Error) || !(b instanceof Error) ||
        a.message !== b.message || a.name !== b.name) return false;
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b) || !viewsEqual(a, b, strict)) return false;
    // Only the extra (non-index) keys remain to compare.
    return compareKeys(a, b, strict, memos, kIsView);
  } else if (a instanceof Set) {
    if (!(b instanceof Set) || a.size !== b.size) return false;
    return compareKeys(a, b, strict, memos, kIsSet);
  } else if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    return compareKeys(a, b, strict, memos, kIsMap);
  } else if (a instanceof ArrayBuffer || isSharedArrayBuffer(a)) {
    if (!buffersEqual(a, b)) return false;
  } else if (isBoxedPrimitive(a)) {
    if (!boxedEqual(a, b)) return false;
  } else if (Array.isArray(b) || ArrayBuffer.isView(b) || b instanceof Set || b instanceof Map ||
             b instanceof Date || b instanceof RegExp || b instanceof ArrayBuffer ||
             isBoxedPrimitive(b)) {
    return false;
  }
  return compareKeys(a, b, strict, memos, kNoIterator);
}

function isSpecialObject(v) {
  return v instanceof Error || v instanceof Date || v instanceof RegExp ||
    ArrayBuffer.isView(v) || v instanceof Map || v instanceof Set || isBoxedPrimitive(v);
}

function isSharedArrayBuffer(v) {
  return typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer;
}

function buffersEqual(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function viewsEqual(a, b, strict) {
  if (a.byteLength !== b.byteLength) return false;
  // Loose float comparison by value (so 0 equals -0); otherwise bytes.
  if (!strict && (a instanceof Float32Array || a instanceof Float64Array)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function boxedEqual(a, b) {
  if (a instanceof Number) return b instanceof Number && Object.is(a.valueOf(), b.valueOf());
  if (a instanceof String) return b instanceof String && a.valueOf() === b.valueOf();
  if (a instanceof Boolean) return b instanceof Boolean && a.valueOf() === b.valueOf();
  if (typeof BigInt === 'function' && a instanceof BigInt) {
    return b instanceof BigInt && a.valueOf() === b.valueOf();
  }
  return b instanceof Symbol && a.valueOf() === b.valueOf();
}

const kNoIterator = 0;
const kIsArray = 1;
const kIsSet = 2;
const kIsMap = 3;
const kIsView = 4;

function compareKeys(a, b, strict, memos, iterationType) {
  let aKeys = ownEnumerableKeys(a, strict);
  let bKeys = ownEnumerableKeys(b, strict);
  if (iterationType === kIsView) {
    aKeys = aKeys.filter((k) => typeof k !== 'string' || !/^\d+$/.test(k));
    bKeys = bKeys.filter((k) => typeof k !== 'string' || !/^\d+$/.test(k));
  }
  if (aKeys.length !== bKeys.length) return false;
  for (const key of aKeys) {
    if (!hasOwnProperty.call(b, key) || !propertyIsEnumerable.call(b, key)) return false;
  }

  // Cycle detection: a pair already being compared counts as equal.
  if (memos === undefined) {
    memos = { a: new Map(), b: new Map(), position: 0 };
  } else {
    const memoA = memos.a.get(a);
    if (memoA !== undefined) {
      const memoB = memos.b.get(b);
      if (memoB !== undefined) return memoA === memoB;
    }
    memos.position++;
  }
  memos.a.set(a, memos.position);
  memos.b.set(b, memos.position);

  const result = objEquiv(a, b, strict, aKeys, memos, iterationType);

  memos.a.delete(a);
  memos.b.delete(b);
  return result;
}

function objEquiv(a, b, strict, keys, memos, iterationType) {
  if (iterationType === kIsSet) {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsMap) {
    if (!mapEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsArray) {
    for (let i = 0; i < a.length; i++) {
      const hasA = hasOwnProperty.call(a, i);
      if (hasA !== hasOwnProperty.call(b, i)) {
        if (strict) return false;
        // Loose: a hole equals undefined.
        if (!innerDeepEqual(a[i], b[i], strict, memos)) return false;
      } else if (hasA && !innerDeepEqual(a[i], b[i], strict, memos)) {
        return false;
      }
    }
    keys = keys.filter((k) => typeof k !== 'string' || !/^\d+$/.test(k));
  }
  for (const key of keys) {
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }
  return true;
}

// Finds an entry of `candidates` deep-equal to `value` and removes it.
function takeDeepEqual(candidates, value, strict, memos) {
  for (const candidate of candidates) {
    if (innerDeepEqual(value, candidate, strict, memos)) {
      candidates.delete(candidate);
      return true;
    }
  }
  return false;
}

function setEquiv(a, b, strict, memos) {
  let unmatched = null;
  for (const val of a) {
    if (b.has(val)) continue;
    if (typeof val === 'object' && val !== null || !strict) {
      if (unmatched === null) unmatched = new Set();
      unmatched.add(val);
    } else {
      return false;
    }
  }
  if (unmatched === null) return true;
  // Values of b with no identical twin in a must pair up with `unmatched`.
  const rest = new Set();
  for (const val of b) if (!a.has(val)) rest.add(val);
  for (const val of unmatched) {
    if (!takeDeepEqual(rest, val, strict, memos)) return false;
  }
  return rest.size === 0;
}

function mapEquiv(a, b, strict, memos) {
  let unmatched = null;
  for (const [key, val] of a) {
    if (b.has(key) && innerDeepEqual(val, b.get(key), strict, memos)) continue;
    if ((typeof key === 'object' && key !== null) || !strict) {
      if (unmatched === null) unmatched = [];
      unmatched.push([key, val]);
    } else {
      return false;
    }
  }
  if (unmatched === null) return true;
  const rest = new Set();
  for (const [key, val] of b) {
    if (!(a.has(key) && innerDeepEqual(a.get(key), val, strict, memos))) rest.add([key, val]);
  }
  for (const entry of unmatched) {
    let found = false;
    for (const other of rest) {
      if (innerDeepEqual(entry[0], other[0], strict, memos) &&
          innerDeepEqual(entry[1], other[1], strict, memos)) {
        rest.delete(other);
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return rest.size === 0;
}

function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, kLoose);
}

function isDeepStrictEqual(a, b) {
  return innerDeepEqual(a, b, kStrict);
}

module.exports = {
  isDeepEqual,
  isDeepStrictEqual,
};
