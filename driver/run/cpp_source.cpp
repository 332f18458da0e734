#include "driver/run/cpp_source.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace bx::cpp_source {

namespace {

constexpr std::string_view k_blanks = " \t\r\f\v";
constexpr std::string_view k_openers = "([{";
constexpr std::string_view k_closers = ")]}";
constexpr std::string_view k_raw_prefixes[] = {"R", "u8R", "uR", "UR", "LR"};

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

std::string_view trimmed(std::string_view text) {
  auto begin = text.find_first_not_of(k_blanks);
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(k_blanks) - begin + 1);
}

/// Removes every backslash-newline, blanks between the two included (compilers accept
/// them), and a backslash that ends the source.
std::string splice(std::string_view source) {
  std::string out;
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\\') {
      std::size_t next = source.find_first_not_of(" \t\r", i + 1);
      if (next == std::string_view::npos) break;
      if (source[next] == '\n') {
        i = next;
        continue;
      }
    }
    out += source[i];
  }
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t newline = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, newline - start));
    start = newline + 1;
  }
  return lines;
}

/// A byte of a literal's content as an ordinary literal can hold it: the line editor drops
/// non-ASCII bytes, so they become octal escapes (always three digits: a hex escape would
/// swallow the letters after it).
std::string literal_byte(char c) {
  auto byte = static_cast<unsigned char>(c);
  if (c == '\t') return "\\t";
  if (byte < 0x80) return std::string(1, c);
  char escape[5];
  std::snprintf(escape, sizeof(escape), "\\%03o", byte);
  return escape;
}

std::string where(int line, std::size_t index) {
  return "line " + std::to_string(line) + ", column " + std::to_string(index + 1);
}

/// `#include` and `#import` name files: their literals are not escaped.
bool names_a_file(std::string_view directive) {
  std::string_view rest = trimmed(directive.substr(1));
  return rest.rfind("include", 0) == 0 || rest.rfind("import", 0) == 0;
}

class Preparer {
 public:
  explicit Preparer(std::string_view source)
      : m_text(splice(source)), m_lines(split_lines(m_text)) {}

  Prepared run() {
    for (std::size_t i = 0; i < m_lines.size() && m_error.empty(); ++i) {
      m_line = static_cast<int>(i) + 1;
      std::string_view text = trimmed(m_lines[i]);
      if (input_complete() && m_input.empty() && text.rfind('%', 0) == 0) {
        m_result.lines.emplace_back(text);  // a command of clang-repl itself
        continue;
      }
      bool directive = m_mode == Mode::code && text.rfind('#', 0) == 0;
      scan_line(m_lines[i], directive, !directive || !names_a_file(text));
      if (m_mode == Mode::raw_string) continue;  // its lines are one line of the input
      std::string_view out = trimmed(m_out);
      if (!out.empty()) m_input.emplace_back(out);
      m_out.clear();
      if (input_complete() && !next_line_opens_block(i)) end_input();
    }
    if (m_error.empty()) check_all_closed();
    if (!m_error.empty()) return {{}, m_error};
    end_input();
    return std::move(m_result);
  }

 private:
  enum class Mode { code, block_comment, raw_string };
  struct Bracket {
    char symbol;
    int line;
    std::size_t index;
  };

  bool input_complete() const { return m_mode == Mode::code && m_open.empty(); }

  /// Allman style: `int f()` then `{` on the next line is one input.
  bool next_line_opens_block(std::size_t i) const {
    for (std::size_t next = i + 1; next < m_lines.size(); ++next) {
      std::string_view text = trimmed(m_lines[next]);
      if (!text.empty()) return text.front() == '{';
    }
    return false;
  }

  void end_input() {
    for (std::size_t i = 0; i < m_input.size(); ++i) {
      m_result.lines.push_back(m_input[i] + (i + 1 < m_input.size() ? " \\" : ""));
    }
    m_input.clear();
  }

  void fail(std::string message) {
    if (m_error.empty()) m_error = std::move(message);
  }

  void scan_line(std::string_view line, bool directive, bool escape) {
    std::size_t i = 0;
    if (m_mode == Mode::block_comment) i = continue_block_comment(line, 0);
    if (m_mode == Mode::raw_string) i = continue_raw_string(line, 0);
    while (i < line.size() && m_error.empty()) {
      char c = line[i];
      if (line.compare(i, 2, "//") == 0) {
        line_comment(line.substr(i + 2));
        return;
      }
      if (line.compare(i, 2, "/*") == 0) {
        m_out += "/*";
        m_mode = Mode::block_comment;
        m_opened_line = m_line;
        m_opened_index = i;
        i = continue_block_comment(line, i + 2);
      } else if (c == '"' && raw_prefix(line, i)) {
        i = start_raw_string(line, i);
      } else if (c == '"' || (c == '\'' && !digit_separator(line, i))) {
        i = literal(line, i, escape);
      } else {
        if (!directive) track_bracket(c, i);
        m_out += c == '\t' ? ' ' : c;
        ++i;
      }
    }
  }

  /// `// text` as `/* text */`: a `//` would swallow the lines joined after it.
  void line_comment(std::string_view text) {
    std::string body(text);
    std::replace(body.begin(), body.end(), '\t', ' ');
    for (auto end = body.find("*/"); end != std::string::npos; end = body.find("*/", end)) {
      body.insert(end + 1, " ");
    }
    m_out += "/*" + body + " */";
  }

  std::size_t continue_block_comment(std::string_view line, std::size_t from) {
    std::size_t end = line.find("*/", from);
    std::size_t stop = end == std::string_view::npos ? line.size() : end + 2;
    std::string text(line.substr(from, stop - from));
    std::replace(text.begin(), text.end(), '\t', ' ');
    m_out += text;
    if (end != std::string_view::npos) m_mode = Mode::code;
    return stop;
  }

  bool raw_prefix(std::string_view line, std::size_t quote) const {
    std::size_t start = quote;
    while (start > 0 && is_identifier_char(line[start - 1])) --start;
    std::string_view prefix = line.substr(start, quote - start);
    return std::find(std::begin(k_raw_prefixes), std::end(k_raw_prefixes), prefix) !=
           std::end(k_raw_prefixes);
  }

  /// A raw string becomes an ordinary literal with the same prefix but R: it may span lines
  /// and hold bytes that only an escape keeps.
  std::size_t start_raw_string(std::string_view line, std::size_t quote) {
    std::size_t paren = line.find('(', quote + 1);
    if (paren == std::string_view::npos) {
      fail("the raw string at " + where(m_line, quote) + " has no '(' on its line");
      return line.size();
    }
    m_out.pop_back();  // the R
    m_out += '"';
    m_raw_end = ")" + std::string(line.substr(quote + 1, paren - quote - 1)) + "\"";
    m_mode = Mode::raw_string;
    m_opened_line = m_line;
    m_opened_index = quote;
    return continue_raw_string(line, paren + 1);
  }

  std::size_t continue_raw_string(std::string_view line, std::size_t from) {
    std::size_t end = line.find(m_raw_end, from);
    std::size_t stop = end == std::string_view::npos ? line.size() : end;
    for (char c : line.substr(from, stop - from)) {
      if (c == '\\' || c == '"') m_out += '\\';
      m_out += literal_byte(c);
    }
    if (end == std::string_view::npos) {
      m_out += "\\n";
      return line.size();
    }
    m_out += '"';
    m_mode = Mode::code;
    return end + m_raw_end.size();
  }

  /// `1'000'000`: the quote is inside a number.
  static bool digit_separator(std::string_view line, std::size_t quote) {
    std::size_t start = quote;
    while (start > 0 && (is_identifier_char(line[start - 1]) || line[start - 1] == '\'')) --start;
    return start < quote && std::isdigit(static_cast<unsigned char>(line[start])) != 0;
  }

  std::size_t literal(std::string_view line, std::size_t quote, bool escape) {
    char closing = line[quote];
    m_out += closing;
    for (std::size_t i = quote + 1; i < line.size(); ++i) {
      char c = line[i];
      m_out += escape ? literal_byte(c) : std::string(1, c);
      if (c == closing) return i + 1;
      if (c == '\\' && i + 1 < line.size()) {
        ++i;
        m_out += escape ? literal_byte(line[i]) : std::string(1, line[i]);
      }
    }
    fail(std::string(closing == '"' ? "the string" : "the character") + " literal at " +
         where(m_line, quote) + " is not closed on its line");
    return line.size();
  }

  void track_bracket(char c, std::size_t index) {
    if (k_openers.find(c) != std::string_view::npos) {
      m_open.push_back({c, m_line, index});
      return;
    }
    std::size_t kind = k_closers.find(c);
    if (kind == std::string_view::npos) return;
    std::string closer = std::string("the '") + c + "' at " + where(m_line, index);
    if (m_open.empty()) {
      fail(closer + " closes nothing");
    } else if (m_open.back().symbol != k_openers[kind]) {
      const Bracket& open = m_open.back();
      fail(closer + " does not match the '" + open.symbol + "' at " + where(open.line, open.index));
    } else {
      m_open.pop_back();
    }
  }

  void check_all_closed() {
    if (m_mode == Mode::block_comment) {
      fail("the /* comment at " + where(m_opened_line, m_opened_index) + " is not closed");
    } else if (m_mode == Mode::raw_string) {
      fail("the raw string at " + where(m_opened_line, m_opened_index) + " is not closed");
    } else if (!m_open.empty()) {
      const Bracket& open = m_open.back();
      fail(std::string("the '") + open.symbol + "' at " + where(open.line, open.index) +
           " is never closed");
    }
  }

  std::string m_text;
  std::vector<std::string_view> m_lines;
  int m_line = 0;  ///< 1-based number of the line being scanned
  Mode m_mode = Mode::code;
  std::vector<Bracket> m_open;
  std::string m_raw_end;  ///< `)delimiter"`
  int m_opened_line = 0;  ///< where the open comment or raw string started
  std::size_t m_opened_index = 0;
  std::string m_out;                 ///< the line being built
  std::vector<std::string> m_input;  ///< the lines of the input being built
  Prepared m_result;
  std::string m_error;
};

}  // namespace

Prepared prepare(std::string_view source) {
  return Preparer(source).run();
}

}  // namespace bx::cpp_source
