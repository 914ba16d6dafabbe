// FastSummarize (fast_summary.h) against Summarize (summary.h): whenever the
// tokenizer-based summary answers, it must be exactly the summary of the full
// parse (compared by DumpSummary, every field); bailing out (nullopt) is always
// allowed. Three sources of text:
//  - every .js/.cjs file of the repository's runtime/lib, tests/js and
//    tests/e2e/lsp, of /usr/lib/node_modules/npm and build/npm-fixture when
//    present, and of the directories in NODUS_SUMMARY_CORPUS (colon-separated);
//  - a table of small sources at the hard spots of JavaScript's lexical grammar
//    and of Summarize's rules, some of which a fast path is expected to answer;
//  - seeded random mutants of ~30 fixture texts (NODUS_FAST_SUMMARY_SEED picks
//    another seed, NODUS_FAST_SUMMARY_MUTANTS another count; default 3,000).
// How many files each corpus answered fast is printed on stdout.

#include "lsp/core/fast_summary.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "summary_dump.h"

namespace nodus::lsp {
namespace {

namespace fs = std::filesystem;
using testing::DumpSummary;

constexpr uintmax_t kMaxFileSize = 512 * 1024;

fs::path SourceDir() { return fs::path(NODUS_FIXTURES_DIR).parent_path().parent_path(); }

// Lines of `a` missing from `b` ("-") and of `b` missing from `a` ("+"), by a
// longest common subsequence of lines (only computed on a failure).
std::string LineDiff(const std::string& a, const std::string& b) {
  auto split = [](const std::string& s) {
    std::vector<std::string> lines;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  };
  std::vector<std::string> x = split(a), y = split(b);
  size_t n = x.size(), m = y.size();
  std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::string out;
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] == y[j]) {
      ++i, ++j;
    } else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      out += "- " + x[i++] + "\n";
    } else {
      out += "+ " + y[j++] + "\n";
    }
  }
  return out;
}

std::string Excerpt(std::string_view text) {
  constexpr size_t kMax = 4000;
  if (text.size() <= kMax) return std::string(text);
  return std::string(text.substr(0, kMax)) + "\n[… " + std::to_string(text.size() - kMax) +
         " more bytes]";
}

// Whether texts with syntax errors (an ERROR or MISSING node in tree-sitter's
// parse) are compared too.
enum class Errors { kCompare, kSkip };

// Whether FastSummarize answers `text` differently from Summarize.
bool Differs(std::string_view text, Errors errors) {
  std::optional<FileSummary> fast = FastSummarize(text);
  if (!fast) return false;
  Document doc{std::string(text)};
  if (errors == Errors::kSkip && ts_node_has_error(doc.root())) return false;
  return DumpSummary(*fast) != DumpSummary(Summarize(doc));
}

// A smaller text that still Differs: spans removed while the difference stays,
// from half the text down to single bytes (a bounded number of tries).
std::string Minimize(std::string text, Errors errors) {
  int budget = 20000;
  for (size_t chunk = std::max<size_t>(1, text.size() / 2); chunk > 0 && budget > 0;) {
    bool removed = false;
    for (size_t at = 0; at < text.size() && budget-- > 0;) {
      std::string candidate = text;
      candidate.erase(at, chunk);
      if (Differs(candidate, errors)) {
        text = std::move(candidate);
        removed = true;
      } else {
        at += chunk;
      }
    }
    if (!removed) chunk /= 2;
  }
  return text;
}

// `text` as a C++ string literal, for the table of cases.
std::string CppLiteral(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x\"\"", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

enum class Answer { kBailed, kSame, kNotCompared };

// Whether FastSummarize answered; when it did, its summary must be Summarize's
// (unless `errors` is kSkip and the text has syntax errors). A difference is
// reported with both summaries, their diff and a minimized reproducer.
Answer CheckSame(std::string_view name, std::string_view text, Errors errors = Errors::kCompare) {
  std::optional<FileSummary> fast = FastSummarize(text);
  if (!fast) return Answer::kBailed;
  Document doc{std::string(text)};
  if (errors == Errors::kSkip && ts_node_has_error(doc.root())) return Answer::kNotCompared;
  std::string want = DumpSummary(Summarize(doc));
  std::string got = DumpSummary(*fast);
  if (got != want) {
    INFO("source: " << name << " (" << text.size() << " bytes)");
    INFO("text:\n" << Excerpt(text));
    // Whole dumps of small files only; the diff says it all for big ones.
    bool small = std::count(want.begin(), want.end(), '\n') < 80;
    INFO("Summarize:\n" << (small ? want : "(" + std::to_string(want.size()) + " bytes)"));
    INFO("FastSummarize:\n" << (small ? got : "(" + std::to_string(got.size()) + " bytes)"));
    INFO("diff (- Summarize, + FastSummarize):\n" << LineDiff(want, got));
    std::string minimal = Minimize(std::string(text), errors);
    Document minimal_doc{minimal};
    std::optional<FileSummary> minimal_fast = FastSummarize(minimal);
    INFO("minimized reproducer: " << CppLiteral(minimal));
    INFO("its diff (- Summarize, + FastSummarize):\n"
         << LineDiff(DumpSummary(Summarize(minimal_doc)),
                     minimal_fast ? DumpSummary(*minimal_fast) : std::string("(bailed)\n")));
    FAIL_CHECK("FastSummarize answered differently from Summarize");
  }
  return Answer::kSame;
}

std::optional<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The .js/.cjs files under `dir` of at most 512 KB, sorted; none when it does not exist.
std::vector<fs::path> JsFilesUnder(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::string ext = entry.path().extension().string();
    if (ext != ".js" && ext != ".cjs") continue;
    std::error_code file_ec;
    if (!entry.is_regular_file(file_ec) || file_ec) continue;
    uintmax_t size = entry.file_size(file_ec);
    if (file_ec || size > kMaxFileSize) continue;
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Corpus {
  std::string name;
  fs::path dir;
};

std::vector<Corpus> Corpora() {
  fs::path src = SourceDir();
  std::vector<Corpus> out = {
      {"runtime/lib", src / "runtime/lib"},
      {"tests/js", src / "tests/js"},
      {"tests/e2e/lsp", src / "tests/e2e/lsp"},
      {"/usr/lib/node_modules/npm", "/usr/lib/node_modules/npm"},
      {"build/npm-fixture/node_modules", src / "build/npm-fixture/node_modules"},
  };
  if (const char* extra = std::getenv("NODUS_SUMMARY_CORPUS")) {
    std::string_view rest = extra;
    while (!rest.empty()) {
      size_t colon = rest.find(':');
      std::string_view dir = rest.substr(0, colon);
      rest.remove_prefix(colon == std::string_view::npos ? rest.size() : colon + 1);
      if (!dir.empty()) out.push_back({std::string(dir), fs::path(dir)});
    }
  }
  return out;
}

// index_bench.js's module `i` (of a workspace of `files`), in the bench's shape.
std::string BenchModule(int i, int files) {
  const int deps[3] = {(i + 1) % files, (i + 7) % files, (i + 31) % files};
  std::string s = "'use strict';\n";
  for (int k = 0; k < 3; ++k) {
    s += "const dep" + std::to_string(k) + " = require('./m" + std::to_string(deps[k]) + "');\n";
  }
  s += "const path = require('path');\n\n";
  std::string n = std::to_string(i);
  for (int f = 0; f < 5; ++f) {
    std::string fs = std::to_string(f);
    s += "/** Computes f" + fs + " of module " + n + ". */\n";
    s += "function f" + n + "_" + fs + "(a, b) {\n";
    s += "  const joined = path.join(String(a), String(b));\n";
    s += "  return dep" + std::to_string(f % 3) + ".f" + std::to_string(deps[f % 3]) + "_" + fs +
         "(joined.length, b) + " + fs + ";\n";
    s += "}\n\n";
  }
  s += "class C" + n + " { constructor(x) { this.x = x; } }\n";
  s += "module.exports = { f" + n + "_0, f" + n + "_1, f" + n + "_2, f" + n + "_3, f" + n +
       "_4, C" + n + " };\n";
  return s;
}

// How much a fast path is expected to answer a case.
enum class Fast {
  kMay,       // anything goes (equal or bail)
  kExpected,  // plain CommonJS a fast path should answer; a bail is printed, not failed
  kRequired,  // must answer (and equal)
};

struct Case {
  const char* name;
  std::string text;
  Fast fast;
};

std::vector<Case> Cases() {
  using enum Fast;
  return {
      // The shapes a fast path exists for.
      {"bench module", BenchModule(0, 10000), kRequired},
      {"require and exported function",
       "const x = require('./a');\nfunction f(a, b) {}\nmodule.exports = { f };\n", kRequired},
      {"exports.a = 1", "exports.a = 1;\n", kRequired},
      {"module.exports = require", "module.exports = require('./y');\n", kRequired},
      {"destructured require", "const {a, b: c} = require('./m');\n", kRequired},
      {"bench module 42 of 100", BenchModule(42, 100), kExpected},
      {"use strict without semicolons", "'use strict'\nconst x = require('./x')\nexports.a = x.b\n",
       kExpected},
      {"member uses", "const x = require('./x');\nx.a;\nx.b.c;\nx.d();\nnew x.K();\n", kExpected},
      {"require member binding", "const a = require('./a').a;\nexports.b = a;\n", kExpected},
      {"bare require", "require('./side-effect');\n", kExpected},
      {"top-level kinds",
       "let a;\nvar b = 1, c = () => {};\nconst d = class {};\nfunction* g() {}\n"
       "async function h() {}\nclass K {}\nconst e = function () {};\n",
       kExpected},

      // Regular expressions and division.
      {"division chain",
       "const x = require('./x');\nconst r = x.a / x.b / 2;\nmodule.exports = { r };\n", kExpected},
      {"division after parenthesis", "const x = require('./x');\nconst n = (x.a) / 2 / (x.b);\n",
       kMay},
      {"regex after if (…)",
       "const x = require('./x');\nif (x.ok) /re/.test(s);\nexports.a = x.b;\n", kMay},
      {"regex holding a quote", "const x = require('./x');\nlet r = /'/;\nexports.f = x.f;\n",
       kExpected},
      {"regex holding a slash in a class", "const r = /[/'`]/g;\nconst x = require('./x');\nx.a;\n",
       kMay},
      {"regex holding require", "const re = /require('x')/;\nmodule.exports = re;\n", kMay},
      {"regex after a block",
       "function f() {}\n/foo/.test('a');\nconst x = require('./x');\nx.y;\n", kMay},
      {"division after a postfix operator", "let a = 1;\na++ / 2 / 3;\nconst x = require('./x');\n",
       kMay},
      {"division over lines", "let y = 1, z = 2, w = 3;\nconst v = y / z // c\n/ w;\n", kMay},
      {"regex after keywords",
       "const x = require('./x');\nfunction f() { return /a/.test(x.s); }\n"
       "function* g() { yield /b/; }\nconst t = typeof /c/;\nvoid /d/;\n"
       "switch (x.k) { case /e/: break; }\n",
       kMay},
      {"regex after an object literal line", "const o = {}\n/1/g;\nconst x = require('./x');\n",
       kMay},
      {"numbers", "const n = 1.5e3 / 2 / .5 / 0x1f / 1_000 / 1n;\nconst s = 1..toString();\n",
       kMay},

      // Templates.
      {"template with nested substitutions",
       "const x = require('./x');\nconst s = `a${x.b + `c${x.d}`}e${'`'}`;\nexports.s = s;\n",
       kMay},
      {"template holding require text",
       "const s = `require('./no')`;\nconst t = `${require('./yes').k}`;\n", kMay},
      {"template require argument", "const t = require(`./tpl`);\nt.a;\n", kMay},
      {"template require argument with substitution", "const t = require(`./${'x'}`);\nt.a;\n",
       kMay},
      {"template with a brace in a string",
       "const s = `${ '}' + x.y }`;\nconst x = require('./x');\n", kMay},
      {"template with escaped backticks",
       "const x = require('./x');\nconst s = `\\`${x.a}\\`` + `\\${x.b}`;\n", kMay},

      // Strings and escapes.
      {"escaped newline in a specifier", "const a = require('a\\n');\na.b;\n", kMay},
      {"unicode escape in a specifier", "const a = require('\\u0061');\na.b;\n", kMay},
      {"hex escape in a specifier", "const a = require('\\x61');\na.b;\n", kMay},
      {"escaped quotes and backslash",
       "const a = require('it\\'s');\nconst b = require(\"say \\\"hi\\\"\");\n"
       "const c = require('a\\\\b');\nconst d = require('\\0');\na.x; b.y; c.z; d.w;\n",
       kMay},
      {"line continuation in a specifier", "const a = require('a\\\nb');\na.c;\n", kMay},
      {"double-quoted specifiers",
       "const a = require(\"./a\");\nexports.b = require(\"./b\").b;\na.c;\n", kExpected},
      {"comment text in a string",
       "const s = '/* not a comment */ // nor this';\nconst a = require('./a');\na.b;\n", kMay},

      // Comments between tokens.
      {"comment inside require()", "const a = require(/*c*/'./a');\na.x;\n", kMay},
      {"comments around the callee and the dot",
       "const a = require /*c*/ ('./a') // tail\n;\na . /*c*/ x;\na\n  // line\n  .y;\n", kMay},
      {"comment after the argument", "const a = require('./a' /* c */);\na.x;\n", kMay},
      {"line comment inside require()", "const a = require(\n  // why\n  './a'\n);\na.x;\n", kMay},
      {"requires in comments", "// require('./line')\n/* require('./block') */\nexports.a = 1;\n",
       kExpected},
      {"html comments", "<!-- comment\nexports.a = 1;\n--> also\n", kMay},

      // JSDoc above exports.
      {"jsdoc above a function", "/** Doc. */\nfunction f() {}\nmodule.exports = { f };\n",
       kExpected},
      {"jsdoc then a blank line", "/** Doc. */\n\nfunction f() {}\nexports.f = f;\n", kMay},
      {"plain block comment", "/* not jsdoc */\nfunction f() {}\nexports.f = f;\n", kMay},
      {"empty comments",
       "/**/\nfunction f() {}\n/***/\nfunction g() {}\nexports.f = f;\nexports.g = g;\n", kMay},
      {"multi-line jsdoc",
       "/**\n * Adds.\n *\n * @param {number} a\n *   indented\n */\nfunction add(a, b) {}\n"
       "exports.add = add;\n",
       kExpected},
      {"jsdoc after an ASI statement",
       "const a = 1\n/** Doc of f. */\nfunction f() {}\nexports.f = f;\n", kMay},
      {"jsdoc trailing the previous statement",
       "exports.a = 1 /** trailing */\nexports.b = 2;\nexports.c = 3; /** same line */ exports.d = "
       "4;\n",
       kMay},
      {"jsdoc above an export statement",
       "/** The f. */\nexports.f = function (a) {};\n/** The g. */\nmodule.exports.g = 1;\n", kMay},
      {"jsdoc inside an exported object",
       "module.exports = {\n  /** A. */\n  a: 1,\n\n  /** B. */\n  b() {},\n  /* C */ c: 2,\n};\n",
       kMay},
      {"two jsdoc blocks", "/** one */ /** two */ function f() {}\nexports.f = f;\n", kMay},
      {"jsdoc and code between", "/** Doc */ ;function f() {}\nexports.f = f;\n", kMay},
      {"jsdoc above both the declaration and the export",
       "/** Decl. */\nfunction f() {}\n/** Export. */\nexports.f = f;\n", kMay},

      // Automatic semicolon insertion.
      {"ASI: call on the next line", "const x = require('a')\n(foo)()\n", kMay},
      {"ASI: subscript on the next line", "const x = require('a')\n[1].map(f)\n", kMay},
      {"ASI: regex-looking division on the next line", "const x = require('./a')\n/re/g.test(s)\n",
       kMay},
      {"ASI: tagged template on the next line", "const x = require('./x')\n`t`\nx.a;\n", kMay},
      {"ASI: plain", "const x = require('./a')\nx.b\nexports.c = x\n", kMay},
      {"ASI: continuations",
       "const x = require('./x')\nconst y = x\n.a\nexports.a = 1\n+x.b\nconst z = x.c\n, w = x.d\n"
       "module.exports = x.e\n(1)\n",
       kMay},
      {"ASI: prefix increment", "let a = 1\nlet b = 2\na\n++b\n", kMay},
      // Line breaks tree-sitter reads past where the language would not (or
      // the reverse): found by the random edits and by line breaks inserted
      // into npm's files.
      // `require` bound in a block or a function's body.
      {"lazy require in a function",
       "function f() {\n  const x = require('./x');\n  return x.a;\n}\nmodule.exports = { f };\n",
       kExpected},
      {"lazy destructured require",
       "function f() { const {a, b: c} = require('./x'); return a + c; }\nexports.f = f;\n",
       kExpected},
      {"lazy var used in a default parameter",
       "function f(a = x.b) { var x = require('./x'); return x.a; }\n", kMay},
      {"lazy var in an arrow's body",
       "const f = (y) => { var x = require('./x'); return x.a(y); };\n", kMay},
      {"lazy require and the same name elsewhere",
       "function f() { const x = require('./x'); x.a; }\nconst x = 1;\nx.b;\n", kMay},
      {"lazy require shadowed inside",
       "function f() { const x = require('./x'); function g(x) { return x.a; } x.b; }\n", kMay},
      {"lazy require in a top-level block", "if (a) { let x = require('./x'); x.c(); }\n", kMay},
      {"lazy require in a for head", "for (const x = require('./x'); ;) { x.a; }\n", kMay},
      {"lazy require called", "function f() { const x = require('./x')(1); x.a; }\n", kMay},
      {"lazy require in a switch",
       "function f(a) { switch (a) { case 1: const x = require('./x'); x.a; } }\n", kMay},
      {"lazy require in a static block", "class K { static { const x = require('./x'); x.a; } }\n",
       kMay},
      {"lazy require, a second declarator",
       "function f() { const y = 1, x = require('./x'); x.a; }\n", kMay},
      {"lazy require, a block on the next line",
       "function f() {\n  const A = require('a')\n  { p: q } = g()\n  new A()\n}\n", kMay},
      {"lazy require, the value going on", "function f() { const a = require('a') || b; a.c; }\n",
       kMay},
      {"lazy require assigned",
       "let a;\nfunction f() { a = require('a'); a.b; o.c = require('c'); }\n", kMay},
      {"lazy require in a later declarator",
       "function f() { let b = 1,\n a = require('a'); a.c; }\n", kMay},
      {"nested, default and rest patterns",
       "const { a, b: { c }, d = 1, e: f = 2, ...g } = require('m');\nexports.h = a;\n", kMay},
      {"a required name as a key, a label and a branch",
       "const x = require('x');\nconst o = { x: x.a };\nx: for (;;) break x;\nq ? x : x.b;\n",
       kMay},
      {"a constructor after a field",
       "class K {\n  static name = 'k'\n  constructor (a) {}\n}\nmodule.exports = K;\n", kMay},
      {"a static constructor on the next line",
       "class K {\n  static\n  constructor (a) {}\n}\n"
       "module.exports = K;\n",
       kMay},
      {"a statement keyword inside an expression", "module.exports = (a) =>const \n  a.b;\n", kMay},
      {"lazy require member", "function f() { let a = require('./x').a; a.b; }\n", kMay},
      {"a line of prefix decrements", "f = function () {}\n ------\nexports.a = a\n", kMay},
      {"postfix increment then a statement", "let a = 1\na++\nexports.b = a\n", kMay},
      {"let and a line break", "let\nr = 1;\nexports.r = r;\n", kMay},
      {"let as a value", "module.exports = let\nq\n", kMay},
      {"line break before =>", "var c = ()\n  => {};\n", kMay},
      {"line break before => in an export", "exports.f = ()\n=> 1;\n", kMay},
      {"async and a line break", "const c = async\n() => 1;\n", kMay},
      {"function and a line break", "module.exports = function\nf() {};\n", kMay},
      {"class and a line break", "module.exports = class\nK {};\n", kMay},
      {"named function and a line break", "exports.f = function\nf(a) {};\n", kMay},
      {"async function and a line break", "const f = async function\nnamed() {};\n", kMay},
      {"arrow called on the next line", "const a = () => {}\n(1)\n", kMay},
      {"exported arrow called on the next line", "exports.a = () => {}\n(1)\n", kMay},
      {"module arrow called on the next line", "module.exports = () => {}\n(1)\n", kMay},
      {"arrow with an expression body then a call", "exports.a = () => x\n(1)\n", kMay},
      {"arrow with a block body, then a member", "exports.a = () => {}.call;\n", kMay},

      // Shadowing of a required name.
      {"shadowed by a parameter", "const x = require('m');\nfunction g(x) { return x.a }\nx.b;\n",
       kMay},
      {"shadowed by let in a block", "const x = require('m');\n{ let x = {}; x.a; }\nx.b;\n", kMay},
      {"shadowed by catch", "const x = require('m');\ntry { x.a } catch (x) { x.b }\n", kMay},
      {"shadowed by arrow parameters",
       "const x = require('m');\nconst f = (x) => x.a;\nconst h = x => x.b;\nconst k = y => x.c;\n",
       kMay},
      {"shadowed by var in a function",
       "const x = require('m');\nfunction h() { var x = 1; return x.c; }\nfunction k() { x.d; }\n",
       kMay},
      {"shadowed in a method",
       "const x = require('m');\nclass K { m(x) { return x.a } n() { x.b } }\n", kMay},
      {"shadowed by for-of", "const x = require('m');\nfor (const x of []) x.a;\nx.b;\n", kMay},
      {"shadowed by a function expression's name",
       "const x = require('m');\nconst f = function x() { return x.a };\n", kMay},
      {"use before the declaration", "function g() { return x.a }\nconst x = require('m');\n",
       kMay},
      {"declared twice", "var x = require('m');\nvar x = require('n');\nx.a;\n", kMay},
      {"property named like the binding",
       "const x = require('m');\nconst o = { x: 1 };\no.x;\nx.y;\n", kMay},
      {"reassigned binding", "let x = require('m');\nx = {};\nx.a;\n", kMay},
      {"binding used bare", "const x = require('m');\nconst y = x;\nconsole.log(x);\ny.a;\n", kMay},

      // Member forms.
      {"optional chaining", "const x = require('m');\nx?.a;\nx?.['b'];\nx?.c();\n", kMay},
      {"subscripts", "const x = require('m');\nx['a'];\nx[\"b\"];\nx[0];\n", kMay},
      {"member over lines", "const x = require('m');\nx\n  .a;\n", kMay},
      {"keyword property names",
       "const x = require('m');\nx.new;\nx.class;\nx.if;\nexports.default = x.default;\n", kMay},
      {"private name", "const x = require('m');\nx.#a;\n", kMay},
      {"members of require()", "require('./m').a.b;\nrequire('./m')?.c;\nrequire('./m')['d'];\n",
       kMay},
      {"member of a member of require()", "const a = require('./a').b.c;\n", kMay},
      {"subscript of require()", "const a = require('./a')['b'];\n", kMay},

      // Destructuring.
      {"destructuring with defaults, nesting and rest",
       "const {a = 1, b: {c}, d: e = 2, ...rest} = require('./m');\n", kMay},
      {"destructuring with string and computed keys",
       "const k = 'z';\nconst {'b': bb, [k]: cc, 1: one} = require('./m');\n", kMay},
      {"array destructuring", "const [p, q] = require('./m');\n", kMay},
      {"several declarators", "let {a} = require('./m'), b = require('./n').b, c = 3;\n", kMay},
      {"the same key twice", "const {a, a: a2} = require('./m');\n", kMay},
      {"destructuring a binding", "const x = require('./m');\nconst {q} = x;\n", kMay},
      {"destructuring outside a declaration", "let a;\n({a} = require('./m'));\n", kMay},

      // var in a top-level block.
      {"var in a block", "{ var x = require('./m'); }\nx.a;\n", kMay},
      {"var in an if", "if (c) { var y = require('./y'); }\ny.b;\n", kMay},
      {"var in a for",
       "for (var i = 0; i < 1; i++) { var z = require('./z'); }\nz.c;\nfor (var w of []) {}\n",
       kMay},
      {"function in a block", "{ function f() {} }\nexports.f = f;\n", kMay},

      // Classes.
      {"class with constructor params",
       "class C {\n  constructor(a, b = 2) { this.a = a; }\n  static s() {}\n  get g() { return 1; "
       "}\n}\n"
       "module.exports = C;\n",
       kExpected},
      {"class expression",
       "const C = class { constructor(...args) {} };\nmodule.exports = { C };\n", kMay},
      {"class extending a require", "class D extends require('./base') {}\nexports.D = D;\n", kMay},
      {"two constructors", "class E { constructor() {} constructor(x) {} }\nexports.E = E;\n",
       kMay},
      {"quoted and static constructors",
       "class F { 'constructor'(a) {} }\nclass G { static constructor(b) {} }\nexports.F = F;\n"
       "exports.G = G;\n",
       kMay},
      {"constructor look-alikes",
       "class A { get constructor() {} }\nclass B { ['constructor'](q) {} }\n"
       "class C { constructor = 1 }\nclass D { constructor\n(q) {} }\n"
       "class E { constructor(\n  a, /* c */\n  b,\n) {} }\nmodule.exports = { A, B, C, D, E };\n",
       kMay},
      {"class fields", "class H { x = 1; static y = /r/; #z; m() {} }\nmodule.exports = H;\n",
       kMay},

      // Methods and keys in exported objects.
      {"accessors in an exported object",
       "module.exports = {\n  get a() { return 1; },\n  set a(v) {},\n};\n", kMay},
      {"async and generator methods",
       "module.exports = {\n  async b(x) {},\n  *c(y) {},\n  async *d(z) {},\n  static: 1,\n};\n",
       kMay},
      {"string, number and computed keys",
       "const e = 'e';\nmodule.exports = {\n  [e]() {},\n  'f'(g) {},\n  1: 2,\n  'h i': 3,\n"
       "  \"j\": 4,\n  '': 5,\n  [e + 1]: 6,\n};\n",
       kMay},
      {"spread and shorthand", "const j = 1;\nconst rest = {};\nmodule.exports = { ...rest, j };\n",
       kMay},
      {"function values",
       "module.exports = {\n  k: () => {},\n  l: function named(m) {},\n  n: async (o) => o,\n"
       "  p: q => q,\n  r: class {},\n  s: async function* (t) {},\n};\n",
       kMay},
      {"exported function forms",
       "exports.f = (a, b) => a / b;\nexports.g = async x => x;\nexports.h = async function* (a) "
       "{};\n"
       "exports.i = function (a = /x/, b = `}`) {};\n",
       kMay},
      {"module.exports = function", "module.exports = function (req, res) {};\n", kExpected},
      {"module.exports = a declared function",
       "/** Handler. */\nfunction handler(req, res) {}\nmodule.exports = handler;\n", kExpected},

      // module.exports aliases.
      {"alias after the assignment",
       "const app = {};\nmodule.exports = app;\napp.x = 1;\napp.y = function (a) {};\n", kMay},
      {"alias before the assignment",
       "function app() {}\napp.x = 1;\nmodule.exports = app;\napp.y = 2;\n", kMay},
      {"exports = module.exports", "exports = module.exports = { a: 1 };\nexports.b = 2;\n", kMay},
      {"declared alias", "const e = module.exports = {};\ne.c = 3;\n", kMay},
      {"module.exports = exports = …",
       "module.exports = exports = function f() {};\nexports.d = 1;\n", kMay},
      {"exports before and after a new object",
       "exports.a = 1;\nconst b = 2;\nmodule.exports = { b };\nexports.c = 2;\n", kMay},
      {"an export assigned twice", "exports.a = 1;\nexports.a = 'two';\nmodule.exports.a = 3;\n",
       kMay},
      {"module.exports.x =", "module.exports.a = 1;\nmodule.exports.b = require('./b');\n",
       kExpected},
      {"module['exports']", "module['exports'] = { a: 1 };\n", kMay},
      {"chained exports", "exports.a = exports.b = function () {};\n", kMay},
      {"assignment to a second name",
       "let proto;\nmodule.exports = proto = { a: 1 };\nproto.b = 2;\n", kMay},
      {"module.exports = a call",
       "const express = require('express');\nconst app = module.exports = express();\n", kMay},
      {"hoisted function as module.exports", "module.exports = app;\nfunction app() {}\n", kMay},
      {"module.exports = module.exports", "module.exports = module.exports;\n", kMay},
      {"module.exports = the exports alias", "exports.a = 1;\nmodule.exports = exports;\n", kMay},

      // Re-exports.
      {"re-exports",
       "exports.a = require('./y').b;\nexports.y = require('./y');\nmodule.exports.z = "
       "require('./z').z;\n",
       kExpected},
      {"re-exports through bindings",
       "const y = require('./y');\nconst {b} = require('./y');\nexports.b = y.b;\nexports.y = y;\n"
       "exports.c = b;\n",
       kMay},
      {"module.exports = a member of require()", "module.exports = require('./y').sub;\n", kMay},
      {"module.exports = a required binding", "const y = require('./y');\nmodule.exports = y;\n",
       kMay},
      {"requires inside an exported object",
       "module.exports = { a: require('./a'), b: require('./b').b, ...require('./c') };\n", kMay},

      // Calls that are and are not require().
      {"require call forms",
       "require('./a'), require('./b');\nrequire ('./c');\nrequire\n('./d');\nrequire('./e', "
       "'f');\n"
       "require();\nrequire(x);\nrequire(('./g'));\nobj.require('./h');\nnew require('./i');\n",
       kMay},
      {"a local require", "const require = () => {};\nconst a = require('./a');\na.b;\n", kMay},
      {"await require", "const a = await require('./a');\n", kMay},
      {"contextual keywords as names",
       "const async = require('./async');\nasync.map();\nconst get = require('./g');\nget.x;\n"
       "let of = 1;\nvar let_ = require('./l');\nlet_.y;\n",
       kMay},

      // Syntax errors.
      {"unclosed brace", "const x = require('./x');\nfunction f() {\nexports.a = x.b;\n", kMay},
      {"unterminated string", "const a = require('./a);\nexports.b = 2;\n", kMay},
      {"unterminated template", "const s = `abc\nexports.a = 1;\n", kMay},
      {"unterminated regex", "const r = /abc\nexports.a = 1;\n", kMay},
      {"unterminated comment", "/* never closed\nexports.a = 1;\n", kMay},
      {"missing value", "exports.a = ;\nexports.b = 1;\n", kMay},
      {"missing property", "const x = require('./x');\nx.\n", kMay},
      {"missing property before a statement", "const x = require('./x');\nx.\nexports.a = 1;\n",
       kMay},
      {"unclosed call", "const x = require('./x');\nx.a(\n", kMay},
      {"stray closing brace", "exports.a = 1;\n}\nexports.b = 2;\n", kMay},
      {"missing name", "const = require('./x');\n", kMay},

      // Text encodings and odd files.
      {"empty file", "", kMay},
      {"blank lines", "\n\n\n", kMay},
      {"only a comment", "// only a comment", kMay},
      {"BOM",
       "\xEF\xBB\xBF"
       "const x = require('./x');\nexports.a = x.b;\n",
       kMay},
      {"shebang", "#!/usr/bin/env node\nconst x = require('./x');\nexports.a = x.b;\n", kMay},
      {"shebang only", "#!/usr/bin/env node", kMay},
      {"CRLF line ends",
       "'use strict';\r\nconst x = require('./x');\r\n\r\n/**\r\n * Doc.\r\n */\r\n"
       "function f(a) {\r\n  return x.g(a);\r\n}\r\n\r\nmodule.exports = { f };\r\n",
       kExpected},
      {"CR-only line ends", "const x = require('./x')\rconst y = x.a\r(1)\rexports.b = x.b\r",
       kMay},
      {"line and paragraph separators",
       "const x = require('./x')\u2028const y = x.a\u2029exports.y = y;\n", kMay},
      {"odd whitespace", "const x = require('./x');\f\vx.a;\u00a0x.b;\ufeffx.c;\n", kMay},
      {"JSDoc with CR line ends", "/** doc */\r\rfunction f() {}\nexports.f = f;\n", kMay},
      {"non-ASCII identifiers and strings",
       "const ünï = require('./données');\nünï.ça;\nexports.日本 = '語';\n/** Dœc. */\n"
       "function π(α) {}\nexports.π = π;\n",
       kMay},
      {"escaped identifier", "const \\u0061 = require('./m');\na.b;\n", kMay},
      {"empty statements", "exports.a = 1;;;\n;\n", kMay},

      // ES modules.
      {"ESM",
       "import x from './x';\nexport const a = 1;\nexport default function f() {}\nexport { x };\n",
       kMay},
      {"ESM mixed with require",
       "const y = require('./y');\nexport function g() { return y.a; }\nimport('./dyn');\n", kMay},
      {"import.meta", "const u = import.meta.url;\nconst x = require('./x');\nx.a;\n", kMay},
  };
}

TEST_CASE("fast summary: DumpSummary shows every field", "[lsp][fast_summary]") {
  Document doc(R"(const m = require('./m');
const {a, b: c} = require('./n');
/** Adds. */
function add(x, y) { return m.k + a + c; }
exports.add = add;
exports.z = require('./z').zz;
module.exports.w = 1;
)");
  const FileSummary base = Summarize(doc);
  REQUIRE(!base.require_calls.empty());
  REQUIRE(!base.top_level.empty());
  REQUIRE(!base.bindings.empty());
  REQUIRE(base.exports.size() >= 2);
  REQUIRE(!base.uses.empty());
  const std::string dumped = DumpSummary(base);
  // Each edit changes one field; the dump must change with it.
  std::vector<std::pair<const char*, std::function<void(FileSummary&)>>> edits = {
      {"require specifier", [](FileSummary& s) { s.require_calls[0].specifier += "x"; }},
      {"require range", [](FileSummary& s) { s.require_calls[0].string_range.end++; }},
      {"require count", [](FileSummary& s) { s.require_calls.pop_back(); }},
      {"top-level name", [](FileSummary& s) { s.top_level[0].name += "x"; }},
      {"top-level range", [](FileSummary& s) { s.top_level[0].range.start++; }},
      {"top-level kind", [](FileSummary& s) { s.top_level[0].kind = SymbolKind::kField; }},
      {"binding local", [](FileSummary& s) { s.bindings[0].local += "x"; }},
      {"binding range", [](FileSummary& s) { s.bindings[0].local_range.end++; }},
      {"binding specifier", [](FileSummary& s) { s.bindings[0].specifier += "x"; }},
      {"binding member", [](FileSummary& s) { s.bindings[0].member += "x"; }},
      {"export name", [](FileSummary& s) { s.exports[0].name += "x"; }},
      {"export name range", [](FileSummary& s) { s.exports[0].name_range.start++; }},
      {"export definition", [](FileSummary& s) { s.exports[0].definition.end++; }},
      {"export kind", [](FileSummary& s) { s.exports[0].info.kind += "x"; }},
      {"export doc", [](FileSummary& s) { s.exports[0].info.doc += "\n"; }},
      {"export params", [](FileSummary& s) { s.exports[0].info.params += " "; }},
      {"export from_specifier", [](FileSummary& s) { s.exports[0].from_specifier += "x"; }},
      {"export from_name", [](FileSummary& s) { s.exports[1].from_name += "x"; }},
      {"export order", [](FileSummary& s) { std::swap(s.exports[0], s.exports[1]); }},
      {"use specifier", [](FileSummary& s) { s.uses[0].specifier += "x"; }},
      {"use name", [](FileSummary& s) { s.uses[0].name += "x"; }},
      {"use range", [](FileSummary& s) { s.uses[0].range.start++; }},
      {"use shorthand", [](FileSummary& s) { s.uses[0].shorthand = !s.uses[0].shorthand; }},
      {"module assigned", [](FileSummary& s) { s.module.assigned = !s.module.assigned; }},
      {"module definition", [](FileSummary& s) { s.module.definition.end++; }},
      {"module kind", [](FileSummary& s) { s.module.info.kind += "x"; }},
      {"module doc", [](FileSummary& s) { s.module.info.doc += "x"; }},
      {"module params", [](FileSummary& s) { s.module.info.params += "x"; }},
      {"module reexport", [](FileSummary& s) { s.module.reexport += "x"; }},
  };
  for (const auto& [what, edit] : edits) {
    FileSummary changed = base;
    edit(changed);
    INFO(what);
    CHECK(DumpSummary(changed) != dumped);
  }
  CHECK(DumpSummary(Summarize(doc)) == dumped);  // deterministic
}

TEST_CASE("fast summary: the hard cases", "[lsp][fast_summary]") {
  int answered = 0;
  std::vector<std::string> expected_but_bailed;
  std::vector<Case> cases = Cases();
  for (const Case& c : cases) {
    INFO("case: " << c.name);
    bool fast = CheckSame(c.name, c.text) != Answer::kBailed;
    answered += fast ? 1 : 0;
    if (c.fast == Fast::kRequired) CHECK(fast);
    if (c.fast == Fast::kExpected && !fast) expected_but_bailed.push_back(c.name);
  }
  std::cout << "fast summary cases: " << answered << " of " << cases.size() << " answered fast";
  if (!expected_but_bailed.empty()) {
    std::cout << "; expected fast but bailed:";
    for (const std::string& name : expected_but_bailed) std::cout << " [" << name << "]";
  }
  std::cout << "\n";
}

TEST_CASE("fast summary: the JavaScript files of the repository and of npm",
          "[lsp][fast_summary]") {
  std::vector<Corpus> corpora = Corpora();
  for (size_t i = 0; i < corpora.size(); ++i) {
    const Corpus& corpus = corpora[i];
    std::vector<fs::path> files = JsFilesUnder(corpus.dir);
    if (i < 3) {
      INFO("corpus: " << corpus.dir);
      REQUIRE(!files.empty());  // the repository's own directories are always there
    }
    if (files.empty()) continue;
    int fast = 0, bailed = 0;
    for (const fs::path& path : files) {
      std::optional<std::string> text = ReadFile(path);
      if (!text) continue;
      (CheckSame(path.string(), *text) != Answer::kBailed ? fast : bailed)++;
    }
    std::cout << "fast summary corpus " << corpus.name << ": " << files.size() << " files, " << fast
              << " answered fast, " << bailed << " bailed\n";
  }
}

size_t EnvCount(const char* name, size_t fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  return static_cast<size_t>(std::strtoull(value, nullptr, 10));
}

// One random edit of `text`.
void Mutate(std::string& text, std::mt19937& rng) {
  static constexpr std::string_view kInserts[] = {"{", "}", "(",  ")", ";", "/", "\\",
                                                  "`", "'", "\"", ",", ".", "=", "\n"};
  auto pick = [&rng](size_t n) { return std::uniform_int_distribution<size_t>(0, n)(rng); };
  switch (pick(2)) {
    case 0: {  // delete a token-sized span
      if (text.empty()) return;
      size_t at = pick(text.size() - 1);
      text.erase(at, 1 + pick(7));
      break;
    }
    case 1: {  // duplicate a line
      size_t at = pick(text.size());
      size_t start = text.rfind('\n', at == 0 ? 0 : at - 1);
      start = start == std::string::npos || at == 0 ? 0 : start + 1;
      size_t end = text.find('\n', start);
      end = end == std::string::npos ? text.size() : end + 1;
      std::string line = text.substr(start, end - start);
      if (!line.ends_with('\n')) line += '\n';
      text.insert(start, line);
      break;
    }
    default: {  // insert a character that changes how the rest is tokenized
      std::string_view insert = kInserts[pick(std::size(kInserts) - 1)];
      text.insert(pick(text.size()), insert);
      break;
    }
  }
}

// The mutation test's texts: the bench module, the table's texts a fast path
// should answer, and corpus files of 0.3-4 KB (those the fast path answers first).
std::vector<std::pair<std::string, std::string>> MutationFixtures() {
  constexpr size_t kCount = 30;
  std::vector<std::pair<std::string, std::string>> out;
  out.emplace_back("bench module", BenchModule(0, 10000));
  for (const Case& c : Cases()) {
    if (c.fast != Fast::kMay && c.text.size() > 40 && out.size() < 10) {
      out.emplace_back(c.name, c.text);
    }
  }
  std::vector<std::pair<std::string, std::string>> answered, others;
  fs::path src = SourceDir();
  for (const char* dir : {"runtime/lib", "tests/e2e/lsp", "tests/js"}) {
    for (const fs::path& path : JsFilesUnder(src / dir)) {
      std::error_code ec;
      uintmax_t size = fs::file_size(path, ec);
      if (ec || size < 300 || size > 4000) continue;
      std::optional<std::string> text = ReadFile(path);
      if (!text) continue;
      (FastSummarize(*text) ? answered : others).emplace_back(path.string(), std::move(*text));
    }
  }
  for (auto* pool : {&answered, &others}) {
    // Evenly spaced picks, so the fixtures come from all over the tree.
    size_t want = std::min(pool->size(), kCount - std::min(kCount, out.size()));
    for (size_t k = 0; k < want; ++k) out.push_back((*pool)[k * pool->size() / want]);
  }
  return out;
}

// Most mutants have syntax errors, where the summary is whatever tree-sitter's
// error recovery makes of the text. A fast path bails on those, but its check
// for them is not complete yet: they are compared only with
// NODUS_FAST_SUMMARY_MUTANT_ERRORS=1.
TEST_CASE("fast summary: random edits of fixture files", "[lsp][fast_summary]") {
  const uint32_t seed = static_cast<uint32_t>(EnvCount("NODUS_FAST_SUMMARY_SEED", 20261126));
  const size_t mutants = EnvCount("NODUS_FAST_SUMMARY_MUTANTS", 3000);
  const Errors errors =
      EnvCount("NODUS_FAST_SUMMARY_MUTANT_ERRORS", 0) != 0 ? Errors::kCompare : Errors::kSkip;
  std::vector<std::pair<std::string, std::string>> fixtures = MutationFixtures();
  REQUIRE(fixtures.size() >= 20);
  std::mt19937 rng(seed);
  int compared = 0, not_compared = 0;
  for (size_t i = 0; i < mutants; ++i) {
    const auto& [name, original] = fixtures[i % fixtures.size()];
    std::string text = original;
    int edits = 1 + std::uniform_int_distribution<int>(0, 2)(rng);
    for (int e = 0; e < edits; ++e) Mutate(text, rng);
    INFO("seed " << seed << ", mutant " << i << " (" << edits << " edits) of " << name);
    Answer answer = CheckSame(name + " (mutant)", text, errors);
    compared += answer == Answer::kSame ? 1 : 0;
    not_compared += answer == Answer::kNotCompared ? 1 : 0;
  }
  std::cout << "fast summary mutants: " << mutants << " of " << fixtures.size()
            << " fixtures (seed " << seed << "), " << compared + not_compared << " answered fast, "
            << compared << " of them compared"
            << (not_compared > 0 ? " (the others have syntax errors)" : "") << "\n";
}

}  // namespace
}  // namespace nodus::lsp
