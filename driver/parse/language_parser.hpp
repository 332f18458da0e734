// Per-language parsing (spec §2.2, §2.6, §2.11): option comment regex and snippet/expected
// post-processing. One ExampleParser per language.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "driver/model/example.hpp"
#include "driver/model/options.hpp"
#include "driver/parse/option_parser.hpp"

namespace bx {

class ExampleParser {
 public:
  virtual ~ExampleParser() = default;
  virtual std::string language() const = 0;
  virtual std::vector<std::string> flavors() const { return {language()}; }
  /// "Python Parser", "Shell Parser".
  virtual std::string display_name() const = 0;
  /// Language-specific options (empty for most).
  virtual const OptionParser& options() const = 0;

  /// The option tokens written in `snippet` (`# byexample: ...`), shell-split; empty if none.
  /// In doctest mode python also accepts `doctest:`.
  virtual std::vector<std::string> option_tokens(const std::string& snippet,
                                                 bool doctest_mode) const = 0;

  /// §2.11, §2.12: options the language derives from the example (python in doctest mode:
  /// +ELLIPSIS -> tags, +NORMALIZE_WHITESPACE -> norm_ws, ... and tags on for a traceback;
  /// elixir: elixir_expr_print "auto" resolved to "true"/"false" from the expected).
  /// Call it with the example's own layer pushed on `options`, before
  /// process_snippet_and_expected, and add the returned entries to that layer (they belong
  /// to the example like the options written in it).
  virtual OptionLayer derived_options(const Example& example, const OptionStack& options) const;

  /// §2.6: sets example.source from the snippet (ensuring a final '\n'), applies language
  /// rewrites to source and expected_str (python: empty-line removal, doctest rewriting).
  virtual void process_snippet_and_expected(Example& example, const OptionStack& options) const = 0;
};

std::vector<std::unique_ptr<ExampleParser>> builtin_example_parsers();

}  // namespace bx
