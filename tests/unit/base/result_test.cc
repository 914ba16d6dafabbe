#include "base/result.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>

struct TestError {
  int code;
};

TEST_CASE("Result holds a value or an error", "[base][result]") {
  nodus::Result<std::string, TestError> ok = std::string("v");
  nodus::Result<std::string, TestError> bad = TestError{7};
  CHECK(ok.ok());
  CHECK(static_cast<bool>(ok));
  CHECK(ok.value() == "v");
  CHECK_FALSE(bad.ok());
  CHECK_FALSE(static_cast<bool>(bad));
  CHECK(bad.error().code == 7);
  nodus::Result<std::unique_ptr<int>, TestError> moved = std::make_unique<int>(3);
  std::unique_ptr<int> p = std::move(moved).value();
  CHECK(*p == 3);
}
