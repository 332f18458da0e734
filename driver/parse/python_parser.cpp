// The python parser: empty-line removal (spec §2.6) and doctest compatibility (§2.11).
#include <algorithm>
#include <string>
#include <vector>

#include "driver/parse/comment_parser.hpp"
#include "driver/util/log.hpp"

namespace bx {

namespace {

/// doctest's _EXCEPTION_RE: the header, anything, then the message: the first line that
/// starts with a word character, up to the end of the expected.
const Regex& traceback_regex() {
  static const Regex regex(
      R"(\A(?:Traceback \((?:most recent call last|innermost last)\):)\s*$(?:.*?)^(?<msg>\w+.*))",
      k_regex_expected);
  return regex;
}

bool looks_like_traceback(const std::string& expected) {
  return traceback_regex().match(expected).has_value();
}

/// doctest's _strip_exception_details: the exception name without its module path.
std::string exception_name(const std::string& message) {
  std::size_t end = std::min(message.find('\n'), message.size());
  end = std::min(message.find(':'), end);
  std::size_t dot = message.rfind('.', end == 0 ? 0 : end - 1);
  std::size_t start = dot == std::string::npos || dot >= end ? 0 : dot + 1;
  return message.substr(start, end - start);
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
}

/// §2.6: an empty line inside an indented block would end the block in the REPL, so it is
/// dropped unless the next line is a non-indented statement (then it closes the block).
std::string remove_empty_lines(const std::string& source) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t pos = source.find('\n'); pos != std::string::npos;
       pos = source.find('\n', start)) {
    lines.push_back(source.substr(start, pos - start));
    start = pos + 1;
  }
  lines.push_back(source.substr(start));
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    bool last = i + 1 == lines.size();
    bool next_closes_block = !last && !lines[i + 1].empty() && lines[i + 1][0] != ' ';
    if (!last && lines[i].empty() && !next_closes_block) continue;
    out += lines[i];
    if (!last) out += '\n';
  }
  return out;
}

/// §2.11 expected rewriting, in the reference order.
std::string doctest_expected(std::string expected, const OptionStack& options) {
  static const Regex k_blankline("^<BLANKLINE>$");
  static const Regex k_tag_like("<[A-Za-z.][A-Za-z0-9:.-]*>");
  bool ellipsis = flag_or(options, "ELLIPSIS", false);
  if (!flag_or(options, "DONT_ACCEPT_BLANKLINE", false)) {
    std::string out;
    std::size_t copied = 0;
    for (const RegexMatch& match : k_blankline.find_all(expected)) {
      out.append(expected, copied, match.begin() - copied);
      copied = match.end();
    }
    expected = out + expected.substr(copied);
  }
  if ((ellipsis || looks_like_traceback(expected)) && k_tag_like.search(expected)) {
    log::warn("parser",
              "The expected strings has '<label>' strings that will not be considered "
              "literal but as capture tags.");
  }
  if (ellipsis) replace_all(expected, "...", "<...>");
  if (auto match = traceback_regex().match(expected)) {
    std::string message(*match->named("msg"));
    if (flag_or(options, "IGNORE_EXCEPTION_DETAIL", false)) {
      message = exception_name(message) + ":<...>";
    }
    expected = "Traceback <...>\n<...>\n<...>" + message;
  }
  return expected;
}

class PythonParser : public CommentParser {
 public:
  PythonParser() : CommentParser("python", {"python", "python3"}, "#", true) {}

  OptionLayer derived_options(const Example& example, const OptionStack& options) const override {
    if (!flag_or(options, "py_doctest", false)) return {};
    OptionLayer derived;
    auto set_if = [&](const char* doctest_flag, const char* key, OptionValue value) {
      if (flag_or(options, doctest_flag, false)) derived[key] = std::move(value);
    };
    set_if("NORMALIZE_WHITESPACE", "norm_ws", true);
    set_if("SKIP", "skip", true);
    set_if("REPORT_UDIFF", "diff", std::string("unified"));
    set_if("REPORT_CDIFF", "diff", std::string("context"));
    set_if("REPORT_NDIFF", "diff", std::string("ndiff"));
    set_if("FAIL_FAST", "fail_fast", true);
    set_if("REPORT_ONLY_FIRST_FAILURE", "show_failures", 1L);
    if (flag_or(options, "DONT_ACCEPT_TRUE_FOR_1", false)) {
      log::warn("parser", "DONT_ACCEPT_TRUE_FOR_1 flag is not supported.");
    }
    // doctest has no capture tags: only the ellipsis (and a traceback) enables them.
    derived["tags"] =
        flag_or(options, "ELLIPSIS", false) || looks_like_traceback(example.expected_str);
    return derived;
  }

 protected:
  void rewrite(Example& example, const OptionStack& options) const override {
    if (flag_or(options, "py_doctest", false)) {
      example.expected_str = doctest_expected(std::move(example.expected_str), options);
    }
    if (flag_or(options, "py_remove_empty_lines", true)) {
      example.source = remove_empty_lines(example.source);
    }
  }
};

}  // namespace

std::unique_ptr<ExampleParser> make_python_parser() {
  return std::make_unique<PythonParser>();
}

}  // namespace bx
