#include "driver/parse/option_types.hpp"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <stdexcept>
#include <vector>

#include "driver/util/regex.hpp"
#include "driver/util/text.hpp"

namespace bx {

namespace {

/// Decodes one UTF-8 sequence at `pos`; invalid bytes decode as themselves (length 1).
char32_t decode_utf8(std::string_view text, std::size_t& pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  std::size_t length = lead < 0x80           ? 1
                       : (lead >> 5) == 0x6  ? 2
                       : (lead >> 4) == 0xE  ? 3
                       : (lead >> 3) == 0x1E ? 4
                                             : 0;
  if (length == 0 || pos + length > text.size()) {
    ++pos;
    return lead;
  }
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) {
      ++pos;
      return lead;
    }
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  pos += length;
  return cp;
}

/// Python's str.isprintable() for the code points that matter in option values: controls,
/// format characters, separators other than the ASCII space, surrogates and private use.
bool is_printable(char32_t cp) {
  struct Range {
    char32_t first, last;
  };
  static constexpr Range k_unprintable[] = {
      {0x00, 0x1F},     {0x7F, 0xA0},     {0xAD, 0xAD},     {0x600, 0x605},   {0x61C, 0x61C},
      {0x6DD, 0x6DD},   {0x70F, 0x70F},   {0x1680, 0x1680}, {0x180E, 0x180E}, {0x2000, 0x200F},
      {0x2028, 0x202F}, {0x205F, 0x2064}, {0x2066, 0x206F}, {0x3000, 0x3000}, {0xD800, 0xF8FF},
      {0xFEFF, 0xFEFF}, {0xFFF9, 0xFFFB}};
  for (const Range& range : k_unprintable) {
    if (cp >= range.first && cp <= range.last) return false;
  }
  return true;
}

std::string escape_code_point(char32_t cp) {
  char buffer[16];
  if (cp <= 0xFF) {
    std::snprintf(buffer, sizeof(buffer), "\\x%02x", static_cast<unsigned>(cp));
  } else if (cp <= 0xFFFF) {
    std::snprintf(buffer, sizeof(buffer), "\\u%04x", static_cast<unsigned>(cp));
  } else {
    std::snprintf(buffer, sizeof(buffer), "\\U%08x", static_cast<unsigned>(cp));
  }
  return buffer;
}

[[noreturn]] void invalid(std::string_view type, const std::string& text) {
  throw std::invalid_argument("invalid " + std::string(type) + " value: " + py_repr(text));
}

/// Removes the '_' digit separators and a leading '+' (std::from_chars rejects both).
std::string plain_number(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != '_') out += c;
  }
  if (!out.empty() && out[0] == '+') out.erase(0, 1);
  return out;
}

/// Python int() or nullopt; the caller words the error for its own type.
std::optional<long> parse_int(const std::string& text) {
  static const Regex k_int(R"(\A[+-]?[0-9](?:_?[0-9])*\z)");
  std::string stripped = strip_whitespace(text);
  if (!k_int.match(stripped)) return std::nullopt;
  std::string digits = plain_number(stripped);
  long value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t pos = text.find(separator); pos != std::string::npos;
       pos = text.find(separator, start)) {
    parts.push_back(text.substr(start, pos - start));
    start = pos + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

/// Two non-negative ints separated by `separator`, or nullopt.
std::optional<IntPair> parse_pair(const std::string& text, char separator) {
  std::vector<std::string> parts = split(text, separator);
  if (parts.size() != 2) return std::nullopt;
  auto first = parse_int(parts[0]);
  auto second = parse_int(parts[1]);
  if (!first || !second || *first < 0 || *second < 0) return std::nullopt;
  return IntPair{*first, *second};
}

/// Python turns an overflow into inf and an underflow into 0 instead of failing.
double out_of_range_float(const std::string& number) {
  bool negative = number[0] == '-';
  std::size_t exponent = number.find_first_of("eE");
  bool underflow = exponent != std::string::npos && number[exponent + 1] == '-';
  if (!underflow) {
    std::size_t first_digit = number.find_first_of("123456789");
    std::size_t dot = number.find('.');
    underflow = first_digit == std::string::npos || (dot != std::string::npos && dot < first_digit);
  }
  double magnitude = underflow ? 0.0 : std::numeric_limits<double>::infinity();
  return negative ? -magnitude : magnitude;
}

}  // namespace

std::string py_repr(std::string_view text) {
  bool has_single = text.find('\'') != std::string_view::npos;
  bool has_double = text.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    char32_t cp = decode_utf8(text, pos);
    if (cp == '\\' || cp == static_cast<char32_t>(quote)) {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (!is_printable(cp)) {
      out += escape_code_point(cp);
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out + quote;
}

double to_py_float(const std::string& text) {
  static const Regex k_float(
      R"(\A[+-]?(?:(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*))"
      R"((?:e[+-]?[0-9](?:_?[0-9])*)?|inf|infinity|nan)\z)",
      k_regex_caseless);
  std::string stripped = strip_whitespace(text);
  if (!k_float.match(stripped)) invalid("float", text);
  std::string number = plain_number(stripped);
  double value = 0;
  auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error == std::errc::result_out_of_range) return out_of_range_float(number);
  if (error != std::errc() || end != number.data() + number.size()) invalid("float", text);
  return value;
}

long to_py_int(const std::string& text) {
  auto value = parse_int(text);
  if (!value) invalid("int", text);
  return *value;
}

IntPair to_geometry(const std::string& text) {
  auto pair = parse_pair(text, 'x');
  if (!pair) invalid("geometry", text);
  return *pair;
}

IntPair to_input_prefix_range(const std::string& text) {
  auto pair = parse_pair(text, ':');
  if (!pair || pair->first > pair->second) invalid("input-prefix-range", text);
  return *pair;
}

long to_show_failures(const std::string& text) {
  if (text == "all") return k_show_all_failures;
  auto value = parse_int(text);
  if (!value || *value < 0) invalid("show-failures", text);
  return *value;
}

}  // namespace bx
