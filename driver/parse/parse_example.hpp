// Parsing one example right before it runs (spec §2.1): options, snippet/expected
// processing, +paste/+rm, expected -> regex, and the concern hooks around it.
#pragma once

#include "driver/concern/concern.hpp"
#include "driver/parse/language_parser.hpp"
#include "driver/parse/option_parser.hpp"

namespace bx {

/// Everything needed to parse the examples of one language.
struct LanguageParsing {
  const ExampleParser* parser = nullptr;
  /// generic + concern + language options: the strict parser for option comments.
  OptionParser options;
  /// The same with python's doctest flags (§2.11); empty for the other languages.
  OptionParser doctest_options;
};

/// Parses `example` in place (§2.1 steps 1–9). On failure calls finish_parse with the
/// exception on every concern and rethrows it (ParseError for user mistakes).
/// Builds the parsers of `parser`'s language.
LanguageParsing make_language_parsing(const ExampleParser& parser);

void parse_example(Example& example, OptionStack& options, const LanguageParsing& language,
                   ConcernList& concerns);

}  // namespace bx
