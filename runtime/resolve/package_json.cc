#include "resolve/package_json.h"

#include "base/path_util.h"

namespace nodus::resolve::internal {
namespace {

// Records where nlohmann's parser gave up, to phrase the error like JSON.parse.
class ErrorPosition : public nlohmann::json_sax<Json> {
 public:
  size_t position = 0;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&,
                   const nlohmann::detail::exception&) override {
    position = pos;
    return false;
  }
};

// JSON.parse's wording as in V8 10.2 (the engine nodus runs on).
std::string JsonParseMessage(const std::string& text) {
  ErrorPosition sax;
  Json::sax_parse(text, &sax, nlohmann::detail::input_format_t::json, /*strict=*/true,
                  /*ignore_comments=*/false);
  // nlohmann counts characters read; the offending one is the last of them.
  size_t index = sax.position > 0 ? sax.position - 1 : 0;
  while (index < text.size() && (text[index] == ' ' || text[index] == '\n' || text[index] == '\r' ||
                                 text[index] == '\t')) {
    ++index;
  }
  if (index >= text.size()) return "Unexpected end of JSON input";
  char c = text[index];
  std::string at = " in JSON at position " + std::to_string(index);
  if (c == '"') return "Unexpected string" + at;
  if ((c >= '0' && c <= '9') || c == '-') return "Unexpected number" + at;
  return std::string("Unexpected token ") + c + at;
}

std::optional<std::string> StringField(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

Json AnyField(const Json& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() ? Json(nullptr) : *it;
}

}  // namespace

Result<std::unique_ptr<PackageJson>, Error> ParsePackageJson(const std::string& path,
                                                             const std::string& text) {
  Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    Error error{ErrorCode::kInvalidPackageConfig,
                "Error parsing " + path + ": " + JsonParseMessage(text)};
    error.path = path;
    error.syntax_error = true;
    return error;
  }
  auto pkg = std::make_unique<PackageJson>();
  pkg->path = path;
  pkg->dir = base::path::Dirname(path);
  // Valid JSON that is not an object ("[]", "1") is a package with no fields.
  if (doc.is_object()) {
    pkg->name = StringField(doc, "name");
    pkg->main = StringField(doc, "main");
    pkg->type = StringField(doc, "type").value_or("");
    pkg->exports = AnyField(doc, "exports");
    pkg->imports = AnyField(doc, "imports");
  }
  return pkg;
}

Result<const PackageJson*, Error> PackageJsonCache::Read(const std::string& dir) {
  auto it = cache_.find(dir);
  if (it == cache_.end()) {
    std::string path = dir == "/" ? "/package.json" : dir + "/package.json";
    Entry entry;
    if (std::optional<std::string> text = fs_.ReadFile(path)) {
      files_.push_back(path);
      auto parsed = ParsePackageJson(path, *text);
      if (parsed.ok()) {
        entry.package = std::move(parsed).value();
      } else {
        entry.error = std::move(parsed).error();
      }
    }
    it = cache_.emplace(dir, std::move(entry)).first;
  }
  if (it->second.error) return *it->second.error;
  return static_cast<const PackageJson*>(it->second.package.get());
}

}  // namespace nodus::resolve::internal
