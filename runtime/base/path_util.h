#pragma once

// POSIX path helpers with the semantics of Node's `path` module (posix flavour),
// so code that ports Node algorithms can call them step for step.

#include <string>
#include <string_view>
#include <vector>

namespace nodus::base::path {

bool IsAbsolute(std::string_view p);
// path.normalize(): collapses "//", "." and ".."; keeps a trailing slash; "" -> ".".
std::string Normalize(std::string_view p);
// path.resolve(cwd, a, b): joins right-to-left until absolute, then normalizes
// and drops the trailing slash. `cwd` must be absolute.
std::string Resolve(std::string_view cwd, std::string_view a);
std::string Resolve(std::string_view cwd, std::string_view a, std::string_view b);
// path.dirname().
std::string Dirname(std::string_view p);
// The non-empty components of `p` ("/a//b/" -> {"a", "b"}).
std::vector<std::string_view> Split(std::string_view p);

}  // namespace nodus::base::path
