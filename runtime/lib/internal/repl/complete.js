'use strict';
// REPL completion: commands (`.he`), module ids inside `require('…')`
// (builtins, relative files, node_modules packages), properties along the
// prototype chain of an expression evaluated without side effects
// (`process.ver`), and otherwise globals, the session's lexical names and
// keywords. Groups are separated by '' (readline lists them apart).

const fs = require('fs');
const path = require('path');
const { getSession } = require('internal/repl/session');
const { commonPrefix } = require('internal/readline/interface');

const kKeywords = [
  'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger',
  'default', 'delete', 'do', 'else', 'export', 'extends', 'false', 'finally', 'for',
  'function', 'if', 'import', 'in', 'instanceof', 'let', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'undefined', 'var', 'void', 'while',
  'with', 'yield',
];

const kIdentifier = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

// The expression before a trailing `.name`: scanned backwards over balanced
// brackets, strings and identifiers.
function expressionBefore(text) {
  let i = text.length;
  let depth = 0;
  while (i > 0) {
    const ch = text[i - 1];
    if (ch === ')' || ch === ']') {
      depth++;
    } else if (ch === '(' || ch === '[') {
      if (depth === 0) break;
      depth--;
    } else if (ch === '"' || ch === '\'' || ch === '`') {
      const open = text.lastIndexOf(ch, i - 2);
      if (open === -1) return null;
      i = open + 1;
    } else if (depth === 0 && !/[\p{ID_Continue}$.\u200c\u200d]/u.test(ch)) {
      break;
    }
    i--;
  }
  const expr = text.slice(i).trim();
  return expr === '' ? null : expr;
}

// `a.b.c` when the side-effect-free evaluation refused it (globals such as
// `process` are accessors): the first name through the global object's own
// getter, the rest through data properties only.
function walkChain(expr) {
  if (!/^[\p{ID_Start}$_][\p{ID_Continue}$]*(\.[\p{ID_Start}$_][\p{ID_Continue}$]*)*$/u.test(expr)) {
    return { ok: false };
  }
  const names = expr.split('.');
  let value;
  try {
    if (!(names[0] in globalThis)) return { ok: false };
    value = globalThis[names[0]];
    for (let i = 1; i < names.length; i++) {
      if (value === null || value === undefined) return { ok: false };
      let object = Object(value);
      let descriptor;
      while (object !== null && descriptor === undefined) {
        descriptor = Object.getOwnPropertyDescriptor(object, names[i]);
        object = Object.getPrototypeOf(object);
      }
      if (descriptor === undefined || !('value' in descriptor)) return { ok: false };
      value = descriptor.value;
    }
  } catch {
    return { ok: false };
  }
  return { ok: true, value };
}

function propertyNames(value) {
  const groups = [];
  let object = value;
  if (object === null || object === undefined) return groups;
  if (typeof object !== 'object' && typeof object !== 'function') object = Object(object);
  const seen = new Set();
  let depth = 0;
  while (object !== null && depth < 20) {
    let names;
    try {
      names = Object.getOwnPropertyNames(object);
    } catch {
      break;
    }
    const group = [];
    for (const name of names) {
      if (seen.has(name) || !kIdentifier.test(name)) continue;
      seen.add(name);
      group.push(name);
    }
    if (group.length > 0) groups.push(group.sort());
    try {
      object = Object.getPrototypeOf(object);
    } catch {
      break;
    }
    depth++;
  }
  return groups;
}

function globalNames() {
  const session = getSession();
  const groups = [];
  const lexical = session.globalLexicalScopeNames().filter((n) => kIdentifier.test(n));
  const seen = new Set(lexical);
  if (lexical.length > 0) groups.push(lexical.sort());
  let object = globalThis;
  while (object !== null) {
    const group = [];
    for (const name of Object.getOwnPropertyNames(object)) {
      if (seen.has(name) || !kIdentifier.test(name) || name.startsWith('__nodus_repl_sink_')) continue;
      seen.add(name);
      group.push(name);
    }
    if (group.length > 0) groups.push(group.sort());
    object = Object.getPrototypeOf(object);
  }
  groups.push(kKeywords.filter((k) => !seen.has(k)));
  return groups;
}

function moduleIds(prefix) {
  const { builtinModules } = require('internal/modules/cjs/loader').Module;
  const ids = [];
  if (prefix.startsWith('.') || prefix.startsWith('/')) {
    const slash = prefix.lastIndexOf('/');
    const dirPart = slash === -1 ? '' : prefix.slice(0, slash + 1);
    const dir = path.resolve(process.cwd(), dirPart || '.');
    let entries = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
    if (prefix === '.' || prefix === '..') ids.push(`${prefix}/`);
    for (const entry of entries) {
      if (entry.name.startsWith('.') && !prefix.slice(slash + 1).startsWith('.')) continue;
      if (entry.isDirectory()) {
        ids.push(`${dirPart}${entry.name}/`);
      } else if (/\.(js|json|node|cjs)$/.test(entry.name)) {
        ids.push(`${dirPart}${entry.name.replace(/\.(js|cjs)$/, '')}`);
      }
    }
    return [ids.filter((id) => id.startsWith(prefix)).sort()];
  }
  const groups = [builtinModules.filter((id) => !id.startsWith('_') && id.startsWith(prefix))
    .sort()];
  const packages = [];
  for (const dir of require('internal/modules/cjs/loader').Module._nodeModulePaths(process.cwd())) {
    let entries;
    try {
      entries = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      if (name.startsWith('@')) {
        try {
          for (const sub of fs.readdirSync(path.join(dir, name))) packages.push(`${name}/${sub}`);
        } catch {
          // An unreadable scope adds nothing.
        }
      } else {
        packages.push(name);
      }
    }
  }
  const own = [...new Set(packages)].filter((id) => id.startsWith(prefix)).sort();
  if (own.length > 0) groups.push(own);
  return groups;
}

// [groups, completeOn] for `line` (the text before the cursor).
function candidates(repl, line) {
  if (/^\s*\.\w*$/.test(line)) {
    const word = line.trim().slice(1);
    const names = Object.keys(repl.commands).filter((n) => n.startsWith(word)).sort();
    return [[names.map((n) => `.${n}`)], `.${word}`];
  }
  const req = /\brequire\s*\(\s*(['"])([^'"]*)$/.exec(line);
  if (req !== null) return [moduleIds(req[2]), req[2]];
  const member = /(?:\?\.|\.)\s*([\p{ID_Continue}$\u200c\u200d]*)$/u.exec(line);
  if (member !== null) {
    const expr = expressionBefore(line.slice(0, member.index));
    if (expr === null || expr === '' || /^\d+$/.test(expr)) return [[], member[1]];
    let outcome = getSession().peek(expr);
    if (!outcome.ok) outcome = walkChain(expr);
    if (!outcome.ok) return [[], member[1]];
    return [propertyNames(outcome.value), member[1]];
  }
  const word = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u.exec(line);
  const partial = word === null ? '' : word[0];
  if (partial === '' && !/(^|[\s(,;=!&|?:{[+\-*/%<>])$/.test(line)) return [[], ''];
  return [globalNames(), partial];
}

function filterGroups(groups, prefix) {
  const out = [];
  for (const group of groups) {
    const matching = group.filter((name) => name.startsWith(prefix));
    if (matching.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...matching);
  }
  return out;
}

// The default completer: (line, callback(err, [completions, completeOn])).
function complete(repl, line, callback) {
  let result;
  try {
    const [groups, completeOn] = candidates(repl, line);
    // Replace only the trailing word (require ids complete whole).
    result = [filterGroups(groups, completeOn), completeOn];
  } catch (err) {
    callback(err);
    return;
  }
  callback(null, result);
}

// The grey suffix shown while typing: what Tab would insert now.
function completeSync(repl, line) {
  try {
    const [groups, completeOn] = candidates(repl, line);
    if (completeOn === '' && !/require\s*\(\s*['"]$/.test(line)) return '';
    const names = filterGroups(groups, completeOn).filter((n) => n !== '');
    if (names.length === 0) return '';
    const prefix = names.length === 1 ? names[0] : commonPrefix(names);
    return prefix.slice(completeOn.length);
  } catch {
    return '';
  }
}

module.exports = { complete, completeSync, expressionBefore };
