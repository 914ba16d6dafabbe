#include "lsp/server/server.h"

#include <catch2/catch.hpp>

#include "fixture.h"

namespace nodus::lsp {
namespace {

// A server over a MemoryFs, with the messages it sent.
struct Harness {
  base::MemoryFs fs;
  std::vector<Json> sent;
  Server server{fs, [this](const Json& m) { sent.push_back(m); }};

  Json Request(int id, const std::string& method, Json params = Json::object()) {
    sent.clear();
    server.HandleBody(
        Json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
    for (const Json& m : sent) {
      if (m.contains("id") && m["id"] == id) return m;
    }
    return nullptr;
  }
  void Notify(const std::string& method, Json params) {
    sent.clear();
    server.HandleBody(Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump());
  }
  Json LastDiagnostics(const std::string& uri) {
    for (auto it = sent.rbegin(); it != sent.rend(); ++it) {
      if ((*it)["method"] == "textDocument/publishDiagnostics" && (*it)["params"]["uri"] == uri) {
        return (*it)["params"]["diagnostics"];
      }
    }
    return nullptr;
  }
  void Open(const std::string& uri, const std::string& text) {
    Notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "javascript"}, {"version", 1}, {"text", text}}}});
  }
};

Json Pos(int line, int character) { return {{"line", line}, {"character", character}}; }

// Errors and warnings only (unused-name hints left out).
Json Errors(const Json& diagnostics) {
  Json out = Json::array();
  for (const Json& d : diagnostics) {
    if (d["severity"] != 4) out.push_back(d);
  }
  return out;
}

TEST_CASE("server: lifecycle and JSON-RPC errors", "[lsp][server]") {
  Harness h;
  CHECK(h.Request(1, "textDocument/documentSymbol")["error"]["code"] == kServerNotInitialized);
  Json init = h.Request(2, "initialize", {{"capabilities", Json::object()}});
  Json caps = init["result"]["capabilities"];
  CHECK(caps["textDocumentSync"]["change"] == 2);
  CHECK(caps["definitionProvider"] == true);
  CHECK(caps["documentSymbolProvider"] == true);
  CHECK(caps["foldingRangeProvider"] == true);
  CHECK(caps["hoverProvider"] == true);
  CHECK(caps["referencesProvider"] == true);
  CHECK(caps["renameProvider"]["prepareProvider"] == true);
  CHECK(caps["completionProvider"]["triggerCharacters"].size() == 4);
  CHECK(caps["workspace"]["workspaceFolders"]["changeNotifications"] == true);
  CHECK(caps["workspaceSymbolProvider"] == true);
  CHECK(caps["documentHighlightProvider"] == true);
  CHECK(caps["selectionRangeProvider"] == true);
  CHECK(caps["signatureHelpProvider"]["triggerCharacters"] == Json::array({"(", ","}));
  CHECK(caps["semanticTokensProvider"]["full"]["delta"] == true);
  CHECK(caps["semanticTokensProvider"]["legend"]["tokenTypes"].size() == 6);
  CHECK(caps["codeActionProvider"]["codeActionKinds"] == Json::array({"quickfix"}));
  CHECK(caps.size() == 16);  // only what is implemented
  CHECK_FALSE(caps.contains("inlayHintProvider"));

  h.sent.clear();
  h.server.HandleBody("{not json");
  REQUIRE(h.sent.size() == 1);
  CHECK(h.sent[0]["error"]["code"] == kParseError);
  CHECK(h.sent[0]["id"].is_null());

  h.sent.clear();
  h.server.HandleBody(R"({"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"})");
  REQUIRE(h.sent.size() == 1);
  CHECK(h.sent[0]["error"]["code"] == kInvalidRequest);

  h.sent.clear();
  h.server.HandleBody(R"({"jsonrpc":"2.0","id":7,"method":"shutdown","params":3})");
  REQUIRE(h.sent.size() == 1);
  CHECK(h.sent[0]["error"]["code"] == kInvalidParams);

  CHECK(h.Request(3, "workspace/unknown")["error"]["code"] == kMethodNotFound);
  CHECK(h.Request(4, "textDocument/definition",
                  {{"textDocument", {{"uri", "file:///x.js"}}},
                   {"position", Pos(0, 0)}})["error"]["code"] == kInvalidParams);
  CHECK(h.Request(5, "textDocument/foldingRange", {{"nope", 1}})["error"]["code"] ==
        kInvalidParams);
  h.Notify("unknown/notification", Json::object());  // ignored, no reply
  CHECK(h.sent.empty());

  CHECK(h.Request(6, "shutdown")["result"].is_null());
  CHECK(h.Request(8, "textDocument/foldingRange")["error"]["code"] == kInvalidRequest);
  CHECK_FALSE(h.server.exited());
  h.Notify("exit", nullptr);
  CHECK(h.server.exited());
  CHECK(h.server.exit_code() == 0);
}

TEST_CASE("server: exit without shutdown exits 1", "[lsp][server]") {
  Harness h;
  h.Notify("exit", nullptr);
  CHECK(h.server.exited());
  CHECK(h.server.exit_code() == 1);
}

TEST_CASE("server: diagnostics follow incremental UTF-16 edits", "[lsp][server]") {
  Harness h;
  h.fs.AddFile("/w/b.js", "module.exports = 1;\n");
  h.Request(1, "initialize");
  h.Open("file:///w/a.js", "const s = '😀'; const b = require('./c');\n");
  Json d = Errors(h.LastDiagnostics("file:///w/a.js"));
  REQUIRE(d.size() == 1);
  CHECK(d[0]["message"] == "Cannot find module './c'");
  // '😀' is two UTF-16 units: the string './c' starts at character 34.
  CHECK(d[0]["range"]["start"] == Pos(0, 34));
  CHECK(d[0]["range"]["end"] == Pos(0, 39));

  // Replace "c" with "b": resolves now.
  h.Notify("textDocument/didChange",
           {{"textDocument", {{"uri", "file:///w/a.js"}, {"version", 2}}},
            {"contentChanges",
             {{{"range", {{"start", Pos(0, 37)}, {"end", Pos(0, 38)}}}, {"text", "b"}}}}});
  d = Errors(h.LastDiagnostics("file:///w/a.js"));
  CHECK(d.empty());
  CHECK(h.sent.back()["params"]["version"] == 2);

  // Break the syntax, then open the missing module as an unsaved buffer.
  h.Notify("textDocument/didChange",
           {{"textDocument", {{"uri", "file:///w/a.js"}, {"version", 3}}},
            {"contentChanges",
             {{{"range", {{"start", Pos(0, 37)}, {"end", Pos(0, 39)}}}, {"text", "new'"}},
              {{"range", {{"start", Pos(1, 0)}, {"end", Pos(1, 0)}}}, {"text", "if (\n"}}}}});
  d = Errors(h.LastDiagnostics("file:///w/a.js"));
  INFO(d.dump());
  REQUIRE(d.size() == 2);
  h.Open("file:///w/new.js", "exports.n = 1;\n");
  d = Errors(h.LastDiagnostics("file:///w/a.js"));
  REQUIRE(d.size() == 1);  // the buffer shadows the disk; the syntax error remains
  CHECK(d[0]["range"]["start"]["line"] == 1);
}

TEST_CASE("server: definition, symbols and folding over JSON", "[lsp][server]") {
  Harness h;
  testing::Fixture fixture = testing::ParseFixture(R"(//- /w/a.js
const b = require('./b$0');
function run(x) {
  return x + b;
}
//- /w/b.js
module.exports = 1;
)");
  fixture.AddTo(h.fs);
  h.Request(1, "initialize");
  h.Open("file:///w/a.js", fixture.files.at("/w/a.js"));
  Json def = h.Request(2, "textDocument/definition",
                       {{"textDocument", {{"uri", "file:///w/a.js"}}}, {"position", Pos(0, 21)}});
  CHECK(def["result"]["uri"] == "file:///w/b.js");
  def = h.Request(3, "textDocument/definition",
                  {{"textDocument", {{"uri", "file:///w/a.js"}}}, {"position", Pos(2, 9)}});
  CHECK(def["result"]["uri"] == "file:///w/a.js");
  CHECK(def["result"]["range"]["start"] == Pos(1, 13));
  def = h.Request(4, "textDocument/definition",
                  {{"textDocument", {{"uri", "file:///w/a.js"}}}, {"position", Pos(9, 0)}});
  CHECK(def["error"]["code"] == kInvalidParams);  // out of range

  Json symbols =
      h.Request(5, "textDocument/documentSymbol", {{"textDocument", {{"uri", "file:///w/a.js"}}}});
  REQUIRE(symbols["result"].size() == 2);
  CHECK(symbols["result"][1]["name"] == "run");
  CHECK(symbols["result"][1]["kind"] == 12);
  Json folds =
      h.Request(6, "textDocument/foldingRange", {{"textDocument", {{"uri", "file:///w/a.js"}}}});
  CHECK(folds["result"] == Json::parse(R"([{"startLine":1,"endLine":2}])"));

  h.Notify("textDocument/didClose", {{"textDocument", {{"uri", "file:///w/a.js"}}}});
  CHECK(h.LastDiagnostics("file:///w/a.js").empty());
  CHECK(h.Request(7, "textDocument/foldingRange",
                  {{"textDocument", {{"uri", "file:///w/a.js"}}}})["error"]["code"] ==
        kInvalidParams);
}

TEST_CASE("server: file URIs", "[lsp][server]") {
  CHECK(UriToPath("file:///a%20b/c.js") == "/a b/c.js");
  CHECK(UriToPath("file://localhost/x.js") == "/x.js");
  CHECK(UriToPath("untitled:Untitled-1") == "");
  CHECK(PathToUri("/a b/é.js") == "file:///a%20b/%C3%A9.js");
  CHECK(UriToPath(PathToUri("/a b/é#?.js")) == "/a b/é#?.js");
}

TEST_CASE("server: require snippets in completion when the client takes snippets",
          "[lsp][server]") {
  for (bool snippets : {false, true}) {
    Harness h;
    Json caps = {
        {"textDocument", {{"completion", {{"completionItem", {{"snippetSupport", snippets}}}}}}}};
    h.Request(1, "initialize", {{"capabilities", caps}});
    h.Open("file:///a.js", "re\n");
    Json reply = h.Request(2, "textDocument/completion",
                           {{"textDocument", {{"uri", "file:///a.js"}}}, {"position", Pos(0, 2)}});
    int found = 0;
    for (const Json& item : reply["result"]["items"]) {
      if (item["kind"] != 15) continue;
      ++found;
      CHECK(item["insertTextFormat"] == 2);
      CHECK(item["insertText"].get<std::string>().find("require('${2:module}')") !=
            std::string::npos);
    }
    CHECK(found == (snippets ? 2 : 0));
  }
}

}  // namespace
}  // namespace nodus::lsp
