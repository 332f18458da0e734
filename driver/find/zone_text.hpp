// Helpers shared by the zone delimiters (spec §1.2).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace bx {

/// 1-based line number of the byte at `offset` of `text`.
int line_number_at(std::string_view text, std::size_t offset);

/// Replaces, on every line from `first_line` (0-based) on, the first `prefix_of(line)`
/// characters by a single space.
std::string replace_line_prefixes(std::string_view text, std::size_t first_line,
                                  const std::function<std::size_t(std::string_view)>& prefix_of);

}  // namespace bx
