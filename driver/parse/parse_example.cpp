#include "driver/parse/parse_example.hpp"

#include "driver/parse/expected.hpp"
#include "driver/parse/option_tables.hpp"
#include "driver/report/reporter.hpp"
#include "driver/util/log.hpp"

namespace bx {

namespace {

OptionLayer parse_option_comment(const Example& example, const LanguageParsing& language,
                                 bool doctest_mode) {
  try {
    const OptionParser& parser = doctest_mode ? language.doctest_options : language.options;
    return parser.parse(language.parser->option_tokens(example.snippet, doctest_mode), true);
  } catch (const OptionError& error) {
    throw ParseError("ValueError", error.what());
  }
}

/// §2.11: in python the options are first read in doctest-compatibility mode; unless that
/// turns +py-doctest on, they are read again in normal mode.
OptionLayer example_options(const Example& example, OptionStack& options,
                            const LanguageParsing& language) {
  if (language.doctest_options.specs().empty()) {
    return parse_option_comment(example, language, false);
  }
  OptionLayer compat = parse_option_comment(example, language, true);
  OptionStack::Scope scope(options, compat);
  if (options.flag("py_doctest")) return compat;
  return parse_option_comment(example, language, false);
}

void remove_all(std::string& text, const std::string& needle) {
  if (needle.empty()) return;
  for (std::size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos))
    text.erase(pos, needle.size());
}

ExpectedSettings expected_settings(const OptionStack& options) {
  ExpectedSettings settings;
  settings.tags = options.flag("tags");
  settings.capture = options.flag("capture");
  settings.norm_ws = options.flag("norm_ws");
  settings.input = options.flag("type");
  settings.ignore_first_empty_lines = options.flag("ignore_first_empty_lines");
  settings.input_prefix_range = options.pair("input_prefix_range");
  return settings;
}

void build_expected(Example& example, OptionStack& options, ConcernList& concerns) {
  concerns.notify(&Concern::before_build_regex, example, options);
  for (const auto& text : options.list("rm")) remove_all(example.expected_str, text);
  CompiledExpected compiled = compile_expected(example.expected_str, expected_settings(options));
  for (const auto& warning : compiled.warnings) log::warn("parser", warning);
  example.expected = std::move(compiled.regex);
  example.inputs = std::move(compiled.inputs);
  concerns.notify(&Concern::after_build_regex, example, options);
}

void warn_tabs(const Example& example, OptionStack& options) {
  OptionStack::Scope scope(options, example.options);
  if (!options.flag("warn_tab") || example.source.find('\t') == std::string::npos) return;
  log::warn("parser",
            "The source code has a tab character that may interfere with the "
            "interpreter/runner.\nYou can remove the tab or disable this warning with "
            "'-warn-tab'.\n\n" +
                indent_snippet(example.snippet));
}

}  // namespace

LanguageParsing make_language_parsing(const ExampleParser& parser) {
  LanguageParsing parsing;
  parsing.parser = &parser;
  parsing.options.extend(generic_options());
  parsing.options.extend(concern_options());
  parsing.options.extend(language_options(parser.language(), false));
  const OptionParser& doctest = language_options(parser.language(), true);
  if (doctest.specs().size() != language_options(parser.language(), false).specs().size()) {
    parsing.doctest_options.extend(generic_options());
    parsing.doctest_options.extend(concern_options());
    parsing.doctest_options.extend(doctest);
  }
  return parsing;
}

void parse_example(Example& example, OptionStack& options, const LanguageParsing& language,
                   ConcernList& concerns) {
  try {
    OptionLayer layer = example_options(example, options, language);
    {
      OptionStack::Scope scope(options, layer);
      for (auto& [key, value] : language.parser->derived_options(example, options)) {
        layer[key] = value;
        options.set(key, value);
      }
      language.parser->process_snippet_and_expected(example, options);
      example.options = layer;
      build_expected(example, options, concerns);
    }
    concerns.notify(&Concern::finish_parse, example, options,
                    static_cast<const std::exception*>(nullptr));
    warn_tabs(example, options);
    example.fully_parsed = true;
  } catch (const std::exception& error) {
    concerns.notify(&Concern::finish_parse, example, options, &error);
    throw;
  }
}

}  // namespace bx
