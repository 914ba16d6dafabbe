#include "lsp/core/fast_summary.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "lsp/core/scopes.h"
#include "lsp/core/tree_util.h"

namespace nodus::lsp {
namespace {

// ---------------------------------------------------------------------------
// Tokens. Comments are kept aside (for JSDoc); anything the tokenizer is not
// sure to read as tree-sitter does fails the whole file.

enum class Kind : uint8_t {
  kName,  // identifiers and keywords
  kNumber,
  kString,
  kTemplate,      // `…` without substitutions
  kTemplatePart,  // `…${, }…${ or }…`: substitutions are tokenized between
  kRegex,
  kPrivateName,
  kPunct,
};

struct Token {
  Kind kind;
  uint32_t start;
  uint32_t end;
  bool newline_before;
  uint8_t word = 0;  // kName: WordFlags of its text
};

bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }

// What a keyword is to the skim, looked up once per name token.
enum WordFlag : uint8_t {
  kOperatorWord = 1,   // an expression starts after it (a `/` there begins a regex)
  kStatementWord = 2,  // begins a statement: never inside an expression's top
  kReservedWord = 4,   // a literal or keyword, never a name that is bound
};

uint8_t WordFlags(std::string_view word) {
  if (word.size() < 2 || word.size() > 10 || word[0] < 'a' || word[0] > 'z') return 0;
  struct Entry {
    std::string_view word;
    uint8_t flags;
  };
  constexpr uint8_t O = kOperatorWord, S = kStatementWord, R = kReservedWord;
  static constexpr Entry kWords[] = {{"return", O | S | R},
                                     {"typeof", O | R},
                                     {"instanceof", O | R},
                                     {"in", O | R},
                                     {"of", O},
                                     {"new", O | R},
                                     {"delete", O | R},
                                     {"void", O | R},
                                     {"throw", O | S | R},
                                     {"case", O | S | R},
                                     {"do", O | S | R},
                                     {"else", O | S | R},
                                     {"yield", O | R},
                                     {"await", O | R},
                                     {"extends", O | R},
                                     {"let", O | S | R},
                                     {"const", O | S | R},
                                     {"var", O | S | R},
                                     {"export", O | S | R},
                                     {"import", O | S | R},
                                     {"this", R},
                                     {"super", R},
                                     {"null", R},
                                     {"true", R},
                                     {"false", R},
                                     {"undefined", R},
                                     {"function", R},
                                     {"class", R},
                                     {"if", S | R},
                                     {"for", S | R},
                                     {"while", S | R},
                                     {"try", S | R},
                                     {"catch", S | R},
                                     {"finally", S | R},
                                     {"switch", S | R},
                                     {"default", S | R},
                                     {"break", S | R},
                                     {"continue", S | R},
                                     {"with", S | R},
                                     {"debugger", S | R},
                                     {"enum", R}};
  for (const Entry& e : kWords) {
    if (e.word.size() == word.size() && e.word[0] == word[0] && e.word == word) return e.flags;
  }
  return 0;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  bool Run(std::vector<Token>& tokens, std::vector<ByteRange>& comments) {
    tokens_ = &tokens;
    comments_ = &comments;
    if (text_.starts_with("\xEF\xBB\xBF")) return false;
    if (text_.starts_with("#!")) {
      size_t eol = text_.find('\n');
      pos_ = eol == std::string_view::npos ? text_.size() : eol;
    }
    while (true) {
      if (!SkipSpaceAndComments()) return false;
      if (pos_ >= text_.size()) break;
      if (!Next()) return false;
    }
    return stack_.empty();
  }

 private:
  bool SkipSpaceAndComments() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '\n') {
        newline_ = true;
        ++pos_;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
        ++pos_;
      } else if (c == '/' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '/') {
        size_t eol = text_.find('\n', pos_);
        if (eol == std::string_view::npos) eol = text_.size();
        comments_->push_back({static_cast<uint32_t>(pos_), static_cast<uint32_t>(eol)});
        pos_ = eol;
      } else if (c == '/' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '*') {
        size_t close = text_.find("*/", pos_ + 2);
        if (close == std::string_view::npos) return false;
        if (text_.substr(pos_, close - pos_).find('\n') != std::string_view::npos) newline_ = true;
        comments_->push_back({static_cast<uint32_t>(pos_), static_cast<uint32_t>(close + 2)});
        pos_ = close + 2;
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        return false;  // non-ASCII outside strings and comments: not ours to guess
      } else {
        return true;
      }
    }
    return true;
  }

  void Emit(Kind kind, size_t start) {
    uint8_t word = kind == Kind::kName ? WordFlags(text_.substr(start, pos_ - start)) : 0;
    tokens_->push_back(
        {kind, static_cast<uint32_t>(start), static_cast<uint32_t>(pos_), newline_, word});
    newline_ = false;
  }

  std::string_view TextOf(const Token& t) const { return text_.substr(t.start, t.end - t.start); }

  // Whether an expression may start here (so `/` begins a regex, `<` JSX).
  // -1: cannot tell.
  int ExpressionExpected() const {
    if (tokens_->empty()) return 1;
    const Token& prev = tokens_->back();
    switch (prev.kind) {
      case Kind::kName:
        return (prev.word & kOperatorWord) ? 1 : 0;
      case Kind::kNumber:
      case Kind::kString:
      case Kind::kTemplate:
      case Kind::kRegex:
      case Kind::kPrivateName:
        return 0;
      case Kind::kTemplatePart:
        return text_[prev.end - 1] == '{' ? 1 : 0;
      case Kind::kPunct:
        break;
    }
    std::string_view p = TextOf(prev);
    if (p == ")") return last_paren_control_ ? 1 : 0;
    if (p == "]") return 0;
    if (p == "}") return -1;
    if (p == "++" || p == "--") return -1;
    return 1;
  }

  bool Next() {
    size_t start = pos_;
    char c = text_[pos_];
    if (IsNameStart(c)) {
      while (pos_ < text_.size() && IsNameChar(text_[pos_])) ++pos_;
      if (pos_ < text_.size() &&
          (text_[pos_] == '\\' || static_cast<unsigned char>(text_[pos_]) >= 0x80)) {
        return false;
      }
      Emit(Kind::kName, start);
      return true;
    }
    if (c == '\\') return false;
    if ((c >= '0' && c <= '9') ||
        (c == '.' && pos_ + 1 < text_.size() && text_[pos_ + 1] >= '0' && text_[pos_ + 1] <= '9')) {
      return Number(start);
    }
    if (c == '\'' || c == '"') return String(start, c);
    if (c == '`') {
      ++pos_;
      return TemplateRest(start);
    }
    if (c == '#') {
      ++pos_;
      if (pos_ >= text_.size() || !IsNameStart(text_[pos_])) return false;
      while (pos_ < text_.size() && IsNameChar(text_[pos_])) ++pos_;
      Emit(Kind::kPrivateName, start);
      return true;
    }
    if (c == '@') return false;  // decorators
    if (c == '/') {
      int regex = ExpressionExpected();
      if (regex < 0) return false;
      if (regex == 1) return Regex(start);
    }
    if (c == '<' && ExpressionExpected() != 0) return false;  // JSX
    return Punct(start);
  }

  bool Number(size_t start) {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (IsNameChar(c) || c == '.') {
        if ((c == 'e' || c == 'E') && pos_ + 1 < text_.size() &&
            (text_[pos_ + 1] == '+' || text_[pos_ + 1] == '-') &&
            !(text_.substr(start, 2) == "0x" || text_.substr(start, 2) == "0X")) {
          pos_ += 2;
          continue;
        }
        ++pos_;
      } else {
        break;
      }
    }
    // `1..toString()`, `1.e`: leave them to the full parse.
    std::string_view number = text_.substr(start, pos_ - start);
    if (std::count(number.begin(), number.end(), '.') > 1) return false;
    Emit(Kind::kNumber, start);
    return true;
  }

  bool String(size_t start, char quote) {
    ++pos_;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == quote) {
        ++pos_;
        Emit(Kind::kString, start);
        return true;
      }
      if (c == '\n' || c == '\r') return false;
      if (c == '\\') {
        pos_ += 2;
        continue;
      }
      ++pos_;
    }
    return false;
  }

  // After a backquote or the `}` that closes a substitution.
  bool TemplateRest(size_t start) {
    bool head = text_[start] == '`';
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '\\') {
        pos_ += 2;
        continue;
      }
      if (c == '`') {
        ++pos_;
        Emit(head ? Kind::kTemplate : Kind::kTemplatePart, start);
        if (!head) stack_.pop_back();
        return true;
      }
      if (c == '$' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '{') {
        pos_ += 2;
        Emit(Kind::kTemplatePart, start);
        if (head) stack_.push_back('T');
        return true;
      }
      ++pos_;
    }
    return false;
  }

  bool Regex(size_t start) {
    ++pos_;
    bool in_class = false;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '\n' || c == '\r') return false;
      if (c == '\\') {
        pos_ += 2;
        continue;
      }
      if (c == '[') in_class = true;
      if (c == ']') in_class = false;
      ++pos_;
      if (c == '/' && !in_class) {
        while (pos_ < text_.size() && IsNameChar(text_[pos_])) ++pos_;
        Emit(Kind::kRegex, start);
        return true;
      }
    }
    return false;
  }

  bool Punct(size_t start) {
    static constexpr std::string_view kPunctuators[] = {
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "?\?=", "=>",
        "==",   "!=",  "<=",  ">=",  "&&",  "||",  "?\?", "?.",  "++",  "--",  "+=",   "-=",
        "*=",   "/=",  "%=",  "&=",  "|=",  "^=",  "<<",  ">>",  "**",  "{",   "}",    "(",
        ")",    "[",   "]",   ";",   ",",   "<",   ">",   "+",   "-",   "*",   "/",    "%",
        "&",    "|",   "^",   "!",   "~",   "?",   ":",   "=",   "."};
    std::string_view rest = text_.substr(pos_);
    for (std::string_view p : kPunctuators) {
      size_t n = p.size();
      if (p[0] != rest[0] || !rest.starts_with(p)) continue;
      // `a?.5:b` is a conditional, not optional chaining.
      if (n == 2 && p[0] == '?' && p[1] == '.' && rest.size() > 2 && rest[2] >= '0' &&
          rest[2] <= '9') {
        continue;
      }
      char c = p[0];
      if (n == 1 && (c == '(' || c == '[' || c == '{')) {
        bool control = false;
        if (c == '(' && !tokens_->empty() && tokens_->back().kind == Kind::kName) {
          std::string_view k = TextOf(tokens_->back());
          control = k == "if" || k == "while" || k == "for" || k == "with";
        }
        stack_.push_back(control ? 'C' : c);
      } else if (n == 1 && (c == ')' || c == ']' || c == '}')) {
        if (stack_.empty()) return false;
        char open = stack_.back();
        if (c == '}' && open == 'T') {
          ++pos_;
          return TemplateRest(start);
        }
        char want = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (open != want && !(c == ')' && open == 'C')) return false;
        last_paren_control_ = c == ')' && open == 'C';
        stack_.pop_back();
      }
      pos_ += n;
      Emit(Kind::kPunct, start);
      return true;
    }
    return false;
  }

  std::string_view text_;
  size_t pos_ = 0;
  bool newline_ = false;
  bool last_paren_control_ = false;
  std::string stack_;  // open brackets: ( [ { T (template substitution) C (control `(`)
  std::vector<Token>* tokens_ = nullptr;
  std::vector<ByteRange>* comments_ = nullptr;
};

// ---------------------------------------------------------------------------
// The skim: top-level statements of the forms below, every other token only
// looked at for `require(…)` calls and for uses of the required modules.

struct Value {
  enum Type {
    kNone,
    kFunction,
    kMethod,
    kClass,
    kObject,
    kRequire,
    kMember,
    kIdentifier,
    kAssignment,
    kOther
  };
  Type type = kNone;
  ByteRange range;
  std::string params;       // functions, methods, classes (the constructor's)
  std::string specifier;    // kRequire
  std::string member;       // kRequire: `require(…).member`; kMember: the property
  std::string name;         // kIdentifier; kMember: the object
  size_t object_begin = 0;  // kObject: the tokens of `{` and `}`
  size_t object_end = 0;
  std::shared_ptr<const Value> assigned;  // kAssignment: the value at the chain's end
};

struct Decl {
  std::string name;
  ByteRange range;
  DeclKind kind;
  Value value;           // none for names inside a pattern
  size_t statement = 0;  // the statement's first token
};

// A top-level chain `t1 = t2 = … = value`: an expression statement, or a
// declarator's value (`var a = module.exports = …`, `declared_alias` "a").
struct Assignment {
  struct Target {
    enum Kind { kModule, kModuleProperty, kProperty, kIdentifier, kOther };
    Kind kind = kOther;
    std::string name;     // kProperty: the object (exports, or an alias); kIdentifier
    size_t property = 0;  // kModuleProperty, kProperty: the property's token
  };
  std::vector<Target> targets;
  std::string declared_alias;
  size_t statement = 0;  // the statement's first token
  Value value;
};

struct Failed {};  // thrown to give up on the file

class Skimmer {
 public:
  explicit Skimmer(std::string_view text) : text_(text) {}

  std::optional<FileSummary> Run() {
    if (!Tokenizer(text_).Run(tokens_, comments_)) return std::nullopt;
    try {
      LineBreaksTreeSitterIgnores();
      // Declarations first: an export may name a function declared below it.
      for (size_t i = 0; i < tokens_.size();) i = Statement(i);
      for (const Assignment& a : assignments_) Assign(a);
      Requires();
      CollectUses();
      for (const Decl& d : decls_) {
        SymbolKind kind =
            d.kind == DeclKind::kConst ? SymbolKind::kConstant : SymbolKind::kVariable;
        if (d.kind == DeclKind::kFunction || d.value.type == Value::kFunction) {
          kind = SymbolKind::kFunction;
        }
        if (d.kind == DeclKind::kClass || d.value.type == Value::kClass) kind = SymbolKind::kClass;
        out_.top_level.push_back({d.name, d.range, kind});
      }
    } catch (const Failed&) {
      return std::nullopt;
    }
    return std::move(out_);
  }

 private:
  [[noreturn]] static void Fail() { throw Failed{}; }

  std::string_view Text(size_t i) const {
    const Token& t = tokens_[i];
    return text_.substr(t.start, t.end - t.start);
  }
  bool Is(size_t i, std::string_view s) const {
    if (i >= tokens_.size()) return false;
    const Token& t = tokens_[i];
    // Length and first byte first: most tokens asked about are not it.
    return (t.kind == Kind::kName || t.kind == Kind::kPunct) && t.end - t.start == s.size() &&
           text_[t.start] == s[0] && Text(i) == s;
  }
  bool IsDeclarationKeyword(size_t i) const {
    return Is(i, "var") || Is(i, "let") || Is(i, "const");
  }
  bool IsName(size_t i) const { return i < tokens_.size() && tokens_[i].kind == Kind::kName; }
  ByteRange RangeOf(size_t i) const { return {tokens_[i].start, tokens_[i].end}; }
  ByteRange RangeOf(size_t begin, size_t end) const {
    return {tokens_[begin].start, tokens_[end - 1].end};
  }
  std::string_view Slice(ByteRange r) const { return text_.substr(r.start, r.end - r.start); }

  // A literal or keyword, never a name that is bound.
  bool IsReserved(size_t i) const { return tokens_[i].word & kReservedWord; }

  // The token after the bracket opened at `i` closes ({ ( [ or a template part).
  size_t Close(size_t i) const {
    int depth = 0;
    for (size_t j = i; j < tokens_.size(); ++j) {
      depth += Delta(j);
      if (depth == 0) return j + 1;
    }
    Fail();
  }

  int Delta(size_t j) const {
    const Token& t = tokens_[j];
    if (t.kind == Kind::kTemplatePart) {
      bool opens = text_[t.end - 1] == '{';
      bool closes = text_[t.start] == '}';
      return (opens ? 1 : 0) - (closes ? 1 : 0);
    }
    if (t.kind != Kind::kPunct) return 0;
    char c = text_[t.start];
    if (t.end - t.start != 1) return 0;
    if (c == '(' || c == '[' || c == '{') return 1;
    if (c == ')' || c == ']' || c == '}') return -1;
    return 0;
  }

  // Ends an expression / starts a statement: with a line break between the
  // two, tree-sitter-javascript's scanner inserts a semicolon (ExpressionEnd).
  bool EndsExpression(size_t i) const {
    const Token& t = tokens_[i];
    if (t.kind == Kind::kName) return !(t.word & kOperatorWord);
    if (t.kind == Kind::kPunct) {
      std::string_view p = Text(i);
      if (p == "++" || p == "--") {
        // Postfix (ends an operand) only right after one, on its line.
        return i > 0 && !tokens_[i].newline_before && EndsExpression(i - 1);
      }
      return p == ")" || p == "]" || p == "}";
    }
    return true;
  }
  bool StartsStatement(size_t i) const {
    const Token& t = tokens_[i];
    if (t.kind == Kind::kName) return Text(i) != "in" && Text(i) != "instanceof";
    if (t.kind == Kind::kPunct) {
      std::string_view p = Text(i);
      return p == "{" || p == "!" || p == "~" || p == "++" || p == "--";
    }
    // A template after an expression tags it.
    return t.kind != Kind::kTemplatePart && t.kind != Kind::kTemplate;
  }

  // The end of the top-level expression starting at `i`: the index of its
  // `;` (a declarator's value: or `,`), of the automatic semicolon's next
  // token, or tokens_.size(). `assigns` gets the `=`s at its top. Fails on a
  // sequence, or a `?` or `=>` left of an `=`, with assignments in it (not an
  // assignment chain), and on a line break before `{`, which may or may not
  // end it.
  size_t ExpressionEnd(size_t i, bool declarator, std::vector<size_t>& assigns) const {
    int depth = 0;
    bool comma = false, left_operator = false;
    size_t j = i;
    for (; j < tokens_.size(); ++j) {
      if (depth == 0 && j > i && tokens_[j].newline_before && EndsExpression(j - 1) &&
          StartsStatement(j)) {
        // tree-sitter-javascript's scanner inserts a semicolon here, as the
        // language does: the next token cannot continue the expression.
        if (Is(j, "{")) Fail();
        break;
      }
      // `in` where an operand belongs: tree-sitter reads it as a name; `let`
      // in an expression is a name too.
      if ((Is(j, "in") || Is(j, "instanceof")) && (j == i || !EndsExpression(j - 1))) Fail();
      // Words that begin statements: at the top of an expression tree-sitter
      // may take them for names (`x = () => const\n…`).
      if (depth == 0 && (tokens_[j].word & kStatementWord) &&
          !(j > 0 && (Is(j - 1, ".") || Is(j - 1, "?.")))) {
        Fail();  // (a property name after `.` is no keyword)
      }
      if (depth == 0) {
        if (Is(j, ";") || (declarator && Is(j, ","))) break;
        if (Is(j, ",")) comma = true;
        if (Is(j, "?") || Is(j, "=>")) left_operator = true;
        if (Is(j, "=")) {
          if (left_operator) Fail();
          assigns.push_back(j);
        }
      }
      depth += Delta(j);
      if (depth < 0) Fail();
    }
    if (comma && !assigns.empty()) Fail();
    return j;
  }

  // The targets of `t1 = t2 = … =` from `begin`, each a plain member chain.
  std::vector<Assignment::Target> Targets(size_t begin, const std::vector<size_t>& assigns) const {
    std::vector<Assignment::Target> out;
    for (size_t assign : assigns) {
      for (size_t j = begin; j < assign; ++j) {
        bool want_name = (j - begin) % 2 == 0;
        if (want_name ? !IsName(j) : !Is(j, ".")) Fail();
      }
      if (assign == begin || (assign - begin) % 2 == 0) Fail();
      Assignment::Target t;
      std::string_view left = Slice(RangeOf(begin, assign));
      size_t names = (assign - begin + 1) / 2;
      t.property = assign - 1;
      if (left == "module.exports") {
        t.kind = Assignment::Target::kModule;
      } else if (names == 3 && Slice(RangeOf(begin, begin + 3)) == "module.exports") {
        t.kind = Assignment::Target::kModuleProperty;
      } else if (names == 2) {
        t.kind = Assignment::Target::kProperty;
        t.name = std::string(Text(begin));
      } else if (names == 1) {
        t.kind = Assignment::Target::kIdentifier;
        t.name = std::string(Text(begin));
      }
      out.push_back(std::move(t));
      begin = assign + 1;
    }
    return out;
  }

  void Assign(const Assignment& a) {
    bool to_module = std::any_of(a.targets.begin(), a.targets.end(), [](const auto& t) {
      return t.kind == Assignment::Target::kModule;
    });
    if (to_module && !a.declared_alias.empty()) aliases_.insert(a.declared_alias);
    for (const Assignment::Target& t : a.targets) {
      switch (t.kind) {
        case Assignment::Target::kModule:
          ModuleAssigned(a.value, a.statement);
          break;
        case Assignment::Target::kIdentifier:
          if (to_module) aliases_.insert(t.name);  // exports = module.exports = …
          break;
        case Assignment::Target::kModuleProperty:
          AddExport(t.property, a.value, a.statement, false);
          break;
        case Assignment::Target::kProperty:
          if (aliases_.contains(t.name)) AddExport(t.property, a.value, a.statement, false);
          break;
        case Assignment::Target::kOther:
          break;
      }
    }
  }

  // The first token of the next statement after one that ends at `end`.
  size_t After(size_t end) const { return end < tokens_.size() && Is(end, ";") ? end + 1 : end; }

  // Line breaks where the language forbids them or makes `let` a name, and
  // tree-sitter's grammar reads on (`()\n=> 1`, `function\nf() {}`,
  // `async\n() => 1`) or stops: the skim would read them otherwise.
  void LineBreaksTreeSitterIgnores() const {
    for (size_t i = 0; i + 1 < tokens_.size(); ++i) {
      bool next_line = tokens_[i + 1].newline_before;
      if (Is(i + 1, "=>") && next_line) Fail();
      if (next_line && (Is(i, "function") || Is(i, "class") || Is(i, "async") || Is(i, "let"))) {
        Fail();
      }
    }
  }

  // ---- Statements -------------------------------------------------------

  size_t Statement(size_t i) {
    if (Is(i, ";")) return i + 1;
    if (Is(i, "function") ||
        (Is(i, "async") && Is(i + 1, "function") && !tokens_[i + 1].newline_before)) {
      return FunctionDeclaration(i);
    }
    if (Is(i, "class")) return ClassDeclaration(i);
    if (IsDeclarationKeyword(i)) return Declaration(i);
    if (Is(i, "if") || Is(i, "for") || Is(i, "while") || Is(i, "switch") || Is(i, "try") ||
        Is(i, "{")) {
      return Compound(i);
    }
    if (tokens_[i].kind == Kind::kName) {
      static const char* const kStatements[] = {"do",       "return", "throw",  "break",
                                                "continue", "with",   "import", "export",
                                                "debugger", "async",  "let"};
      for (const char* k : kStatements) {
        if (Text(i) == k) Fail();
      }
      if (Is(i + 1, ":")) Fail();  // a label
    }
    return ExpressionStatement(i);
  }

  // `if`, `for`, `while`, `switch`, `try` and blocks, with braces. Their
  // `let`, `const`, classes and functions stay inside; a `var` would declare
  // at the top, and the skim does not tell a function's body from a block,
  // so a `var` anywhere in them fails.
  size_t Compound(size_t i) {
    size_t end = CompoundEnd(i);
    for (size_t k = i; k < end; ++k) {
      if (Is(k, "var")) Fail();
    }
    return end;
  }

  size_t CompoundEnd(size_t i) {
    if (Is(i, "{")) return Close(i);
    if (Is(i, "if")) {
      size_t end = Braced(Parenthesized(i + 1));
      if (!Is(end, "else")) return end;
      return Is(end + 1, "if") ? CompoundEnd(end + 1) : Braced(end + 1);
    }
    if (Is(i, "for") || Is(i, "while") || Is(i, "switch")) return Braced(Parenthesized(i + 1));
    if (Is(i, "try")) {
      size_t end = Braced(i + 1);
      if (Is(end, "catch")) end = Braced(Is(end + 1, "(") ? Close(end + 1) : end + 1);
      if (Is(end, "finally")) end = Braced(end + 1);
      return end;
    }
    Fail();
  }

  // The token after the `(…)` at `i`, which must be there.
  size_t Parenthesized(size_t i) const {
    if (!Is(i, "(")) Fail();
    return Close(i);
  }
  size_t Braced(size_t i) const {
    if (!Is(i, "{")) Fail();
    return Close(i);
  }

  size_t ExpressionStatement(size_t i) {
    std::vector<size_t> assigns;
    size_t end = ExpressionEnd(i, false, assigns);
    if (!assigns.empty()) {
      Assignment a;
      a.targets = Targets(i, assigns);
      a.value = ParseValue(assigns.back() + 1, end);
      a.statement = i;
      assignments_.push_back(std::move(a));
    }
    return After(end);
  }

  size_t FunctionDeclaration(size_t i) {
    size_t j = Is(i, "async") ? i + 1 : i;
    ++j;  // function
    if (Is(j, "*")) ++j;
    if (!IsName(j) || IsReserved(j)) Fail();
    size_t name = j++;
    if (!Is(j, "(")) Fail();
    size_t params_end = Close(j);
    if (!Is(params_end, "{")) Fail();
    size_t end = Close(params_end);
    Decl d;
    d.name = std::string(Text(name));
    d.range = RangeOf(name);
    d.kind = DeclKind::kFunction;
    d.value.type = Value::kFunction;
    d.value.range = RangeOf(i, end);
    d.value.params = std::string(Slice(RangeOf(j, params_end)));
    d.statement = i;
    Declare(std::move(d));
    return DeclarationEnd(end);
  }

  // After a function or class declaration's `}`: tree-sitter's grammar lets
  // `function f() {}, g()` or `class A {}.x` be an expression statement, so
  // only what cannot continue an expression may follow.
  size_t DeclarationEnd(size_t end) const {
    if (end == tokens_.size() || Is(end, ";")) return end;
    const Token& next = tokens_[end];
    if (next.kind == Kind::kString || next.kind == Kind::kNumber) return end;
    if (next.kind == Kind::kName && !Is(end, "in") && !Is(end, "instanceof")) return end;
    Fail();
  }

  size_t ClassDeclaration(size_t i) {
    if (!IsName(i + 1) || IsReserved(i + 1)) Fail();
    Value value;
    size_t end = ClassValue(i, &value);
    Decl d;
    d.name = std::string(Text(i + 1));
    d.range = RangeOf(i + 1);
    d.kind = DeclKind::kClass;
    d.value = std::move(value);
    d.statement = i;
    Declare(std::move(d));
    return DeclarationEnd(end);
  }

  // `class [Name] [extends …] { … }` from `i`; returns the token after it.
  size_t ClassValue(size_t i, Value* value) {
    size_t j = i + 1;
    int depth = 0;
    while (j < tokens_.size() && !(depth == 0 && Is(j, "{"))) {
      depth += Delta(j);
      ++j;
    }
    if (j >= tokens_.size()) Fail();
    size_t end = Close(j);
    value->type = Value::kClass;
    value->range = RangeOf(i, end);
    // The constructor's parameters: the last `constructor(…)` member.
    int level = 0;
    for (size_t k = j; k < end; ++k) {
      if (level == 1 && Is(k, "constructor") && Is(k + 1, "(")) {
        // A member of its own: after `{`, `}`, `;`, or a field on the line before.
        bool own = Is(k - 1, "{") || Is(k - 1, "}") || Is(k - 1, ";") ||
                   (tokens_[k].newline_before && EndsExpression(k - 1) && !Is(k - 1, "static") &&
                    !Is(k - 1, "get") && !Is(k - 1, "set") && !Is(k - 1, "async") &&
                    !Is(k - 1, "accessor"));
        if (!own) Fail();
        value->params = std::string(Slice(RangeOf(k + 1, Close(k + 1))));
      }
      level += Delta(k);
    }
    return end;
  }

  // `var|let|const` declarators, `,`-separated: `x [= value]` or `{a, b: c} = value`.
  size_t Declaration(size_t i) {
    DeclKind kind = Is(i, "var")   ? DeclKind::kVar
                    : Is(i, "let") ? DeclKind::kLet
                                   : DeclKind::kConst;
    size_t j = i + 1;
    while (true) {
      size_t end = IsName(j) ? NameDeclarator(i, j, kind) : PatternDeclarator(i, j, kind);
      if (end < tokens_.size() && Is(end, ",")) {
        j = end + 1;
        continue;
      }
      return After(end);
    }
  }

  // Returns the index of the token after the declarator (`,`, `;`, the next statement).
  size_t NameDeclarator(size_t statement, size_t j, DeclKind kind) {
    if (IsReserved(j)) Fail();
    Decl d;
    d.name = std::string(Text(j));
    d.range = RangeOf(j);
    d.kind = kind;
    d.statement = statement;
    size_t end = j + 1;
    if (Is(j + 1, "=")) {
      std::vector<size_t> assigns;
      end = ExpressionEnd(j + 2, true, assigns);
      if (assigns.empty()) {
        d.value = ParseValue(j + 2, end);
      } else {
        Assignment a;
        a.targets = Targets(j + 2, assigns);
        a.value = ParseValue(assigns.back() + 1, end);
        a.statement = statement;
        a.declared_alias = d.name;
        d.value.type = Value::kAssignment;
        d.value.range = RangeOf(j + 2, end);
        d.value.assigned = std::make_shared<const Value>(a.value);
        assignments_.push_back(std::move(a));
      }
    } else if (!(end == tokens_.size() || Is(end, ";") || Is(end, ",") ||
                 (tokens_[end].newline_before && StartsStatement(end) && !Is(end, "{")))) {
      Fail();
    }
    if (d.value.type == Value::kRequire) {
      out_.bindings.push_back({d.name, d.range, d.value.specifier, d.value.member});
    }
    Declare(std::move(d));
    return end;
  }

  struct PatternEntry {
    size_t key;    // the property's token
    size_t local;  // the bound name's token (the same for `{a}`)
  };

  // The object pattern `{…}` at `open`: the names it declares, in order
  // (nested patterns and rest included), and, when `entries` is given, the
  // entries that bind a name to a property of the value (`a`, `a = 1`,
  // `b: c`, `b: c = 1`). Array patterns, quoted and computed keys fail.
  void ObjectPattern(size_t open, std::vector<PatternEntry>* entries,
                     std::vector<size_t>& names) const {
    size_t close = Close(open) - 1;
    size_t k = open + 1;
    while (k < close) {
      if (Is(k, "...")) {
        if (!IsName(k + 1) || IsReserved(k + 1)) Fail();
        names.push_back(k + 1);
        k += 2;
      } else if (IsName(k) && Is(k + 1, ":")) {
        size_t value = k + 2;
        if (Is(value, "{")) {
          ObjectPattern(value, nullptr, names);  // binds no property of the value
          k = Close(value);
        } else {
          if (!IsName(value) || IsReserved(value)) Fail();
          names.push_back(value);
          if (entries != nullptr) entries->push_back({k, value});
          k = value + 1;
        }
      } else if (IsName(k)) {
        if (IsReserved(k)) Fail();
        names.push_back(k);
        if (entries != nullptr) entries->push_back({k, k});
        k += 1;
      } else {
        Fail();
      }
      if (Is(k, "=")) k = DefaultEnd(k + 1, close);
      if (Is(k, ",")) {
        ++k;
      } else if (k != close) {
        Fail();
      }
    }
  }

  // The end of a default value inside a pattern: the `,` at its depth, or `close`.
  size_t DefaultEnd(size_t k, size_t close) const {
    for (int depth = 0; k < close; ++k) {
      if (depth == 0 && Is(k, ",")) return k;
      depth += Delta(k);
    }
    return k;
  }

  size_t PatternDeclarator(size_t statement, size_t j, DeclKind kind) {
    if (!Is(j, "{")) Fail();
    std::vector<PatternEntry> entries;
    std::vector<size_t> names;
    ObjectPattern(j, &entries, names);
    size_t close = Close(j);
    if (!Is(close, "=")) Fail();
    std::vector<size_t> assigns;
    size_t end = ExpressionEnd(close + 1, true, assigns);
    if (!assigns.empty()) Fail();
    Value value = ParseValue(close + 1, end);
    if (value.type == Value::kRequire && value.member.empty()) {
      for (const PatternEntry& e : entries) {
        std::string key(Text(e.key));
        out_.bindings.push_back(
            {std::string(Text(e.local)), RangeOf(e.local), value.specifier, key});
        pattern_uses_.push_back({value.specifier, key, RangeOf(e.key), e.key == e.local});
      }
    }
    for (size_t name : names) {
      Decl d;
      d.name = std::string(Text(name));
      d.range = RangeOf(name);
      d.kind = kind;
      d.statement = statement;
      Declare(std::move(d));
    }
    return end;
  }

  void Declare(Decl d) {
    // The first declaration of a name is the one references find.
    if (!first_decl_.contains(d.name)) first_decl_[d.name] = decls_.size();
    decls_.push_back(std::move(d));
  }

  const Decl* Lookup(const std::string& name) const {
    auto it = first_decl_.find(name);
    return it == first_decl_.end() ? nullptr : &decls_[it->second];
  }

  const RequireBinding* BindingOf(const Decl* d) const {
    if (d == nullptr) return nullptr;
    for (const RequireBinding& b : out_.bindings) {
      if (b.local_range == d->range) return &b;
    }
    return nullptr;
  }

  // ---- Values -----------------------------------------------------------

  Value ParseValue(size_t begin, size_t end) {
    if (begin >= end) Fail();
    Value v;
    v.range = RangeOf(begin, end);
    size_t n = end - begin;
    if (Is(begin, "require") && Is(begin + 1, "(")) {
      handled_requires_.insert(begin);
      if (n >= 4 && IsStringArgument(begin + 2) && Is(begin + 3, ")")) {
        std::optional<std::string> spec = StringValue(begin + 2);
        if (spec && n == 4) {
          v.type = Value::kRequire;
          v.specifier = *spec;
          return v;
        }
        if (spec && n == 6 && Is(begin + 4, ".") && IsName(begin + 5)) {
          v.type = Value::kRequire;
          v.specifier = *spec;
          v.member = std::string(Text(begin + 5));
          return v;
        }
      }
    }
    if (n == 1 && IsName(begin) && !IsReserved(begin)) {
      v.type = Value::kIdentifier;
      v.name = std::string(Text(begin));
      return v;
    }
    if (n == 3 && IsName(begin) && Is(begin + 1, ".") && IsName(begin + 2) && !IsReserved(begin)) {
      v.type = Value::kMember;
      v.name = std::string(Text(begin));
      v.member = std::string(Text(begin + 2));
      return v;
    }
    size_t j = begin;
    bool async = Is(j, "async") && j + 1 < end && !tokens_[j + 1].newline_before;
    if (async) ++j;
    if (Is(j, "function")) {
      ++j;
      if (Is(j, "*")) ++j;
      if (IsName(j)) ++j;
      if (!Is(j, "(")) Fail();
      size_t params_end = Close(j);
      if (Is(params_end, "{") && Close(params_end) == end) {
        v.type = Value::kFunction;
        v.params = std::string(Slice(RangeOf(j, params_end)));
        return v;
      }
      v.type = Value::kOther;
      return v;
    }
    // Arrow functions: `(…) =>`, `x =>`, with or without `async`. A block
    // body followed by more (`() => {}\n(1)`) is called, for tree-sitter.
    size_t arrow = SIZE_MAX;
    if (Is(j, "(") && Is(Close(j), "=>")) {
      arrow = Close(j);
      v.params = std::string(Slice(RangeOf(j, arrow)));
    } else if (IsName(j) && !IsReserved(j) && Is(j + 1, "=>")) {
      arrow = j + 1;
      v.params = "(" + std::string(Text(j)) + ")";
    }
    if (arrow != SIZE_MAX) {
      if (Is(arrow + 1, "{") && Close(arrow + 1) != end) Fail();
      v.type = Value::kFunction;
      return v;
    }
    if (async) {
      v.type = Value::kOther;
      return v;
    }
    if (Is(begin, "class")) {
      Value c;
      if (ClassValue(begin, &c) == end) return c;
      v.type = Value::kOther;
      return v;
    }
    if (Is(begin, "{") && Close(begin) == end) {
      v.type = Value::kObject;
      v.object_begin = begin;
      v.object_end = end - 1;
      return v;
    }
    v.type = Value::kOther;
    return v;
  }

  bool IsStringArgument(size_t i) const {
    return i < tokens_.size() &&
           (tokens_[i].kind == Kind::kString || tokens_[i].kind == Kind::kTemplate);
  }

  // A string or substitution-free template without escapes.
  std::optional<std::string> StringValue(size_t i) const {
    std::string_view t = Text(i);
    if (t.find('\\') != std::string_view::npos) Fail();
    return std::string(t.substr(1, t.size() - 2));
  }

  // ---- Describing values ------------------------------------------------

  // The JSDoc above the statement or object entry starting at token `i`; the
  // token before it ends the previous statement or entry.
  std::string DocAbove(size_t i) const {
    uint32_t start = tokens_[i].start;
    size_t last = text_.find_last_not_of(" \t\r\n", start == 0 ? 0 : start - 1);
    if (start == 0 || last == std::string_view::npos || last == 0 || text_[last] != '/' ||
        text_[last - 1] != '*') {
      return "";
    }
    auto comment =
        std::lower_bound(comments_.begin(), comments_.end(), static_cast<uint32_t>(last + 1),
                         [](const ByteRange& c, uint32_t end) { return c.end < end; });
    if (comment == comments_.end() || comment->end != last + 1) return "";
    if (i > 0 && comment->start < tokens_[i - 1].end) return "";
    return tree::JsDocText(Slice(*comment), text_.substr(comment->end, start - comment->end));
  }

  ValueInfo DescribeValue(const Value& value, size_t statement) const {
    ValueInfo info;
    info.doc = DocAbove(statement);
    info.params = value.params;  // set for functions, methods and classes only
    switch (value.type) {
      case Value::kFunction:
        info.kind = "function";
        break;
      case Value::kMethod:
        info.kind = "method";
        break;
      case Value::kClass:
        info.kind = "class";
        break;
      case Value::kObject:
        info.kind = "object";
        break;
      default:
        break;
    }
    return info;
  }

  void Describe(const Value& value, size_t statement, ExportEntry& entry) {
    if (value.type == Value::kRequire) {
      entry.from_specifier = value.specifier;
      entry.from_name = value.member;
      entry.info.kind = value.member.empty() ? "module" : "property";
      return;
    }
    if (value.type == Value::kMember) {
      const RequireBinding* b = BindingOf(Lookup(value.name));
      if (b != nullptr && b->member.empty()) {
        entry.from_specifier = b->specifier;
        entry.from_name = value.member;
        entry.info.kind = "property";
        return;
      }
    }
    if (value.type == Value::kIdentifier) {
      if (const Decl* d = Lookup(value.name)) {
        if (const RequireBinding* b = BindingOf(d)) {
          entry.from_specifier = b->specifier;
          entry.from_name = b->member;
          entry.info.kind = b->member.empty() ? "module" : "property";
          return;
        }
        entry.definition = d->range;
        entry.info = DescribeValue(d->value, d->statement);
        if (entry.info.kind.empty()) entry.info.kind = "variable";
        std::string here = DocAbove(statement);
        if (!here.empty()) entry.info.doc = here;
        return;
      }
    }
    entry.info = DescribeValue(value, statement);
    if (entry.info.kind.empty()) entry.info.kind = "property";
  }

  // `name_token`: the exported name (a property name, or a string key).
  void AddExport(size_t name_token, const Value& value, size_t statement, bool string_key) {
    ExportEntry entry;
    ByteRange r = RangeOf(name_token);
    if (string_key) r = {r.start + 1, r.end - 1};
    entry.name = std::string(Slice(r));
    entry.name_range = r;
    entry.definition = r;
    Describe(value, statement, entry);
    exports_.Add(std::move(entry));
  }

  void ObjectExports(size_t open, size_t close) {
    size_t k = open + 1;
    while (k < close) {
      size_t entry_end = k;
      int depth = 0;
      while (entry_end < close && !(depth == 0 && Is(entry_end, ","))) {
        depth += Delta(entry_end);
        ++entry_end;
      }
      Entry(k, entry_end);
      k = entry_end + 1;
    }
  }

  void Entry(size_t begin, size_t end) {
    if (begin == end) {
      if (end < tokens_.size() && Is(end, ",")) Fail();  // `{ , }`: not an object
      return;
    }
    size_t n = end - begin;
    const Token& first = tokens_[begin];
    if (Is(begin, "...")) return;
    if (n == 1 && first.kind == Kind::kName) {
      if (IsReserved(begin)) Fail();
      Value v;
      v.type = Value::kIdentifier;
      v.name = std::string(Text(begin));
      v.range = RangeOf(begin);
      AddExport(begin, v, begin, false);
      return;
    }
    if (Is(begin + 1, ":")) {
      if (first.kind == Kind::kName) {
        AddExport(begin, ParseValue(begin + 2, end), begin, false);
      } else if (first.kind == Kind::kString) {
        std::string_view key = Text(begin);
        if (key.find('\\') != std::string_view::npos) Fail();
        if (key.size() > 2) AddExport(begin, ParseValue(begin + 2, end), begin, true);
      } else if (first.kind != Kind::kNumber) {
        Fail();
      }
      return;
    }
    if (Is(begin, "[")) return;  // a computed key: no export
    // A method: [async] [*] [get|set] name(…) { … }.
    size_t j = begin;
    if ((Is(j, "async") || Is(j, "get") || Is(j, "set")) && IsName(j + 1) && !Is(j + 1, "(")) ++j;
    if (Is(j, "*")) ++j;
    if (!IsName(j) || !Is(j + 1, "(")) Fail();
    size_t params_end = Close(j + 1);
    if (!Is(params_end, "{") || Close(params_end) != end) Fail();
    Value v;
    v.type = Value::kMethod;
    v.range = RangeOf(begin, end);
    v.params = std::string(Slice(RangeOf(j + 1, params_end)));
    AddExport(j, v, begin, false);
  }

  void ModuleAssigned(const Value& value, size_t statement) {
    if (value.type == Value::kIdentifier && aliases_.contains(value.name) && out_.module.assigned) {
      return;
    }
    ModuleValue& m = out_.module;
    m = ModuleValue{};
    m.assigned = true;
    m.definition = value.range;
    exports_.Clear();
    if (value.type == Value::kRequire && value.member.empty()) {
      m.reexport = value.specifier;
      m.info.kind = "module";
      return;
    }
    const Value* described = &value;
    size_t described_statement = statement;
    if (value.type == Value::kIdentifier) {
      if (const Decl* d = Lookup(value.name)) {
        const RequireBinding* b = BindingOf(d);
        if (b != nullptr && b->member.empty()) {
          m.reexport = b->specifier;
          m.info.kind = "module";
          return;
        }
        m.definition = d->range;
        described = &d->value;
        while (described->type == Value::kAssignment) described = described->assigned.get();
        described_statement = d->statement;
        aliases_.insert(d->name);
      }
    }
    m.info = DescribeValue(*described, described_statement);
    if (described->type == Value::kObject) {
      ObjectExports(described->object_begin, described->object_end);
    }
  }

  // ---- Whole-file token rules -------------------------------------------

  // Every `require('…')` call, in order; `require('…').a` is a use. A call
  // that is a value outside the top-level forms above goes to LocalBinding.
  void Requires() {
    MatchBrackets();
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (!Is(i, "require")) continue;
      if (i > 0 && (Is(i - 1, ".") || Is(i - 1, "?."))) continue;
      if (Is(i + 1, "?.")) Fail();
      if (!Is(i + 1, "(")) continue;
      if (i > 0 && Is(i - 1, "new")) Fail();
      if (Is(i + 2, ",")) Fail();  // tree-sitter reads `require(, 'a')` as a call with 'a'
      if (!IsStringArgument(i + 2)) continue;
      if (!Is(i + 3, ")")) Fail();
      // A comment inside the call counts as an argument for tree-sitter.
      std::string_view inside = Slice({tokens_[i + 1].start, tokens_[i + 3].end});
      if (inside.find("/*") != std::string_view::npos ||
          inside.find("//") != std::string_view::npos) {
        Fail();
      }
      std::optional<std::string> spec = StringValue(i + 2);
      if (i > 0 && Is(i - 1, "=") && !handled_requires_.contains(i)) LocalBinding(i, *spec);
      out_.require_calls.push_back({*spec, RangeOf(i + 2)});
      if (Is(i + 4, "?.")) Fail();
      if (Is(i + 4, ".") && IsName(i + 5)) {
        require_members_.push_back({*spec, std::string(Text(i + 5)), RangeOf(i + 5), false});
      }
    }
  }

  // `= require('…')` outside the top-level forms. The first declarator of a
  // `const`/`let` in a block, or of a `var` right in a function's body, whose
  // whole value is `require('…')[.a]`, binds (`x`, or `{a, b: c}`) for that
  // block: its uses are looked for there. An assignment (`x = require('…')`)
  // or a longer value binds nothing; a later declarator fails.
  void LocalBinding(size_t call, const std::string& specifier) {
    size_t name = SIZE_MAX, pattern = SIZE_MAX;
    if (IsName(call - 2)) {
      name = call - 2;
    } else if (Is(call - 2, "}")) {
      pattern = partner_[call - 2];
    } else if (Is(call - 2, "]")) {
      return;  // `[a] = …`, `a[0] = …`: no binding
    } else {
      Fail();
    }
    size_t target = name != SIZE_MAX ? name : pattern;
    if (target == 0) return;
    size_t keyword = target - 1;
    if (!IsDeclarationKeyword(keyword)) {
      if (Is(keyword, ",") && InDeclarationList(keyword)) Fail();
      return;  // an assignment: `x = require('…')`, `o.x = …`, `({a} = …)`
    }
    if (name != SIZE_MAX && IsReserved(name)) Fail();
    size_t after = call + 4;
    std::string member;
    if (Is(after, ".") && IsName(after + 1)) {
      member = std::string(Text(after + 1));
      after += 2;
    }
    if (!(after == tokens_.size() || Is(after, ";") || Is(after, ",") || Is(after, "}") ||
          (tokens_[after].newline_before && StartsStatement(after) && !Is(after, "{")))) {
      // A line break before `{` may end the declaration or not (see ExpressionEnd).
      if (tokens_[after].newline_before && Is(after, "{")) Fail();
      return;  // the value goes on: `require('…')(options)`, `require('…') || x`
    }
    size_t block = enclosing_[keyword];
    if (block == SIZE_MAX || !Is(block, "{")) Fail();
    if (Is(keyword, "var") && !IsFunctionBody(block)) Fail();
    ByteRange scope{tokens_[block].start, tokens_[partner_[block]].end};
    // A `var` belongs to the function, parameters included.
    if (Is(keyword, "var")) scope.start = tokens_[ParametersStart(block)].start;
    if (name != SIZE_MAX) {
      out_.bindings.push_back({std::string(Text(name)), RangeOf(name), specifier, member});
      local_scopes_[tokens_[name].start] = scope;
      return;
    }
    if (!member.empty()) return;  // `{a} = require('…').b` binds nothing
    std::vector<PatternEntry> entries;
    std::vector<size_t> names;
    ObjectPattern(pattern, &entries, names);
    for (const PatternEntry& e : entries) {
      std::string key(Text(e.key));
      out_.bindings.push_back({std::string(Text(e.local)), RangeOf(e.local), specifier, key});
      pattern_uses_.push_back({specifier, key, RangeOf(e.key), e.key == e.local});
    }
  }

  // The first token of the parameters of the function whose body is `brace`.
  size_t ParametersStart(size_t brace) const {
    size_t last = Is(brace - 1, "=>") ? brace - 2 : brace - 1;
    return Is(last, ")") ? partner_[last] : last;
  }

  bool IsFunctionBody(size_t brace) const {
    if (brace == 0) return false;
    if (Is(brace - 1, "=>")) return true;
    return Is(brace - 1, ")") && IsParameterList(partner_[brace - 1]);
  }

  // `x.a` for a module bound by `const x = require('…')` (at the top, or in
  // the block of a local binding). Every other appearance of the name x there
  // must be a plain reference (`f(x)`, `new x()`, `{x}`, a key `x:`): anything
  // that may declare it again (a declaration, a parameter, a pattern, a catch
  // clause, a function's name) sends the file to the full parse, so no use
  // can be shadowed.
  void CollectUses() {
    // The walk meets bindings (and their destructuring keys) in the order of
    // the text.
    auto by_start = [](const auto& a, const auto& b) { return a.range.start < b.range.start; };
    std::stable_sort(pattern_uses_.begin(), pattern_uses_.end(), by_start);
    for (ImportUse& use : pattern_uses_) out_.uses.push_back(std::move(use));
    std::stable_sort(out_.bindings.begin(), out_.bindings.end(),
                     [](const RequireBinding& a, const RequireBinding& b) {
                       return a.local_range.start < b.local_range.start;
                     });
    std::map<std::string, const RequireBinding*, std::less<>> modules;
    for (const RequireBinding& b : out_.bindings) {
      if (!b.member.empty()) continue;
      if (modules.contains(b.local)) Fail();
      modules[b.local] = &b;
    }
    for (size_t i = 0; i < tokens_.size() && !modules.empty(); ++i) {
      if (!IsName(i)) continue;
      auto it = modules.find(Text(i));
      if (it == modules.end()) continue;
      const RequireBinding& b = *it->second;
      if (RangeOf(i) == b.local_range) continue;
      auto local = local_scopes_.find(b.local_range.start);
      if (local != local_scopes_.end() &&
          (tokens_[i].start < local->second.start || tokens_[i].end > local->second.end)) {
        continue;  // outside the block of a local binding: another name
      }
      if (i > 0 && (Is(i - 1, ".") || Is(i - 1, "?."))) continue;  // a property name
      if (!IsPlainReference(i)) Fail();
      if (Is(i + 1, ".") && IsName(i + 2)) {
        out_.uses.push_back({b.specifier, std::string(Text(i + 2)), RangeOf(i + 2), false});
      }
    }
    for (ImportUse& use : require_members_) out_.uses.push_back(std::move(use));
  }

  // For every bracket token its partner, and for every token the innermost
  // bracket (or template substitution) open around it.
  // Also marks the commas that separate declarators: a `var`, `let` or
  // `const` before them at their depth, with no `;`, unclosed bracket or
  // template between (one pass: a search back from every comma was
  // quadratic on long lists).
  void MatchBrackets() {
    partner_.assign(tokens_.size(), SIZE_MAX);
    enclosing_.assign(tokens_.size(), SIZE_MAX);
    declaration_comma_.assign(tokens_.size(), false);
    guarded_.assign(tokens_.size(), -1);
    std::vector<size_t> open;
    std::vector<bool> declaring = {false};  // per depth: inside a declaration
    for (size_t i = 0; i < tokens_.size(); ++i) {
      enclosing_[i] = open.empty() ? SIZE_MAX : open.back();
      int delta = Delta(i);
      bool part = tokens_[i].kind == Kind::kTemplatePart;
      bool part_middle = part && text_[tokens_[i].start] == '}' && text_[tokens_[i].end - 1] == '{';
      if (Is(i, ",")) declaration_comma_[i] = declaring.back();
      if (IsDeclarationKeyword(i)) declaring.back() = true;
      if (Is(i, ";")) declaring.back() = false;
      if (delta < 0 || part_middle) {
        if (open.empty()) Fail();
        partner_[open.back()] = i;
        partner_[i] = open.back();
        open.pop_back();
        declaring.pop_back();
      }
      if (part) declaring.back() = false;
      if (delta > 0 || part_middle) {
        open.push_back(i);
        declaring.push_back(false);
      }
    }
  }

  bool IsPlainReference(size_t i) {
    static const char* const kDeclaring[] = {"var",      "let",    "const",  "function", "class",
                                             "get",      "set",    "static", "async",    "break",
                                             "continue", "import", "export", "as"};
    if (i > 0 && IsName(i - 1)) {
      for (const char* k : kDeclaring) {
        if (Text(i - 1) == k) return false;
      }
    }
    if (i > 1 && Is(i - 1, "*") && Is(i - 2, "function")) return false;
    // (`x:` is a key, a label or a conditional's branch: it declares nothing.)
    if (Is(i + 1, "=>") || Is(i + 1, "?.")) return false;
    if (i > 0 && Is(i - 1, ",") && InDeclarationList(i - 1)) return false;
    return !InParametersOrPattern(enclosing_[i]);
  }

  // Whether the bracket `open`, or one around it, holds parameters or a
  // pattern; remembered per bracket (deep nesting, many names).
  bool InParametersOrPattern(size_t open) {
    if (open == SIZE_MAX) return false;
    int8_t& known = guarded_[open];
    if (known < 0) {
      known = IsParameterList(open) || IsPattern(open) || InParametersOrPattern(enclosing_[open]);
    }
    return known;
  }

  // Whether the `,` at `comma` separates declarators (`let a, x`).
  bool InDeclarationList(size_t comma) const { return declaration_comma_[comma]; }

  bool IsParameterList(size_t open) const {
    if (!Is(open, "(")) return false;
    if (open > 0 && Is(open - 1, "catch")) return true;
    size_t after = partner_[open] + 1;
    if (Is(after, "=>")) return true;
    if (!Is(after, "{")) return false;
    if (open == 0) return true;
    std::string_view before = Text(open - 1);
    return !(before == "if" || before == "for" || before == "while" || before == "switch" ||
             before == "with");
  }

  bool IsPattern(size_t open) const {
    if (!Is(open, "{") && !Is(open, "[")) return false;
    if (Is(partner_[open] + 1, "=")) return true;
    if (open == 0) return false;
    if (IsDeclarationKeyword(open - 1)) return true;
    return open > 1 && Is(open - 1, "(") && Is(open - 2, "for");
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::vector<ByteRange> comments_;
  FileSummary out_;
  ExportList exports_{out_.exports};
  std::vector<Decl> decls_;
  std::map<std::string, size_t> first_decl_;
  std::set<std::string> aliases_ = {"exports"};
  std::vector<Assignment> assignments_;
  std::vector<size_t> partner_;    // MatchBrackets: a bracket's partner
  std::vector<size_t> enclosing_;  // MatchBrackets: the bracket open around a token
  std::vector<bool> declaration_comma_;
  std::vector<int8_t> guarded_;        // InParametersOrPattern per bracket: -1 not yet known  //
                                       // MatchBrackets: a `,` between declarators
  std::set<size_t> handled_requires_;  // `require` tokens of top-level values
  std::vector<ImportUse> require_members_;
  std::vector<ImportUse> pattern_uses_;         // `{a, b: c} = require(…)`'s keys
  std::map<uint32_t, ByteRange> local_scopes_;  // a local binding's start -> its block
};

}  // namespace

std::optional<FileSummary> FastSummarize(std::string_view text) { return Skimmer(text).Run(); }

}  // namespace nodus::lsp
