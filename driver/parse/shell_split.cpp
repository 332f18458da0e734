// shell_split and shell_quote: ports of Python's shlex.split (POSIX mode, no comments) and
// shlex.quote. Only ASCII characters are special, so working on UTF-8 bytes is exact.
#include <string>
#include <string_view>
#include <vector>

#include "driver/parse/option_parser.hpp"

namespace bx {

namespace {

bool is_shlex_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/// shlex's read_token states: between tokens, in a word, in a quote, after a backslash.
class ShellLexer {
 public:
  explicit ShellLexer(std::string_view text) : m_text(text) {}

  std::vector<std::string> split() {
    std::vector<std::string> tokens;
    for (std::size_t pos = 0; pos < m_text.size(); ++pos) step(m_text[pos], tokens);
    if (m_state == '\\') throw OptionError("No escaped character");
    if (m_state == '\'' || m_state == '"') throw OptionError("No closing quotation");
    if (m_state == 'a') tokens.push_back(std::move(m_token));
    return tokens;
  }

 private:
  void step(char c, std::vector<std::string>& tokens) {
    switch (m_state) {
      case ' ':
        if (is_shlex_space(c)) return;
        m_state = 'a';
        in_word(c, tokens);
        return;
      case 'a':
        in_word(c, tokens);
        return;
      case '\\':
        // Inside double quotes only the quote and the backslash itself can be escaped.
        if (m_escaped_from == '"' && c != '\\' && c != '"') m_token += '\\';
        m_token += c;
        m_state = m_escaped_from;
        return;
      default:
        in_quote(c);
    }
  }

  void in_word(char c, std::vector<std::string>& tokens) {
    if (is_shlex_space(c)) {
      tokens.push_back(std::move(m_token));
      m_token.clear();
      m_state = ' ';
    } else if (c == '\'' || c == '"') {
      m_state = c;
    } else if (c == '\\') {
      m_escaped_from = 'a';
      m_state = '\\';
    } else {
      m_token += c;
    }
  }

  void in_quote(char c) {
    if (c == m_state) {
      m_state = 'a';
    } else if (c == '\\' && m_state == '"') {
      m_escaped_from = '"';
      m_state = '\\';
    } else {
      m_token += c;
    }
  }

  std::string_view m_text;
  std::string m_token;
  char m_state = ' ';  ///< ' ' between tokens, 'a' in a word, a quote char, or '\\'
  char m_escaped_from = 'a';
};

bool is_shell_safe(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("_@%+=:,./-").find(c) != std::string_view::npos;
}

}  // namespace

std::vector<std::string> shell_split(std::string_view text) {
  return ShellLexer(text).split();
}

std::string shell_quote(std::string_view text) {
  if (text.empty()) return "''";
  bool safe = true;
  for (char c : text) safe = safe && is_shell_safe(c);
  if (safe) return std::string(text);
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\"'\"'") : std::string(1, c);
  return quoted + "'";
}

}  // namespace bx
