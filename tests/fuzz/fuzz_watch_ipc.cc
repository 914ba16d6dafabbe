// libFuzzer: what the watch supervisor reads from its child
// (watch/watch_logic.h): the loaded-file reports on NODUS_WATCH_REPORT_FD
// (ReportReader), the ready signal on NODUS_WATCH_READY_FD (ReadyDetector),
// the line framing under both and under --log (LineSplitter), and the watch
// set the reported paths go into.
//
// Input: byte 0 seeds the read boundaries, byte 1 the LineSplitter limit;
// the rest is the stream, where 0x01 N B stands for the byte B repeated
// 64 * (N + 1) times, so short inputs make lines past every limit (the stream
// is cut at 8 KiB).
// Each reader takes the stream whole and in reads of pseudo-random sizes
// (pipes deliver any split). Aborts when, for either feeding:
//   - the reports are not exactly the stream's lines that are paths
//     (start with '/', no NUL, at most 4095 bytes), in order;
//   - the ready signal does not come on after exactly the first complete
//     line that reads `ready` (shorter lines only: 256 bytes at most);
//   - LineSplitter's output differs between the feedings, has a '\n' or a
//     text longer than the limit, loses a byte other than a '\n', or is not
//     every line shorter than the limit whole and every longer one in pieces;
//   - a reported file does not match its own directory's events.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "watch_logic.h"

namespace {

using nodus::watch::LineSplitter;
using nodus::watch::ReadyDetector;
using nodus::watch::ReportReader;

void Check(bool ok) {
  if (!ok) std::abort();
}

// At most 8 KiB: past every limit (4095-byte paths, 256-byte ready lines,
// 315-byte splitter lines), yet fast enough for many runs.
constexpr size_t kMaxStream = 8 * 1024;

std::string Expand(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string out;
  while (!in.empty() && out.size() < kMaxStream) {
    size_t marker = in.find('\x01');
    if (marker == std::string_view::npos || marker + 2 >= in.size()) {
      out.append(in.substr(0, kMaxStream - out.size()));
      break;
    }
    out.append(in.substr(0, std::min(marker, kMaxStream - out.size())));
    size_t run = std::min(64 * (size_t{static_cast<uint8_t>(in[marker + 1])} + 1),
                          kMaxStream - std::min(out.size(), kMaxStream));
    out.append(run, in[marker + 2]);
    in.remove_prefix(marker + 3);
  }
  if (out.size() > kMaxStream) out.resize(kMaxStream);
  return out;
}

// The stream's lines: '\n'-terminated ones, and (complete) the unterminated rest.
std::vector<std::string> Lines(std::string_view stream, bool complete) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t nl; (nl = stream.find('\n', start)) != std::string_view::npos; start = nl + 1) {
    lines.emplace_back(stream.substr(start, nl - start));
  }
  if (complete && start < stream.size()) lines.emplace_back(stream.substr(start));
  return lines;
}

std::vector<size_t> Cuts(uint8_t seed, size_t size) {
  std::vector<size_t> cuts;
  uint32_t state = 0x85EBCA6Bu ^ seed;
  for (size_t at = 0; at < size;) {
    state = state * 1664525u + 1013904223u;
    // Mostly small reads, now and then a large one (a full pipe).
    size_t step = (state >> 28) == 0 ? 1 + (state >> 8) % 9000 : 1 + (state >> 24) % 97;
    at += step;
    if (at < size) cuts.push_back(at);
  }
  return cuts;
}

// Calls `feed` with the stream's pieces between the cuts.
template <typename Feed>
void Pieces(std::string_view stream, const std::vector<size_t>& cuts, Feed feed) {
  size_t from = 0;
  for (size_t cut : cuts) {
    feed(stream.substr(from, cut - from), cut);
    from = cut;
  }
  feed(stream.substr(from), stream.size());
}

void CheckReports(std::string_view stream, const std::vector<size_t>& cuts) {
  std::vector<std::string> want;
  for (const std::string& line : Lines(stream, true)) {
    if (!line.empty() && line[0] == '/' && line.find('\0') == std::string::npos &&
        line.size() <= ReportReader::kMaxPath) {
      want.push_back(line);
    }
  }
  std::vector<std::string> got;
  ReportReader reader;
  auto emit = [&](std::string_view path) { got.emplace_back(path); };
  Pieces(stream, cuts, [&](std::string_view piece, size_t) { reader.Feed(piece, emit); });
  reader.Finish(emit);
  Check(got == want);

  nodus::watch::WatchSet set;
  for (const std::string& path : got) set.AddFile(path);
  for (const std::string& path : got) {
    size_t slash = path.rfind('/');
    std::string dir = slash == 0 ? "/" : path.substr(0, slash);
    std::string name = path.substr(slash + 1);
    if (name.empty() || nodus::watch::IsEditorTempFile(name)) continue;
    std::string changed;
    Check(set.Matches(dir, name, &changed));
    Check(changed.size() > name.size() &&
          changed.compare(changed.size() - name.size() - 1, name.size() + 1, "/" + name) == 0);
  }
}

void CheckReady(std::string_view stream, const std::vector<size_t>& cuts) {
  // Where the first complete `ready` line ends (its '\n' included).
  size_t ready_at = std::string_view::npos;
  size_t start = 0;
  for (size_t nl; (nl = stream.find('\n', start)) != std::string_view::npos; start = nl + 1) {
    std::string_view line = stream.substr(start, nl - start);
    if (line == "ready" || line == "ready\r") {
      ready_at = nl + 1;
      break;
    }
  }
  ReadyDetector detector;
  Pieces(stream, cuts, [&](std::string_view piece, size_t end) {
    bool ready = detector.Feed(piece);
    Check(ready == detector.ready());
    Check(ready == (ready_at != std::string_view::npos && end >= ready_at));
  });
}

struct Text {
  std::string text;
  bool piece;
  bool operator==(const Text& other) const = default;
};

std::vector<Text> Split(std::string_view stream, const std::vector<size_t>& cuts, size_t max) {
  LineSplitter splitter(max);
  std::vector<Text> out;
  auto emit = [&](std::string_view text) {
    Check(text.size() <= max && text.find('\n') == std::string_view::npos);
    out.push_back({std::string(text), splitter.piece()});
  };
  Pieces(stream, cuts, [&](std::string_view piece, size_t) {
    splitter.Feed(piece, emit);
    Check(splitter.buffered() < max);
  });
  splitter.Finish(emit);
  Check(!splitter.piece());
  return out;
}

void CheckSplitter(std::string_view stream, const std::vector<size_t>& cuts, size_t max) {
  std::vector<Text> whole = Split(stream, {}, max);
  Check(Split(stream, cuts, max) == whole);
  // Nothing is lost but the newlines; lines shorter than the limit come
  // whole, longer ones only in pieces.
  std::string joined;
  std::vector<std::string> whole_lines;
  for (const Text& text : whole) {
    joined += text.text;
    if (!text.piece) whole_lines.push_back(text.text);
  }
  std::string without_newlines;
  for (const std::string& line : Lines(stream, true)) without_newlines += line;
  Check(joined == without_newlines);
  std::vector<std::string> short_lines;
  for (const std::string& line : Lines(stream, true)) {
    if (line.size() < max) short_lines.push_back(line);
  }
  Check(whole_lines == short_lines);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  std::string stream = Expand(data + 2, size - 2);
  std::vector<size_t> cuts = Cuts(data[0], stream.size());
  CheckReports(stream, cuts);
  CheckReady(stream, cuts);
  CheckSplitter(stream, cuts, 16 + data[1] % 300);
  return 0;
}
