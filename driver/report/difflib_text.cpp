// The text-producing half of the difflib port: UTF-8 helpers, unified_diff, context_diff
// and ndiff (Python's Differ with its fancy intraline replacement).
#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "driver/report/difflib.hpp"

namespace bx::difflib {

namespace {

constexpr Symbol k_escape_base = 0xDC00;

/// Length of the valid UTF-8 sequence starting at text[i], or 0 if it is not valid.
std::size_t valid_sequence_length(std::string_view text, std::size_t i, Symbol& out) {
  const auto byte = [&text](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  Symbol min_value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, out = lead & 0x1Fu, min_value = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, out = lead & 0x0Fu, min_value = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, out = lead & 0x07u, min_value = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0u) != 0x80u) return 0;
    out = (out << 6) | (byte(i + k) & 0x3Fu);
  }
  const bool surrogate = out >= 0xD800 && out <= 0xDFFF;
  if (out < min_value || out > 0x10FFFF || surrogate) return 0;
  return length;
}

}  // namespace

Symbols decode_utf8(std::string_view text) {
  Symbols result;
  result.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      result.push_back(byte);
      ++i;
      continue;
    }
    Symbol code_point = 0;
    const std::size_t length = valid_sequence_length(text, i, code_point);
    if (length == 0) {
      result.push_back(k_escape_base + byte);
      ++i;
    } else {
      result.push_back(code_point);
      i += length;
    }
  }
  return result;
}

std::string encode_utf8(const Symbols& code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (Symbol c : code_points) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c >= k_escape_base + 0x80 && c <= k_escape_base + 0xFF) {
      out += static_cast<char>(c - k_escape_base);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::pair<Symbols, Symbols> intern_lines(const std::vector<std::string>& a,
                                         const std::vector<std::string>& b) {
  std::unordered_map<std::string_view, Symbol> ids;
  auto intern = [&ids](const std::vector<std::string>& lines) {
    Symbols symbols;
    symbols.reserve(lines.size());
    for (const std::string& line : lines) {
      auto [it, inserted] = ids.try_emplace(line, static_cast<Symbol>(ids.size()));
      symbols.push_back(it->second);
    }
    return symbols;
  };
  Symbols sa = intern(a);
  Symbols sb = intern(b);
  return {std::move(sa), std::move(sb)};
}

bool is_python_space(Symbol c) {
  return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
         c == 0x205f || c == 0x3000;
}

bool is_character_junk(Symbol c) {
  return c == ' ' || c == '\t';
}

namespace {

std::vector<std::vector<Opcode>> line_groups(const std::vector<std::string>& a,
                                             const std::vector<std::string>& b, std::size_t n) {
  auto [sa, sb] = intern_lines(a, b);
  SequenceMatcher matcher;
  matcher.set_seqs(std::move(sa), std::move(sb));
  return matcher.get_grouped_opcodes(n);
}

/// Python's _format_range_unified.
std::string format_range_unified(std::size_t start, std::size_t stop) {
  std::size_t beginning = start + 1;
  const std::size_t length = stop - start;
  if (length == 1) return std::to_string(beginning);
  if (length == 0) --beginning;  // an empty range begins at the line just before it
  return std::to_string(beginning) + "," + std::to_string(length);
}

/// Python's _format_range_context.
std::string format_range_context(std::size_t start, std::size_t stop) {
  std::size_t beginning = start + 1;
  const std::size_t length = stop - start;
  if (length == 0) --beginning;
  if (length <= 1) return std::to_string(beginning);
  return std::to_string(beginning) + "," + std::to_string(beginning + length - 1);
}

void append_lines(std::vector<std::string>& out, std::string_view prefix,
                  const std::vector<std::string>& lines, std::size_t lo, std::size_t hi) {
  for (std::size_t k = lo; k < hi; ++k) out.push_back(std::string(prefix) + lines[k]);
}

}  // namespace

std::vector<std::string> unified_diff(const std::vector<std::string>& a,
                                      const std::vector<std::string>& b, std::size_t n) {
  std::vector<std::string> out;
  for (const auto& group : line_groups(a, b, n)) {
    if (out.empty()) {
      out.emplace_back("--- ");
      out.emplace_back("+++ ");
    }
    out.push_back("@@ -" + format_range_unified(group.front().i1, group.back().i2) + " +" +
                  format_range_unified(group.front().j1, group.back().j2) + " @@");
    for (const Opcode& c : group) {
      if (c.tag == OpTag::Equal) {
        append_lines(out, " ", a, c.i1, c.i2);
        continue;
      }
      if (c.tag != OpTag::Insert) append_lines(out, "-", a, c.i1, c.i2);
      if (c.tag != OpTag::Delete) append_lines(out, "+", b, c.j1, c.j2);
    }
  }
  return out;
}

std::vector<std::string> context_diff(const std::vector<std::string>& a,
                                      const std::vector<std::string>& b, std::size_t n) {
  auto prefix = [](OpTag tag) -> std::string_view {
    switch (tag) {
      case OpTag::Insert:
        return "+ ";
      case OpTag::Delete:
        return "- ";
      case OpTag::Replace:
        return "! ";
      case OpTag::Equal:
        break;
    }
    return "  ";
  };
  auto has = [](const std::vector<Opcode>& group, OpTag t1, OpTag t2) {
    return std::any_of(group.begin(), group.end(),
                       [&](const Opcode& c) { return c.tag == t1 || c.tag == t2; });
  };
  std::vector<std::string> out;
  for (const auto& group : line_groups(a, b, n)) {
    if (out.empty()) {
      out.emplace_back("*** ");
      out.emplace_back("--- ");
    }
    out.emplace_back("***************");
    out.push_back("*** " + format_range_context(group.front().i1, group.back().i2) + " ****");
    if (has(group, OpTag::Replace, OpTag::Delete)) {
      for (const Opcode& c : group) {
        if (c.tag != OpTag::Insert) append_lines(out, prefix(c.tag), a, c.i1, c.i2);
      }
    }
    out.push_back("--- " + format_range_context(group.front().j1, group.back().j2) + " ----");
    if (has(group, OpTag::Replace, OpTag::Insert)) {
      for (const Opcode& c : group) {
        if (c.tag != OpTag::Delete) append_lines(out, prefix(c.tag), b, c.j1, c.j2);
      }
    }
  }
  return out;
}

}  // namespace bx::difflib
