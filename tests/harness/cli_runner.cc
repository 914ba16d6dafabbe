// nodus_cli_runner: runs one end-to-end CLI case and checks its output.
//
//   nodus_cli_runner --program PATH --case DIR [--timeout SECONDS]
//
// A case is a directory holding case.json:
//   {
//     "args": ["-e", "console.log(1)"],   arguments after the program
//     "stdin": "text",                    optional; stdin is /dev/null otherwise
//     "env": {"K": "V", "U": null},       optional; overlays the inherited env, null unsets
//     "cwd": "sub/dir",                   optional; relative to DIR, default DIR
//     "exit_code": 0,                     default 0
//     "stdout": "pattern",                or "stdout_file": "expected.out" (relative to DIR)
//     "stderr": "pattern",                or "stderr_file": "expected.err"
//     "stdout_bytes": 123,                optional exact byte count (for large outputs)
//     "oracle": true                      read by CMake only: also run the case with node
//   }
// An output without a pattern is not checked. A pattern must match the whole
// output. In patterns:
//   [WILDCARD]  matches anything, newlines included
//   [WILDLINE]  matches anything up to the end of the line (no newline)
//   [CASE_DIR]  the case directory's absolute path (also substituted in args and env)
//   [PROGRAM]   the program's basename, e.g. "nodus" or "node"
//
// Exit status: 0 when the case passed, 1 when it failed, 2 on a usage or setup error.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

extern char** environ;

namespace nodus::harness {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// ---------------------------------------------------------------------------
// Pattern matching.

struct Token {
  enum Kind { kLiteral, kWildcard, kWildline } kind;
  std::string text;  // Only for kLiteral.
};

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}

std::vector<Token> Tokenize(const std::string& pattern) {
  static const std::string kWildcard = "[WILDCARD]";
  static const std::string kWildline = "[WILDLINE]";
  std::vector<Token> tokens;
  std::string literal;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern.compare(i, kWildcard.size(), kWildcard) == 0 ||
        pattern.compare(i, kWildline.size(), kWildline) == 0) {
      if (!literal.empty()) tokens.push_back({Token::kLiteral, std::move(literal)});
      literal.clear();
      bool card = pattern.compare(i, kWildcard.size(), kWildcard) == 0;
      tokens.push_back({card ? Token::kWildcard : Token::kWildline, {}});
      i += card ? kWildcard.size() : kWildline.size();
    } else {
      literal.push_back(pattern[i++]);
    }
  }
  if (!literal.empty()) tokens.push_back({Token::kLiteral, std::move(literal)});
  return tokens;
}

// Backtracking matcher over tokens; failed (token, position) pairs are
// remembered so that patterns with several wildcards stay polynomial.
class Matcher {
 public:
  Matcher(const std::vector<Token>& tokens, const std::string& text)
      : tokens_(tokens), text_(text) {}

  bool Match() { return MatchFrom(0, 0); }

 private:
  bool MatchFrom(size_t ti, size_t pos) {
    if (ti == tokens_.size()) return pos == text_.size();
    if (failed_.count({ti, pos}) != 0) return false;
    bool ok = MatchToken(ti, pos);
    if (!ok) failed_.insert({ti, pos});
    return ok;
  }

  bool MatchToken(size_t ti, size_t pos) {
    const Token& token = tokens_[ti];
    if (token.kind == Token::kLiteral) {
      return text_.compare(pos, token.text.size(), token.text) == 0 &&
             MatchFrom(ti + 1, pos + token.text.size());
    }
    size_t limit = text_.size();
    if (token.kind == Token::kWildline) {
      size_t nl = text_.find('\n', pos);
      if (nl != std::string::npos) limit = nl;
    }
    // When a literal follows, only its occurrences are candidate ends.
    const Token* next = ti + 1 < tokens_.size() ? &tokens_[ti + 1] : nullptr;
    if (next != nullptr && next->kind == Token::kLiteral) {
      for (size_t end = text_.find(next->text, pos); end != std::string::npos && end <= limit;
           end = text_.find(next->text, end + 1)) {
        if (MatchFrom(ti + 1, end)) return true;
      }
      return false;
    }
    for (size_t end = pos; end <= limit; ++end) {
      if (MatchFrom(ti + 1, end)) return true;
    }
    return false;
  }

  const std::vector<Token>& tokens_;
  const std::string& text_;
  std::set<std::pair<size_t, size_t>> failed_;
};

bool MatchPattern(const std::string& pattern, const std::string& text) {
  std::vector<Token> tokens = Tokenize(pattern);
  return Matcher(tokens, text).Match();
}

// ---------------------------------------------------------------------------
// Reporting.

// Shows text with visible line ends, so trailing spaces and missing final
// newlines are obvious; very long outputs are cut in the middle.
std::string Visible(const std::string& text) {
  constexpr size_t kMax = 8000;
  std::string shown = text;
  if (shown.size() > kMax) {
    shown = shown.substr(0, kMax / 2) + "\n[... " + std::to_string(text.size() - kMax) +
            " bytes omitted ...]\n" + shown.substr(shown.size() - kMax / 2);
  }
  std::ostringstream out;
  std::istringstream lines(shown);
  std::string line;
  while (std::getline(lines, line)) out << "  | " << line << (lines.eof() ? "" : "$") << "\n";
  if (!shown.empty() && shown.back() != '\n') out << "  (no newline at end)\n";
  if (shown.empty()) out << "  (empty)\n";
  return out.str();
}

// The first line where the pattern's literal text before its first wildcard
// and the output differ: a hint for the common case of a small typo.
std::string FirstDifference(const std::string& pattern, const std::string& text) {
  std::istringstream p(pattern);
  std::istringstream t(text);
  std::string pl;
  std::string tl;
  for (int n = 1;; ++n) {
    bool has_p = static_cast<bool>(std::getline(p, pl));
    bool has_t = static_cast<bool>(std::getline(t, tl));
    if (!has_p && !has_t) return "";
    if (has_p && (pl.find("[WILDCARD]") != std::string::npos ||
                  pl.find("[WILDLINE]") != std::string::npos)) {
      return "";
    }
    if (!has_p || !has_t || pl != tl) {
      std::ostringstream out;
      out << "first difference at line " << n
          << ":\n  expected: " << (has_p ? pl : "(end of pattern)")
          << "\n  actual:   " << (has_t ? tl : "(end of output)") << "\n";
      return out.str();
    }
  }
}

// ---------------------------------------------------------------------------
// Running the program.

struct RunResult {
  std::string out;
  std::string err;
  int exit_code = -1;
  int term_signal = 0;
  bool timed_out = false;
};

double NowSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

std::optional<RunResult> Run(const std::string& program, const std::vector<std::string>& argv,
                             const std::vector<std::string>& env, const std::string& cwd,
                             const std::optional<std::string>& input, double timeout_s) {
  int in_pipe[2] = {-1, -1};
  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    perror("pipe2");
    return std::nullopt;
  }
  if (input.has_value() && pipe2(in_pipe, O_CLOEXEC) != 0) {
    perror("pipe2");
    return std::nullopt;
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (input.has_value()) {
    posix_spawn_file_actions_adddup2(&actions, in_pipe[0], STDIN_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());

  // The child gets default signal dispositions (SIGPIPE in particular).
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);

  std::vector<char*> c_argv;
  for (const std::string& a : argv) c_argv.push_back(const_cast<char*>(a.c_str()));
  c_argv.push_back(nullptr);
  std::vector<char*> c_env;
  for (const std::string& e : env) c_env.push_back(const_cast<char*>(e.c_str()));
  c_env.push_back(nullptr);

  pid_t pid = 0;
  int rc = posix_spawnp(&pid, program.c_str(), &actions, &attr, c_argv.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (input.has_value()) close(in_pipe[0]);
  if (rc != 0) {
    std::cerr << "cannot start " << program << ": " << strerror(rc) << "\n";
    return std::nullopt;
  }

  RunResult result;
  int in_fd = input.has_value() ? in_pipe[1] : -1;
  if (in_fd >= 0) fcntl(in_fd, F_SETFL, fcntl(in_fd, F_GETFL) | O_NONBLOCK);
  size_t in_written = 0;
  if (in_fd >= 0 && input->empty()) {
    close(in_fd);
    in_fd = -1;
  }
  int out_fd = out_pipe[0];
  int err_fd = err_pipe[0];
  const double deadline = NowSeconds() + timeout_s;

  while (out_fd >= 0 || err_fd >= 0) {
    pollfd fds[3];
    nfds_t n = 0;
    if (out_fd >= 0) fds[n++] = {out_fd, POLLIN, 0};
    if (err_fd >= 0) fds[n++] = {err_fd, POLLIN, 0};
    if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
    double left = deadline - NowSeconds();
    if (left <= 0) {
      result.timed_out = true;
      kill(pid, SIGKILL);
      break;
    }
    int ready = poll(fds, n, static_cast<int>(left * 1000) + 1);
    if (ready < 0) {
      if (errno == EINTR) continue;
      perror("poll");
      kill(pid, SIGKILL);
      break;
    }
    for (nfds_t i = 0; i < n; ++i) {
      if (fds[i].revents == 0) continue;
      int fd = fds[i].fd;
      if (fd == in_fd) {
        ssize_t w = write(fd, input->data() + in_written, input->size() - in_written);
        if (w > 0) in_written += static_cast<size_t>(w);
        if ((w < 0 && errno != EAGAIN && errno != EINTR) || in_written == input->size()) {
          close(in_fd);  // EOF for the child, or it stopped reading (EPIPE).
          in_fd = -1;
        }
        continue;
      }
      char buf[65536];
      ssize_t r = read(fd, buf, sizeof buf);
      if (r > 0) {
        (fd == out_fd ? result.out : result.err).append(buf, static_cast<size_t>(r));
      } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
        close(fd);
        (fd == out_fd ? out_fd : err_fd) = -1;
      }
    }
  }
  if (in_fd >= 0) close(in_fd);
  if (out_fd >= 0) close(out_fd);
  if (err_fd >= 0) close(err_fd);

  // The outputs are closed; the child may still be running (it could have
  // closed them itself). Wait, still honouring the deadline.
  int status = 0;
  for (;;) {
    pid_t w = waitpid(pid, &status, WNOHANG);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) {
      perror("waitpid");
      return std::nullopt;
    }
    if (NowSeconds() > deadline && !result.timed_out) {
      result.timed_out = true;
      kill(pid, SIGKILL);
    }
    usleep(1000);
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.term_signal = WTERMSIG(status);
  return result;
}

// ---------------------------------------------------------------------------
// The case.

bool ReadFile(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

struct Expectation {
  std::string name;  // "stdout" or "stderr"
  std::optional<std::string> pattern;
};

// Reads "<name>" (inline pattern) or "<name>_file" (a file in the case dir).
bool LoadExpectation(const Json& spec, const fs::path& case_dir, const std::string& name,
                     Expectation* out) {
  out->name = name;
  if (spec.contains(name)) {
    out->pattern = spec.at(name).get<std::string>();
  } else if (spec.contains(name + "_file")) {
    fs::path file = case_dir / spec.at(name + "_file").get<std::string>();
    std::string text;
    if (!ReadFile(file, &text)) {
      std::cerr << "cannot read " << file << "\n";
      return false;
    }
    out->pattern = std::move(text);
  }
  return true;
}

std::string ShellQuote(const std::string& s) {
  if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                        "0123456789-_./=:,+@") == std::string::npos) {
    return s;
  }
  return "'" + ReplaceAll(s, "'", "'\\''") + "'";
}

int RunCase(const std::string& program, const fs::path& case_dir, double timeout_s) {
  std::string case_json;
  if (!ReadFile(case_dir / "case.json", &case_json)) {
    std::cerr << "cannot read " << (case_dir / "case.json") << "\n";
    return 2;
  }
  Json spec = Json::parse(case_json, nullptr, /*allow_exceptions=*/false);
  if (spec.is_discarded() || !spec.is_object()) {
    std::cerr << (case_dir / "case.json") << ": not a JSON object\n";
    return 2;
  }
  static const std::set<std::string> kKeys = {
      "args",   "stdin",       "env",         "cwd",          "exit_code", "stdout",
      "stderr", "stdout_file", "stderr_file", "stdout_bytes", "oracle",    "comment"};
  for (const auto& item : spec.items()) {
    if (kKeys.count(item.key()) == 0) {
      std::cerr << (case_dir / "case.json") << ": unknown key \"" << item.key() << "\"\n";
      return 2;
    }
  }

  const std::string case_dir_str = case_dir.string();
  const std::string program_name = fs::path(program).filename().string();
  auto substitute = [&](std::string s) {
    s = ReplaceAll(std::move(s), "[CASE_DIR]", case_dir_str);
    return ReplaceAll(std::move(s), "[PROGRAM]", program_name);
  };

  // argv[0] is the basename, as when a user runs the program from PATH
  // (node prints argv[0] in some messages, e.g. "node: bad option: --foo").
  std::vector<std::string> argv = {program_name};
  const Json args_spec = spec.value("args", Json::array());
  for (const Json& a : args_spec) argv.push_back(substitute(a.get<std::string>()));

  std::map<std::string, std::optional<std::string>> env_overlay;
  const Json env_spec = spec.value("env", Json::object());
  for (const auto& item : env_spec.items()) {
    env_overlay[item.key()] =
        item.value().is_null()
            ? std::nullopt
            : std::optional<std::string>(substitute(item.value().get<std::string>()));
  }
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry = *e;
    std::string key = entry.substr(0, entry.find('='));
    if (env_overlay.count(key) == 0) env.push_back(entry);
  }
  for (const auto& [key, value] : env_overlay) {
    if (value.has_value()) env.push_back(key + "=" + *value);
  }

  std::string cwd = case_dir_str;
  if (spec.contains("cwd")) cwd = (case_dir / spec.at("cwd").get<std::string>()).lexically_normal();

  std::optional<std::string> input;
  if (spec.contains("stdin")) input = spec.at("stdin").get<std::string>();

  Expectation expect_out;
  Expectation expect_err;
  if (!LoadExpectation(spec, case_dir, "stdout", &expect_out) ||
      !LoadExpectation(spec, case_dir, "stderr", &expect_err)) {
    return 2;
  }
  const int expected_code = spec.value("exit_code", 0);

  std::ostringstream command;
  command << "cd " << ShellQuote(cwd) << " &&";
  for (const auto& [key, value] : env_overlay) {
    command << " " << (value ? key + "=" + ShellQuote(*value) : "-u " + key);
  }
  command << " " << ShellQuote(program);
  for (size_t i = 1; i < argv.size(); ++i) command << " " << ShellQuote(argv[i]);
  if (input.has_value()) command << " <<< " << ShellQuote(*input);

  std::optional<RunResult> result = Run(program, argv, env, cwd, input, timeout_s);
  if (!result) return 2;

  std::vector<std::string> failures;
  if (result->timed_out) {
    std::ostringstream msg;
    msg << "timed out after " << timeout_s << " s (killed)";
    failures.push_back(msg.str());
  } else if (result->term_signal != 0) {
    failures.push_back("killed by signal " + std::to_string(result->term_signal) + " (" +
                       strsignal(result->term_signal) + ")");
  } else if (result->exit_code != expected_code) {
    failures.push_back("exit code: expected " + std::to_string(expected_code) + ", got " +
                       std::to_string(result->exit_code));
  }
  for (const auto& [expectation, actual] :
       {std::pair<const Expectation*, const std::string*>{&expect_out, &result->out},
        {&expect_err, &result->err}}) {
    if (!expectation->pattern) continue;
    std::string pattern = substitute(*expectation->pattern);
    if (MatchPattern(pattern, *actual)) continue;
    failures.push_back(expectation->name + " does not match the pattern\n" +
                       FirstDifference(pattern, *actual) + "--- expected " + expectation->name +
                       " (pattern)\n" + Visible(pattern) + "--- actual " + expectation->name +
                       "\n" + Visible(*actual));
  }
  if (spec.contains("stdout_bytes")) {
    size_t want = spec.at("stdout_bytes").get<size_t>();
    if (result->out.size() != want) {
      failures.push_back("stdout length: expected " + std::to_string(want) + " bytes, got " +
                         std::to_string(result->out.size()));
    }
  }

  if (failures.empty()) {
    std::cout << "PASS " << case_dir.filename().string() << " (" << program_name << ")\n";
    return 0;
  }
  std::cout << "FAIL " << case_dir.filename().string() << " (" << program_name << ")\n"
            << "command: " << command.str() << "\n";
  for (const std::string& f : failures) std::cout << "* " << f << "\n";
  // Unchecked outputs are still useful when the exit code was wrong.
  if (!expect_out.pattern) std::cout << "--- actual stdout (not checked)\n" << Visible(result->out);
  if (!expect_err.pattern) std::cout << "--- actual stderr (not checked)\n" << Visible(result->err);
  return 1;
}

int Usage() {
  std::cerr << "usage: nodus_cli_runner --program PATH --case DIR [--timeout SECONDS]\n";
  return 2;
}

}  // namespace
}  // namespace nodus::harness

int main(int argc, char** argv) {
  using nodus::harness::Usage;
  std::string program;
  std::string case_dir;
  double timeout_s = 60;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 >= argc) return Usage();
    if (arg == "--program") {
      program = argv[++i];
    } else if (arg == "--case") {
      case_dir = argv[++i];
    } else if (arg == "--timeout") {
      timeout_s = std::atof(argv[++i]);
    } else {
      return Usage();
    }
  }
  if (program.empty() || case_dir.empty() || timeout_s <= 0) return Usage();
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::canonical(case_dir, ec);
  if (ec) {
    std::cerr << "no such case directory: " << case_dir << "\n";
    return 2;
  }
  return nodus::harness::RunCase(program, dir, timeout_s);
}
