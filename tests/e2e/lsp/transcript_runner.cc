// nodus_lsp_transcript: replays an LSP session through the real nodus-lsp over
// stdio and checks what comes back.
//
//   nodus_lsp_transcript --program PATH --case DIR [--timeout SECONDS]
//
// DIR holds transcript.txt and the workspace files it talks about. Lines:
//   # ...              a comment; blank lines are ignored
//   >>> {json}         a message to send, framed with Content-Length
//   >>>body text       a body sent verbatim, framed (e.g. malformed JSON)
//   >>>raw text        bytes sent as they are, "\r" and "\n" written as escapes
//   <<< {json}         the next message the server sends must match: objects
//                      match when every expected key matches (extra keys are
//                      fine), arrays and scalars must be equal in full
//   exit N             the exit code (default 0)
//   args A B …         command-line arguments for nodus-lsp (space-separated)
// ${ROOT} anywhere is the case directory's file URI (file:///abs/dir).
// Every message is sent up front; the server must answer in order, and must
// send nothing beyond the expected messages. Exit status: 0 pass, 1 fail, 2 usage.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

using Json = nlohmann::json;

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

std::string Frame(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

bool Matches(const Json& expected, const Json& actual) {
  if (expected.is_object()) {
    if (!actual.is_object()) return false;
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      auto found = actual.find(it.key());
      if (found == actual.end() || !Matches(it.value(), *found)) return false;
    }
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) return false;
    for (size_t i = 0; i < expected.size(); ++i) {
      if (!Matches(expected[i], actual[i])) return false;
    }
    return true;
  }
  return expected == actual;
}

double Now() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "FAIL: %s\n", message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string program, case_dir;
  double timeout = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--program") {
      program = argv[i + 1];
    } else if (flag == "--case") {
      case_dir = argv[i + 1];
    } else if (flag == "--timeout") {
      timeout = std::atof(argv[i + 1]);
    }
  }
  if (program.empty() || case_dir.empty()) {
    std::fprintf(stderr, "usage: nodus_lsp_transcript --program PATH --case DIR [--timeout S]\n");
    return 2;
  }
  case_dir = std::filesystem::absolute(case_dir).lexically_normal().string();
  if (case_dir.size() > 1 && case_dir.back() == '/') case_dir.pop_back();
  std::ifstream file(case_dir + "/transcript.txt");
  if (!file) {
    std::fprintf(stderr, "cannot read %s/transcript.txt\n", case_dir.c_str());
    return 2;
  }
  std::string input;
  std::vector<Json> expected;
  int expected_exit = 0;
  std::vector<std::string> program_args;
  std::string line;
  int line_no = 0;
  while (std::getline(file, line)) {
    ++line_no;
    line = ReplaceAll(line, "${ROOT}", "file://" + case_dir);
    if (line.empty() || line[0] == '#') continue;
    if (line.starts_with(">>> ")) {
      Json message = Json::parse(line.substr(4), nullptr, false);
      if (message.is_discarded()) {
        std::fprintf(stderr, "line %d: bad JSON after >>>\n", line_no);
        return 2;
      }
      input += Frame(message.dump());
    } else if (line.starts_with(">>>body ")) {
      input += Frame(line.substr(8));
    } else if (line.starts_with(">>>raw ")) {
      input += ReplaceAll(ReplaceAll(line.substr(7), "\\r", "\r"), "\\n", "\n");
    } else if (line.starts_with("<<< ")) {
      Json message = Json::parse(line.substr(4), nullptr, false);
      if (message.is_discarded()) {
        std::fprintf(stderr, "line %d: bad JSON after <<<\n", line_no);
        return 2;
      }
      expected.push_back(std::move(message));
    } else if (line.starts_with("args ")) {
      std::istringstream words(line.substr(5));
      for (std::string word; words >> word;) program_args.push_back(word);
    } else if (line.starts_with("exit ")) {
      expected_exit = std::atoi(line.c_str() + 5);
    } else {
      std::fprintf(stderr, "line %d: unknown line\n", line_no);
      return 2;
    }
  }

  int to_child[2], from_child[2];
  if (pipe(to_child) != 0 || pipe(from_child) != 0) return 2;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to_child[0], 0);
  posix_spawn_file_actions_adddup2(&actions, from_child[1], 1);
  posix_spawn_file_actions_addclose(&actions, to_child[1]);
  posix_spawn_file_actions_addclose(&actions, from_child[0]);
  posix_spawn_file_actions_addchdir_np(&actions, case_dir.c_str());
  std::vector<char*> child_argv = {const_cast<char*>("nodus-lsp")};
  for (std::string& arg : program_args) child_argv.push_back(arg.data());
  child_argv.push_back(nullptr);
  pid_t pid;
  if (posix_spawn(&pid, program.c_str(), &actions, nullptr, child_argv.data(), environ) != 0) {
    std::fprintf(stderr, "cannot run %s\n", program.c_str());
    return 2;
  }
  posix_spawn_file_actions_destroy(&actions);
  close(to_child[0]);
  close(from_child[1]);
  signal(SIGPIPE, SIG_IGN);
  fcntl(to_child[1], F_SETFL, O_NONBLOCK);

  // Write everything while reading, until the child closes its stdout or the deadline.
  std::string output;
  size_t written = 0;
  int in_fd = to_child[1];
  double deadline = Now() + timeout;
  bool timed_out = false;
  for (;;) {
    if (in_fd >= 0 && written == input.size()) {
      close(in_fd);
      in_fd = -1;
    }
    pollfd fds[2] = {{from_child[0], POLLIN, 0}, {in_fd, POLLOUT, 0}};
    double left = deadline - Now();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    int ready = poll(fds, in_fd >= 0 ? 2 : 1, static_cast<int>(left * 1000) + 1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) break;
    if (in_fd >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = write(in_fd, input.data() + written, input.size() - written);
      if (n > 0) {
        written += static_cast<size_t>(n);
      } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
        written = input.size();  // the child stopped reading
      }
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      char buffer[65536];
      ssize_t n = read(from_child[0], buffer, sizeof(buffer));
      if (n > 0) {
        output.append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        break;
      }
    }
  }
  if (in_fd >= 0) close(in_fd);
  close(from_child[0]);
  int status = 0;
  if (timed_out) kill(pid, SIGKILL);
  // Bounded wait for the exit status.
  double wait_deadline = Now() + 5;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (Now() > wait_deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    usleep(2000);
  }
  if (timed_out) return Fail("timed out after " + std::to_string(timeout) + " s");

  // Split the output into frames.
  std::vector<Json> received;
  size_t pos = 0;
  while (pos < output.size()) {
    size_t header_end = output.find("\r\n\r\n", pos);
    if (header_end == std::string::npos) return Fail("trailing bytes: " + output.substr(pos));
    std::string header = output.substr(pos, header_end - pos);
    if (!header.starts_with("Content-Length: ") || header.find("\r\n") != std::string::npos) {
      return Fail("unexpected header: " + header);
    }
    size_t length = std::stoul(header.substr(16));
    size_t body_start = header_end + 4;
    if (output.size() - body_start < length) return Fail("truncated message");
    Json body = Json::parse(output.substr(body_start, length), nullptr, false);
    if (body.is_discarded()) return Fail("server sent invalid JSON");
    received.push_back(std::move(body));
    pos = body_start + length;
  }

  int failures = 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    if (i >= received.size()) {
      failures +=
          Fail("message " + std::to_string(i + 1) + " never came; expected " + expected[i].dump());
      continue;
    }
    if (!Matches(expected[i], received[i])) {
      failures += Fail("message " + std::to_string(i + 1) + "\n  expected: " + expected[i].dump() +
                       "\n  received: " + received[i].dump());
    }
  }
  for (size_t i = expected.size(); i < received.size(); ++i) {
    failures += Fail("unexpected message " + std::to_string(i + 1) + ": " + received[i].dump());
  }
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (code != expected_exit) {
    failures +=
        Fail("exit code " + std::to_string(code) + ", expected " + std::to_string(expected_exit));
  }
  if (failures == 0) std::printf("ok: %zu messages\n", received.size());
  return failures == 0 ? 0 : 1;
}
