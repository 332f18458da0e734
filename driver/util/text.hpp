// Small text helpers shared by the stages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bx {

/// Python's universal newlines: `\r\n` and a lone `\r` become `\n` (documents §1.1, and the
/// interpreters' output §3.1).
std::string universal_newlines(std::string_view text);

/// `text` without the ASCII whitespace (space, \t, \n, \r, \f, \v) at both ends.
std::string strip_whitespace(std::string_view text);

/// The lines joined with `\n` (no final newline).
std::string join_lines(const std::vector<std::string>& lines);

}  // namespace bx
