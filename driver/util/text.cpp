#include "driver/util/text.hpp"

namespace bx {

std::string universal_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
      continue;
    }
    out += '\n';
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
  return out;
}

std::string strip_whitespace(std::string_view text) {
  constexpr std::string_view k_space = " \t\n\r\f\v";
  std::size_t first = text.find_first_not_of(k_space);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(k_space) - first + 1));
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += lines[i];
  }
  return out;
}

}  // namespace bx
