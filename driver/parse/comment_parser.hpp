// The built-in ExampleParsers: every language finds its options in a comment (spec §2.2) and
// only some rewrite the snippet or the expected (§2.6). Internal to the parse stage.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/parse/language_parser.hpp"
#include "driver/util/regex.hpp"

namespace bx {

/// A parser whose options are written as `<comment-start> byexample: ...`.
class CommentParser : public ExampleParser {
 public:
  /// `comment_start` is a regex (e.g. "#", "//", "[;#] "); `doctest_keyword` enables the
  /// alternative keyword accepted in doctest mode.
  CommentParser(std::string language, std::vector<std::string> flavors,
                std::string_view comment_start, bool doctest_keyword = false);

  std::string language() const override { return m_language; }
  std::vector<std::string> flavors() const override { return m_flavors; }
  std::string display_name() const override;
  const OptionParser& options() const override;
  std::vector<std::string> option_tokens(const std::string& snippet,
                                         bool doctest_mode) const override;
  void process_snippet_and_expected(Example& example, const OptionStack& options) const override;

 protected:
  /// The language-specific part of process_snippet_and_expected, after the final newline.
  virtual void rewrite(Example& /*example*/, const OptionStack& /*options*/) const {}
  const Regex& option_regex() const { return m_option_regex; }

 private:
  std::string m_language;
  std::vector<std::string> m_flavors;
  Regex m_option_regex;
  std::optional<Regex> m_doctest_regex;
};

/// The flag `key` of the stack, or `fallback` when it is missing or not a flag.
bool flag_or(const OptionStack& options, std::string_view key, bool fallback);

/// The string `key` of the stack, or `fallback` when it is missing or not a string.
std::string text_or(const OptionStack& options, std::string_view key, std::string fallback);

std::unique_ptr<ExampleParser> make_python_parser();

}  // namespace bx
