#include "driver/parse/language_parser.hpp"

#include <algorithm>
#include <cctype>

#include "driver/parse/comment_parser.hpp"
#include "driver/parse/option_tables.hpp"
#include "driver/run/language_definition.hpp"

namespace bx {

namespace {

std::string option_comment_regex(std::string_view comment_start, std::string_view keyword) {
  // The captured text stops at quotes, so a quote anywhere after the keyword makes the
  // whole comment not match (spec §2.2, §9.3 #5).
  return std::string(comment_start) + R"(\s*)" + std::string(keyword) + R"(:\s*([^\n'"]*)$)";
}

/// §5.7: '-' and '_' become spaces and every word is capitalised ("Python Parser").
std::string capitalised_words(std::string_view name) {
  std::string out;
  bool word_start = true;
  for (char c : name) {
    if (c == '-' || c == '_') c = ' ';
    unsigned char u = static_cast<unsigned char>(c);
    out += static_cast<char>(word_start ? std::toupper(u) : std::tolower(u));
    word_start = c == ' ';
  }
  return out;
}

/// gdb has no comments: the option comment is removed from what is sent.
class GdbParser : public CommentParser {
 public:
  GdbParser() : CommentParser("gdb", {}, "#") {}

 protected:
  void rewrite(Example& example, const OptionStack&) const override {
    std::string source;
    std::size_t copied = 0;
    for (const RegexMatch& match : option_regex().find_all(example.source)) {
      source.append(example.source, copied, match.begin() - copied);
      copied = match.end();
    }
    source.append(example.source, copied);
    example.source = std::move(source);
  }
};

/// PowerShell: an extra empty line closes a multi-line block; a single line is sent bare.
class PwshParser : public CommentParser {
 public:
  PwshParser() : CommentParser("pwsh", {}, "#") {}

 protected:
  void rewrite(Example& example, const OptionStack&) const override {
    std::string& source = example.source;
    while (!source.empty() && source.back() == '\n') source.pop_back();
    if (source.find('\n') != std::string::npos) source += '\n';
  }
};

/// Elixir: IEx does not print the `=>` marker that tells that the value is wanted (§2.12).
class ElixirParser : public CommentParser {
 public:
  ElixirParser() : CommentParser("elixir", {}, "#"), m_marker(R"(^=>(?:[ ]*\n|[ ]|\z))") {}

  OptionLayer derived_options(const Example& example, const OptionStack& options) const override {
    if (text_or(options, "elixir_expr_print", "auto") != "auto") return {};
    bool wanted = m_marker.search(example.expected_str).has_value();
    return {{"elixir_expr_print", std::string(wanted ? "true" : "false")}};
  }

 protected:
  void rewrite(Example& example, const OptionStack& options) const override {
    std::string mode = text_or(options, "elixir_expr_print", "auto");
    auto marker = m_marker.search(example.expected_str);
    if (!marker || mode == "false") return;
    example.expected_str.erase(marker->begin(), marker->end() - marker->begin());
  }

 private:
  Regex m_marker;
};

/// A language defined in YAML with its own finder: options in a comment of its own, and
/// (as for elixir) the value marker removed from the expected when it says so.
class DefinedParser : public CommentParser {
 public:
  explicit DefinedParser(const LanguageDefinition& definition)
      : CommentParser(definition.language, definition.flavors,
                      regex_escape(definition.finder.options_comment)),
        m_display(definition.expression) {
    if (m_display.remove_from_expected) m_marker.emplace(m_display.wanted);
  }

  OptionLayer derived_options(const Example& example, const OptionStack& options) const override {
    if (!m_marker || text_or(options, key(), "auto") != "auto") return {};
    bool wanted = m_marker->search(example.expected_str).has_value();
    return {{key(), std::string(wanted ? "true" : "false")}};
  }

 protected:
  void rewrite(Example& example, const OptionStack& options) const override {
    if (!m_marker || text_or(options, key(), "auto") == "false") return;
    auto marker = m_marker->search(example.expected_str);
    if (marker) example.expected_str.erase(marker->begin(), marker->end() - marker->begin());
  }

 private:
  std::string key() const {
    std::string dest = m_display.option;
    std::replace(dest.begin(), dest.end(), '-', '_');
    return dest;
  }

  ExpressionDisplay m_display;
  std::optional<Regex> m_marker;
};

}  // namespace

OptionLayer ExampleParser::derived_options(const Example&, const OptionStack&) const {
  return {};
}

CommentParser::CommentParser(std::string language, std::vector<std::string> flavors,
                             std::string_view comment_start, bool doctest_keyword)
    : m_language(std::move(language)),
      m_flavors(flavors.empty() ? std::vector<std::string>{m_language} : std::move(flavors)),
      m_option_regex(option_comment_regex(comment_start, "byexample")) {
  if (doctest_keyword) {
    m_doctest_regex.emplace(option_comment_regex(comment_start, "(?:byexample|doctest)"));
  }
}

std::string CommentParser::display_name() const {
  return capitalised_words(m_language) + " Parser";
}

const OptionParser& CommentParser::options() const {
  return language_options(m_language);
}

std::vector<std::string> CommentParser::option_tokens(const std::string& snippet,
                                                      bool doctest_mode) const {
  const Regex& regex = doctest_mode && m_doctest_regex ? *m_doctest_regex : m_option_regex;
  auto match = regex.search(snippet);
  if (!match) return {};
  return shell_split(match->group(1));
}

void CommentParser::process_snippet_and_expected(Example& example,
                                                 const OptionStack& options) const {
  example.source = example.snippet;
  if (example.source.empty() || example.source.back() != '\n') example.source += '\n';
  rewrite(example, options);
}

bool flag_or(const OptionStack& options, std::string_view key, bool fallback) {
  const OptionValue* value = options.find(key);
  const bool* flag = value ? std::get_if<bool>(value) : nullptr;
  return flag ? *flag : fallback;
}

std::string text_or(const OptionStack& options, std::string_view key, std::string fallback) {
  const OptionValue* value = options.find(key);
  const std::string* text = value ? std::get_if<std::string>(value) : nullptr;
  return text ? *text : fallback;
}

std::vector<std::unique_ptr<ExampleParser>> builtin_example_parsers() {
  std::vector<std::unique_ptr<ExampleParser>> parsers;
  parsers.push_back(make_python_parser());
  for (const char* language : {"shell", "ruby"}) {
    parsers.push_back(std::make_unique<CommentParser>(language, std::vector<std::string>{}, "#"));
  }
  for (const char* language : {"javascript", "go", "java", "cpp", "rust", "php"}) {
    parsers.push_back(std::make_unique<CommentParser>(language, std::vector<std::string>{}, "//"));
  }
  parsers.push_back(std::make_unique<CommentParser>("iasm", std::vector<std::string>{}, "[;#] "));
  parsers.push_back(std::make_unique<PwshParser>());
  parsers.push_back(std::make_unique<ElixirParser>());
  parsers.push_back(std::make_unique<GdbParser>());
  for (const LanguageDefinition* definition : added_language_definitions()) {
    if (definition->finder.builtin) continue;
    std::erase_if(parsers,
                  [&](const auto& parser) { return parser->language() == definition->language; });
    parsers.push_back(std::make_unique<DefinedParser>(*definition));
  }
  return parsers;
}

}  // namespace bx
