// Bash-like brace expansion of file patterns (spec §6.3, v11).
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "driver/find/file_list.hpp"
#include "driver/model/errors.hpp"

namespace bx {

namespace {

constexpr std::size_t k_max_patterns = 1'000'000;
constexpr std::size_t k_npos = std::string_view::npos;

std::size_t find_unescaped(std::string_view text, char wanted, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == wanted) {
      return i;
    }
  }
  return k_npos;
}

/// The '}' that closes the '{' at `open` (escapes and nesting respected), or npos.
std::size_t matching_close(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '{') {
      ++depth;
    } else if (text[i] == '}' && --depth == 0) {
      return i;
    }
  }
  return k_npos;
}

/// The comma-separated alternatives of a brace body; empty when it has no top-level comma.
std::vector<std::string> split_alternatives(std::string_view body) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  int depth = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\') {
      ++i;
    } else if (body[i] == '{') {
      ++depth;
    } else if (body[i] == '}') {
      --depth;
    } else if (body[i] == ',' && depth == 0) {
      parts.emplace_back(body.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.empty()) return parts;
  parts.emplace_back(body.substr(start));
  return parts;
}

std::optional<long long> parse_integer(std::string_view text) {
  long long value = 0;
  std::string_view digits = text.starts_with('+') ? text.substr(1) : text;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
    return std::nullopt;
  }
  return value;
}

bool zero_padded(std::string_view text) {
  std::string_view digits = text.starts_with('-') ? text.substr(1) : text;
  return digits.size() > 1 && digits[0] == '0';
}

/// Values from `first` to `last` by `step` (its sign ignored, 0 taken as 1), each one
/// formatted by `format`.
template <typename Format>
std::vector<std::string> range(long long first, long long last, long long step, Format format) {
  // Unsigned arithmetic: the distance between any two long longs fits and cannot overflow.
  using Unsigned = unsigned long long;
  Unsigned magnitude = step < 0 ? Unsigned{0} - static_cast<Unsigned>(step) : Unsigned(step);
  Unsigned stride = step == 0 ? 1 : magnitude;
  bool up = first <= last;
  Unsigned span = up ? static_cast<Unsigned>(last) - static_cast<Unsigned>(first)
                     : static_cast<Unsigned>(first) - static_cast<Unsigned>(last);
  if (span / stride >= k_max_patterns) throw UsageError("The brace expansion is too large.");
  std::vector<std::string> values;
  for (Unsigned i = 0; i <= span / stride; ++i) {
    Unsigned offset = i * stride;
    Unsigned value =
        up ? static_cast<Unsigned>(first) + offset : static_cast<Unsigned>(first) - offset;
    values.push_back(format(static_cast<long long>(value)));
  }
  return values;
}

/// `{x..y}` / `{x..y..step}` with integers or single letters; empty when not a sequence.
std::vector<std::string> sequence(std::string_view body) {
  std::size_t dots = body.find("..");
  if (dots == k_npos) return {};
  std::string_view first = body.substr(0, dots);
  std::string_view last = body.substr(dots + 2);
  long long step = 1;
  if (std::size_t more = last.find(".."); more != k_npos) {
    auto parsed = parse_integer(last.substr(more + 2));
    if (!parsed) return {};
    step = *parsed;
    last = last.substr(0, more);
  }
  auto from = parse_integer(first);
  auto to = parse_integer(last);
  if (from && to) {
    int width = zero_padded(first) || zero_padded(last)
                    ? static_cast<int>(std::max(first.size(), last.size()))
                    : 0;
    return range(*from, *to, step, [width](long long value) {
      char text[32];
      std::snprintf(text, sizeof(text), "%0*lld", width, value);
      return std::string(text);
    });
  }
  auto is_letter = [](std::string_view s) {
    return s.size() == 1 && std::isalpha(static_cast<unsigned char>(s[0]));
  };
  if (!is_letter(first) || !is_letter(last)) return {};
  return range(first[0], last[0], step, [](long long value) {
    // Ranges like {Z..a} include a backslash: keep it from escaping the next one.
    std::string letter(1, static_cast<char>(value));
    return letter == "\\" ? "\\" + letter : letter;
  });
}

std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    out += text[i];
  }
  return out;
}

void expand_into(const std::string& pattern, std::vector<std::string>& out) {
  for (std::size_t open = find_unescaped(pattern, '{', 0); open != k_npos;
       open = find_unescaped(pattern, '{', open + 1)) {
    std::size_t close = matching_close(pattern, open);
    if (close == k_npos) continue;
    std::string_view body = std::string_view(pattern).substr(open + 1, close - open - 1);
    std::vector<std::string> alternatives = split_alternatives(body);
    if (alternatives.empty()) alternatives = sequence(body);
    if (alternatives.empty()) continue;
    std::string prefix = pattern.substr(0, open);
    std::string suffix = pattern.substr(close + 1);
    for (const std::string& alternative : alternatives) {
      expand_into(prefix + alternative + suffix, out);
    }
    return;
  }
  if (out.size() >= k_max_patterns) throw UsageError("The brace expansion is too large.");
  out.push_back(unescape(pattern));
}

}  // namespace

std::vector<std::string> brace_expand(std::string_view pattern) {
  std::vector<std::string> out;
  expand_into(std::string(pattern), out);
  return out;
}

}  // namespace bx
