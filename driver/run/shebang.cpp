#include "driver/run/shebang.hpp"

#include <cctype>
#include <stdexcept>

#include "driver/parse/option_parser.hpp"

namespace bx {

namespace {

bool is_identifier_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool is_identifier(char c) {
  return is_identifier_start(c) || std::isdigit(static_cast<unsigned char>(c));
}

std::string quoted_value(const ShebangValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return shell_quote(*text);
  std::string out;
  for (const auto& item : std::get<std::vector<std::string>>(value)) {
    if (!out.empty()) out += ' ';
    out += shell_quote(item);
  }
  return out;
}

/// Python's string.Template.substitute with '%' as the delimiter.
std::string substitute(std::string_view word, const ShebangTokens& tokens) {
  std::string out;
  std::size_t pos = 0;
  while (pos < word.size()) {
    std::size_t percent = word.find('%', pos);
    out.append(word.substr(pos, percent - pos));
    if (percent == std::string_view::npos) break;
    std::size_t start = percent + 1;
    std::size_t end = start;
    std::string_view name;
    if (start < word.size() && word[start] == '%') {
      out += '%';
      pos = start + 1;
      continue;
    }
    bool braced = start < word.size() && word[start] == '{';
    if (braced) ++start;
    end = start;
    if (end < word.size() && is_identifier_start(word[end])) {
      while (end < word.size() && is_identifier(word[end])) ++end;
    }
    name = word.substr(start, end - start);
    if (name.empty() || (braced && (end >= word.size() || word[end] != '}'))) {
      throw std::invalid_argument("Invalid placeholder in the shebang '" + std::string(word) +
                                  "' at column " + std::to_string(percent + 1));
    }
    auto it = tokens.find(name);
    if (it == tokens.end()) {
      throw std::invalid_argument("Unknown placeholder '%" + std::string(name) +
                                  "' in the shebang '" + std::string(word) + "'");
    }
    out += quoted_value(it->second);
    pos = braced ? end + 1 : end;
  }
  return out;
}

}  // namespace

std::string expand_shebang(std::string_view shebang, const ShebangTokens& tokens) {
  std::string out;
  for (const auto& word : shell_split(shebang)) {
    bool had_blank = false;
    for (char c : word) had_blank = had_blank || std::isspace(static_cast<unsigned char>(c));
    std::string expanded = substitute(word, tokens);
    if (!out.empty()) out += ' ';
    out += had_blank ? shell_quote(expanded) : expanded;
  }
  return out;
}

}  // namespace bx
