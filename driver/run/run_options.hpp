// The options a runner reads while running (spec §2.5), each with its default for when the
// key is not in the stack.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/model/options.hpp"
#include "driver/run/terminal.hpp"

namespace bx::run_options {

bool flag(const OptionStack& options, std::string_view key, bool fallback);
double number(const OptionStack& options, std::string_view key, double fallback);
std::string text(const OptionStack& options, std::string_view key, std::string_view fallback);
std::vector<std::string> list(const OptionStack& options, std::string_view key);

/// +timeout (default 2 seconds).
double timeout(const OptionStack& options);
/// +term (default dumb).
TermMode term(const OptionStack& options);
/// +geometry as (rows, cols), `fallback` when not set.
IntPair geometry(const OptionStack& options, IntPair fallback = {24, 80});
/// +stop-on-silence: the seconds, or nothing when off (a bare `true` means 0.2 s).
std::optional<double> stop_on_silence(const OptionStack& options);

}  // namespace bx::run_options
