#include "lsp/core/summary.h"

#include <algorithm>
#include <optional>
#include <set>

#include "lsp/core/scopes.h"
#include "lsp/core/tree_util.h"

namespace nodus::lsp {
namespace {

using tree::Field;
using tree::Is;
using tree::RangeOf;

bool IsFunctionNode(TSNode n) {
  return Is(n, "function_expression") || Is(n, "arrow_function") || Is(n, "generator_function") ||
         Is(n, "function_declaration") || Is(n, "generator_function_declaration") ||
         Is(n, "method_definition");
}

std::string ParamsOf(const Document& doc, TSNode fn) {
  TSNode params = Field(fn, "parameters");
  if (!ts_node_is_null(params)) return std::string(doc.NodeText(params));
  TSNode single = Field(fn, "parameter");
  if (!ts_node_is_null(single)) return "(" + std::string(doc.NodeText(single)) + ")";
  return "()";
}

// The nodes Summarizer::Visit looks at.
const tree::TypeSet kVisited = {"call_expression", "variable_declarator", "member_expression"};

class Summarizer {
 public:
  // The requires, the bindings and the candidates for uses are collected in
  // the scope model's walk of the tree (one walk per file: the workspace
  // index summarizes every file of the workspace).
  explicit Summarizer(const Document& doc)
      : doc_(doc),
        model_(BuildScopes(
            doc, [this](TSNode node) { Visit(node); }, &kVisited)) {}

  FileSummary Run() {
    TSNode root = doc_.root();
    for (TSNode statement : model_.statements) Statement(statement, root);
    CollectUses();
    CollectTopLevel();
    return std::move(out_);
  }

 private:
  void CollectTopLevel() {
    for (const Declaration& d : model_.declarations) {
      if (d.scope != 0 || d.kind == DeclKind::kParameter || d.kind == DeclKind::kCatch) continue;
      SymbolKind kind = d.kind == DeclKind::kConst ? SymbolKind::kConstant : SymbolKind::kVariable;
      if (d.kind == DeclKind::kFunction || IsFunctionNode(d.value)) kind = SymbolKind::kFunction;
      if (d.kind == DeclKind::kClass || Is(d.value, "class")) kind = SymbolKind::kClass;
      out_.top_level.push_back({d.name, d.range, kind});
    }
  }

  // `require('x')` → "x"; `require('x').a` → "x" with member "a".
  bool RequireValue(TSNode value, std::string& specifier, std::string& member) {
    if (auto spec = tree::RequireSpecifier(doc_, value)) {
      specifier = *spec;
      member.clear();
      return true;
    }
    if (Is(value, "member_expression")) {
      TSNode property = Field(value, "property");
      if (auto spec = tree::RequireSpecifier(doc_, Field(value, "object"));
          spec && Is(property, "property_identifier")) {
        specifier = *spec;
        member = std::string(doc_.NodeText(property));
        return true;
      }
    }
    return false;
  }

  void Visit(TSNode node) {
    if (Is(node, "call_expression")) {
      if (std::optional<RequireCall> call = RequireCallOf(doc_, node)) {
        out_.require_calls.push_back(std::move(*call));
      }
    } else if (Is(node, "variable_declarator")) {
      Binding(node);
    } else if (Is(node, "member_expression")) {
      TSNode object = Field(node, "object");
      TSNode property = Field(node, "property");
      if (!Is(property, "property_identifier")) return;
      if (Is(object, "identifier")) {
        // `x.a`: a use if x turns out to be bound to a require (CollectUses).
        members_.push_back({RangeOf(object), property});
      } else if (auto spec = tree::RequireSpecifier(doc_, object)) {
        require_members_.push_back(
            {*spec, std::string(doc_.NodeText(property)), RangeOf(property), false});
      }
    }
  }

  // `const x = require('./m')`, `const {a, b: c} = require('./m')`, `const a = require('./m').a`.
  void Binding(TSNode node) {
    {
      std::string specifier, member;
      if (!RequireValue(Field(node, "value"), specifier, member)) return;
      TSNode name = Field(node, "name");
      if (Is(name, "identifier")) {
        out_.bindings.push_back(
            {std::string(doc_.NodeText(name)), RangeOf(name), specifier, member});
      } else if (Is(name, "object_pattern") && member.empty()) {
        tree::ForEachNamedChild(name, [&](TSNode entry) {
          TSNode local{}, key{};  // null unless the entry is a binding pattern
          if (Is(entry, "shorthand_property_identifier_pattern")) {
            local = key = entry;
          } else if (Is(entry, "object_assignment_pattern")) {
            local = key = Field(entry, "left");
          } else if (Is(entry, "pair_pattern")) {
            key = Field(entry, "key");
            local = Field(entry, "value");
            if (Is(local, "assignment_pattern")) local = Field(local, "left");
          }
          if (ts_node_is_null(local) || ts_node_is_null(key)) return;
          if (!Is(local, "identifier") && !Is(local, "shorthand_property_identifier_pattern")) {
            return;
          }
          std::string key_text(doc_.NodeText(key));
          out_.bindings.push_back(
              {std::string(doc_.NodeText(local)), RangeOf(local), specifier, key_text});
          out_.uses.push_back({specifier, key_text, RangeOf(key), ts_node_eq(local, key)});
        });
      }
    }
  }

  const RequireBinding* BindingOf(int declaration) const {
    if (declaration < 0) return nullptr;
    ByteRange range = model_.declarations[declaration].range;
    for (const RequireBinding& b : out_.bindings) {
      if (b.local_range == range) return &b;
    }
    return nullptr;
  }

  int DeclarationOfName(TSNode identifier) const {
    return model_.DeclarationAt(ts_node_start_byte(identifier));
  }

  // Fills what `value` is: a re-export, a local declaration, a literal.
  // `parent`: the statement's parent.
  void Describe(TSNode value, TSNode statement, TSNode parent, ExportEntry& entry) {
    std::string specifier, member;
    if (RequireValue(value, specifier, member)) {
      entry.from_specifier = specifier;
      entry.from_name = member;
      entry.info.kind = member.empty() ? "module" : "property";
      return;
    }
    if (Is(value, "member_expression")) {
      TSNode object = Field(value, "object");
      TSNode property = Field(value, "property");
      if (Is(object, "identifier") && Is(property, "property_identifier")) {
        const RequireBinding* b = BindingOf(DeclarationOfName(object));
        if (b != nullptr && b->member.empty()) {
          entry.from_specifier = b->specifier;
          entry.from_name = std::string(doc_.NodeText(property));
          entry.info.kind = "property";
          return;
        }
      }
    }
    if (Is(value, "identifier") || Is(value, "shorthand_property_identifier")) {
      int d = DeclarationOfName(value);
      if (d >= 0) {
        if (const RequireBinding* b = BindingOf(d)) {
          entry.from_specifier = b->specifier;
          entry.from_name = b->member;
          entry.info.kind = b->member.empty() ? "module" : "property";
          return;
        }
        const Declaration& decl = model_.declarations[d];
        entry.definition = decl.range;
        entry.info = DescribeValue(doc_, decl.value, decl.statement, decl.statement_parent);
        if (entry.info.kind.empty()) entry.info.kind = "variable";
        std::string here = tree::JsDocAbove(doc_, statement, parent);
        if (!here.empty()) entry.info.doc = here;
        return;
      }
    }
    entry.info = DescribeValue(doc_, value, statement, parent);
    if (entry.info.kind.empty()) entry.info.kind = "property";
  }

  void AddExport(TSNode name, TSNode value, TSNode statement, TSNode parent) {
    ExportEntry entry;
    entry.name = std::string(doc_.NodeText(name));
    entry.name_range = RangeOf(name);
    entry.definition = entry.name_range;
    Describe(value, statement, parent, entry);
    exports_.Add(std::move(entry));
  }

  void ObjectExports(TSNode object) {
    tree::ForEachNamedChild(object, [&](TSNode entry) {
      if (Is(entry, "pair")) {
        TSNode key = Field(entry, "key");
        if (Is(key, "property_identifier") || Is(key, "string")) {
          if (Is(key, "string")) {
            TSNode fragment = ts_node_named_child(key, 0);
            if (ts_node_is_null(fragment)) return;
            key = fragment;
          }
          AddExport(key, Field(entry, "value"), entry, object);
        }
      } else if (Is(entry, "shorthand_property_identifier")) {
        AddExport(entry, entry, entry, object);
      } else if (Is(entry, "method_definition")) {
        TSNode key = Field(entry, "name");
        if (!ts_node_is_null(key)) AddExport(key, entry, entry, object);
      }
    });
  }

  bool IsModuleExports(TSNode n) const {
    return Is(n, "member_expression") && doc_.NodeText(n) == "module.exports";
  }

  bool IsExportsObject(TSNode n) const {
    if (IsModuleExports(n)) return true;
    return Is(n, "identifier") && aliases_.contains(std::string(doc_.NodeText(n)));
  }

  void ModuleAssigned(TSNode value, TSNode statement, TSNode parent) {
    if (Is(value, "identifier") && aliases_.contains(std::string(doc_.NodeText(value))) &&
        out_.module.assigned) {
      return;  // module.exports = proto, where proto already is module.exports
    }
    ModuleValue& m = out_.module;
    m = ModuleValue{};
    m.assigned = true;
    m.definition = RangeOf(value);
    std::string specifier, member;
    exports_.Clear();  // a new object replaces what exports.x = … added before
    if (RequireValue(value, specifier, member) && member.empty()) {
      m.reexport = specifier;
      m.info.kind = "module";
      return;
    }
    TSNode described = value;
    TSNode described_statement = statement;
    TSNode described_parent = parent;
    if (Is(value, "identifier")) {
      int d = DeclarationOfName(value);
      if (d >= 0) {
        if (const RequireBinding* b = BindingOf(d); b != nullptr && b->member.empty()) {
          m.reexport = b->specifier;
          m.info.kind = "module";
          return;
        }
        const Declaration& decl = model_.declarations[d];
        m.definition = decl.range;
        described = decl.value;
        while (Is(described, "assignment_expression")) described = Field(described, "right");
        described_statement = decl.statement;
        described_parent = decl.statement_parent;
        aliases_.insert(decl.name);  // module.exports = app; app.x = … exports x
      }
    }
    m.info = DescribeValue(doc_, described, described_statement, described_parent);
    if (Is(described, "object")) ObjectExports(described);
  }

  // One assignment chain `a = b = … = value`, from a statement.
  void Assignment(TSNode expr, TSNode statement, TSNode parent, const std::string& declared_alias) {
    std::vector<TSNode> targets;
    TSNode value = expr;
    while (Is(value, "assignment_expression")) {
      targets.push_back(Field(value, "left"));
      value = Field(value, "right");
    }
    bool to_module = false;
    for (TSNode t : targets) to_module = to_module || IsModuleExports(t);
    if (to_module && !declared_alias.empty()) aliases_.insert(declared_alias);
    for (TSNode t : targets) {
      if (IsModuleExports(t)) {
        ModuleAssigned(value, statement, parent);
      } else if (Is(t, "identifier") && to_module) {
        aliases_.insert(std::string(doc_.NodeText(t)));  // exports = module.exports = …
      } else if (Is(t, "member_expression") && IsExportsObject(Field(t, "object"))) {
        TSNode property = Field(t, "property");
        if (Is(property, "property_identifier")) AddExport(property, value, statement, parent);
      }
    }
  }

  // A top-level statement; `parent` is the root.
  void Statement(TSNode node, TSNode parent) {
    if (Is(node, "expression_statement")) {
      TSNode expr = ts_node_named_child(node, 0);
      if (Is(expr, "assignment_expression")) Assignment(expr, node, parent, "");
    } else if (Is(node, "variable_declaration") || Is(node, "lexical_declaration")) {
      tree::ForEachNamedChild(node, [&](TSNode declarator) {
        TSNode name = Field(declarator, "name");
        TSNode value = Field(declarator, "value");
        if (Is(name, "identifier") && Is(value, "assignment_expression")) {
          Assignment(value, node, parent, std::string(doc_.NodeText(name)));
        }
      });
    }
  }

  void CollectUses() {
    for (const Reference& ref : model_.references) {
      const RequireBinding* b = BindingOf(ref.declaration);
      if (b == nullptr || !b->member.empty()) continue;
      TSNode property{};
      if (ref.range.end > ref.range.start) {
        // A named leaf: the member expressions seen in the walk (in document order).
        auto it = std::lower_bound(
            members_.begin(), members_.end(), ref.range.start,
            [](const MemberCandidate& m, uint32_t start) { return m.object.start < start; });
        if (it == members_.end() || !(it->object == ref.range)) continue;
        property = it->property;
      } else {
        // A zero-width (missing) name: ask the tree, as a cursor question would.
        TSNode node =
            ts_node_named_descendant_for_byte_range(doc_.root(), ref.range.start, ref.range.end);
        TSNode parent = ts_node_parent(node);
        if (!Is(parent, "member_expression") || !ts_node_eq(Field(parent, "object"), node)) {
          continue;
        }
        property = Field(parent, "property");
        if (!Is(property, "property_identifier")) continue;
      }
      out_.uses.push_back(
          {b->specifier, std::string(doc_.NodeText(property)), RangeOf(property), false});
    }
    for (ImportUse& use : require_members_) out_.uses.push_back(std::move(use));
  }

  struct MemberCandidate {
    ByteRange object;  // the identifier x of `x.a`
    TSNode property;
  };

  // Filled by Visit while model_ is being built: declared before it.
  const Document& doc_;
  FileSummary out_;
  ExportList exports_{out_.exports};
  std::vector<MemberCandidate> members_;    // `x.a` with x an identifier, in document order
  std::vector<ImportUse> require_members_;  // `require('./m').a`, in document order
  std::set<std::string> aliases_ = {"exports"};
  ScopeModel model_;
};

}  // namespace

ValueInfo DescribeValue(const Document& doc, TSNode value, TSNode statement,
                        TSNode statement_parent) {
  ValueInfo info;
  if (!ts_node_is_null(statement)) info.doc = tree::JsDocAbove(doc, statement, statement_parent);
  if (ts_node_is_null(value)) return info;
  if (IsFunctionNode(value)) {
    info.kind = Is(value, "method_definition") ? "method" : "function";
    info.params = ParamsOf(doc, value);
  } else if (Is(value, "class") || Is(value, "class_declaration")) {
    info.kind = "class";
    TSNode body = Field(value, "body");
    uint32_t count = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode member = ts_node_named_child(body, i);
      if (Is(member, "method_definition") && doc.NodeText(Field(member, "name")) == "constructor") {
        info.params = ParamsOf(doc, member);
      }
    }
  } else if (Is(value, "object")) {
    info.kind = "object";
  }
  return info;
}

FileSummary Summarize(const Document& doc) { return Summarizer(doc).Run(); }

void ExportList::Add(ExportEntry entry) {
  auto [it, inserted] = index_.emplace(entry.name, exports_.size());
  if (inserted) {
    exports_.push_back(std::move(entry));
  } else {
    exports_[it->second] = std::move(entry);
  }
}

void ExportList::Clear() {
  exports_.clear();
  index_.clear();
}

CursorTarget TargetAt(const Document& doc, const ScopeModel& model, const FileSummary& summary,
                      uint32_t offset) {
  CursorTarget t;
  auto touches = [offset](ByteRange r) { return r.start <= offset && offset <= r.end; };
  for (const ImportUse& use : summary.uses) {
    if (!touches(use.range)) continue;
    t.found = true;
    t.range = use.range;
    t.specifier = use.specifier;
    t.name = use.name;
    t.shorthand = use.shorthand;
    if (use.shorthand) t.declaration = model.DeclarationAt(use.range.start);
    return t;
  }
  for (const ExportEntry& e : summary.exports) {
    if (!touches(e.name_range) || e.name_range == e.definition) continue;
    t.found = true;
    t.range = e.name_range;
    t.own_export = e.name;
    return t;
  }
  int d = model.DeclarationAt(offset);
  if (d < 0) {
    for (const ExportEntry& e : summary.exports) {
      if (!touches(e.name_range)) continue;
      t.found = true;
      t.range = e.name_range;
      t.own_export = e.name;
      return t;
    }
    return t;
  }
  t.found = true;
  t.declaration = d;
  const Declaration& decl = model.declarations[d];
  t.range = decl.range;
  for (const Reference& ref : model.references) {
    if (touches(ref.range) && ref.declaration == d) t.range = ref.range;
  }
  for (const RequireBinding& b : summary.bindings) {
    if (b.local_range == decl.range) {
      t.specifier = b.specifier;
      t.name = b.member;
    }
  }
  (void)doc;
  return t;
}

}  // namespace nodus::lsp
