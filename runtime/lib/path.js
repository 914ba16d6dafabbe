'use strict';
// path: POSIX and Windows path manipulation, written against the behaviour
// documented at https://nodejs.org/api/path.html and checked against node 20.
//
// The module loader calls join/resolve/dirname on every require(), so the
// code below scans strings by char code and avoids regular expressions,
// split() and intermediate arrays.

const { validateString, validateObject } = require('internal/validators');

const SLASH = 47;      // '/'
const BACKSLASH = 92;  // '\\'
const DOT = 46;        // '.'
const COLON = 58;      // ':'
const QUESTION = 63;   // '?'

function isSepPosix(c) {
  return c === SLASH;
}

function isSepWin(c) {
  return c === SLASH || c === BACKSLASH;
}

function isDriveLetter(c) {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

// True when `path` starts with a drive designator such as "C:".
function hasDrive(path) {
  return path.length >= 2 && path.charCodeAt(1) === COLON &&
    isDriveLetter(path.charCodeAt(0));
}

// Rewrites a rootless path: drops empty and '.' segments, folds '..' into the
// segment before it and joins what remains with `sep`. Leading '..' segments
// survive only when `keepUp` is true (relative paths); for paths below a root
// they are dropped. Never returns a leading or trailing separator.
function collapse(path, keepUp, sep, win) {
  let out = '';
  let depth = 0;  // segments in `out` that a later '..' may remove
  let segStart = 0;
  const len = path.length;
  for (let i = 0; i <= len; i++) {
    if (i < len) {
      const c = path.charCodeAt(i);
      if (c !== SLASH && (!win || c !== BACKSLASH)) continue;
    }
    const segLen = i - segStart;
    if (segLen === 0 || (segLen === 1 && path.charCodeAt(segStart) === DOT)) {
      segStart = i + 1;
      continue;
    }
    if (segLen === 2 && path.charCodeAt(segStart) === DOT &&
        path.charCodeAt(segStart + 1) === DOT) {
      if (depth > 0) {
        const cut = out.lastIndexOf(sep);
        out = cut === -1 ? '' : out.slice(0, cut);
        depth--;
      } else if (keepUp) {
        out = out.length === 0 ? '..' : out + sep + '..';
      }
    } else {
      out = out.length === 0 ? path.slice(segStart, i) :
        out + sep + path.slice(segStart, i);
      depth++;
    }
    segStart = i + 1;
  }
  return out;
}

// Shared by both flavours: the final component of path[start..], and the
// optional suffix removal that path.basename() documents. The odd corners
// (a suffix equal to the whole argument, a suffix longer than the final
// component, trailing separators) follow node's observable results.
function baseOf(path, suffix, start, win) {
  const len = path.length;
  let end = len;
  while (end > start) {
    const c = path.charCodeAt(end - 1);
    if (c !== SLASH && (!win || c !== BACKSLASH)) break;
    end--;
  }
  if (end === start) {
    // Nothing but separators after `start`.
    if (suffix !== undefined && suffix.length > 0 && suffix.length <= len &&
        suffix !== path) {
      return path.slice(start);
    }
    return '';
  }
  let baseStart = end - 1;
  while (baseStart > start) {
    const c = path.charCodeAt(baseStart - 1);
    if (c === SLASH || (win && c === BACKSLASH)) break;
    baseStart--;
  }
  if (suffix === undefined || suffix.length === 0 || suffix.length > len) {
    return path.slice(baseStart, end);
  }
  if (suffix === path) return '';
  let k = suffix.length - 1;
  let i = end - 1;
  while (k >= 0 && i >= baseStart) {
    if (path.charCodeAt(i) !== suffix.charCodeAt(k)) {
      return path.slice(baseStart, end);
    }
    k--;
    i--;
  }
  if (k >= 0) {
    // The whole component matched the tail of a longer suffix.
    return path.slice(baseStart);
  }
  const cut = i + 1;
  return cut === baseStart ? path.slice(baseStart, end) :
    path.slice(baseStart, cut);
}

// Index of the extension's dot inside base = path[baseStart..end], or -1.
// A leading dot does not start an extension, and '..' has none.
function extDot(path, baseStart, end) {
  let dot = -1;
  for (let i = end - 1; i >= baseStart; i--) {
    if (path.charCodeAt(i) === DOT) {
      dot = i;
      break;
    }
  }
  if (dot <= baseStart) return -1;
  if (end - baseStart === 2 && dot === baseStart + 1 &&
      path.charCodeAt(baseStart) === DOT) {
    return -1;
  }
  return dot;
}

function formatWith(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  let base = pathObject.base;
  if (!base) {
    const ext = pathObject.ext;
    base = `${pathObject.name || ''}${
      ext ? `${ext[0] === '.' ? '' : '.'}${ext}` : ''}`;
  }
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

function notImplementedGlob() {
  throw new Error('path.matchesGlob() is not implemented in nodus');
}

// ---------------------------------------------------------------------------
// POSIX

const posix = {
  resolve(...args) {
    let resolved = '';
    let absolute = false;
    for (let i = args.length - 1; i >= 0 && !absolute; i--) {
      const p = args[i];
      if (typeof p !== 'string') validateString(p, `paths[${i}]`);
      if (p.length === 0) continue;
      resolved = resolved.length === 0 ? p : `${p}/${resolved}`;
      absolute = p.charCodeAt(0) === SLASH;
    }
    if (!absolute) {
      const cwd = process.cwd();
      resolved = resolved.length === 0 ? cwd : `${cwd}/${resolved}`;
      absolute = cwd.charCodeAt(0) === SLASH;
    }
    const tail = collapse(resolved, !absolute, '/', false);
    if (absolute) return `/${tail}`;
    return tail.length > 0 ? tail : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    const absolute = path.charCodeAt(0) === SLASH;
    let tail = collapse(path, !absolute, '/', false);
    if (tail.length === 0) {
      if (absolute) return '/';
      return path.charCodeAt(len - 1) === SLASH ? './' : '.';
    }
    if (path.charCodeAt(len - 1) === SLASH) tail += '/';
    return absolute ? `/${tail}` : tail;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === SLASH;
  },

  join(...args) {
    let joined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      validateString(a, 'path');
      if (a.length > 0) joined = joined === undefined ? a : `${joined}/${a}`;
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    // Both are now '/' or '/seg/.../seg'. Compare the parts after the
    // leading '/' and find the longest run of whole segments they share.
    const fromLen = from.length;
    const toLen = to.length;
    const n = fromLen < toLen ? fromLen : toLen;
    let lastSep = 0;
    let i = 1;
    for (; i < n; i++) {
      const c = from.charCodeAt(i);
      if (c !== to.charCodeAt(i)) break;
      if (c === SLASH) lastSep = i;
    }
    // `common` indexes the end of the shared segments (1: just the root).
    let common = lastSep === 0 ? 1 : lastSep;
    if (i === n && i > 1 &&
        (i === fromLen || from.charCodeAt(i) === SLASH) &&
        (i === toLen || to.charCodeAt(i) === SLASH)) {
      common = i;
    }
    let up = '';
    if (common < fromLen) {
      up = '..';
      for (let j = common + 1; j < fromLen; j++) {
        if (from.charCodeAt(j) === SLASH) up += '/..';
      }
    }
    let rest = '';
    if (common < toLen) {
      rest = to.slice(to.charCodeAt(common) === SLASH ? common + 1 : common);
    }
    if (up.length === 0) return rest;
    return rest.length === 0 ? up : `${up}/${rest}`;
  },

  toNamespacedPath(path) {
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    const rooted = path.charCodeAt(0) === SLASH;
    let i = len - 1;
    while (i >= 1 && path.charCodeAt(i) === SLASH) i--;   // trailing '/'
    while (i >= 1 && path.charCodeAt(i) !== SLASH) i--;   // final component
    if (i < 1) return rooted ? '/' : '.';
    if (i === 1 && rooted) return '//';
    return path.slice(0, i);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return baseOf(path, suffix, 0, false);
  },

  extname(path) {
    validateString(path, 'path');
    let end = path.length;
    while (end > 0 && path.charCodeAt(end - 1) === SLASH) end--;
    let start = end;
    while (start > 0 && path.charCodeAt(start - 1) !== SLASH) start--;
    const dot = extDot(path, start, end);
    return dot === -1 ? '' : path.slice(dot, end);
  },

  format: formatWith.bind(null, '/'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    const len = path.length;
    if (len === 0) return ret;
    const rooted = path.charCodeAt(0) === SLASH;
    const first = rooted ? 1 : 0;
    if (rooted) ret.root = '/';
    let end = len;
    while (end > first && path.charCodeAt(end - 1) === SLASH) end--;
    let start = end;
    while (start > first && path.charCodeAt(start - 1) !== SLASH) start--;
    if (end > start) {
      const base = path.slice(start, end);
      let dot = extDot(path, start, end);
      // A '..' directly below a single leading '/' is split at its last dot.
      if (dot === -1 && start === 1 && end === 3 && rooted &&
          path.charCodeAt(1) === DOT && path.charCodeAt(2) === DOT) {
        dot = 2;
      }
      ret.base = base;
      if (dot === -1) {
        ret.name = base;
      } else {
        ret.name = path.slice(start, dot);
        ret.ext = path.slice(dot, end);
      }
    }
    if (start > first) ret.dir = path.slice(0, start - 1);
    else if (rooted) ret.dir = '/';
    return ret;
  },

  matchesGlob: notImplementedGlob,

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
  _makeLong: null,
};

// ---------------------------------------------------------------------------
// Windows

// Root analysis, shared by resolve() and normalize(). Results are left in
// these variables to avoid allocating a record per call.
let rootEnd = 0;        // index just past the root
let rootDevice = '';    // "C:" or "\\\\server\\share" (backslashes), or ''
let rootAbsolute = false;
let rootUncOnly = false;  // path is exactly a complete UNC root

function winRoot(path) {
  const len = path.length;
  rootEnd = 0;
  rootDevice = '';
  rootAbsolute = false;
  rootUncOnly = false;
  if (len === 0) return;
  const c0 = path.charCodeAt(0);
  if (isSepWin(c0)) {
    rootAbsolute = true;
    if (len === 1 || !isSepWin(path.charCodeAt(1))) {
      rootEnd = 1;
      return;
    }
    // "\\\\server\\share": both names must be non-empty.
    let j = 2;
    while (j < len && !isSepWin(path.charCodeAt(j))) j++;
    if (j === 2 || j === len) return;
    const server = path.slice(2, j);
    while (j < len && isSepWin(path.charCodeAt(j))) j++;
    if (j === len) return;
    const shareStart = j;
    if (server === '.' || server === '?') {
      // Win32 device and verbatim namespaces ("\\\\.\\", "\\\\?\\"): the
      // root is the prefix alone and what follows is an ordinary path.
      rootDevice = `\\\\${server}`;
      rootEnd = shareStart;
      return;
    }
    while (j < len && !isSepWin(path.charCodeAt(j))) j++;
    rootDevice = `\\\\${server}\\${path.slice(shareStart, j)}`;
    rootEnd = j;
    rootUncOnly = j === len;
  } else if (hasDrive(path)) {
    rootDevice = path.slice(0, 2);
    rootEnd = 2;
    if (len > 2 && isSepWin(path.charCodeAt(2))) {
      rootAbsolute = true;
      rootEnd = 3;
    }
  }
}

// DOS device names that Windows resolves in any directory ("CON", "COM1"...).
function isReservedDevice(name) {
  const n = name.length;
  if (n !== 3 && n !== 4) return false;
  const head = name.slice(0, 3).toUpperCase();
  if (n === 3) {
    return head === 'CON' || head === 'PRN' || head === 'AUX' || head === 'NUL';
  }
  if (head !== 'COM' && head !== 'LPT') return false;
  const d = name.charCodeAt(3);
  return (d >= 49 && d <= 57) ||            // '1'..'9'
    d === 0xB9 || d === 0xB2 || d === 0xB3;  // superscript 1, 2, 3
}

const win32 = {
  resolve(...args) {
    let device = '';
    let tail = '';
    let absolute = false;
    for (let i = args.length - 1; i >= -1; i--) {
      let p;
      if (i >= 0) {
        p = args[i];
        if (typeof p !== 'string') validateString(p, `paths[${i}]`);
        if (p.length === 0) continue;
      } else if (device.length === 0) {
        p = process.cwd();
      } else {
        // Windows keeps a current directory per drive in "=C:"-style
        // environment variables; fall back to the drive's root.
        p = process.env[`=${device}`] || process.cwd();
        if (p === undefined ||
            (p.slice(0, 2).toLowerCase() !== device.toLowerCase() &&
             p.charCodeAt(2) === BACKSLASH)) {
          p = `${device}\\`;
        }
      }
      winRoot(p);
      if (rootDevice.length > 0) {
        if (device.length > 0) {
          if (rootDevice.toLowerCase() !== device.toLowerCase()) continue;
        } else {
          device = rootDevice;
        }
      }
      if (absolute) {
        if (device.length > 0) break;
      } else {
        tail = `${p.slice(rootEnd)}\\${tail}`;
        absolute = rootAbsolute;
        if (absolute && device.length > 0) break;
      }
    }
    tail = collapse(tail, !absolute, '\\', true);
    if (absolute) return `${device}\\${tail}`;
    return `${device}${tail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return path.charCodeAt(0) === SLASH ? '\\' : path;
    winRoot(path);
    if (rootUncOnly) return `${rootDevice}\\`;
    let device = rootDevice;
    let start = rootEnd;
    let absolute = rootAbsolute;
    let reserved = false;
    if (device.length === 0 && !absolute) {
      // A leading DOS device name ("CON:x") must not become a device path.
      // Node 20 tests the text before the first ':' -- or, when there is
      // none, everything but the last character -- and we do the same.
      const colon = path.indexOf(':');
      if (isReservedDevice(path.slice(0, colon))) {
        device = path.slice(0, colon + 1);
        start = colon + 1;
        reserved = true;
      }
    }
    let tail = start < len ?
      collapse(path.slice(start), !absolute, '\\', true) : '';
    if (tail.length === 0 && !absolute) tail = '.';
    if (tail.length > 0 && isSepWin(path.charCodeAt(len - 1))) tail += '\\';
    if (reserved) return `.\\${device}${tail}`;
    if (device.length === 0) {
      if (absolute) return `\\${tail}`;
      // A relative result must not turn into something Windows reads as a
      // drive or stream designator ("C:x", "name:"): prefix it with ".\\".
      let colon = path.indexOf(':');
      if (colon !== -1) {
        if (hasDrive(tail)) return `.\\${tail}`;
        do {
          if (colon === len - 1 || isSepWin(path.charCodeAt(colon + 1))) {
            return `.\\${tail}`;
          }
          colon = path.indexOf(':', colon + 1);
        } while (colon !== -1);
      }
      return tail;
    }
    return absolute ? `${device}\\${tail}` : `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    if (isSepWin(path.charCodeAt(0))) return true;
    return len > 2 && hasDrive(path) && isSepWin(path.charCodeAt(2));
  },

  join(...args) {
    let joined;
    let first;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      validateString(a, 'path');
      if (a.length > 0) {
        if (joined === undefined) joined = first = a;
        else joined = `${joined}\\${a}`;
      }
    }
    if (joined === undefined) return '.';
    // Only a first argument that itself starts like a UNC path
    // ("\\\\server...") may produce a UNC result; otherwise a run of leading
    // separators collapses to one so normalize() does not mistake it for one.
    const uncFirst = first.length > 2 && isSepWin(first.charCodeAt(0)) &&
      isSepWin(first.charCodeAt(1)) && !isSepWin(first.charCodeAt(2));
    if (!uncFirst) {
      let n = 0;
      while (n < joined.length && isSepWin(joined.charCodeAt(n))) n++;
      if (n >= 2) joined = `\\${joined.slice(n)}`;
    }
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return '';
    from = fromOrig.toLowerCase();
    to = toOrig.toLowerCase();
    if (from === to) return '';

    // Compare with leading and trailing backslashes trimmed.
    let fromStart = 0;
    while (fromStart < from.length && from.charCodeAt(fromStart) === BACKSLASH) {
      fromStart++;
    }
    let fromEnd = from.length;
    while (fromEnd - 1 > fromStart && from.charCodeAt(fromEnd - 1) === BACKSLASH) {
      fromEnd--;
    }
    let toStart = 0;
    while (toStart < to.length && to.charCodeAt(toStart) === BACKSLASH) {
      toStart++;
    }
    let toEnd = to.length;
    while (toEnd - 1 > toStart && to.charCodeAt(toEnd - 1) === BACKSLASH) {
      toEnd--;
    }
    const fromLen = fromEnd - fromStart;
    const toLen = toEnd - toStart;
    const n = fromLen < toLen ? fromLen : toLen;
    let sepAt = -1;  // offset of the last shared backslash
    let i = 0;
    for (; i < n; i++) {
      const c = from.charCodeAt(fromStart + i);
      if (c !== to.charCodeAt(toStart + i)) break;
      if (c === BACKSLASH) sepAt = i;
    }
    if (i !== n) {
      // Different roots: no relative path exists.
      if (sepAt === -1) return toOrig;
    } else {
      if (toLen > n) {
        if (to.charCodeAt(toStart + i) === BACKSLASH) {
          return toOrig.slice(toStart + i + 1);
        }
        if (i === 2) return toOrig.slice(toStart + i);
      }
      if (fromLen > n) {
        if (from.charCodeAt(fromStart + i) === BACKSLASH) sepAt = i;
        else if (i === 2) sepAt = 3;
      }
      if (sepAt === -1) sepAt = 0;
    }
    let up = '';
    for (let j = fromStart + sepAt + 1; j <= fromEnd; j++) {
      if (j === fromEnd || from.charCodeAt(j) === BACKSLASH) {
        up = up.length === 0 ? '..' : `${up}\\..`;
      }
    }
    toStart += sepAt;
    if (up.length > 0) return `${up}${toOrig.slice(toStart, toEnd)}`;
    if (toOrig.charCodeAt(toStart) === BACKSLASH) toStart++;
    return toOrig.slice(toStart, toEnd);
  },

  toNamespacedPath(path) {
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolved = win32.resolve(path);
    if (resolved.length <= 2) return path;
    if (resolved.charCodeAt(0) === BACKSLASH &&
        resolved.charCodeAt(1) === BACKSLASH) {
      const c = resolved.charCodeAt(2);
      if (c !== QUESTION && c !== DOT) return `\\\\?\\UNC\\${resolved.slice(2)}`;
    } else if (hasDrive(resolved) && resolved.charCodeAt(2) === BACKSLASH) {
      return `\\\\?\\${resolved}`;
    }
    return resolved;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return isSepWin(path.charCodeAt(0)) ? path : '.';
    let root = -1;   // end of the root, -1 when there is none
    let floor = 0;   // the scan below never looks left of this
    const c0 = path.charCodeAt(0);
    if (isSepWin(c0)) {
      root = floor = 1;
      if (isSepWin(path.charCodeAt(1))) {
        let j = 2;
        while (j < len && !isSepWin(path.charCodeAt(j))) j++;
        if (j < len && j !== 2) {
          while (j < len && isSepWin(path.charCodeAt(j))) j++;
          if (j < len) {
            const shareStart = j;
            while (j < len && !isSepWin(path.charCodeAt(j))) j++;
            if (j === len) return path;  // the path is a UNC root
            if (j !== shareStart) root = floor = j + 1;
          }
        }
      }
    } else if (hasDrive(path)) {
      root = floor = len > 2 && isSepWin(path.charCodeAt(2)) ? 3 : 2;
    }
    let i = len - 1;
    while (i >= floor && isSepWin(path.charCodeAt(i))) i--;
    while (i >= floor && !isSepWin(path.charCodeAt(i))) i--;
    if (i < floor) return root === -1 ? '.' : path.slice(0, root);
    return path.slice(0, i);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return baseOf(path, suffix, hasDrive(path) ? 2 : 0, true);
  },

  extname(path) {
    validateString(path, 'path');
    const first = hasDrive(path) ? 2 : 0;
    let end = path.length;
    while (end > first && isSepWin(path.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > first && !isSepWin(path.charCodeAt(start - 1))) start--;
    const dot = extDot(path, start, end);
    return dot === -1 ? '' : path.slice(dot, end);
  },

  format: formatWith.bind(null, '\\'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    const len = path.length;
    if (len === 0) return ret;
    if (len === 1) {
      if (isSepWin(path.charCodeAt(0))) ret.root = ret.dir = path;
      else ret.base = ret.name = path;
      return ret;
    }
    let root = 0;
    if (isSepWin(path.charCodeAt(0))) {
      root = 1;
      if (isSepWin(path.charCodeAt(1))) {
        let j = 2;
        while (j < len && !isSepWin(path.charCodeAt(j))) j++;
        if (j < len && j !== 2) {
          while (j < len && isSepWin(path.charCodeAt(j))) j++;
          if (j < len) {
            const shareStart = j;
            while (j < len && !isSepWin(path.charCodeAt(j))) j++;
            if (j === len) root = j;
            else if (j !== shareStart) root = j + 1;
          }
        }
      }
    } else if (hasDrive(path)) {
      if (len === 2 || (len === 3 && isSepWin(path.charCodeAt(2)))) {
        ret.root = ret.dir = path;
        return ret;
      }
      root = isSepWin(path.charCodeAt(2)) ? 3 : 2;
    }
    if (root > 0) ret.root = path.slice(0, root);
    let end = len;
    while (end > root && isSepWin(path.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > root && !isSepWin(path.charCodeAt(start - 1))) start--;
    if (end > start) {
      const dot = extDot(path, start, end);
      ret.base = path.slice(start, end);
      if (dot === -1) {
        ret.name = ret.base;
      } else {
        ret.name = path.slice(start, dot);
        ret.ext = path.slice(dot, end);
      }
    }
    ret.dir = start > root ? path.slice(0, start - 1) : ret.root;
    return ret;
  },

  matchesGlob: notImplementedGlob,

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
  _makeLong: null,
};

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;
posix._makeLong = posix.toNamespacedPath;
win32._makeLong = win32.toNamespacedPath;

module.exports = posix;
