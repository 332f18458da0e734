// Option strings: `+flag`, `-flag`, `+name=value`, `+name value` (spec §2.2, §2.3).
//
// A table-driven port of the argparse behaviour byexample relies on, including its error
// texts. Option tables are data: see parse/option_tables.hpp.
#pragma once

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "driver/model/options.hpp"

namespace bx {

enum class OptionKind {
  flag,            ///< +name -> true, -name -> false
  value,           ///< +name=v or +name v
  optional_value,  ///< +name alone -> `const_value`, or +name=v
  append,          ///< repeatable +name=v, accumulates a list
};

struct OptionSpec {
  std::string name;  ///< without prefix, e.g. "norm-ws"
  OptionKind kind = OptionKind::flag;
  std::vector<std::string> aliases;  ///< other names with the same destination ("on" for "if")
  OptionValue default_value;         ///< reported by defaults(); std::monostate = none
  OptionValue const_value;           ///< for optional_value
  /// Converts a value; throws std::invalid_argument with argparse's text, e.g.
  /// "invalid float value: 'abc'". Null means "keep the string".
  std::function<OptionValue(const std::string&)> convert;
  std::vector<std::string> choices;  ///< when not empty, the raw value must be one of them
  /// The value placeholder as --show-options prints it, e.g. "<secs>" (for optional values
  /// argparse adds the brackets: "[secs]"); empty for choices, printed as {a,b}.
  std::string metavar;
  std::string help;
  /// Options sharing a non-empty group are mutually exclusive within one parse.
  std::string exclusive_group;
  /// The key in the layer; defaults to `name` with '-' -> '_'.
  std::string dest;
};

/// Thrown for an invalid option string; what() is argparse's message, e.g.
/// "argument +diff: invalid choice: 'foo' (choose from 'none', 'unified', ...)" or
/// "unrecognized arguments: +bogus".
class OptionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class OptionParser {
 public:
  void add(OptionSpec spec);
  /// Adds every spec of another parser (generic + concern + language options).
  void extend(const OptionParser& other);

  /// Parses tokens. strict: unknown options are an error; permissive (-o): they are ignored.
  /// Invalid values and mutually exclusive options are errors in both modes.
  OptionLayer parse(const std::vector<std::string>& tokens, bool strict) const;

  /// Every option's default, keyed by dest; options whose default is None are reported
  /// as std::monostate so that lookups find them.
  OptionLayer defaults() const;

  const std::vector<OptionSpec>& specs() const { return m_specs; }

 private:
  /// One way of writing an option: `+name`/`+alias` (positive) or `-name` (flags only).
  struct Action {
    std::size_t spec = 0;
    bool positive = true;
  };
  class Run;

  std::vector<OptionSpec> m_specs;
  std::map<std::string, Action, std::less<>> m_actions;  ///< "+norm-ws" -> action
};

/// Splits like Python's shlex.split (POSIX mode): only ASCII whitespace separates tokens;
/// quotes group; backslash escapes. Throws OptionError("No closing quotation") etc.
std::vector<std::string> shell_split(std::string_view text);

/// Quotes like Python's shlex.quote.
std::string shell_quote(std::string_view text);

}  // namespace bx
