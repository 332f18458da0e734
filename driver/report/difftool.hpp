// The "tool" diff algorithm (spec §5.3): an external program compares two temporary files.
#pragma once

#include <string>
#include <string_view>

namespace bx {

/// Expands a --difftool template: `%e`/`%{e}` and `%g`/`%{g}` become the shell-quoted paths
/// of the expected and got files, `%%` a literal `%`; anything else is kept as written.
std::string expand_difftool(std::string_view command_template, const std::string& expected_path,
                            const std::string& got_path);

/// Writes `expected` and `got` to temporary files (deleted afterwards), runs the expanded
/// template through /bin/sh and returns "External diff tool\n", the tool's combined
/// stdout/stderr and, if it exited with a non-zero code, "Return code: <rc>\n".
/// Throws std::runtime_error when `command_template` is empty or the tool cannot be run.
std::string run_difftool(const std::string& expected, const std::string& got,
                         const std::string& command_template, bool colors);

}  // namespace bx
