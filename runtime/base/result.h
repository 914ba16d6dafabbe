#pragma once

// Result<T, E>: either a value or an error, for code that does not throw
// (we build without C++ exceptions in our own code). Switch to std::expected
// once we move to C++23.

#include <type_traits>
#include <utility>
#include <variant>

#include "check.h"

namespace nodus {

template <typename T, typename E>
class [[nodiscard]] Result {
  static_assert(!std::is_same_v<T, E>, "Result needs distinct value and error types");

 public:
  Result(T value) : data_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit
  Result(E error) : data_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    NODUS_CHECK(ok());
    return std::get<0>(data_);
  }
  const T& value() const& {
    NODUS_CHECK(ok());
    return std::get<0>(data_);
  }
  T&& value() && {
    NODUS_CHECK(ok());
    return std::get<0>(std::move(data_));
  }
  E& error() & {
    NODUS_CHECK(!ok());
    return std::get<1>(data_);
  }
  const E& error() const& {
    NODUS_CHECK(!ok());
    return std::get<1>(data_);
  }
  E&& error() && {
    NODUS_CHECK(!ok());
    return std::get<1>(std::move(data_));
  }

 private:
  std::variant<T, E> data_;
};

}  // namespace nodus
