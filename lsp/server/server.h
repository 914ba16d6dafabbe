#pragma once

// The protocol layer: JSON-RPC 2.0 messages in, responses and notifications
// out through a sink. It owns the open documents and answers from lsp/core.
// Single-threaded: every call happens on the thread that owns the Server, and
// each message is handled to completion before the next. Messages wait in a
// queue (Enqueue) so that `$/cancelRequest` can drop a request not yet started
// (answered -32800); background work (debounced diagnostics, workspace
// indexing in steps) runs in RunPending when the queue is empty.

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/fs.h"
#include "lsp/core/document.h"
#include "lsp/core/index.h"
#include "lsp/core/overlay_fs.h"
#include "lsp/core/summary.h"

namespace nodus::resolve {
class Resolver;
}

namespace nodus::lsp {

using Json = nlohmann::json;

// JSON-RPC and LSP error codes.
enum ErrorCode {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestFailed = -32803,
  kRequestCancelled = -32800,
};

struct ServerOptions {
  // Diagnostics of an edited buffer (and of open files that require it) are
  // published this long after the last change; 0: as each change is handled.
  int debounce_ms = 0;
  // Milliseconds on a steady clock (default std::chrono::steady_clock).
  std::function<int64_t()> clock;
  // Workspace files summarized per background step.
  size_t index_batch = 16;
};

// file:///a%20b.js <-> /a b.js. Non-file URIs have no path ("").
std::string UriToPath(std::string_view uri);
std::string PathToUri(std::string_view path);

class Server {
 public:
  using Sink = std::function<void(const Json& message)>;
  // `fs` is the disk as the resolver sees it (open documents overlay it);
  // `refresh_fs` (optional) drops its caches before each resolution pass.
  // `list_dir` lists directories for require() completion and the workspace
  // crawl (default: the real disk).
  Server(base::Fs& fs, Sink sink, std::function<void()> refresh_fs = nullptr,
         ListDir list_dir = ListRealDir, ServerOptions options = {});
  ~Server();

  // One message body (JSON text), handled at once (Enqueue + ProcessOne until
  // the queue is empty). Never fails: problems become JSON-RPC errors.
  void HandleBody(std::string_view body);
  // Queues a message; a `$/cancelRequest` naming a queued request removes it
  // and answers it with RequestCancelled (-32800).
  void Enqueue(std::string_view body);
  // Handles the oldest queued message; false when the queue was empty.
  bool ProcessOne();
  bool HasQueued() const { return !queue_.empty(); }
  // Background work: publishes due debounced diagnostics, crawls a workspace
  // folder or indexes a batch of its files (with $/progress when the client
  // supports it). Returns the milliseconds until it wants to run again: 0 when
  // more work is ready now, -1 when nothing is pending.
  int64_t RunPending();
  bool indexing() const { return !roots_to_crawl_.empty() || indexing_; }

  // True after the `exit` notification; then exit_code() is 0 if `shutdown` came first.
  bool exited() const { return exited_; }
  int exit_code() const { return shutdown_ ? 0 : 1; }
  bool shutdown_requested() const { return shutdown_; }
  // The open document at `uri`, or nullptr (for tests: its tree after edits).
  const Document* OpenDocumentAt(const std::string& uri) const;

 private:
  struct OpenDocument {
    std::unique_ptr<Document> doc;
    std::string path;  // "" for non-file URIs
    int64_t version = 0;
    // The last semantic tokens sent (for /delta) and their resultId.
    std::string tokens_id;
    std::vector<uint32_t> tokens;
  };

  void HandleMessage(const Json& message);
  void HandleRequest(const Json& id, const std::string& method, const Json& params);
  void HandleNotification(const std::string& method, const Json& params);
  void Reply(const Json& id, Json result);
  void ReplyError(const Json& id, int code, const std::string& message);
  void Notify(const std::string& method, Json params);

  Json Initialize();
  // Requests on a document: these fill `result` or return an error message
  // (sent as kInvalidParams).
  std::string Definition(const Json& params, Json& result);
  std::string DocumentSymbol(const Json& params, Json& result);
  std::string FoldingRange(const Json& params, Json& result);
  std::string Completion(const Json& params, Json& result);
  std::string Hover(const Json& params, Json& result);
  std::string References(const Json& params, Json& result);
  std::string Rename(const Json& params, Json& result);
  std::string PrepareRename(const Json& params, Json& result);
  std::string WorkspaceSymbol(const Json& params, Json& result);
  std::string DocumentHighlight(const Json& params, Json& result);
  std::string SelectionRange(const Json& params, Json& result);
  std::string SignatureHelp(const Json& params, Json& result);
  std::string SemanticTokensFull(const Json& params, Json& result);
  std::string SemanticTokensDelta(const Json& params, Json& result);
  // The encoded tokens of the document (5 integers per token), remembered
  // with a fresh resultId.
  const std::vector<uint32_t>& EncodeTokens(OpenDocument& open);
  std::string CodeAction(const Json& params, Json& result);
  // What the name at `offset` is bound to (its own file's or across requires).
  ValueInfo InfoAt(OpenDocument& open, const ScopeModel& model, uint32_t offset);
  // The open document and the byte offset of params.position, or an error message.
  std::string LookupPosition(const Json& params, OpenDocument*& out, uint32_t& offset);
  // A fresh resolver over the overlay (the disk's stat cache dropped first).
  std::unique_ptr<resolve::Resolver> NewResolver();
  Json LocationJson(const Location& location);
  Json RangeIn(const std::string& path, ByteRange range);
  // Every location of the thing at the cursor (declaration first), with
  // whether each is a `{a}` shorthand pattern; empty when nothing is there.
  std::vector<std::pair<Location, bool>> Occurrences(OpenDocument& open, uint32_t offset,
                                                     bool& exported);
  void CompleteRequire(OpenDocument& open, const std::string& prefix, ByteRange replace,
                       Json& items);
  // The open document named by params.textDocument.uri, or an error message.
  std::string Lookup(const Json& params, OpenDocument*& out);

  void DidOpen(const Json& params);
  void DidChange(const Json& params);
  void DidClose(const Json& params);
  void PublishDiagnostics(const std::string& uri, OpenDocument& open);
  void PublishAll(const std::string& except_uri);
  // Publishes now (debounce 0) or after the debounce delay (the latest version wins).
  void ScheduleDiagnostics(const std::string& uri);
  // Open documents (other than `path`'s) whose requires resolve to `path`.
  void ScheduleDependants(const std::string& path);
  void StartIndexing(const std::vector<std::string>& roots);
  // Completes the workspace crawl and index synchronously (references, rename,
  // workspace symbols need all of it).
  void FinishIndexing();
  void Progress(Json value);
  void DidChangeWatchedFiles(const Json& params);
  void DidChangeWorkspaceFolders(const Json& params);
  int64_t Now() const;

  base::Fs& base_fs_;
  OverlayFs fs_;
  Sink sink_;
  std::function<void()> refresh_fs_;
  std::map<std::string, OpenDocument> documents_;  // by URI
  ListDir list_dir_;
  WorkspaceIndex index_{fs_};
  std::vector<std::string> roots_;  // workspace folders (paths)
  ServerOptions options_;
  std::deque<Json> queue_;
  std::map<std::string, int64_t> pending_diagnostics_;  // URI -> when due
  std::vector<std::string> roots_to_crawl_;
  bool indexing_ = false;  // crawled files remain to be summarized
  // $/progress: the client supports it; our create request's id; the token
  // once the client accepted it; whether `begin` went out.
  bool client_progress_ = false;
  bool client_snippets_ = false;  // completionItem.snippetSupport
  int progress_serial_ = 0;
  int tokens_serial_ = 0;
  std::string progress_request_;
  std::string progress_token_;
  bool progress_begun_ = false;
  int error_code_ = kInvalidParams;  // the code a handler's error message is sent with
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
};

// The stdio main loop: reads framed messages from `in_fd`, writes to `out_fd`,
// until `exit` or end of input, with diagnostics debounced by `debounce_ms`.
// Returns the process exit code.
int RunStdio(int in_fd, int out_fd, int debounce_ms);

}  // namespace nodus::lsp
