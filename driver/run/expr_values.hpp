// Expression values that a REPL prints by itself (spec §2.12): whether an example wants
// them, and removing them from the raw chunks of its output. The chunks are the outputs
// between the prompts, so roughly one per statement; only the value of the last statement
// that printed one can be wanted, the values of the statements before it never are.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "driver/model/options.hpp"

namespace bx::expr_values {

/// Auto mode: some line of `expected` starts with `marker` followed by a space or its end.
bool expected_has_marker(std::string_view expected, std::string_view marker);

/// The +<lang>-expr-print choice under `key`: "true" and "false" force it, "auto" (the
/// default) looks for `marker` in `expected`.
bool wanted(const OptionStack& options, std::string_view key, std::string_view expected,
            std::string_view marker);

/// Values printed between `begin` and `end` (each followed by a line end): all are removed
/// with their line end, except the last one when `show_last`, of which only `begin` and
/// `end` are removed.
void keep_last_delimited_value(std::vector<std::string>& chunks, std::string_view begin,
                               std::string_view end, bool show_last);

/// Values printed as a line that starts with ":" and a space (or the line's end): every
/// chunk is cut at its last such line, except the last chunk that has one when `show_last`.
void cut_colon_values(std::vector<std::string>& chunks, bool show_last);

}  // namespace bx::expr_values
