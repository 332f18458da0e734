// Checking a got against the compiled expected (spec §3.2–§3.4).
#pragma once

#include <string>
#include <string_view>

#include "driver/model/example.hpp"

namespace bx {

/// §3.2: the linear chunk check (tags as wildcards). Never backtracks across tags.
bool check_got(const ExpectedRegex& expected, std::string_view got);

/// §3.3: named captures of the full regex matched at the start of `got`; groups that did not
/// participate give "". Returns false (and leaves `out` empty) if the full regex does not
/// match, which can happen in +norm-ws corner cases (§9.5 #9: then there are no captures).
bool full_captures(const ExpectedRegex& expected, std::string_view got, Captures& out);

struct PartialMatch {
  std::string expected;  ///< expected with the confidently matched tags replaced by the got
  Captures captures;
};

/// §3.4: the incremental match of a failing example, bounded by `budget_seconds`.
PartialMatch partial_match(const ExpectedRegex& expected, std::string_view got, long min_rcount,
                           double budget_seconds);

}  // namespace bx
