#include "lsp/server/framing.h"

#include <catch2/catch.hpp>

namespace nodus::lsp {
namespace {

TEST_CASE("framing: whole messages, byte by byte and back to back", "[lsp][framing]") {
  std::string stream = Frame(R"({"a":1})") + Frame("[]") + Frame("é");
  CHECK(Frame("{}") == "Content-Length: 2\r\n\r\n{}");
  MessageReader reader;
  std::vector<std::string> bodies;
  for (char c : stream) {
    reader.Feed(std::string_view(&c, 1));
    while (auto item = reader.Next()) {
      REQUIRE(item->ok);
      bodies.push_back(item->body);
    }
  }
  REQUIRE(bodies.size() == 3);
  CHECK(bodies[0] == R"({"a":1})");
  CHECK(bodies[1] == "[]");
  CHECK(bodies[2] == "é");  // the length counts bytes
}

TEST_CASE("framing: other headers and case are accepted", "[lsp][framing]") {
  MessageReader reader;
  reader.Feed(
      "content-length:  3\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\nnul");
  auto item = reader.Next();
  REQUIRE(item);
  REQUIRE(item->ok);
  CHECK(item->body == "nul");
  CHECK_FALSE(reader.Next());
}

TEST_CASE("framing: a bad header block is reported and skipped", "[lsp][framing]") {
  MessageReader reader;
  reader.Feed("Content-Length: x\r\n\r\n" + Frame("{}"));
  auto bad = reader.Next();
  REQUIRE(bad);
  CHECK_FALSE(bad->ok);
  auto good = reader.Next();
  REQUIRE(good);
  CHECK(good->ok);
  CHECK(good->body == "{}");

  reader.Feed("X-Other: 1\r\n\r\n");
  auto missing = reader.Next();
  REQUIRE(missing);
  CHECK_FALSE(missing->ok);
  CHECK_FALSE(reader.Next());
}

TEST_CASE("framing: oversized bodies are skipped without buffering them", "[lsp][framing]") {
  MessageReader reader;
  reader.Feed("Content-Length: " + std::to_string(MessageReader::kMaxBody + 1) + "\r\n\r\n");
  auto item = reader.Next();
  REQUIRE(item);
  CHECK_FALSE(item->ok);
  CHECK_FALSE(reader.Next());
}

}  // namespace
}  // namespace nodus::lsp
