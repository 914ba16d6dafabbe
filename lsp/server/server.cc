#include "lsp/server/server.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <optional>
#include <utility>

#include "lsp/core/analysis.h"
#include "lsp/server/framing.h"
#include "lsp/server/positions.h"
#include "resolve/builtins.h"
#include "resolve/resolve.h"

namespace nodus::lsp {

namespace {

void Log(const std::string& message) { std::fprintf(stderr, "nodus-lsp: %s\n", message.c_str()); }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Type-checked field access: nlohmann's get<> on the wrong type would throw.
const Json* Member(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::optional<std::string> StringMember(const Json& object, const char* key) {
  const Json* value = Member(object, key);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

std::optional<Position> PositionFrom(const Json* value) {
  if (value == nullptr) return std::nullopt;
  const Json* line = Member(*value, "line");
  const Json* character = Member(*value, "character");
  if (line == nullptr || character == nullptr || !line->is_number_unsigned() ||
      !character->is_number_unsigned()) {
    return std::nullopt;
  }
  uint64_t l = line->get<uint64_t>();
  uint64_t c = character->get<uint64_t>();
  if (l > UINT32_MAX || c > UINT32_MAX) return std::nullopt;
  return Position{static_cast<uint32_t>(l), static_cast<uint32_t>(c)};
}

Json PositionJson(Position pos) { return {{"line", pos.line}, {"character", pos.character}}; }

Json RangeJson(const Document& doc, ByteRange range) {
  return {{"start", PositionJson(ToPosition(doc.text(), doc.lines(), range.start))},
          {"end", PositionJson(ToPosition(doc.text(), doc.lines(), range.end))}};
}

Json SymbolJson(const Document& doc, const Symbol& symbol) {
  Json children = Json::array();
  for (const Symbol& child : symbol.children) children.push_back(SymbolJson(doc, child));
  Json out = {{"name", symbol.name.empty() ? std::string("<anonymous>") : symbol.name},
              {"kind", static_cast<int>(symbol.kind)},
              {"range", RangeJson(doc, symbol.range)},
              {"selectionRange", RangeJson(doc, symbol.selection)}};
  if (!children.empty()) out["children"] = std::move(children);
  return out;
}

std::unique_ptr<resolve::Resolver> MakeResolver(base::Fs& fs) {
  resolve::Options options;
  options.is_builtin = resolve::IsBuiltin;
  options.is_scheme_only_builtin = resolve::IsSchemeOnlyBuiltin;
  const char* node_path = std::getenv("NODE_PATH");
  const char* home = std::getenv("HOME");
  options.global_paths = resolve::GlobalPaths(node_path ? node_path : "", home ? home : "", "");
  return std::make_unique<resolve::Resolver>(fs, std::move(options));
}

}  // namespace

std::string UriToPath(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.substr(0, kScheme.size()) != kScheme) return "";
  std::string_view rest = uri.substr(kScheme.size());
  size_t slash = rest.find('/');  // skip an authority ("localhost")
  if (slash == std::string_view::npos) return "";
  rest = rest.substr(slash);
  std::string path;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() + 0 && HexValue(rest[i + 1]) >= 0 &&
        HexValue(rest[i + 2]) >= 0) {
      path += static_cast<char>(HexValue(rest[i + 1]) * 16 + HexValue(rest[i + 2]));
      i += 2;
    } else if (rest[i] == '?' || rest[i] == '#') {
      break;
    } else {
      path += rest[i];
    }
  }
  return path;
}

std::string PathToUri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (char c : path) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
        std::string_view("-._~/").find(c) != std::string_view::npos) {
      uri += c;
    } else {
      uri += '%';
      uri += kHex[u >> 4];
      uri += kHex[u & 15];
    }
  }
  return uri;
}

Server::Server(base::Fs& fs, Sink sink, std::function<void()> refresh_fs)
    : base_fs_(fs), fs_(fs), sink_(std::move(sink)), refresh_fs_(std::move(refresh_fs)) {}

Server::~Server() = default;

void Server::HandleBody(std::string_view body) {
  Json message = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    Log("malformed JSON message");
    ReplyError(nullptr, kParseError, "Parse error: the message is not valid JSON");
    return;
  }
  const Json* id = Member(message, "id");
  bool valid_id = id != nullptr && (id->is_number_integer() || id->is_string());
  std::optional<std::string> method = StringMember(message, "method");
  if (!method) {
    // A response to a request of ours (we send none yet): ignore.
    if (valid_id && (Member(message, "result") || Member(message, "error"))) return;
    ReplyError(valid_id ? *id : Json(nullptr), kInvalidRequest,
               "Invalid Request: not a JSON-RPC request or notification");
    return;
  }
  if (id != nullptr && !valid_id) {
    ReplyError(nullptr, kInvalidRequest, "Invalid Request: id must be a number or a string");
    return;
  }
  const Json* params = Member(message, "params");
  if (params != nullptr && params->is_null()) params = nullptr;  // as if omitted
  Json no_params = Json::object();
  if (params != nullptr && !params->is_object() && !params->is_array()) {
    if (valid_id) ReplyError(*id, kInvalidParams, "params must be an object or an array");
    return;
  }
  if (valid_id) {
    HandleRequest(*id, *method, params ? *params : no_params);
  } else {
    HandleNotification(*method, params ? *params : no_params);
  }
}

void Server::Reply(const Json& id, Json result) {
  sink_({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::ReplyError(const Json& id, int code, const std::string& message) {
  sink_({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::Notify(const std::string& method, Json params) {
  sink_({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void Server::HandleRequest(const Json& id, const std::string& method, const Json& params) {
  if (method == "initialize") {
    if (initialized_) {
      ReplyError(id, kInvalidRequest, "initialize was already called");
      return;
    }
    initialized_ = true;
    Reply(id, Initialize());
    return;
  }
  if (!initialized_) {
    ReplyError(id, kServerNotInitialized, "the server is not initialized");
    return;
  }
  if (shutdown_) {
    ReplyError(id, kInvalidRequest, "the server is shutting down");
    return;
  }
  if (method == "shutdown") {
    shutdown_ = true;
    Reply(id, nullptr);
    return;
  }
  using Handler = std::string (Server::*)(const Json&, Json&);
  Handler handler = nullptr;
  if (method == "textDocument/definition") handler = &Server::Definition;
  if (method == "textDocument/documentSymbol") handler = &Server::DocumentSymbol;
  if (method == "textDocument/foldingRange") handler = &Server::FoldingRange;
  if (handler == nullptr) {
    ReplyError(id, kMethodNotFound, "Method not found: " + method);
    return;
  }
  Json result;
  std::string error = (this->*handler)(params, result);
  if (!error.empty()) {
    ReplyError(id, kInvalidParams, error);
    return;
  }
  Reply(id, std::move(result));
}

void Server::HandleNotification(const std::string& method, const Json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;  // dropped, as the protocol says
  if (method == "textDocument/didOpen") {
    DidOpen(params);
  } else if (method == "textDocument/didChange") {
    DidChange(params);
  } else if (method == "textDocument/didClose") {
    DidClose(params);
  } else if (method == "textDocument/didSave") {
    PublishAll("");
  }
  // initialized, $/cancelRequest, $/setTrace and unknown notifications: nothing to do.
}

Json Server::Initialize() {
  Json capabilities = {
      {"positionEncoding", "utf-16"},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2 /* incremental */}, {"save", Json::object()}}},
      {"definitionProvider", true},
      {"documentSymbolProvider", true},
      {"foldingRangeProvider", true},
  };
  return {{"capabilities", std::move(capabilities)},
          {"serverInfo", {{"name", "nodus-lsp"}, {"version", NODUS_VERSION}}}};
}

std::string Server::Lookup(const Json& params, OpenDocument*& out) {
  const Json* text_document = Member(params, "textDocument");
  std::optional<std::string> uri =
      text_document ? StringMember(*text_document, "uri") : std::nullopt;
  if (!uri) return "missing textDocument.uri";
  auto it = documents_.find(*uri);
  if (it == documents_.end()) return "unknown document: " + *uri;
  out = &it->second;
  return "";
}

std::string Server::Definition(const Json& params, Json& result) {
  OpenDocument* open = nullptr;
  if (std::string error = Lookup(params, open); !error.empty()) return error;
  std::optional<Position> pos = PositionFrom(Member(params, "position"));
  if (!pos) return "missing or invalid position";
  const Document& doc = *open->doc;
  std::optional<uint32_t> offset = ToOffset(doc.text(), doc.lines(), *pos, false);
  if (!offset) return "position out of range";
  result = nullptr;
  if (std::optional<RequireCall> call = RequireAt(doc, *offset)) {
    if (open->path.empty()) return "";
    if (refresh_fs_) refresh_fs_();
    std::unique_ptr<resolve::Resolver> resolver = MakeResolver(fs_);
    auto resolved = resolver->Resolve(call->specifier, open->path);
    if (resolved.ok() && !resolved.value().builtin) {
      Json zero = {{"line", 0}, {"character", 0}};
      result = {{"uri", PathToUri(resolved.value().path)},
                {"range", {{"start", zero}, {"end", zero}}}};
    }
    return "";
  }
  if (std::optional<ByteRange> range = LocalDefinition(doc, *offset)) {
    const Json* text_document = Member(params, "textDocument");
    result = {{"uri", (*text_document)["uri"]}, {"range", RangeJson(doc, *range)}};
  }
  return "";
}

std::string Server::DocumentSymbol(const Json& params, Json& result) {
  OpenDocument* open = nullptr;
  if (std::string error = Lookup(params, open); !error.empty()) return error;
  result = Json::array();
  for (const Symbol& symbol : DocumentSymbols(*open->doc)) {
    result.push_back(SymbolJson(*open->doc, symbol));
  }
  return "";
}

std::string Server::FoldingRange(const Json& params, Json& result) {
  OpenDocument* open = nullptr;
  if (std::string error = Lookup(params, open); !error.empty()) return error;
  result = Json::array();
  for (const auto& range : FoldingRanges(*open->doc)) {
    Json item = {{"startLine", range.start_line}, {"endLine", range.end_line}};
    if (range.comment) item["kind"] = "comment";
    result.push_back(std::move(item));
  }
  return "";
}

void Server::DidOpen(const Json& params) {
  const Json* item = Member(params, "textDocument");
  std::optional<std::string> uri = item ? StringMember(*item, "uri") : std::nullopt;
  std::optional<std::string> text = item ? StringMember(*item, "text") : std::nullopt;
  if (!uri || !text) {
    Log("didOpen without textDocument.uri/text: ignored");
    return;
  }
  OpenDocument& open = documents_[*uri];
  open.path = UriToPath(*uri);
  const Json* version = Member(*item, "version");
  open.version = version && version->is_number_integer() ? version->get<int64_t>() : 0;
  if (!open.path.empty()) fs_.Set(open.path, *text);
  open.doc = std::make_unique<Document>(std::move(*text));
  PublishDiagnostics(*uri, open);
  PublishAll(*uri);  // a new file may satisfy other documents' requires
}

void Server::DidChange(const Json& params) {
  OpenDocument* open = nullptr;
  if (std::string error = Lookup(params, open); !error.empty()) {
    Log("didChange: " + error);
    return;
  }
  const Json* changes = Member(params, "contentChanges");
  if (changes == nullptr || !changes->is_array()) {
    Log("didChange without contentChanges: ignored");
    return;
  }
  Document& doc = *open->doc;
  for (const Json& change : *changes) {
    std::optional<std::string> text = StringMember(change, "text");
    if (!text) continue;
    const Json* range = Member(change, "range");
    if (range == nullptr) {
      doc.Reset(std::move(*text));
      continue;
    }
    std::optional<Position> start = PositionFrom(Member(*range, "start"));
    std::optional<Position> end = PositionFrom(Member(*range, "end"));
    if (!start || !end) {
      Log("didChange with an invalid range: change ignored");
      continue;
    }
    uint32_t from = *ToOffset(doc.text(), doc.lines(), *start, true);
    uint32_t to = *ToOffset(doc.text(), doc.lines(), *end, true);
    if (to < from) std::swap(from, to);
    doc.Edit(from, to, *text);
  }
  const Json* text_document = Member(params, "textDocument");
  const Json* version = Member(*text_document, "version");
  if (version && version->is_number_integer()) open->version = version->get<int64_t>();
  if (!open->path.empty()) fs_.Set(open->path, doc.text());
  PublishDiagnostics((*text_document)["uri"].get<std::string>(), *open);
}

void Server::DidClose(const Json& params) {
  OpenDocument* open = nullptr;
  if (std::string error = Lookup(params, open); !error.empty()) {
    Log("didClose: " + error);
    return;
  }
  std::string uri = Member(params, "textDocument")->at("uri").get<std::string>();
  if (!open->path.empty()) fs_.Remove(open->path);
  documents_.erase(uri);
  Notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}});
  PublishAll("");
}

void Server::PublishDiagnostics(const std::string& uri, OpenDocument& open) {
  const Document& doc = *open.doc;
  std::vector<Diagnostic> diagnostics = SyntaxDiagnostics(doc);
  if (!open.path.empty()) {
    if (refresh_fs_) refresh_fs_();
    std::unique_ptr<resolve::Resolver> resolver = MakeResolver(fs_);
    for (Diagnostic& d : RequireDiagnostics(doc, open.path, *resolver)) {
      diagnostics.push_back(std::move(d));
    }
  }
  Json list = Json::array();
  for (const Diagnostic& d : diagnostics) {
    Json item = {{"range", RangeJson(doc, d.range)},
                 {"severity", static_cast<int>(d.severity)},
                 {"source", "nodus-lsp"},
                 {"message", d.message}};
    if (!d.code.empty()) item["code"] = d.code;
    list.push_back(std::move(item));
  }
  Notify("textDocument/publishDiagnostics",
         {{"uri", uri}, {"version", open.version}, {"diagnostics", std::move(list)}});
}

void Server::PublishAll(const std::string& except_uri) {
  for (auto& [uri, open] : documents_) {
    if (uri != except_uri) PublishDiagnostics(uri, open);
  }
}

int RunStdio(int in_fd, int out_fd) {
  base::RealFs fs;
  auto write_all = [out_fd](const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(out_fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  };
  bool output_ok = true;
  Server server(
      fs,
      [&](const Json& message) {
        if (output_ok) {
          output_ok =
              write_all(Frame(message.dump(-1, ' ', false, Json::error_handler_t::replace)));
        }
      },
      [&fs] { fs.ClearStatCache(); });
  MessageReader reader;
  char buffer[65536];
  for (;;) {
    while (std::optional<MessageReader::Item> item = reader.Next()) {
      if (!item->ok) {
        Log("framing error: " + item->error);
        continue;
      }
      server.HandleBody(item->body);
      if (server.exited()) return server.exit_code();
    }
    if (!output_ok) {
      Log("cannot write to the client; exiting");
      return 1;
    }
    ssize_t n = ::read(in_fd, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 1;  // the client went away without `exit`
    reader.Feed(std::string_view(buffer, static_cast<size_t>(n)));
  }
}

}  // namespace nodus::lsp
