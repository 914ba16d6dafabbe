// The server's queue and background work: $/cancelRequest of queued requests,
// debounced diagnostics (latest version wins), dependants re-published,
// workspace indexing in steps with $/progress, workspace folder changes.

#include <catch2/catch.hpp>
#include <set>

#include "fixture.h"
#include "lsp/server/server.h"

namespace nodus::lsp {
namespace {

using testing::Fixture;
using testing::ParseFixture;

// A server over a fixture workspace with a hand-driven clock.
struct Bench {
  Fixture fixture;
  base::MemoryFs fs;
  std::vector<Json> sent;
  int64_t now = 1000;
  std::unique_ptr<Server> server;

  Bench(std::string_view spec, int debounce_ms, bool progress) : fixture(ParseFixture(spec)) {
    fixture.AddTo(fs);
    ServerOptions options;
    options.debounce_ms = debounce_ms;
    options.clock = [this] { return now; };
    options.index_batch = 2;
    server = std::make_unique<Server>(
        fs, [this](const Json& m) { sent.push_back(m); }, nullptr,
        [this](const std::string& dir) { return fixture.ListDir(dir); }, std::move(options));
    Json caps = progress ? Json{{"window", {{"workDoneProgress", true}}}} : Json::object();
    Send({{"jsonrpc", "2.0"},
          {"id", 0},
          {"method", "initialize"},
          {"params", {{"rootUri", "file:///w"}, {"capabilities", caps}}}});
  }
  void Send(const Json& message) { server->HandleBody(message.dump()); }
  void Notify(const std::string& method, Json params) {
    Send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  void Open(const std::string& path, int version = 1) {
    Notify("textDocument/didOpen", {{"textDocument",
                                     {{"uri", "file://" + path},
                                      {"languageId", "javascript"},
                                      {"version", version},
                                      {"text", fixture.files.at(path)}}}});
  }
  void Change(const std::string& path, int version, const std::string& text) {
    Notify("textDocument/didChange",
           {{"textDocument", {{"uri", "file://" + path}, {"version", version}}},
            {"contentChanges", {{{"text", text}}}}});
  }
  std::vector<Json> Published() {
    std::vector<Json> out;
    for (const Json& m : sent) {
      if (m.value("method", "") == "textDocument/publishDiagnostics") out.push_back(m["params"]);
    }
    return out;
  }
  std::vector<Json> WithMethod(const std::string& method) {
    std::vector<Json> out;
    for (const Json& m : sent) {
      if (m.value("method", "") == method) out.push_back(m);
    }
    return out;
  }
  void Drain() {
    for (int i = 0; i < 1000 && server->RunPending() == 0; ++i) {
    }
  }
};

constexpr std::string_view kTwoFiles = R"(//- /w/a.js
const b = require('./b');
b.run();
//- /w/b.js
exports.run = function () {};
)";

TEST_CASE("background: $/cancelRequest answers a queued request -32800", "[lsp][background]") {
  Bench bench(kTwoFiles, 0, false);
  bench.Open("/w/a.js");
  bench.sent.clear();
  Json request = {{"jsonrpc", "2.0"},
                  {"id", 7},
                  {"method", "textDocument/documentSymbol"},
                  {"params", {{"textDocument", {{"uri", "file:///w/a.js"}}}}}};
  bench.server->Enqueue(request.dump());
  request["id"] = 8;
  bench.server->Enqueue(request.dump());
  bench.server->Enqueue(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":7}})");
  // Cancelled at once; the other request is still answered.
  REQUIRE(bench.sent.size() == 1);
  CHECK(bench.sent[0]["id"] == 7);
  CHECK(bench.sent[0]["error"]["code"] == kRequestCancelled);
  while (bench.server->ProcessOne()) {
  }
  REQUIRE(bench.sent.size() == 2);
  CHECK(bench.sent[1]["id"] == 8);
  CHECK(bench.sent[1]["result"].is_array());
  // Too late: a handled request is not answered twice.
  bench.server->Enqueue(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":8}})");
  CHECK(bench.sent.size() == 2);
  CHECK_FALSE(bench.server->HasQueued());
}

TEST_CASE("background: diagnostics are debounced, the latest version wins", "[lsp][background]") {
  Bench bench(kTwoFiles, 50, false);
  bench.Drain();  // the workspace index first
  bench.Open("/w/a.js");
  REQUIRE(bench.Published().size() == 1);  // open publishes at once
  bench.sent.clear();
  bench.Change("/w/a.js", 2, "const b = require('./nope');\nb.run();\n");
  bench.now += 20;
  bench.Change("/w/a.js", 3, "const b = require('./b');\nb.run(\n");
  CHECK(bench.server->RunPending() == 50);  // due 50 ms after the last change
  CHECK(bench.Published().empty());
  bench.now += 49;
  bench.server->RunPending();
  CHECK(bench.Published().empty());
  bench.now += 1;
  bench.server->RunPending();
  std::vector<Json> published = bench.Published();
  REQUIRE(published.size() == 1);
  CHECK(published[0]["version"] == 3);
  // Version 3's syntax error, not version 2's unresolved require.
  REQUIRE(published[0]["diagnostics"].size() == 1);
  CHECK(published[0]["diagnostics"][0]["severity"] == 1);
  CHECK(published[0]["diagnostics"][0].value("code", "") == "");
  CHECK(bench.server->RunPending() == -1);
}

TEST_CASE("background: dependants are re-published when a required file changes",
          "[lsp][background]") {
  Bench bench(R"(//- /w/a.js
const b = require('./b');
b.run();
//- /w/b.js
exports.run = function () {};
//- /w/c.js
const x = 1;
module.exports = x;
)",
              0, false);
  bench.Open("/w/a.js");
  bench.Open("/w/b.js");
  bench.Open("/w/c.js");
  bench.sent.clear();
  bench.Change("/w/b.js", 2, "exports.run = function () {};\nexports.stop = 1;\n");
  std::set<std::string> uris;
  for (const Json& p : bench.Published()) uris.insert(p["uri"].get<std::string>());
  CHECK(uris == std::set<std::string>{"file:///w/a.js", "file:///w/b.js"});

  // A disk file changed (not open): its open dependants only; created: all.
  bench.Notify("textDocument/didClose", {{"textDocument", {{"uri", "file:///w/b.js"}}}});
  bench.sent.clear();
  bench.Notify("workspace/didChangeWatchedFiles",
               {{"changes", {{{"uri", "file:///w/b.js"}, {"type", 2}}}}});
  uris.clear();
  for (const Json& p : bench.Published()) uris.insert(p["uri"].get<std::string>());
  CHECK(uris == std::set<std::string>{"file:///w/a.js"});
  bench.sent.clear();
  bench.fs.AddFile("/w/d.js", "exports.d = 1;\n");
  bench.fixture.files["/w/d.js"] = "exports.d = 1;\n";
  bench.Notify("workspace/didChangeWatchedFiles",
               {{"changes", {{{"uri", "file:///w/d.js"}, {"type", 1}}}}});
  CHECK(bench.Published().size() == 2);  // a.js and c.js
}

TEST_CASE("background: the workspace is indexed in steps with $/progress", "[lsp][background]") {
  std::string spec;
  for (int i = 0; i < 6; ++i) {
    spec += "//- /w/m" + std::to_string(i) + ".js\nexports.f" + std::to_string(i) + " = 1;\n";
  }
  // Beyond FastSummarize (a statement without braces): tree-sitter's parse.
  spec += "//- /w/m6.js\nif (process.env.X) exports.f6 = 1;\n";
  Bench bench(spec, 0, true);
  std::vector<Json> create = bench.WithMethod("window/workDoneProgress/create");
  REQUIRE(create.size() == 1);
  std::string token = create[0]["params"]["token"];
  CHECK(bench.server->indexing());
  // No progress before the client accepts the token.
  bench.server->RunPending();
  CHECK(bench.WithMethod("$/progress").empty());
  bench.Send({{"jsonrpc", "2.0"}, {"id", create[0]["id"]}, {"result", nullptr}});
  bench.Drain();
  CHECK_FALSE(bench.server->indexing());
  std::vector<Json> progress = bench.WithMethod("$/progress");
  REQUIRE(progress.size() >= 3);
  for (const Json& p : progress) CHECK(p["params"]["token"] == token);
  CHECK(progress.front()["params"]["value"]["kind"] == "begin");
  CHECK(progress[1]["params"]["value"]["kind"] == "report");
  CHECK(progress.back()["params"]["value"]["kind"] == "end");
  CHECK(progress.back()["params"]["value"]["message"] == "indexed 7 files (1 parsed in full)");
}

TEST_CASE("background: without client support, indexing is silent; folders come and go",
          "[lsp][background]") {
  Bench bench(R"(//- /w/a.js
exports.a = 1;
//- /v/b.js
exports.b = 1;
//- /v/c.js
exports.c = 1;
)",
              0, false);
  bench.Drain();
  CHECK_FALSE(bench.server->indexing());
  CHECK(bench.sent.size() == 1);  // the initialize reply only
  bench.Notify("workspace/didChangeWorkspaceFolders",
               {{"event",
                 {{"added", {{{"uri", "file:///v"}, {"name", "v"}}}},
                  {"removed", {{{"uri", "file:///w"}, {"name", "w"}}}}}}});
  CHECK(bench.server->indexing());
  bench.Drain();
  CHECK_FALSE(bench.server->indexing());
}

}  // namespace
}  // namespace nodus::lsp
