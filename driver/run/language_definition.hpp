// Interpreters defined in YAML instead of C++ (docs/language-definitions.md): the model, the
// loader and the registry of the definitions byexample knows (built in, and the ones of the
// -m directories).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "driver/model/options.hpp"
#include "driver/parse/option_parser.hpp"

namespace bx {

/// How examples are found in documents: a built-in finder and parser of the same language,
/// or prompt tokens of the definition's own.
struct DefinedFinder {
  bool builtin = false;
  std::string ps1;              ///< token written in documents, e.g. "lua> "
  std::string ps2;              ///< continuation token; empty: single-line examples
  std::string options_comment;  ///< what starts an options comment, e.g. "--"
};

/// A line of set-up code, run when the flag `when` is on (and `unless` is off).
struct InitLine {
  std::string code;
  std::string when;    ///< option name; empty: always
  std::string unless;  ///< option name; empty: never skipped
};

/// Whether the value of the example's expression is shown (spec §2.12).
struct ExpressionDisplay {
  std::string option;  ///< "<lang>-expr-print" with values auto/true/false; empty: none
  std::string wanted;  ///< regex searched in the expected in auto mode
  /// The parser removes the first `wanted` match from the expected (IEx prints no marker).
  bool remove_from_expected = false;
  std::string prefix_shown;  ///< put before the source's first line
  std::string prefix_hidden;
  /// Put after the source's last line while the flag option `suffix_when` is on; the
  /// toggle is not used then (elixir's +elixir-dont-display-hack).
  std::string suffix_hidden;
  std::string suffix_when;
  std::string toggle_shown;  ///< sent hidden when the state changes
  std::string toggle_hidden;
  bool initially_shown = true;
  std::string cut;  ///< when hidden: the got ends before the last line matching it
};

struct SourceRewrite {
  bool strip_trailing_newline = false;
  bool strip_whitespace = false;
  bool skip_empty = false;  ///< an empty source gets an empty got without sending anything
};

enum class CancelMode { interrupt, restart };

struct LanguageDefinition {
  std::string origin;  ///< the YAML file ("<builtin>/gdb.yml" for embedded ones)
  std::string language;
  std::vector<std::string> flavors;
  std::string display_name;  ///< "Lua Runner"
  DefinedFinder finder;
  std::string launcher = "/usr/bin/env";  ///< %e
  std::string program;                    ///< %p
  std::vector<std::string> arguments;     ///< %a
  std::vector<std::string> version_arguments;
  std::vector<std::pair<std::string, std::string>> environment;
  std::vector<std::pair<std::string, std::string>> files;  ///< name, content
  std::string first_prompt;                                ///< regex; empty: ps1
  bool wait_first_prompt = true;
  std::string ps1;         ///< regex
  std::string any_prompt;  ///< regex
  std::vector<InitLine> init;
  bool echo_filtering = false;
  IntPair min_geometry{0, 0};
  SourceRewrite source;
  ExpressionDisplay expression;
  CancelMode cancel = CancelMode::interrupt;
  OptionParser options;
};

/// Parses one definition; `origin` names it in errors, which are bx::Error with the text
/// "<origin>:<line>:<column>: <what is wrong>".
LanguageDefinition parse_language_definition(std::string_view yaml, const std::string& origin);

/// Whether `yaml` is a mapping with a top-level `language:` key (other YAML files of a
/// modules directory are not definitions). Throws like parse_language_definition.
bool is_language_definition(std::string_view yaml, const std::string& origin);

/// The definitions of the `*.yml`/`*.yaml` files of `dir`, alphabetically.
std::vector<LanguageDefinition> load_language_definitions(const std::string& dir);

/// The languages of the built-in definitions (driver/run/languages/*.yml), without parsing
/// them: each file is named after its language, uses the built-in finder and parser of it
/// and has no other flavour (language_definition_test checks it).
std::vector<std::string> builtin_definition_languages();
/// The definitions added from -m directories (a later one replaces an earlier one of the
/// same language).
std::vector<const LanguageDefinition*> added_language_definitions();
/// The definition of `language`: an added one, else the built-in one (parsed on first use,
/// thread-safe), else none.
const LanguageDefinition* find_language_definition(std::string_view language);

/// Adds the definitions found in the -m directories; call it once, before any worker runs.
void add_language_definitions_from(const std::vector<std::string>& dirs);

}  // namespace bx
