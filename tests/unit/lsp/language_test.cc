// Cross-file features through the server: definition, completion, hover,
// references, rename, name diagnostics.

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "fixture.h"
#include "lsp/server/server.h"

namespace nodus::lsp {
namespace {

using testing::Fixture;
using testing::ParseFixture;

struct Workspace {
  Fixture fixture;
  base::MemoryFs fs;
  std::vector<Json> sent;
  std::unique_ptr<Server> server;

  explicit Workspace(std::string_view spec) : fixture(ParseFixture(spec)) {
    fixture.AddTo(fs);
    server = std::make_unique<Server>(
        fs, [this](const Json& m) { sent.push_back(m); }, nullptr,
        [this](const std::string& dir) { return fixture.ListDir(dir); });
    Send({{"jsonrpc", "2.0"},
          {"id", 0},
          {"method", "initialize"},
          {"params", {{"rootUri", "file:///w"}, {"capabilities", Json::object()}}}});
    for (const auto& [path, text] : fixture.files) {
      if (path != fixture.cursor_file) continue;
      Send({{"jsonrpc", "2.0"},
            {"method", "textDocument/didOpen"},
            {"params",
             {{"textDocument",
               {{"uri", "file://" + path},
                {"languageId", "javascript"},
                {"version", 1},
                {"text", text}}}}}});
    }
  }
  void Send(const Json& message) { server->HandleBody(message.dump()); }

  // The cursor as an LSP position (ASCII fixtures).
  Json Cursor() const {
    const std::string& text = fixture.files.at(fixture.cursor_file);
    int line = 0, character = 0;
    for (uint32_t i = 0; i < fixture.cursor; ++i) {
      if (text[i] == '\n') {
        ++line;
        character = 0;
      } else {
        ++character;
      }
    }
    return {{"line", line}, {"character", character}};
  }

  Json Ask(const std::string& method, Json extra = Json::object()) {
    sent.clear();
    Json params = {{"textDocument", {{"uri", "file://" + fixture.cursor_file}}},
                   {"position", Cursor()}};
    params.update(extra);
    Send({{"jsonrpc", "2.0"}, {"id", 9}, {"method", method}, {"params", params}});
    for (const Json& m : sent) {
      if (m.contains("id") && m["id"] == 9) return m;
    }
    return nullptr;
  }
  Json Diagnostics() {
    for (auto it = sent.rbegin(); it != sent.rend(); ++it) {
      if ((*it)["method"] == "textDocument/publishDiagnostics")
        return (*it)["params"]["diagnostics"];
    }
    return nullptr;
  }
};

std::string Where(const Json& location) {
  if (location.is_null()) return "<none>";
  return location["uri"].get<std::string>() + ":" +
         std::to_string(location["range"]["start"]["line"].get<int>()) + ":" +
         std::to_string(location["range"]["start"]["character"].get<int>());
}

std::vector<std::string> Labels(const Json& reply) {
  std::vector<std::string> out;
  for (const Json& item : reply["result"]["items"]) out.push_back(item["label"]);
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

constexpr const char* kLib = R"(
//- /w/lib/index.js
module.exports = require('./impl');
//- /w/lib/impl.js
const inner = require('./inner');
exports.helper = inner.helper;
//- /w/lib/inner.js
/** Helps with things. */
function helper(a, b) { return a + b; }
module.exports = { helper };
//- /w/node_modules/dep/package.json
{"name": "dep", "exports": {".": "./main.js", "./sub": "./sub.js"}}
//- /w/node_modules/dep/main.js
exports.x = 1;
)";

TEST_CASE("language: definition on x.a and destructured a, through re-exports", "[lsp][language]") {
  Workspace a(std::string("//- /w/app.js\nconst lib = require('./lib');\nlib.hel$0per(1, 2);\n") +
              kLib);
  CHECK(Where(a.Ask("textDocument/definition")["result"]) == "file:///w/lib/inner.js:1:9");
  Workspace b(
      std::string("//- /w/app.js\nconst { helper } = require('./lib');\nhelp$0er(1, 2);\n") + kLib);
  CHECK(Where(b.Ask("textDocument/definition")["result"]) == "file:///w/lib/inner.js:1:9");
  Workspace c(std::string("//- /w/app.js\nconst li$0b = require('./lib');\n") + kLib);
  CHECK(Where(c.Ask("textDocument/definition")["result"]) ==
        "file:///w/lib/impl.js:0:0");  // impl.js assigns no module.exports
}

TEST_CASE("language: completion", "[lsp][language]") {
  Workspace members(std::string("//- /w/app.js\nconst lib = require('./lib');\nlib.$0\n") + kLib);
  CHECK(Labels(members.Ask("textDocument/completion")) == std::vector<std::string>{"helper"});

  Workspace builtin("//- /w/app.js\nconst fs = require('fs');\nfs.$0\n");
  std::vector<std::string> fs_members = Labels(builtin.Ask("textDocument/completion"));
  CHECK(Has(fs_members, "readFileSync"));
  CHECK(Has(fs_members, "promises"));

  Workspace paths(std::string("//- /w/app.js\nrequire('./lib/$0');\n") + kLib);
  std::vector<std::string> files = Labels(paths.Ask("textDocument/completion"));
  CHECK(files == std::vector<std::string>{"./lib/impl", "./lib/index", "./lib/inner"});

  Workspace bare(std::string("//- /w/app.js\nrequire('$0');\n") + kLib);
  std::vector<std::string> ids = Labels(bare.Ask("textDocument/completion"));
  CHECK(Has(ids, "dep"));
  CHECK(Has(ids, "fs"));
  CHECK(Has(ids, "node:test"));
  CHECK_FALSE(Has(ids, "test"));
  Workspace sub(std::string("//- /w/app.js\nrequire('dep/$0');\n") + kLib);
  CHECK(Has(Labels(sub.Ask("textDocument/completion")), "dep/sub"));

  Workspace locals("//- /w/app.js\nconst outer = 1;\nfunction f(param) {\n  $0\n}\n");
  std::vector<std::string> names = Labels(locals.Ask("textDocument/completion"));
  CHECK(Has(names, "param"));
  CHECK(Has(names, "outer"));
  CHECK(Has(names, "f"));
  CHECK(Has(names, "return"));
}

TEST_CASE("language: hover shows kind, parameters and JSDoc", "[lsp][language]") {
  Workspace a(std::string("//- /w/app.js\nconst lib = require('./lib');\nlib.hel$0per(1, 2);\n") +
              kLib);
  std::string value = a.Ask("textDocument/hover")["result"]["contents"]["value"];
  CHECK(value.find("(function) helper(a, b)") != std::string::npos);
  CHECK(value.find("Helps with things.") != std::string::npos);
  CHECK(value.find("/w/lib/inner.js") != std::string::npos);
}

TEST_CASE("language: references and rename across the require graph", "[lsp][language]") {
  Workspace w(
      std::string("//- /w/app.js\nconst lib = require('./lib');\nlib.hel$0per(1, 2);\n"
                  "//- /w/other.js\nconst { helper } = require('./lib/impl');\nhelper();\n") +
      kLib);
  Json refs = w.Ask("textDocument/references", {{"context", {{"includeDeclaration", true}}}});
  std::vector<std::string> where;
  for (const Json& r : refs["result"]) where.push_back(Where(r));
  std::sort(where.begin(), where.end());
  CHECK(where == std::vector<std::string>{"file:///w/app.js:1:4", "file:///w/lib/impl.js:1:23",
                                          "file:///w/lib/impl.js:1:8", "file:///w/lib/inner.js:1:9",
                                          "file:///w/lib/inner.js:2:19", "file:///w/other.js:0:8"});
  Json rename = w.Ask("textDocument/rename", {{"newName", "assist"}});
  Json changes = rename["result"]["changes"];
  REQUIRE(changes.contains("file:///w/other.js"));
  CHECK(changes["file:///w/other.js"][0]["newText"] == "assist: helper");
  CHECK(changes["file:///w/app.js"][0]["newText"] == "assist");

  Workspace builtin("//- /w/app.js\nconst fs = require('fs');\nfs.read$0File();\n");
  CHECK(builtin.Ask("textDocument/prepareRename")["error"]["code"] == kRequestFailed);
  Workspace dep(std::string("//- /w/app.js\nconst d = require('dep');\nd.$0x;\n") + kLib);
  CHECK(dep.Ask("textDocument/prepareRename")["error"]["code"] == kRequestFailed);
  Workspace local("//- /w/app.js\nlet n$0 = 1;\nn++;\n");
  Json edits = local.Ask("textDocument/rename", {{"newName", "m"}})["result"]["changes"];
  CHECK(edits["file:///w/app.js"].size() == 2);
}

TEST_CASE("language: undefined, unused and duplicate names", "[lsp][language]") {
  Workspace w(R"(//- /w/app.js
/* global injected */
const path = require('path');
const used = 1;
let twice = 1;
let twice = 2;
function f() { return used + twice + missing + injected + process.pid + __dirname; }
if (typeof guarded === 'undefined') {}
module.exports = f;
$0
)");
  std::vector<std::string> messages;
  for (const Json& d : w.Diagnostics()) messages.push_back(d["message"]);
  CHECK(messages == std::vector<std::string>{"'path' is required but never used",
                                             "Identifier 'twice' has already been declared",
                                             "'missing' is not defined"});
  for (const Json& d : w.Diagnostics()) {
    if (d["code"] == "unused") {
      CHECK(d["severity"] == 4);
      CHECK(d["tags"] == Json::array({1}));
    }
  }
}

TEST_CASE("language: signature help, local and across a require", "[lsp][language]") {
  Workspace local(R"(//- /w/app.js
/** Adds. */
function add(a, b = 1, ...rest) { return a + b + rest.length; }
add(1, $0);
)");
  Json help = local.Ask("textDocument/signatureHelp")["result"];
  REQUIRE(help.is_object());
  CHECK(help["signatures"][0]["label"] == "add(a, b = 1, ...rest)");
  CHECK(help["signatures"][0]["parameters"].size() == 3);
  CHECK(help["signatures"][0]["parameters"][1]["label"] == "b = 1");
  CHECK(help["signatures"][0]["documentation"]["value"] == "Adds.");
  CHECK(help["activeParameter"] == 1);
  Workspace cross(
      std::string("//- /w/app.js\nconst lib = require('./lib');\nlib.helper(1, 2$0);\n") + kLib);
  help = cross.Ask("textDocument/signatureHelp")["result"];
  REQUIRE(help.is_object());
  CHECK(help["signatures"][0]["label"] == "helper(a, b)");
  CHECK(help["activeParameter"] == 1);
  // Still being typed: no closing parenthesis, not a call in the tree yet.
  Workspace typing(R"(//- /w/app.js
function add(a, b) { return a + b; }
add(g(1), [2, 3], $0
)");
  help = typing.Ask("textDocument/signatureHelp")["result"];
  REQUIRE(help.is_object());
  CHECK(help["signatures"][0]["label"] == "add(a, b)");
  CHECK(help["activeParameter"] == 2);
  Workspace unknown("//- /w/app.js\nfoo($0);\n");
  CHECK(unknown.Ask("textDocument/signatureHelp")["result"].is_null());
  Workspace outside("//- /w/app.js\nfunction f(a) {}\nf(1);$0\n");
  CHECK(outside.Ask("textDocument/signatureHelp")["result"].is_null());
}

TEST_CASE("language: document highlight, selection ranges", "[lsp][language]") {
  Workspace w(R"(//- /w/app.js
const lib = require('./lib');
let count = 0;
function bump() { co$0unt = count + 1; return lib.helper(count); }
)" + std::string(kLib));
  Json highlights = w.Ask("textDocument/documentHighlight")["result"];
  REQUIRE(highlights.size() == 4);  // the declaration and three references
  CHECK(highlights[0]["kind"] == 3);
  CHECK(highlights[0]["range"]["start"] == Json{{"line", 1}, {"character", 4}});
  CHECK(highlights[1]["kind"] == 2);

  Json ranges = w.Ask("textDocument/selectionRange", {{"positions", {w.Cursor()}}})["result"];
  REQUIRE(ranges.size() == 1);
  // count -> count = count + 1 -> the statement -> the body -> the function -> the program.
  Json r = ranges[0];
  CHECK(r["range"]["start"]["character"] == 18);
  CHECK(r["range"]["end"]["character"] == 23);
  int depth = 0;
  for (Json* p = &r; p->contains("parent"); p = &(*p)["parent"]) ++depth;
  CHECK(depth >= 4);

  Workspace cross(std::string("//- /w/app.js\nconst lib = require('./lib');\n"
                              "lib.hel$0per(1); lib.helper(2);\n") +
                  kLib);
  CHECK(cross.Ask("textDocument/documentHighlight")["result"].size() == 2);
}

TEST_CASE("language: workspace symbols (fuzzy), semantic tokens", "[lsp][language]") {
  Workspace w(
      std::string("//- /w/app.js\nconst lib = require('./lib');\n"
                  "class Router {}\nfunction handleRequest(req) { return lib.helper(req); }\n"
                  "module.exports = { Router, handleRequest };\n$0") +
      kLib);
  Json reply = w.Ask("workspace/symbol", {{"query", "hndlreq"}});
  REQUIRE(reply["result"].size() >= 1);
  CHECK(reply["result"][0]["name"] == "handleRequest");
  CHECK(reply["result"][0]["kind"] == 12);
  CHECK(reply["result"][0]["location"]["uri"] == "file:///w/app.js");
  reply = w.Ask("workspace/symbol", {{"query", "helper"}});
  std::set<std::string> files;
  for (const Json& s : reply["result"]) files.insert(s["location"]["uri"].get<std::string>());
  CHECK(files.contains("file:///w/lib/inner.js"));
  CHECK(files.contains("file:///w/lib/impl.js"));
  CHECK_FALSE(files.contains("file:///w/node_modules/dep/main.js"));
  CHECK(w.Ask("workspace/symbol", {{"query", "zzzz"}})["result"].empty());

  Json data = w.Ask("textDocument/semanticTokens/full")["result"]["data"];
  REQUIRE(data.size() % 5 == 0);
  // lib (namespace, declaration+readonly) at 0:6, require (a runtime global,
  // defaultLibrary) at 0:12, Router (class, declaration) at 1:6.
  CHECK(std::vector<int>(data.begin(), data.begin() + 15) ==
        std::vector<int>{0, 6, 3, 0, 3, 0, 6, 7, 3, 4, 1, 6, 6, 1, 1});
}

TEST_CASE("language: code actions add a missing require, remove an unused one", "[lsp][language]") {
  auto actions = [](Workspace& w) {
    Json at = {{"start", w.Cursor()}, {"end", w.Cursor()}};
    return w.Ask("textDocument/codeAction",
                 {{"range", at}, {"context", {{"diagnostics", Json::array()}}}})["result"];
  };
  Workspace add(std::string("//- /w/app.js\n'use strict';\nconst lib = require('./lib');\n"
                            "lib.helper(1);\nhel$0per(2);\n") +
                kLib);
  Json result = actions(add);
  std::vector<std::string> titles;
  for (const Json& a : result) titles.push_back(a["title"]);
  CHECK(titles == std::vector<std::string>{"Add `const { helper } = require('./lib')`",
                                           "Add `const { helper } = require('./lib/impl')`",
                                           "Add `const { helper } = require('./lib/inner')`"});
  REQUIRE(result.size() == 3);
  CHECK(result[0]["kind"] == "quickfix");
  CHECK(result[0]["diagnostics"][0]["code"] == "no-undef");
  Json edit = result[0]["edit"]["changes"]["file:///w/app.js"][0];
  CHECK(edit["newText"] == "const { helper } = require('./lib');\n");
  CHECK(edit["range"]["start"] == Json{{"line", 2}, {"character", 0}});  // after the requires
  CHECK(edit["range"]["end"] == Json{{"line", 2}, {"character", 0}});

  Workspace unused(std::string("//- /w/app.js\nconst pa$0th = require('path');\n"
                               "const { helper, other } = require('./lib');\nhelper();\n") +
                   kLib);
  result = actions(unused);
  REQUIRE(result.size() == 1);
  CHECK(result[0]["title"] == "Remove unused require of 'path'");
  CHECK(result[0]["isPreferred"] == true);
  edit = result[0]["edit"]["changes"]["file:///w/app.js"][0];
  CHECK(edit["newText"] == "");
  CHECK(edit["range"]["start"] == Json{{"line", 0}, {"character", 0}});
  CHECK(edit["range"]["end"] == Json{{"line", 1}, {"character", 0}});
  // `other` shares its statement with a used name: no whole-statement removal.
  Workspace shared(std::string("//- /w/app.js\nconst { helper, oth$0er } = require('./lib');\n"
                               "helper();\n") +
                   kLib);
  CHECK(actions(shared).empty());
}

TEST_CASE("language: semantic token deltas", "[lsp][language]") {
  Workspace w("//- /w/app.js\nconst a = 1;\nconst b = a;\n$0");
  Json full = w.Ask("textDocument/semanticTokens/full")["result"];
  std::vector<int> data = full["data"];
  REQUIRE(data.size() == 15);  // a, b, a
  std::string id = full["resultId"];
  w.Send({{"jsonrpc", "2.0"},
          {"method", "textDocument/didChange"},
          {"params",
           {{"textDocument", {{"uri", "file:///w/app.js"}, {"version", 2}}},
            {"contentChanges",
             {{{"range",
                {{"start", {{"line", 2}, {"character", 0}}},
                 {"end", {{"line", 2}, {"character", 0}}}}},
               {"text", "const c = b + a;\n"}}}}}}});
  Json delta =
      w.Ask("textDocument/semanticTokens/full/delta", {{"previousResultId", id}})["result"];
  REQUIRE(delta.contains("edits"));
  CHECK(delta["resultId"] != id);
  REQUIRE(delta["edits"].size() == 1);
  const Json& edit = delta["edits"][0];
  int start = edit["start"], remove = edit["deleteCount"];
  CHECK(start == 15);  // only appended
  data.erase(data.begin() + start, data.begin() + start + remove);
  std::vector<int> inserted = edit["data"];
  data.insert(data.begin() + start, inserted.begin(), inserted.end());
  CHECK(data ==
        w.Ask("textDocument/semanticTokens/full")["result"]["data"].get<std::vector<int>>());
  // An unknown previous result: the whole set again.
  Json again =
      w.Ask("textDocument/semanticTokens/full/delta", {{"previousResultId", "nope"}})["result"];
  CHECK(again["data"].size() == 30);
}

}  // namespace
}  // namespace nodus::lsp
