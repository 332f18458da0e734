#include "driver/concern/clipboard.hpp"

#include <cstdlib>

#include "driver/match/matcher.hpp"
#include "driver/util/regex.hpp"

namespace bx {

namespace {

const Regex& paste_tag_regex() {
  static const Regex k_regex("<([\\w.-]+)>");
  return k_regex;
}

bool has_named_tags(const ExpectedRegex& expected) {
  for (const auto& [index, name] : expected.tags_by_idx) {
    if (name) return true;
  }
  return false;
}

}  // namespace

std::string paste_tags(const std::string& text, const Captures& clipboard,
                       std::vector<std::string>* missing) {
  std::string out;
  std::size_t last = 0;
  for (const RegexMatch& m : paste_tag_regex().find_all(text)) {
    std::string name(m.group(1));
    auto it = clipboard.find(name);
    out.append(text, last, m.begin() - last);
    if (it != clipboard.end()) {
      out += it->second;
    } else {
      out += m.group(0);
      if (missing != nullptr) missing->push_back(name);
    }
    last = m.end();
  }
  out.append(text, last, std::string::npos);
  return out;
}

void ClipboardConcern::start(std::vector<Example>&, const RunnerMap&, const std::string&,
                             OptionStack&) {
  m_clipboard.values.clear();
  for (const auto& name : m_settings.capture_env_vars) {
    const char* value = std::getenv(name.c_str());
    m_clipboard.values[name] = value != nullptr ? value : "";
  }
}

void ClipboardConcern::before_build_regex(Example& example, OptionStack& options) {
  if (!options.flag("paste")) return;
  example.expected_str = paste_tags(example.expected_str, m_clipboard.values, nullptr);
}

void ClipboardConcern::finish_parse(Example& example, OptionStack& options,
                                    const std::exception* error) {
  if (error != nullptr) return;
  OptionStack::Scope scope(options, example.options);
  if (!options.flag("paste")) return;
  std::vector<std::string> missing;
  example.source = paste_tags(example.source, m_clipboard.values, &missing);
  if (missing.empty()) return;
  std::string names;
  for (const auto& name : missing) names += (names.empty() ? "" : ", ") + name;
  throw ParseError("PasteError",
                   "You enabled the 'paste' mode and I found some tags\nthat you did not captured "
                   "before:\n  " +
                       names + "\nMay be the example from where you copied was skipped or\n" +
                       (missing.size() > 1 ? "may be the tags are misspelled."
                                           : "may be the tag is misspelled."));
}

void ClipboardConcern::finally_example(Example& example, OptionStack&, bool has_got) {
  if (!has_got || !has_named_tags(example.expected)) return;
  Captures captures;
  if (check_got(example.expected, example.got)) {
    full_captures(example.expected, example.got, captures);
  } else {
    captures = partial_match(example.expected, example.got, m_settings.min_rcount,
                             m_settings.partial_match_budget)
                   .captures;
  }
  for (auto& [name, value] : captures) m_clipboard.values[name] = std::move(value);
}

void ConditionalConcern::finish_parse(Example& example, OptionStack& options,
                                      const std::exception* error) {
  if (error != nullptr) return;
  OptionStack::Scope scope(options, example.options);
  const bool is_if = !options.is_none("if");
  if (!is_if && options.is_none("unless")) return;
  const std::string& tag = options.text(is_if ? "if" : "unless");
  auto it = m_clipboard.values.find(tag);
  if (it == m_clipboard.values.end()) {
    throw ParseError("UnknownConditionTag",
                     "You enabled the conditional execution of this example based on the tag "
                     "that *is not* in the clipboard.\nMay be the example from where you capture "
                     "it was skipped,may be the tag '" +
                         tag + "' is misspelled or may be the Clipboard was disabled.");
  }
  const bool empty = it->second.empty();
  if (is_if ? empty : !empty) example.options["skip"] = true;
}

}  // namespace bx
