#include "driver/model/options.hpp"

#include <stdexcept>

namespace bx {

namespace {

[[noreturn]] void bad_key(std::string_view key, const char* wanted) {
  throw std::logic_error("option '" + std::string(key) + "' is missing or not a " + wanted);
}

}  // namespace

void OptionStack::set(std::string key, OptionValue value) {
  if (m_layers.empty()) m_layers.emplace_back();
  m_layers.back()[std::move(key)] = std::move(value);
}

const OptionValue* OptionStack::find(std::string_view key) const {
  for (auto layer = m_layers.rbegin(); layer != m_layers.rend(); ++layer) {
    auto it = layer->find(key);
    if (it != layer->end()) return &it->second;
  }
  return nullptr;
}

bool OptionStack::flag(std::string_view key) const {
  const OptionValue* v = find(key);
  if (v == nullptr) bad_key(key, "flag");
  if (const bool* b = std::get_if<bool>(v)) return *b;
  if (std::holds_alternative<std::monostate>(*v)) return false;
  bad_key(key, "flag");
}

double OptionStack::number(std::string_view key) const {
  const OptionValue* v = find(key);
  if (v != nullptr) {
    if (const double* d = std::get_if<double>(v)) return *d;
    if (const long* l = std::get_if<long>(v)) return static_cast<double>(*l);
  }
  bad_key(key, "number");
}

long OptionStack::integer(std::string_view key) const {
  const OptionValue* v = find(key);
  if (v != nullptr) {
    if (const long* l = std::get_if<long>(v)) return *l;
  }
  bad_key(key, "integer");
}

const std::string& OptionStack::text(std::string_view key) const {
  const OptionValue* v = find(key);
  if (v != nullptr) {
    if (const std::string* s = std::get_if<std::string>(v)) return *s;
  }
  bad_key(key, "string");
}

const std::vector<std::string>& OptionStack::list(std::string_view key) const {
  static const std::vector<std::string> k_empty;
  const OptionValue* v = find(key);
  if (v == nullptr || std::holds_alternative<std::monostate>(*v)) return k_empty;
  if (const auto* l = std::get_if<std::vector<std::string>>(v)) return *l;
  bad_key(key, "list");
}

IntPair OptionStack::pair(std::string_view key) const {
  const OptionValue* v = find(key);
  if (v != nullptr) {
    if (const IntPair* p = std::get_if<IntPair>(v)) return *p;
  }
  bad_key(key, "pair");
}

bool OptionStack::is_none(std::string_view key) const {
  const OptionValue* v = find(key);
  return v == nullptr || std::holds_alternative<std::monostate>(*v);
}

std::string to_string(const OptionValue& value) {
  struct Render {
    std::string operator()(std::monostate) const { return "None"; }
    std::string operator()(bool b) const { return b ? "True" : "False"; }
    std::string operator()(long l) const { return std::to_string(l); }
    std::string operator()(double d) const {
      std::string s = std::to_string(d);
      while (s.size() > 1 && s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
      return s;
    }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(const std::vector<std::string>& l) const {
      std::string out = "[";
      for (std::size_t i = 0; i < l.size(); ++i) out += (i ? ", '" : "'") + l[i] + "'";
      return out + "]";
    }
    std::string operator()(const IntPair& p) const {
      return "(" + std::to_string(p.first) + ", " + std::to_string(p.second) + ")";
    }
  };
  return std::visit(Render{}, value);
}

}  // namespace bx
