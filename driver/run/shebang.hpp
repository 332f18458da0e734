// Command lines of the interpreters: shebang templates (spec §4.3). The shell-like
// splitting and quoting are shell_split/shell_quote of driver/parse/option_parser.hpp.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace bx {

/// A placeholder value: a scalar (%e, %p, %w) or a list of arguments (%a).
using ShebangValue = std::variant<std::string, std::vector<std::string>>;
using ShebangTokens = std::map<std::string, ShebangValue, std::less<>>;

/// Expands a template: %name / %{name} placeholders, %% for a literal %, values shell-quoted,
/// words that contained whitespace re-quoted as a whole. Throws std::invalid_argument for an
/// unknown or malformed placeholder (OptionError for unbalanced quotes).
std::string expand_shebang(std::string_view shebang, const ShebangTokens& tokens);

}  // namespace bx
