#include "lsp/server/server.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <set>
#include <utility>

#include "lsp/core/analysis.h"
#include "lsp/core/builtins_generated.h"
#include "lsp/core/features.h"
#include "lsp/core/scopes.h"
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

Server::Server(base::Fs& fs, Sink sink, std::function<void()> refresh_fs, ListDir list_dir,
               ServerOptions options)
    : base_fs_(fs),
      fs_(fs),
      sink_(std::move(sink)),
      refresh_fs_(std::move(refresh_fs)),
      list_dir_(std::move(list_dir)),
      options_(std::move(options)) {}

Server::~Server() = default;

int64_t Server::Now() const {
  if (options_.clock) return options_.clock();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void Server::HandleBody(std::string_view body) {
  Enqueue(body);
  while (ProcessOne()) {
  }
}

void Server::Enqueue(std::string_view body) {
  Json message = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (StringMember(message, "method") == "$/cancelRequest") {
    const Json* params = Member(message, "params");
    const Json* id = params ? Member(*params, "id") : nullptr;
    if (id == nullptr || !(id->is_number_integer() || id->is_string())) return;
    auto it = std::find_if(queue_.begin(), queue_.end(), [&](const Json& queued) {
      const Json* queued_id = Member(queued, "id");
      return queued_id != nullptr && *queued_id == *id && Member(queued, "method") != nullptr;
    });
    // A request already handled (or unknown) is not ours to cancel any more.
    if (it == queue_.end()) return;
    queue_.erase(it);
    ReplyError(*id, kRequestCancelled, "the request was cancelled");
    return;
  }
  queue_.push_back(std::move(message));
}

bool Server::ProcessOne() {
  if (queue_.empty()) return false;
  Json message = std::move(queue_.front());
  queue_.pop_front();
  HandleMessage(message);
  return true;
}

void Server::HandleMessage(const Json& message) {
  if (message.is_discarded()) {
    Log("malformed JSON message");
    ReplyError(nullptr, kParseError, "Parse error: the message is not valid JSON");
    return;
  }
  const Json* id = Member(message, "id");
  bool valid_id = id != nullptr && (id->is_number_integer() || id->is_string());
  std::optional<std::string> method = StringMember(message, "method");
  if (!method) {
    // A response to a request of ours: only window/workDoneProgress/create matters.
    if (valid_id && (Member(message, "result") || Member(message, "error"))) {
      if (!progress_request_.empty() && id->is_string() &&
          id->get<std::string>() == progress_request_) {
        progress_request_.clear();
        if (Member(message, "error") == nullptr && indexing()) {
          progress_token_ = "nodus-lsp/index/" + std::to_string(progress_serial_);
        }
      }
      return;
    }
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
    if (auto root = StringMember(params, "rootUri")) {
      if (std::string path = UriToPath(*root); !path.empty()) roots_.push_back(path);
    }
    if (const Json* folders = Member(params, "workspaceFolders"); folders && folders->is_array()) {
      roots_.clear();
      for (const Json& folder : *folders) {
        if (auto uri = StringMember(folder, "uri")) {
          if (std::string path = UriToPath(*uri); !path.empty()) roots_.push_back(path);
        }
      }
    }
    if (const Json* caps = Member(params, "capabilities")) {
      const Json* window = Member(*caps, "window");
      const Json* progress = window ? Member(*window, "workDoneProgress") : nullptr;
      client_progress_ = progress != nullptr && progress->is_boolean() && progress->get<bool>();
      const Json* text_document = Member(*caps, "textDocument");
      const Json* completion = text_document ? Member(*text_document, "completion") : nullptr;
      const Json* item = completion ? Member(*completion, "completionItem") : nullptr;
      const Json* snippets = item ? Member(*item, "snippetSupport") : nullptr;
      client_snippets_ = snippets != nullptr && snippets->is_boolean() && snippets->get<bool>();
    }
    Reply(id, Initialize());
    StartIndexing(roots_);
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
  if (method == "textDocument/completion") handler = &Server::Completion;
  if (method == "textDocument/hover") handler = &Server::Hover;
  if (method == "textDocument/references") handler = &Server::References;
  if (method == "textDocument/rename") handler = &Server::Rename;
  if (method == "textDocument/prepareRename") handler = &Server::PrepareRename;
  if (method == "workspace/symbol") handler = &Server::WorkspaceSymbol;
  if (method == "textDocument/documentHighlight") handler = &Server::DocumentHighlight;
  if (method == "textDocument/selectionRange") handler = &Server::SelectionRange;
  if (method == "textDocument/signatureHelp") handler = &Server::SignatureHelp;
  if (method == "textDocument/semanticTokens/full") handler = &Server::SemanticTokensFull;
  if (method == "textDocument/semanticTokens/full/delta") handler = &Server::SemanticTokensDelta;
  if (method == "textDocument/codeAction") handler = &Server::CodeAction;
  if (handler == nullptr) {
    ReplyError(id, kMethodNotFound, "Method not found: " + method);
    return;
  }
  Json result;
  error_code_ = kInvalidParams;
  std::string error = (this->*handler)(params, result);
  if (!error.empty()) {
    ReplyError(id, error_code_, error);
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
  } else if (method == "workspace/didChangeWatchedFiles") {
    DidChangeWatchedFiles(params);
  } else if (method == "workspace/didChangeWorkspaceFolders") {
    DidChangeWorkspaceFolders(params);
  }
  // initialized, $/cancelRequest, $/setTrace and unknown notifications: nothing to do.
}

Json Server::Initialize() {
  Json token_types = Json::array();
  for (const char* type : kTokenTypes) token_types.push_back(type);
  Json token_modifiers = Json::array();
  for (const char* modifier : kTokenModifiers) token_modifiers.push_back(modifier);
  Json capabilities = {
      {"positionEncoding", "utf-16"},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2 /* incremental */}, {"save", Json::object()}}},
      {"definitionProvider", true},
      {"documentSymbolProvider", true},
      {"foldingRangeProvider", true},
      {"completionProvider", {{"triggerCharacters", {".", "'", "\"", "/"}}}},
      {"hoverProvider", true},
      {"referencesProvider", true},
      {"renameProvider", {{"prepareProvider", true}}},
      {"workspaceSymbolProvider", true},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
      {"documentHighlightProvider", true},
      {"selectionRangeProvider", true},
      {"signatureHelpProvider", {{"triggerCharacters", {"(", ","}}}},
      {"semanticTokensProvider",
       {{"legend", {{"tokenTypes", token_types}, {"tokenModifiers", token_modifiers}}},
        {"full", {{"delta", true}}}}},
      {"workspace", {{"workspaceFolders", {{"supported", true}, {"changeNotifications", true}}}}},
  };
  return {{"capabilities", std::move(capabilities)},
          {"serverInfo", {{"name", "nodus-lsp"}, {"version", NODUS_VERSION}}}};
}

const Document* Server::OpenDocumentAt(const std::string& uri) const {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : it->second.doc.get();
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
  uint32_t offset = 0;
  if (std::string error = LookupPosition(params, open, offset); !error.empty()) return error;
  const Document& doc = *open->doc;
  result = nullptr;
  if (std::optional<RequireCall> call = RequireAt(doc, offset)) {
    if (open->path.empty()) return "";
    std::unique_ptr<resolve::Resolver> resolver = NewResolver();
    auto resolved = resolver->Resolve(call->specifier, open->path);
    if (resolved.ok() && !resolved.value().builtin) {
      Json zero = {{"line", 0}, {"character", 0}};
      result = {{"uri", PathToUri(resolved.value().path)},
                {"range", {{"start", zero}, {"end", zero}}}};
    }
    return "";
  }
  if (open->path.empty()) {
    if (std::optional<ByteRange> range = LocalDefinition(doc, offset)) {
      const Json* text_document = Member(params, "textDocument");
      result = {{"uri", (*text_document)["uri"]}, {"range", RangeJson(doc, *range)}};
    }
    return "";
  }
  ScopeModel model = BuildScopes(doc);
  const WorkspaceIndex::File* file = index_.Get(open->path);
  if (file == nullptr) return "";
  CursorTarget target = TargetAt(doc, model, file->summary, offset);
  if (!target.found) return "";
  std::unique_ptr<resolve::Resolver> resolver = NewResolver();
  std::optional<Location> location;
  if (!target.specifier.empty()) {
    if (auto path = index_.ResolveFile(*resolver, target.specifier, open->path)) {
      location = target.name.empty() ? index_.ModuleLocation(*resolver, *path)
                                     : index_.FindExport(*resolver, *path, target.name);
      if (!location) location = index_.ModuleLocation(*resolver, *path);
    }
  } else if (!target.own_export.empty()) {
    location = index_.FindExport(*resolver, open->path, target.own_export);
  } else if (target.declaration >= 0) {
    location = Location{open->path, model.declarations[target.declaration].range};
  }
  if (location) result = LocationJson(*location);
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

std::unique_ptr<resolve::Resolver> Server::NewResolver() {
  if (refresh_fs_) refresh_fs_();
  return MakeResolver(fs_);
}

Json Server::RangeIn(const std::string& path, ByteRange range) {
  const WorkspaceIndex::File* file = index_.Get(path);
  if (file == nullptr) {
    Json zero = PositionJson({0, 0});
    return {{"start", zero}, {"end", zero}};
  }
  return {{"start", PositionJson(ToPosition(file->text, file->lines, range.start))},
          {"end", PositionJson(ToPosition(file->text, file->lines, range.end))}};
}

Json Server::LocationJson(const Location& location) {
  return {{"uri", PathToUri(location.path)}, {"range", RangeIn(location.path, location.range)}};
}

std::string Server::LookupPosition(const Json& params, OpenDocument*& out, uint32_t& offset) {
  if (std::string error = Lookup(params, out); !error.empty()) return error;
  std::optional<Position> pos = PositionFrom(Member(params, "position"));
  if (!pos) return "missing or invalid position";
  const Document& doc = *out->doc;
  std::optional<uint32_t> at = ToOffset(doc.text(), doc.lines(), *pos, false);
  if (!at) return "position out of range";
  offset = *at;
  return "";
}

namespace {

constexpr const char* kKeywords[] = {
    "async",    "await",     "break",  "case",   "catch",      "class",   "const", "continue",
    "debugger", "default",   "delete", "do",     "else",       "extends", "false", "finally",
    "for",      "function",  "if",     "in",     "instanceof", "let",     "new",   "null",
    "return",   "static",    "super",  "switch", "this",       "throw",   "true",  "try",
    "typeof",   "undefined", "var",    "void",   "while",      "yield"};

// LSP CompletionItemKind.
int ItemKind(std::string_view kind) {
  if (kind == "function") return 3;
  if (kind == "method") return 2;
  if (kind == "class") return 7;
  if (kind == "module") return 9;
  if (kind == "property" || kind == "object") return 10;
  return 6;  // variable
}

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$';
}

std::string Markdown(const std::string& signature, const std::string& doc,
                     const std::string& where) {
  std::string out = "```js\n" + signature + "\n```";
  if (!doc.empty()) out += "\n\n" + doc;
  if (!where.empty()) out += "\n\n" + where;
  return out;
}

}  // namespace

void Server::CompleteRequire(OpenDocument& open, const std::string& prefix, ByteRange replace,
                             Json& items) {
  const Document& doc = *open.doc;
  Json range = RangeJson(doc, replace);
  auto add = [&](const std::string& label, int kind) {
    items.push_back(
        {{"label", label}, {"kind", kind}, {"textEdit", {{"range", range}, {"newText", label}}}});
  };
  std::string dir = open.path.substr(0, open.path.rfind('/'));
  if (prefix.starts_with("./") || prefix.starts_with("../") || prefix.starts_with("/")) {
    size_t slash = prefix.rfind('/');
    std::string folder = prefix.substr(0, slash + 1);
    std::string listed =
        std::filesystem::path(prefix.starts_with("/") ? folder : dir + "/" + folder)
            .lexically_normal()
            .string();
    while (listed.size() > 1 && listed.back() == '/') listed.pop_back();
    std::string self = open.path.substr(open.path.rfind('/') + 1);
    for (const DirEntry& e : list_dir_(listed)) {
      if (e.name.starts_with(".") || (!e.directory && listed == dir && e.name == self)) {
        continue;
      }
      if (e.directory) {
        add(folder + e.name, 19 /* Folder */);
      } else if (e.name.ends_with(".js") || e.name.ends_with(".cjs")) {
        add(folder + e.name.substr(0, e.name.rfind('.')), 17 /* File */);
      } else if (e.name.ends_with(".json") || e.name.ends_with(".node")) {
        add(folder + e.name, 17);
      }
    }
    return;
  }
  // A package's "exports" subpaths once its name is typed.
  std::set<std::string> packages;
  for (std::string d = dir;; d = d.substr(0, d.rfind('/'))) {
    std::string modules = (d.empty() ? "" : d) + "/node_modules";
    for (const DirEntry& e : list_dir_(modules)) {
      if (!e.directory || e.name.starts_with(".")) continue;
      if (e.name.starts_with("@")) {
        for (const DirEntry& inner : list_dir_(modules + "/" + e.name)) {
          if (inner.directory) packages.insert(e.name + "/" + inner.name);
        }
      } else {
        packages.insert(e.name);
      }
      std::string name = e.name;
      if (prefix.starts_with(name + "/")) {
        auto text = fs_.ReadFile(modules + "/" + name + "/package.json");
        Json pkg = text ? Json::parse(*text, nullptr, false) : Json();
        const Json* exports = Member(pkg, "exports");
        if (exports != nullptr && exports->is_object()) {
          for (auto it = exports->begin(); it != exports->end(); ++it) {
            const std::string& key = it.key();
            if (key.starts_with("./") && key.size() > 2 && key.find('*') == std::string::npos) {
              add(name + key.substr(1), 9);
            }
          }
        }
      }
    }
    if (d.empty() || d == "/") break;
  }
  for (const std::string& p : packages) add(p, 9 /* Module */);
  for (std::string_view id : resolve::kNodeBuiltins) {
    if (id.starts_with("_")) continue;
    if (!resolve::IsSchemeOnlyBuiltin(id)) add(std::string(id), 9);
    add("node:" + std::string(id), 9);
  }
}

std::string Server::Completion(const Json& params, Json& result) {
  OpenDocument* open = nullptr;
  uint32_t offset = 0;
  if (std::string error = LookupPosition(params, open, offset); !error.empty()) return error;
  const Document& doc = *open->doc;
  const std::string& text = doc.text();
  Json items = Json::array();
  result = {{"isIncomplete", false}, {"items", Json::array()}};
  if (std::optional<RequireCall> call = RequireAt(doc, offset)) {
    uint32_t start = call->string_range.start + 1;
    if (offset < start || offset >= call->string_range.end || open->path.empty()) return "";
    std::string prefix = text.substr(start, offset - start);
    // Replace from the last '/' for paths, the whole prefix for package names.
    CompleteRequire(*open, prefix, {start, offset}, items);
    result["items"] = std::move(items);
    return "";
  }
  // The word being typed, and what precedes it.
  uint32_t word = offset;
  while (word > 0 && IsIdentChar(text[word - 1])) --word;
  ScopeModel model = BuildScopes(doc);
  if (word > 0 && text[word - 1] == '.') {
    uint32_t end = word - 1;
    uint32_t begin = end;
    while (begin > 0 && IsIdentChar(text[begin - 1])) --begin;
    std::string object = text.substr(begin, end - begin);
    if (object.empty() || open->path.empty()) return "";
    const WorkspaceIndex::File* file = index_.Get(open->path);
    for (int d : model.VisibleAt(doc, begin)) {
      if (model.declarations[d].name != object || file == nullptr) continue;
      for (const RequireBinding& b : file->summary.bindings) {
        if (!(b.local_range == model.declarations[d].range) || !b.member.empty()) continue;
        std::unique_ptr<resolve::Resolver> resolver = NewResolver();
        auto resolved = resolver->Resolve(b.specifier, open->path);
        if (!resolved.ok()) break;
        if (resolved.value().builtin) {
          for (int i = 0; i < kBuiltinModuleMembersCount; ++i) {
            if (resolved.value().path != kBuiltinModuleMembers[i].id) continue;
            std::string_view all = kBuiltinModuleMembers[i].members;
            while (!all.empty()) {
              size_t space = all.find(' ');
              items.push_back({{"label", std::string(all.substr(0, space))}, {"kind", 10}});
              if (space == std::string_view::npos) break;
              all.remove_prefix(space + 1);
            }
          }
        } else {
          for (const ExportEntry& e : index_.ExportsOf(*resolver, resolved.value().path)) {
            Json item = {{"label", e.name}, {"kind", ItemKind(e.info.kind)}};
            if (!e.info.params.empty()) item["detail"] = e.info.params;
            if (!e.info.doc.empty()) item["documentation"] = e.info.doc;
            items.push_back(std::move(item));
          }
        }
        break;
      }
      break;
    }
    result["items"] = std::move(items);
    return "";
  }
  for (int d : model.VisibleAt(doc, offset)) {
    const Declaration& decl = model.declarations[d];
    if (decl.range.start <= offset && offset <= decl.range.end) continue;  // being typed
    items.push_back({{"label", decl.name},
                     {"kind", decl.kind == DeclKind::kFunction ? 3
                              : decl.kind == DeclKind::kClass  ? 7
                                                               : 6},
                     {"detail", std::string(DeclKindName(decl.kind))}});
  }
  for (const char* keyword : kKeywords) items.push_back({{"label", keyword}, {"kind", 14}});
  if (client_snippets_) {
    items.push_back({{"label", "require"},
                     {"kind", 15 /* Snippet */},
                     {"detail", "const name = require('module')"},
                     {"insertTextFormat", 2 /* Snippet */},
                     {"insertText", "const ${1:name} = require('${2:module}');$0"}});
    items.push_back({{"label", "require destructuring"},
                     {"kind", 15},
                     {"filterText", "require"},
                     {"detail", "const { name } = require('module')"},
                     {"insertTextFormat", 2},
                     {"insertText", "const { ${1:name} } = require('${2:module}');$0"}});
  }
  for (const char* name : {"require", "module", "exports", "__dirname", "__filename"}) {
    items.push_back({{"label", name}, {"kind", 6}});
  }
  result["items"] = std::move(items);
  return "";
}

std::string Server::Hover(const Json& params, Json& result) {
  OpenDocument* open = nullptr;
  uint32_t offset = 0;
  if (std::string error = LookupPosition(params, open, offset); !error.empty()) return error;
  const Document& doc = *open->doc;
  result = nullptr;
  if (open->path.empty()) return "";
  std::unique_ptr<resolve::Resolver> resolver = NewResolver();
  auto reply = [&](const std::string& markdown, ByteRange range) {
    result = {{"contents", {{"kind", "markdown"}, {"value", markdown}}},
              {"range", RangeJson(doc, range)}};
  };
  if (std::optional<RequireCall> call = RequireAt(doc, offset)) {
    auto resolved = resolver->Resolve(call->specifier, open->path);
    if (resolved.ok()) {
      reply(resolved.value().builtin ? "builtin module `" + resolved.value().path + "`"
                                     : "module `" + resolved.value().path + "`",
            call->string_range);
    }
    return "";
  }
  ScopeModel model = BuildScopes(doc);
  const WorkspaceIndex::File* file = index_.Get(open->path);
  if (file == nullptr) return "";
  CursorTarget target = TargetAt(doc, model, file->summary, offset);
  if (!target.found) return "";
  std::string name = doc.text().substr(target.range.start, target.range.end - target.range.start);
  if (!target.specifier.empty()) {
    auto resolved = resolver->Resolve(target.specifier, open->path);
    if (!resolved.ok()) return "";
    if (resolved.value().builtin) {
      std::string what = target.name.empty() ? "(module) " + name : "(property) " + name;
      reply(Markdown(what, "", "from builtin module `" + resolved.value().path + "`"),
            target.range);
      return "";
    }
    const std::string& path = resolved.value().path;
    if (target.name.empty()) {
      Location where = index_.ModuleLocation(*resolver, path);
      const WorkspaceIndex::File* target_file = index_.Get(where.path);
      ValueInfo info = target_file ? target_file->summary.module.info : ValueInfo{};
      std::string kind =
          target.declaration >= 0
              ? std::string(DeclKindName(model.declarations[target.declaration].kind))
              : "module";
      reply(Markdown("(" + kind + ") " + name + " = require('" + target.specifier + "')" +
                         (info.kind == "function" || info.kind == "class"
                              ? "\n// " + info.kind + info.params
                              : ""),
                     info.doc, "`" + where.path + "`"),
            target.range);
      return "";
    }
    std::optional<Location> where = index_.FindExport(*resolver, path, target.name);
    ValueInfo info;
    if (where) {
      if (const WorkspaceIndex::File* f = index_.Get(where->path)) {
        for (const ExportEntry& e : f->summary.exports) {
          if (e.definition == where->range) info = e.info;
        }
        if (info.kind.empty() && f->summary.module.definition == where->range) {
          info = f->summary.module.info;
        }
      }
    }
    std::string kind = info.kind.empty() ? "property" : info.kind;
    reply(Markdown("(" + kind + ") " + target.name + info.params, info.doc,
                   "`" + (where ? where->path : path) + "`"),
          target.range);
    return "";
  }
  if (!target.own_export.empty()) {
    for (const ExportEntry& e : file->summary.exports) {
      if (e.name == target.own_export) {
        reply(Markdown("(export " + (e.info.kind.empty() ? "property" : e.info.kind) + ") " +
                           e.name + e.info.params,
                       e.info.doc, ""),
              target.range);
      }
    }
    return "";
  }
  const Declaration& decl = model.declarations[target.declaration];
  ValueInfo info = DescribeValue(doc, decl.value, decl.statement);
  std::string signature = "(" + std::string(DeclKindName(decl.kind)) + ") " + decl.name;
  if (info.kind == "function" || info.kind == "method") signature += info.params;
  reply(Markdown(signature, info.doc, ""), target.range);
  return "";
}

std::vector<std::pair<Location, bool>> Server::Occurrences(OpenDocument& open, uint32_t offset,
                                                           bool& exported) {
  std::vector<std::pair<Location, bool>> out;
  exported = false;
  const Document& doc = *open.doc;
  ScopeModel model = BuildScopes(doc);
  const WorkspaceIndex::File* file = index_.Get(open.path);
  if (file == nullptr) return out;
  CursorTarget target = TargetAt(doc, model, file->summary, offset);
  if (!target.found) return out;
  bool is_export =
      !target.own_export.empty() || (!target.specifier.empty() && !target.name.empty());
  if (!is_export) {
    if (target.declaration < 0) return out;
    out.push_back({{open.path, model.declarations[target.declaration].range}, false});
    for (ByteRange r : model.ReferencesTo(target.declaration))
      out.push_back({{open.path, r}, false});
    return out;
  }
  std::unique_ptr<resolve::Resolver> resolver = NewResolver();
  std::optional<Location> def;
  if (!target.own_export.empty()) {
    def = index_.FindExport(*resolver, open.path, target.own_export);
  } else if (auto path = index_.ResolveFile(*resolver, target.specifier, open.path)) {
    def = index_.FindExport(*resolver, *path, target.name);
  }
  if (!def) return out;
  exported = true;
  FinishIndexing();
  out.push_back({*def, false});
  // In the defining file: the declaration's local references and the export names.
  if (const WorkspaceIndex::File* def_file = index_.Get(def->path)) {
    Document def_doc(def_file->text);
    ScopeModel def_model = BuildScopes(def_doc);
    int d = def_model.DeclarationAt(def->range.start);
    if (d >= 0 && def_model.declarations[d].range == def->range) {
      for (ByteRange r : def_model.ReferencesTo(d)) out.push_back({{def->path, r}, false});
    }
    for (const ExportEntry& e : def_file->summary.exports) {
      if (e.name_range == def->range || !e.from_specifier.empty()) continue;
      std::optional<Location> found = index_.FindExport(*resolver, def->path, e.name);
      if (found && *found == *def) out.push_back({{def->path, e.name_range}, false});
    }
  }
  const std::string& name = target.own_export.empty() ? target.name : target.own_export;
  for (auto& use : index_.Uses(*resolver, *def, name)) out.push_back(use);
  // One entry per range.
  std::vector<std::pair<Location, bool>> unique;
  for (auto& item : out) {
    bool seen = false;
    for (auto& u : unique) seen = seen || u.first == item.first;
    if (!seen) unique.push_back(item);
  }
  return unique;
}

std::string Server::References(const Json& params, Json& result) {
  OpenDocument* open = nullptr;
  uint32_t offset = 0;
  if (std::string error = LookupPosition(params, open, offset); !error.empty()) return error;
  result = Json::array();
  if (open->path.empty()) return "";
  bool exported = false;
  auto occurrences = Occurrences(*open, offset, exported);
  const Json* context = Member(params, "context");
  const Json* include = context ? Member(*context, "includeDeclaration") : nullptr;
  bool with_declaration = include == nullptr || !include->is_boolean() || include->get<bool>();
  for (size_t i = with_declaration ? 0 : 1; i < occurrences.size(); ++i) {
    result.push_back(LocationJson(occurrences[i].first));
  }
  return "";
}

std::string Server::PrepareRename(const Json& params, Json& result) {
  OpenDocument* open = nullptr;
  uint32_t offset = 0;
  if (std::string error = LookupPosition(params, open, offset); !error.empty()) return error;
  result = nullptr;
  if (open->path.empty()) return "";
  const Document& doc = *open->doc;
  ScopeModel model = BuildScopes(doc);
  const WorkspaceIndex::File* file = index_.Get(open->path);
  if (file == nullptr) return "";
  CursorTarget target = TargetAt(doc, model, file->summary, offset);
  if (!target.found) return "";
  if (!target.specifier.empty() && !target.name.empty()) {
    std::unique_ptr<resolve::Resolver> resolver = NewResolver();
    auto resolved = resolver->Resolve(target.specifier, open->path);
    error_code_ = kRequestFailed;
    if (!resolved.ok()) return "cannot rename: '" + target.specifier + "' does not resolve";
    if (resolved.value().builtin) return "cannot rename a member of a builtin module";
    std::optional<Location> def = index_.FindExport(*resolver, resolved.value().path, target.name);
    if (!def) return "cannot rename: no definition of '" + target.name + "' found";
    if (def->path.find("/node_modules/") != std::string::npos) {
      return "cannot rename a name defined in node_modules";
    }
  }
  result = RangeJson(doc, target.range);
  return "";
}

std::string Server::Rename(const Json& params, Json& result) {
  Json ignored;
  if (std::string error = PrepareRename(params, ignored); !error.empty()) return error;
  if (ignored.is_null()) {
    result = nullptr;
    return "";
  }
  auto new_name = StringMember(params, "newName");
  if (!new_name || new_name->empty()) return "missing newName";
  OpenDocument* open = nullptr;
  uint32_t offset = 0;
  LookupPosition(params, open, offset);
  bool exported = false;
  Json changes = Json::object();
  for (const auto& [location, shorthand] : Occurrences(*open, offset, exported)) {
    std::string uri = PathToUri(location.path);
    // An open document's URI as the client spelled it.
    for (const auto& [open_uri, doc] : documents_) {
      if (doc.path == location.path) uri = open_uri;
    }
    std::string text = *new_name;
    if (shorthand) {
      const WorkspaceIndex::File* f = index_.Get(location.path);
      text +=
          ": " + f->text.substr(location.range.start, location.range.end - location.range.start);
    }
    changes[uri].push_back({{"range", RangeIn(location.path, location.range)}, {"newText", text}});
  }
  result = {{"changes", std::move(changes)}};
  return "";
}

std::string Server::WorkspaceSymbol(const Json& params, Json& result) {
  std::optional<std::string> query = StringMember(params, "query");
  if (!query) return "missing query";
  FinishIndexing();
  std::set<std::string> paths(index_.workspace_files().begin(), index_.workspace_files().end());
  for (const auto& [uri, open] : documents_) {
    if (!open.path.empty()) paths.insert(open.path);
  }
  struct Match {
    int score;
    std::string name;
    SymbolKind kind;
    Location location;
  };
  std::vector<Match> matches;
  for (const std::string& path : paths) {
    const WorkspaceIndex::File* file = index_.Get(path);
    if (file == nullptr) continue;
    std::set<std::string> seen;
    for (const TopLevelName& top : file->summary.top_level) {
      int score = FuzzyScore(*query, top.name);
      if (score >= 0 && seen.insert(top.name).second) {
        matches.push_back({score, top.name, top.kind, {path, top.range}});
      }
    }
    for (const ExportEntry& e : file->summary.exports) {
      int score = FuzzyScore(*query, e.name);
      if (score < 0 || !seen.insert(e.name).second) continue;
      SymbolKind kind = e.info.kind == "function" ? SymbolKind::kFunction
                        : e.info.kind == "class"  ? SymbolKind::kClass
                        : e.info.kind == "method" ? SymbolKind::kMethod
                                                  : SymbolKind::kProperty;
      matches.push_back({score, e.name, kind, {path, e.name_range}});
    }
  }
  std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return a.score != b.score ? a.score > b.score : a.name < b.name;
  });
  constexpr size_t kMaxSymbols = 256;
  if (matches.size() > kMaxSymbols) matches.resize(kMaxSymbols);
  result = Json::array();
  for (const Match& m : matches) {
    std::string container = std::filesystem::path(m.location.path).filename().string();
    result.push_back({{"name", m.name},
                      {"kind", static_cast<int>(m.kind)},
                      {"location", LocationJson(m.location)},
                      {"containerName", container}});
  }
  return "";
}

std::string Server::DocumentHighlight(const Json& params, Json& result) {
  OpenDocument* open = nullptr;
  uint32_t offset = 0;
  if (std::string error = LookupPosition(params, open, offset); !error.empty()) return error;
  result = Json::array();
  const Document& doc = *open->doc;
  ScopeModel model = BuildScopes(doc);
  FileSummary own;
  const FileSummary* summary = &own;
  if (const WorkspaceIndex::File* file = open->path.empty() ? nullptr : index_.Get(open->path)) {
    summary = &file->summary;
  } else {
    own = Summarize(doc);
  }
  CursorTarget target = TargetAt(doc, model, *summary, offset);
  if (!target.found) return "";
  enum { kText = 1, kRead = 2, kWrite = 3 };
  auto add = [&](ByteRange range, int kind) {
    for (const Json& h : result) {
      if (h["range"] == RangeJson(doc, range)) return;
    }
    result.push_back({{"range", RangeJson(doc, range)}, {"kind", kind}});
  };
  if (!target.specifier.empty() && !target.name.empty()) {
    for (const ImportUse& use : summary->uses) {
      if (use.specifier == target.specifier && use.name == target.name) add(use.range, kRead);
    }
    for (const RequireBinding& b : summary->bindings) {
      if (b.specifier == target.specifier && b.member == target.name) {
        int d = model.DeclarationAt(b.local_range.start);
        add(b.local_range, kWrite);
        if (d >= 0) {
          for (ByteRange r : model.ReferencesTo(d)) add(r, kRead);
        }
      }
    }
    return "";
  }
  if (!target.own_export.empty()) {
    for (const ExportEntry& e : summary->exports) {
      if (e.name == target.own_export) add(e.name_range, kWrite);
    }
  }
  if (target.declaration >= 0) {
    add(model.declarations[target.declaration].range, kWrite);
    for (ByteRange r : model.ReferencesTo(target.declaration)) add(r, kRead);
  }
  if (result.empty()) add(target.range, kText);
  return "";
}

std::string Server::SelectionRange(const Json& params, Json& result) {
  OpenDocument* open = nullptr;
  if (std::string error = Lookup(params, open); !error.empty()) return error;
  const Json* positions = Member(params, "positions");
  if (positions == nullptr || !positions->is_array()) return "missing positions";
  const Document& doc = *open->doc;
  result = Json::array();
  for (const Json& position : *positions) {
    std::optional<Position> pos = PositionFrom(&position);
    if (!pos) return "invalid position";
    std::optional<uint32_t> offset = ToOffset(doc.text(), doc.lines(), *pos, false);
    if (!offset) return "position out of range";
    std::vector<ByteRange> chain = SelectionChain(doc, *offset);
    Json item = nullptr;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      Json next = {{"range", RangeJson(doc, *it)}};
      if (!item.is_null()) next["parent"] = std::move(item);
      item = std::move(next);
    }
    if (item.is_null()) item = {{"range", RangeJson(doc, {*offset, *offset})}};
    result.push_back(std::move(item));
  }
  return "";
}

ValueInfo Server::InfoAt(OpenDocument& open, const ScopeModel& model, uint32_t offset) {
  const Document& doc = *open.doc;
  if (open.path.empty()) {
    int d = model.DeclarationAt(offset);
    if (d < 0) return {};
    return DescribeValue(doc, model.declarations[d].value, model.declarations[d].statement);
  }
  const WorkspaceIndex::File* file = index_.Get(open.path);
  if (file == nullptr) return {};
  CursorTarget target = TargetAt(doc, model, file->summary, offset);
  if (!target.found) return {};
  std::unique_ptr<resolve::Resolver> resolver = NewResolver();
  auto info_of = [&](const Location& where) {
    ValueInfo info;
    if (const WorkspaceIndex::File* f = index_.Get(where.path)) {
      for (const ExportEntry& e : f->summary.exports) {
        if (e.definition == where.range) info = e.info;
      }
      if (info.kind.empty() && f->summary.module.definition == where.range) {
        info = f->summary.module.info;
      }
    }
    return info;
  };
  if (!target.specifier.empty()) {
    std::optional<std::string> path = index_.ResolveFile(*resolver, target.specifier, open.path);
    if (!path) return {};
    if (target.name.empty()) return info_of(index_.ModuleLocation(*resolver, *path));
    std::optional<Location> where = index_.FindExport(*resolver, *path, target.name);
    return where ? info_of(*where) : ValueInfo{};
  }
  if (!target.own_export.empty()) {
    std::optional<Location> where = index_.FindExport(*resolver, open.path, target.own_export);
    return where ? info_of(*where) : ValueInfo{};
  }
  if (target.declaration < 0) return {};
  const Declaration& decl = model.declarations[target.declaration];
  return DescribeValue(doc, decl.value, decl.statement);
}

std::string Server::SignatureHelp(const Json& params, Json& result) {
  OpenDocument* open = nullptr;
  uint32_t offset = 0;
  if (std::string error = LookupPosition(params, open, offset); !error.empty()) return error;
  result = nullptr;
  const Document& doc = *open->doc;
  std::optional<CallSite> call = CallAt(doc, offset);
  if (!call) return "";
  ScopeModel model = BuildScopes(doc);
  ValueInfo info = InfoAt(*open, model, call->callee_name.start);
  if (info.kind != "function" && info.kind != "method" && info.kind != "class") return "";
  std::string name(
      doc.text().substr(call->callee_name.start, call->callee_name.end - call->callee_name.start));
  Json parameters = Json::array();
  for (const std::string& p : SplitParams(info.params)) parameters.push_back({{"label", p}});
  Json signature = {{"label", name + info.params}, {"parameters", parameters}};
  if (!info.doc.empty()) signature["documentation"] = {{"kind", "markdown"}, {"value", info.doc}};
  uint32_t active = call->active_parameter;
  // A rest parameter takes every argument from its position on.
  if (!parameters.empty() && active >= parameters.size() &&
      parameters.back()["label"].get<std::string>().starts_with("...")) {
    active = static_cast<uint32_t>(parameters.size() - 1);
  }
  result = {{"signatures", {signature}}, {"activeSignature", 0}, {"activeParameter", active}};
  return "";
}

const std::vector<uint32_t>& Server::EncodeTokens(OpenDocument& open) {
  const Document& doc = *open.doc;
  ScopeModel model = BuildScopes(doc);
  FileSummary own;
  const FileSummary* summary = &own;
  if (const WorkspaceIndex::File* file = open.path.empty() ? nullptr : index_.Get(open.path)) {
    summary = &file->summary;
  } else {
    own = Summarize(doc);
  }
  std::vector<uint32_t> data;
  Position previous{0, 0};
  for (const SemanticToken& token : SemanticTokens(doc, model, *summary)) {
    Position start = ToPosition(doc.text(), doc.lines(), token.range.start);
    Position end = ToPosition(doc.text(), doc.lines(), token.range.end);
    if (end.line != start.line) continue;
    data.push_back(start.line - previous.line);
    data.push_back(start.line == previous.line ? start.character - previous.character
                                               : start.character);
    data.push_back(end.character - start.character);
    data.push_back(static_cast<uint32_t>(token.type));
    data.push_back(static_cast<uint32_t>(token.modifiers));
    previous = start;
  }
  open.tokens = std::move(data);
  open.tokens_id = std::to_string(++tokens_serial_);
  return open.tokens;
}

std::string Server::SemanticTokensFull(const Json& params, Json& result) {
  OpenDocument* open = nullptr;
  if (std::string error = Lookup(params, open); !error.empty()) return error;
  result = {{"data", EncodeTokens(*open)}};
  result["resultId"] = open->tokens_id;
  return "";
}

std::string Server::SemanticTokensDelta(const Json& params, Json& result) {
  OpenDocument* open = nullptr;
  if (std::string error = Lookup(params, open); !error.empty()) return error;
  std::optional<std::string> previous_id = StringMember(params, "previousResultId");
  if (!previous_id || *previous_id != open->tokens_id) return SemanticTokensFull(params, result);
  std::vector<uint32_t> before = std::move(open->tokens);
  const std::vector<uint32_t>& after = EncodeTokens(*open);
  // One edit: what lies between the common prefix and the common suffix.
  size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) {
    ++prefix;
  }
  size_t suffix = 0;
  while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
    ++suffix;
  }
  Json edits = Json::array();
  if (prefix != before.size() || prefix != after.size()) {
    Json data(std::vector<uint32_t>(after.begin() + static_cast<ptrdiff_t>(prefix),
                                    after.end() - static_cast<ptrdiff_t>(suffix)));
    edits.push_back(
        {{"start", prefix}, {"deleteCount", before.size() - prefix - suffix}, {"data", data}});
  }
  result = {{"resultId", open->tokens_id}, {"edits", std::move(edits)}};
  return "";
}

std::string Server::CodeAction(const Json& params, Json& result) {
  OpenDocument* open = nullptr;
  if (std::string error = Lookup(params, open); !error.empty()) return error;
  const Document& doc = *open->doc;
  const Json* range = Member(params, "range");
  std::optional<Position> from = range ? PositionFrom(Member(*range, "start")) : std::nullopt;
  std::optional<Position> to = range ? PositionFrom(Member(*range, "end")) : std::nullopt;
  if (!from || !to) return "missing or invalid range";
  uint32_t start = *ToOffset(doc.text(), doc.lines(), *from, true);
  uint32_t end = *ToOffset(doc.text(), doc.lines(), *to, true);
  result = Json::array();
  if (open->path.empty()) return "";
  const std::string uri = Member(params, "textDocument")->at("uri").get<std::string>();
  auto edit_of = [&](ByteRange r, const std::string& text) {
    return Json{{"changes", {{uri, {{{"range", RangeJson(doc, r)}, {"newText", text}}}}}}};
  };
  auto diagnostic_json = [&](const Diagnostic& d) {
    Json item = {{"range", RangeJson(doc, d.range)},
                 {"severity", static_cast<int>(d.severity)},
                 {"source", "nodus-lsp"},
                 {"message", d.message}};
    if (!d.code.empty()) item["code"] = d.code;
    return item;
  };
  std::unique_ptr<resolve::Resolver> resolver;
  for (const Diagnostic& d : NameDiagnostics(doc)) {
    if (d.range.end < start || d.range.start > end) continue;
    std::string name = doc.text().substr(d.range.start, d.range.end - d.range.start);
    if (d.code == "no-undef") {
      FinishIndexing();
      if (!resolver) resolver = NewResolver();
      uint32_t at = RequireInsertOffset(doc);
      std::set<std::string> offered;
      for (const std::string& path : index_.workspace_files()) {
        if (path == open->path || index_.Get(path) == nullptr) continue;
        bool exports_it = false;
        for (const ExportEntry& e : index_.ExportsOf(*resolver, path)) {
          exports_it = exports_it || e.name == name;
        }
        if (exports_it) offered.insert(RelativeSpecifier(open->path, path));
      }
      // The shortest specifiers first: a package's index before its parts.
      std::vector<std::string> specifiers(offered.begin(), offered.end());
      std::stable_sort(
          specifiers.begin(), specifiers.end(),
          [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
      for (const std::string& specifier : specifiers) {
        std::string line = "const { " + name + " } = require('" + specifier + "');";
        result.push_back({{"title", "Add `" + line.substr(0, line.size() - 1) + "`"},
                          {"kind", "quickfix"},
                          {"diagnostics", {diagnostic_json(d)}},
                          {"edit", edit_of({at, at}, line + "\n")}});
      }
      if (result.size() == 1) result.back()["isPreferred"] = true;
    } else if (d.code == "unused" && d.message.ends_with("is required but never used")) {
      if (std::optional<ByteRange> remove = RemovableRequire(doc, d.range)) {
        result.push_back({{"title", "Remove unused require of '" + name + "'"},
                          {"kind", "quickfix"},
                          {"diagnostics", {diagnostic_json(d)}},
                          {"isPreferred", true},
                          {"edit", edit_of(*remove, "")}});
      }
    }
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
  if (!open.path.empty()) index_.SetOpen(open.path, *open.doc, open.version);
  pending_diagnostics_.erase(*uri);
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
  if (!open->path.empty()) {
    fs_.Set(open->path, doc.text());
    index_.SetOpen(open->path, doc, open->version);
  }
  ScheduleDiagnostics((*text_document)["uri"].get<std::string>());
  if (!open->path.empty()) ScheduleDependants(open->path);
}

void Server::DidClose(const Json& params) {
  OpenDocument* open = nullptr;
  if (std::string error = Lookup(params, open); !error.empty()) {
    Log("didClose: " + error);
    return;
  }
  std::string uri = Member(params, "textDocument")->at("uri").get<std::string>();
  if (!open->path.empty()) {
    fs_.Remove(open->path);
    index_.Invalidate(open->path);
  }
  documents_.erase(uri);
  pending_diagnostics_.erase(uri);
  Notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}});
  PublishAll("");
}

void Server::PublishDiagnostics(const std::string& uri, OpenDocument& open) {
  const Document& doc = *open.doc;
  std::vector<Diagnostic> diagnostics = SyntaxDiagnostics(doc);
  if (!open.path.empty()) {
    std::unique_ptr<resolve::Resolver> resolver = NewResolver();
    for (Diagnostic& d : RequireDiagnostics(doc, open.path, *resolver)) {
      diagnostics.push_back(std::move(d));
    }
  }
  for (Diagnostic& d : NameDiagnostics(doc)) diagnostics.push_back(std::move(d));
  Json list = Json::array();
  for (const Diagnostic& d : diagnostics) {
    Json item = {{"range", RangeJson(doc, d.range)},
                 {"severity", static_cast<int>(d.severity)},
                 {"source", "nodus-lsp"},
                 {"message", d.message}};
    if (!d.code.empty()) item["code"] = d.code;
    if (d.unnecessary) item["tags"] = {1};
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

void Server::ScheduleDiagnostics(const std::string& uri) {
  auto it = documents_.find(uri);
  if (it == documents_.end()) return;
  if (options_.debounce_ms <= 0) {
    PublishDiagnostics(uri, it->second);
    return;
  }
  pending_diagnostics_[uri] = Now() + options_.debounce_ms;
}

void Server::ScheduleDependants(const std::string& path) {
  std::unique_ptr<resolve::Resolver> resolver;
  for (auto& [uri, open] : documents_) {
    if (open.path.empty() || open.path == path) continue;
    const WorkspaceIndex::File* file = index_.Get(open.path);
    if (file == nullptr) continue;
    for (const RequireCall& call : file->summary.require_calls) {
      if (!resolver) resolver = NewResolver();
      if (index_.ResolveFile(*resolver, call.specifier, open.path) == path) {
        ScheduleDiagnostics(uri);
        break;
      }
    }
  }
}

void Server::DidChangeWatchedFiles(const Json& params) {
  const Json* changes = Member(params, "changes");
  if (changes == nullptr || !changes->is_array()) return;
  bool created_or_deleted = false;
  std::vector<std::string> changed;
  for (const Json& change : *changes) {
    auto uri = StringMember(change, "uri");
    if (!uri || documents_.contains(*uri)) continue;  // open buffers win
    std::string path = UriToPath(*uri);
    if (path.empty()) continue;
    index_.Invalidate(path);
    const Json* type = Member(change, "type");
    int kind = type && type->is_number_integer() ? type->get<int>() : 2;
    if (kind == 1 /* Created */ || kind == 3 /* Deleted */) {
      created_or_deleted = true;
      if (kind == 1 && index_.InWorkspace(path) &&
          (path.ends_with(".js") || path.ends_with(".cjs")) &&
          path.find("/node_modules/") == std::string::npos) {
        index_.AddWorkspaceFile(path);
      }
    } else {
      changed.push_back(path);
    }
  }
  if (created_or_deleted) {
    // A new or vanished file can change any require's resolution.
    for (const auto& [uri, open] : documents_) ScheduleDiagnostics(uri);
    return;
  }
  for (const std::string& path : changed) ScheduleDependants(path);
}

void Server::DidChangeWorkspaceFolders(const Json& params) {
  const Json* event = Member(params, "event");
  if (event == nullptr) return;
  auto paths = [&](const char* key) {
    std::vector<std::string> out;
    const Json* list = Member(*event, key);
    if (list == nullptr || !list->is_array()) return out;
    for (const Json& folder : *list) {
      if (auto uri = StringMember(folder, "uri")) {
        if (std::string path = UriToPath(*uri); !path.empty()) out.push_back(path);
      }
    }
    return out;
  };
  for (const std::string& path : paths("removed")) {
    roots_.erase(std::remove(roots_.begin(), roots_.end(), path), roots_.end());
    roots_to_crawl_.erase(std::remove(roots_to_crawl_.begin(), roots_to_crawl_.end(), path),
                          roots_to_crawl_.end());
    index_.RemoveRoot(path);
  }
  std::vector<std::string> added;
  for (const std::string& path : paths("added")) {
    if (std::find(roots_.begin(), roots_.end(), path) != roots_.end()) continue;
    roots_.push_back(path);
    added.push_back(path);
  }
  StartIndexing(added);
}

void Server::StartIndexing(const std::vector<std::string>& roots) {
  if (roots.empty()) return;
  bool was_idle = !indexing();
  for (const std::string& root : roots) roots_to_crawl_.push_back(root);
  if (was_idle && client_progress_) {
    ++progress_serial_;
    progress_request_ = "nodus-lsp/progress/" + std::to_string(progress_serial_);
    progress_token_.clear();
    progress_begun_ = false;
    sink_({{"jsonrpc", "2.0"},
           {"id", progress_request_},
           {"method", "window/workDoneProgress/create"},
           {"params", {{"token", "nodus-lsp/index/" + std::to_string(progress_serial_)}}}});
  }
}

void Server::Progress(Json value) {
  if (progress_token_.empty()) return;
  std::string kind = value["kind"].get<std::string>();
  if (kind == "begin") progress_begun_ = true;
  if (!progress_begun_) return;
  Notify("$/progress", {{"token", progress_token_}, {"value", std::move(value)}});
  if (kind == "end") {
    progress_token_.clear();
    progress_begun_ = false;
  }
}

void Server::FinishIndexing() {
  while (indexing()) RunPending();
}

int64_t Server::RunPending() {
  int64_t now = Now();
  int64_t next = -1;
  for (auto it = pending_diagnostics_.begin(); it != pending_diagnostics_.end();) {
    if (it->second > now) {
      next = next < 0 ? it->second - now : std::min(next, it->second - now);
      ++it;
      continue;
    }
    std::string uri = it->first;
    it = pending_diagnostics_.erase(it);
    auto doc = documents_.find(uri);
    if (doc != documents_.end()) PublishDiagnostics(uri, doc->second);
  }
  if (!indexing()) return next;
  if (!progress_token_.empty() && !progress_begun_) {
    Progress({{"kind", "begin"},
              {"title", "Indexing"},
              {"cancellable", false},
              {"message", std::to_string(index_.indexed()) + "/" +
                              std::to_string(index_.workspace_files().size()) + " files"},
              {"percentage", 0}});
  }
  if (!roots_to_crawl_.empty()) {
    std::string root = roots_to_crawl_.front();
    roots_to_crawl_.erase(roots_to_crawl_.begin());
    index_.CrawlRoot(root, list_dir_);
    indexing_ = true;
    return 0;
  }
  size_t total = index_.workspace_files().size();
  if (index_.IndexNext(std::max<size_t>(options_.index_batch, 1)) > 0 && index_.indexed() < total) {
    Progress(
        {{"kind", "report"},
         {"message", std::to_string(index_.indexed()) + "/" + std::to_string(total) + " files"},
         {"percentage", total ? index_.indexed() * 100 / total : 100}});
    return 0;
  }
  indexing_ = false;
  Progress({{"kind", "end"},
            {"message", "indexed " + std::to_string(total) + " files (" +
                            std::to_string(index_.full_parses()) + " parsed in full)"}});
  return next;
}

int RunStdio(int in_fd, int out_fd, int debounce_ms) {
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
  ServerOptions options;
  options.debounce_ms = debounce_ms;
  Server server(
      fs,
      [&](const Json& message) {
        if (output_ok) {
          output_ok =
              write_all(Frame(message.dump(-1, ' ', false, Json::error_handler_t::replace)));
        }
      },
      [&fs] { fs.ClearCaches(); }, ListRealDir, std::move(options));
  MessageReader reader;
  char buffer[65536];
  bool eof = false;
  // Everything readable is queued before the next message is handled, so a
  // $/cancelRequest can reach a request still waiting; background work runs
  // only when the queue is empty.
  for (;;) {
    if (!output_ok) {
      Log("cannot write to the client; exiting");
      return 1;
    }
    int timeout = 0;
    if (!server.HasQueued() && !eof) {
      int64_t wait = server.RunPending();
      timeout = wait < 0 ? -1 : static_cast<int>(std::min<int64_t>(wait, 1000));
    }
    if (!eof) {
      pollfd in = {in_fd, POLLIN, 0};
      int ready = ::poll(&in, 1, timeout);
      if (ready < 0 && errno == EINTR) continue;
      if (ready != 0) {
        ssize_t n = ::read(in_fd, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
          eof = true;  // the client went away without `exit`
        } else {
          reader.Feed(std::string_view(buffer, static_cast<size_t>(n)));
          while (std::optional<MessageReader::Item> item = reader.Next()) {
            if (!item->ok) {
              Log("framing error: " + item->error);
              continue;
            }
            server.Enqueue(item->body);
          }
        }
        continue;
      }
    }
    if (server.ProcessOne()) {
      if (server.exited()) return server.exit_code();
      continue;
    }
    if (eof) return 1;
  }
}

}  // namespace nodus::lsp
