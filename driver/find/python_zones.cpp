// Zones of Python source files (spec §1.2.2).
//
// The reference parses the file with Python's `ast` to learn which functions and classes
// have a docstring. We cannot parse Python, so a small lexical scanner approximates it:
// it tracks strings, comments and brackets to find the `def`/`class` statements that are
// real code (not text inside a string), finds the end of their header (the logical line
// that ends with ':'), and says the definition has a docstring when the first statement of
// its body starts with a string literal. From there the search is the reference's: the
// first indented triple-quoted string starting on a line after the `def`/`class` line is the
// zone. The syntax errors the scanner sees (unterminated strings, unbalanced brackets) give
// the reference's warning and fallback; others (a misspelt keyword) go unnoticed. One-line
// bodies (`def f(): "doc"`) are taken as having no docstring.
#include "driver/find/python_zones.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "driver/find/zone_text.hpp"
#include "driver/util/log.hpp"
#include "driver/util/regex.hpp"

namespace bx {

namespace {

struct LineInfo {
  std::size_t begin = 0;
  std::size_t end = 0;           ///< offset of the line's '\n' (or of the end of the text)
  bool starts_in_code = false;   ///< the line starts a new logical line of code
  bool ends_statement = false;   ///< the logical line ends with this physical line
  bool ends_with_colon = false;  ///< its last code character (comments aside) is ':'
};

/// The first syntax error found, worded as Python's parser words it.
struct SyntaxProblem {
  std::string message;
  int line = 0;
};

/// Splits `text` in lines and classifies them with a lexer that knows about comments,
/// short and triple-quoted strings (with backslash escapes), brackets and backslash
/// line continuations.
class PythonLineScanner {
 public:
  explicit PythonLineScanner(std::string_view text) : m_text(text) {}

  std::vector<LineInfo> scan() {
    start_line(0);
    for (std::size_t i = 0; i < m_text.size(); ++i) {
      char c = m_text[i];
      if (c == '\n') {
        end_line(i);
        start_line(i + 1);
      } else {
        i = step(i, c);
      }
    }
    end_line(m_text.size());
    int last = static_cast<int>(m_lines.size());
    if (m_state == State::long_string) {
      report("unterminated triple-quoted string literal (detected at line " + std::to_string(last) +
                 ")",
             m_string_line);
    } else if (!m_open.empty()) {
      report(std::string("'") + m_open.back().first + "' was never closed", m_open.back().second);
    }
    return std::move(m_lines);
  }

  const std::optional<SyntaxProblem>& problem() const { return m_problem; }

 private:
  enum class State { code, comment, short_string, long_string };

  void start_line(std::size_t begin) {
    m_current = LineInfo{};
    m_current.begin = begin;
    m_current.starts_in_code = m_state == State::code && m_open.empty() && !m_continued;
    m_continued = false;
    m_last_code = '\0';
  }

  int line_number() const { return static_cast<int>(m_lines.size()) + 1; }

  void report(std::string message, int line) {
    if (!m_problem) m_problem = SyntaxProblem{std::move(message), line};
  }

  void end_line(std::size_t end) {
    if (m_state == State::comment) m_state = State::code;
    if (m_state == State::short_string && !m_escaped) {
      report("unterminated string literal (detected at line " + std::to_string(line_number()) + ")",
             line_number());
      m_state = State::code;
    }
    m_escaped = false;
    m_current.end = end;
    m_current.ends_statement = m_state == State::code && m_open.empty() && !m_continued;
    m_current.ends_with_colon = m_last_code == ':';
    m_lines.push_back(m_current);
  }

  /// Processes the character at `i` (not a newline); returns the last index consumed.
  std::size_t step(std::size_t i, char c) {
    switch (m_state) {
      case State::comment:
        return i;
      case State::short_string:
      case State::long_string:
        return step_string(i, c);
      case State::code:
        break;
    }
    if (c == '#') {
      m_state = State::comment;
    } else if (c == '\\') {
      m_continued = i + 1 < m_text.size() && m_text[i + 1] == '\n';
    } else if (c == '\'' || c == '"') {
      m_quote = c;
      m_last_code = c;
      if (m_text.substr(i, 3) == std::string(3, c)) {
        m_state = State::long_string;
        m_string_line = line_number();
        return i + 2;
      }
      m_state = State::short_string;
    } else if (c == '(' || c == '[' || c == '{') {
      m_open.emplace_back(c, line_number());
    } else if (c == ')' || c == ']' || c == '}') {
      close_bracket(c);
    }
    if (c != ' ' && c != '\t' && c != '\r' && c != '#') m_last_code = c;
    return i;
  }

  void close_bracket(char c) {
    if (m_open.empty()) {
      report(std::string("unmatched '") + c + "'", line_number());
      return;
    }
    char opening = m_open.back().first;
    if ((opening == '(') != (c == ')') || (opening == '[') != (c == ']')) {
      report(std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" +
                 opening + "'",
             line_number());
    }
    m_open.pop_back();
  }

  std::size_t step_string(std::size_t i, char c) {
    if (m_escaped) {
      m_escaped = false;
      return i;
    }
    if (c == '\\') {
      m_escaped = true;
    } else if (c == m_quote && m_state == State::short_string) {
      m_state = State::code;
    } else if (c == m_quote && m_text.substr(i, 3) == std::string(3, c)) {
      m_state = State::code;
      return i + 2;
    }
    return i;
  }

  std::string_view m_text;
  std::vector<LineInfo> m_lines;
  LineInfo m_current;
  State m_state = State::code;
  char m_quote = '"';
  char m_last_code = '\0';
  bool m_escaped = false;
  bool m_continued = false;
  std::vector<std::pair<char, int>> m_open;  ///< open brackets and their lines
  int m_string_line = 0;                     ///< where the open triple-quoted string began
  std::optional<SyntaxProblem> m_problem;
};

// The character before the closing quotes is consumed and lost (spec §9.3 item 29).
constexpr std::string_view k_string_tail = R"((?<q>'''|""")(?<zone>.*?)[^\\]\k<q>)";

class PythonDelimiter : public ZoneDelimiter {
 public:
  PythonDelimiter()
      : m_module_string(std::string("^[bBuU]?[rR]?") + std::string(k_string_tail),
                        k_regex_dotall | k_regex_multiline),
        m_docstring(std::string("^[ ]+[bBuU]?[rR]?") + std::string(k_string_tail),
                    k_regex_dotall | k_regex_multiline),
        m_definition(R"(^[ \t]*(?:async[ \t]+)?(?:def[ \t]+\w+[ \t]*\(|class[ \t]+\w+[ \t]*[:(]))"),
        m_string_statement(R"(^[ \t]+[uUrR]?['"])") {}

  std::vector<std::string> targets() const override { return {".py"}; }
  std::string name() const override { return R"(''' ... ''' or """ ... """)"; }

  std::vector<Zone> zones(std::string_view text, const std::string& filepath) const override {
    std::map<std::size_t, Zone> by_start;
    auto add = [&](const RegexMatch& m) {
      by_start.emplace(m.begin(),
                       Zone{std::string(*m.named("zone")), line_number_at(text, m.begin())});
    };
    for (const RegexMatch& m : m_module_string.find_all(text)) add(m);
    PythonLineScanner scanner(text);
    std::vector<LineInfo> lines = scanner.scan();
    if (const auto& problem = scanner.problem()) {
      // As the reference when the file does not parse: every indented string is a zone.
      log::warn("find", "A syntax error was found parsing \"" + filepath +
                            "\": we may not found all the examples in the docstrings "
                            "correctly.\n" +
                            filepath + ":" + std::to_string(problem->line) + ": " +
                            problem->message);
      for (const RegexMatch& m : m_docstring.find_all(text)) add(m);
    }
    for (std::size_t i = 0; !scanner.problem() && i + 1 < lines.size(); ++i) {
      if (!has_docstring(text, lines, i)) continue;
      if (auto m = m_docstring.search(text, lines[i + 1].begin)) add(*m);
    }
    std::vector<Zone> out;
    for (auto& [start, zone] : by_start) out.push_back(std::move(zone));
    return out;
  }

 private:
  static std::string_view line_text(std::string_view text, const LineInfo& line) {
    return text.substr(line.begin, line.end - line.begin);
  }

  /// Whether line `def_line` is a def/class statement whose body starts with a string.
  bool has_docstring(std::string_view text, const std::vector<LineInfo>& lines,
                     std::size_t def_line) const {
    if (!lines[def_line].starts_in_code || !m_definition.match(line_text(text, lines[def_line])))
      return false;
    std::size_t header_end = def_line;
    while (header_end < lines.size() && !lines[header_end].ends_statement) ++header_end;
    if (header_end == lines.size() || !lines[header_end].ends_with_colon) return false;
    for (std::size_t i = header_end + 1; i < lines.size(); ++i) {
      std::string_view line = line_text(text, lines[i]);
      std::size_t first = line.find_first_not_of(" \t\r\f");
      if (!lines[i].starts_in_code || first == std::string_view::npos || line[first] == '#')
        continue;
      return m_string_statement.match(line).has_value();
    }
    return false;
  }

  Regex m_module_string;
  Regex m_docstring;
  Regex m_definition;
  Regex m_string_statement;
};

}  // namespace

std::unique_ptr<ZoneDelimiter> make_python_zone_delimiter() {
  return std::make_unique<PythonDelimiter>();
}

}  // namespace bx
