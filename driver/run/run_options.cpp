#include "driver/run/run_options.hpp"

namespace bx::run_options {

namespace {

constexpr double k_default_timeout = 2.0;
constexpr double k_default_silence = 0.2;

}  // namespace

bool flag(const OptionStack& options, std::string_view key, bool fallback) {
  const OptionValue* value = options.find(key);
  if (value == nullptr) return fallback;
  if (const bool* b = std::get_if<bool>(value)) return *b;
  return std::holds_alternative<std::monostate>(*value) ? false : fallback;
}

double number(const OptionStack& options, std::string_view key, double fallback) {
  const OptionValue* value = options.find(key);
  if (value == nullptr) return fallback;
  if (const double* d = std::get_if<double>(value)) return *d;
  if (const long* l = std::get_if<long>(value)) return static_cast<double>(*l);
  return fallback;
}

std::string text(const OptionStack& options, std::string_view key, std::string_view fallback) {
  const OptionValue* value = options.find(key);
  if (value != nullptr) {
    if (const auto* s = std::get_if<std::string>(value)) return *s;
  }
  return std::string(fallback);
}

std::vector<std::string> list(const OptionStack& options, std::string_view key) {
  const OptionValue* value = options.find(key);
  if (value == nullptr) return {};
  if (const auto* l = std::get_if<std::vector<std::string>>(value)) return *l;
  if (const auto* s = std::get_if<std::string>(value)) return {*s};
  return {};
}

double timeout(const OptionStack& options) {
  return number(options, "timeout", k_default_timeout);
}

TermMode term(const OptionStack& options) {
  const OptionValue* value = options.find("term");
  const auto* name = value != nullptr ? std::get_if<std::string>(value) : nullptr;
  return name != nullptr ? parse_term_mode(*name) : TermMode::dumb;
}

IntPair geometry(const OptionStack& options, IntPair fallback) {
  const OptionValue* value = options.find("geometry");
  if (value != nullptr) {
    if (const auto* pair = std::get_if<IntPair>(value)) return *pair;
  }
  return fallback;
}

std::optional<double> stop_on_silence(const OptionStack& options) {
  const OptionValue* value = options.find("stop_on_silence");
  if (value == nullptr) return std::nullopt;
  if (const bool* b = std::get_if<bool>(value)) {
    return *b ? std::optional<double>(k_default_silence) : std::nullopt;
  }
  if (const double* d = std::get_if<double>(value)) return *d;
  if (const long* l = std::get_if<long>(value)) return static_cast<double>(*l);
  return std::nullopt;
}

}  // namespace bx::run_options
