// Expected string -> regex fragments (spec §2.8, §2.10).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "driver/model/example.hpp"

namespace bx {

struct ExpectedSettings {
  bool tags = true;      ///< +tags
  bool capture = true;   ///< +capture
  bool norm_ws = false;  ///< +norm-ws
  bool input = false;    ///< +type / +input
  bool ignore_first_empty_lines = true;
  IntPair input_prefix_range{6, 12};
};

struct CompiledExpected {
  ExpectedRegex regex;
  std::vector<TypedInput> inputs;
  std::vector<std::string> warnings;  ///< input-tag warnings (§2.10), logged by the caller
};

/// Compiles the expected string. Throws bx::ParseError("ValueError", msg) for the spec's
/// errors (two consecutive tags, repeated capture tag, too few characters before an input,
/// invalid tag names).
///
/// Literal text is escaped with regex_escape, so a newline of the expected appears as a raw
/// '\n' byte in the fragments and in TypedInput::prefix_regex.
CompiledExpected compile_expected(const std::string& expected, const ExpectedSettings& settings);

/// The PCRE2 group name of the capture tag `tag_name`: '-' becomes '_' (spec §2.8.2).
std::string tag_group_name(std::string_view tag_name);

}  // namespace bx
