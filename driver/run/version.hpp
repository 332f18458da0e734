// The version of an interpreter, for the -v log (spec §4.10).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bx {

/// The first `major.minor[.patch]` in `text` (digits not adjacent to other digits); the
/// patch is 0 when absent.
std::optional<std::vector<long>> parse_version(std::string_view text);

/// A version as Python prints a tuple: "(3, 11, 2)".
std::string format_version(const std::vector<long>& version);

/// Runs `cmd` (split like a shell would), captures what it prints and parses the version.
/// Results are cached per command line. Throws std::runtime_error when the command cannot
/// run or prints no version.
std::vector<long> query_version(const std::string& cmd, double timeout);

/// Logs `<title>'s version: (x, y, z)` at info level of `logger`, or a warning on failure.
/// Does nothing unless that level is enabled (the query costs a process start).
void log_version(std::string_view logger, std::string_view title, const std::string& cmd,
                 double timeout);

}  // namespace bx
