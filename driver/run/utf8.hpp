// Small UTF-8 helpers shared by the output processing of the runners.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bx::utf8 {

/// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

/// Decodes the code point of valid UTF-8 `text` at `pos` and moves `pos` past it.
char32_t next(std::string_view text, std::size_t& pos);

/// Python's str.isspace() for one code point.
bool is_space(char32_t cp);

/// `text` without its trailing Unicode whitespace (Python's str.rstrip()).
std::string_view rstrip(std::string_view text);

/// The last `count` code points of `text` (all of it when shorter).
std::string_view last_chars(std::string_view text, std::size_t count);

/// Whether `byte` continues a multi-byte UTF-8 sequence.
inline bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

}  // namespace bx::utf8
