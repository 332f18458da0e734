#include "driver/parse/language_parser.hpp"

#include <gtest/gtest.h>

#include "driver/parse/option_tables.hpp"

namespace bx {
namespace {

using Tokens = std::vector<std::string>;

const ExampleParser& parser_for(const std::string& language) {
  static const auto parsers = builtin_example_parsers();
  for (const auto& parser : parsers) {
    if (parser->language() == language) return *parser;
  }
  throw std::logic_error("no parser for " + language);
}

Example processed(const std::string& language, std::string snippet, std::string expected,
                  OptionLayer example_layer = {}) {
  OptionStack options(language_options(language).defaults());
  options.push(std::move(example_layer));
  Example example;
  example.snippet = std::move(snippet);
  example.expected_str = std::move(expected);
  parser_for(language).process_snippet_and_expected(example, options);
  return example;
}

TEST(LanguageParser, OneParserPerLanguageWithItsDisplayName) {
  std::vector<std::pair<std::string, std::string>> expected{
      {"python", "Python Parser"}, {"shell", "Shell Parser"},
      {"ruby", "Ruby Parser"},     {"javascript", "Javascript Parser"},
      {"go", "Go Parser"},         {"java", "Java Parser"},
      {"cpp", "Cpp Parser"},       {"rust", "Rust Parser"},
      {"php", "Php Parser"},       {"iasm", "Iasm Parser"},
      {"pwsh", "Pwsh Parser"},     {"elixir", "Elixir Parser"},
      {"gdb", "Gdb Parser"}};
  EXPECT_EQ(builtin_example_parsers().size(), expected.size());
  for (const auto& [language, name] : expected) {
    EXPECT_EQ(parser_for(language).display_name(), name);
  }
  EXPECT_EQ(parser_for("python").flavors(), (Tokens{"python", "python3"}));
  EXPECT_EQ(parser_for("shell").flavors(), (Tokens{"shell"}));
}

TEST(LanguageParser, OptionsAreTheLanguageTable) {
  EXPECT_EQ(&parser_for("shell").options(), &language_options("shell"));
  EXPECT_EQ(&parser_for("cpp").options(), &language_options("cpp"));
}

TEST(LanguageParser, HashCommentLanguages) {
  for (const char* language : {"python", "shell", "ruby", "pwsh", "elixir", "gdb"}) {
    EXPECT_EQ(parser_for(language).option_tokens("x  # byexample: +norm-ws  +rm=x\n", false),
              (Tokens{"+norm-ws", "+rm=x"}))
        << language;
    EXPECT_TRUE(parser_for(language).option_tokens("x // byexample: +norm-ws\n", false).empty());
  }
}

TEST(LanguageParser, SlashCommentLanguages) {
  for (const char* language : {"javascript", "go", "java", "cpp", "rust", "php"}) {
    EXPECT_EQ(parser_for(language).option_tokens("f(); //byexample:+skip", false),
              (Tokens{"+skip"}))
        << language;
    EXPECT_TRUE(parser_for(language).option_tokens("f(); # byexample: +skip", false).empty());
  }
}

TEST(LanguageParser, IasmNeedsASpaceAfterTheCommentCharacter) {
  const ExampleParser& iasm = parser_for("iasm");
  EXPECT_EQ(iasm.option_tokens("mov r0, 1 ; byexample: +skip", false), (Tokens{"+skip"}));
  EXPECT_EQ(iasm.option_tokens("nop # byexample: +skip", false), (Tokens{"+skip"}));
  EXPECT_TRUE(iasm.option_tokens("nop ;byexample: +skip", false).empty());
}

TEST(LanguageParser, FirstMatchOnAnyLineWins) {
  const ExampleParser& shell = parser_for("shell");
  EXPECT_EQ(shell.option_tokens("echo a\necho b # byexample: +pass\n# byexample: +skip\n", false),
            (Tokens{"+pass"}));
  EXPECT_EQ(shell.option_tokens("echo '#byexample: +skip'\n", false), Tokens{});
  EXPECT_EQ(shell.option_tokens("echo #byexample: +skip\n", false), (Tokens{"+skip"}));
}

TEST(LanguageParser, QuotesMakeTheCommentIgnored) {
  // spec §9.3 #5: neither option applies.
  EXPECT_TRUE(
      parser_for("python").option_tokens("1  # byexample: +rm=\"x\" +norm-ws", false).empty());
  EXPECT_TRUE(parser_for("shell").option_tokens("ls  # byexample: +rm='x'", false).empty());
}

TEST(LanguageParser, TokensAreShellSplit) {
  EXPECT_EQ(parser_for("shell").option_tokens("ls # byexample: +rm=\\  +timeout 3", false),
            (Tokens{"+rm= ", "+timeout", "3"}));
  EXPECT_EQ(parser_for("shell").option_tokens("ls # byexample: +rm=\xc2\xa0 +pass", false),
            (Tokens{"+rm=\xc2\xa0", "+pass"}));
  EXPECT_THROW(parser_for("shell").option_tokens("ls # byexample: +rm=\\", false), OptionError);
}

TEST(LanguageParser, DoctestKeywordOnlyForPythonInDoctestMode) {
  const std::string snippet = "f()  # doctest: +ELLIPSIS";
  EXPECT_EQ(parser_for("python").option_tokens(snippet, true), (Tokens{"+ELLIPSIS"}));
  EXPECT_TRUE(parser_for("python").option_tokens(snippet, false).empty());
  EXPECT_TRUE(parser_for("shell").option_tokens(snippet, true).empty());
  EXPECT_EQ(parser_for("python").option_tokens("f()  # byexample: +skip", true), (Tokens{"+skip"}));
}

TEST(LanguageParser, FinalNewlineIsEnsured) {
  EXPECT_EQ(processed("shell", "echo hi", "hi\n").source, "echo hi\n");
  EXPECT_EQ(processed("shell", "echo hi\n", "hi\n").source, "echo hi\n");
  EXPECT_EQ(processed("ruby", "", "").source, "\n");
}

TEST(LanguageParser, CommentIsKeptExceptForGdb) {
  EXPECT_EQ(processed("shell", "echo hi  # byexample: +pass", "").source,
            "echo hi  # byexample: +pass\n");
  EXPECT_EQ(processed("gdb", "p 1 + 2  # byexample: +pass", "").source, "p 1 + 2  \n");
  EXPECT_EQ(processed("gdb", "p 'a'  # byexample: +pass", "").source, "p 'a'  \n");
  // A quote after the keyword: not an option comment, so not removed either.
  EXPECT_EQ(processed("gdb", "p 1  # byexample: +rm='x'", "").source,
            "p 1  # byexample: +rm='x'\n");
}

TEST(LanguageParser, PowerShellNewlines) {
  EXPECT_EQ(processed("pwsh", "Write-Host hi\n\n", "").source, "Write-Host hi");
  EXPECT_EQ(processed("pwsh", "if ($true) {\n 1\n}\n\n\n", "").source, "if ($true) {\n 1\n}\n");
}

TEST(LanguageParser, ElixirRemovesTheFirstValueMarker) {
  EXPECT_EQ(processed("elixir", "1 + 2", "=> 3\n").expected_str, "3\n");
  EXPECT_EQ(processed("elixir", "x", "=>\n%{a: 1}\n=> 2\n").expected_str, "%{a: 1}\n=> 2\n");
  EXPECT_EQ(processed("elixir", "x", "=>   \n[1]\n").expected_str, "[1]\n");
  EXPECT_EQ(processed("elixir", "x", "=>").expected_str, "");
  EXPECT_EQ(processed("elixir", "x", "a => 1\n=>1\n").expected_str, "a => 1\n=>1\n");
  EXPECT_EQ(processed("elixir", "x", "=> 3\n", {{"elixir_expr_print", std::string("false")}})
                .expected_str,
            "=> 3\n");
  EXPECT_EQ(
      processed("elixir", "x", "=> 3\n", {{"elixir_expr_print", std::string("true")}}).expected_str,
      "3\n");
}

TEST(LanguageParser, ElixirResolvesAutoExpressionPrinting) {
  OptionStack options(language_options("elixir").defaults());
  Example example;
  example.expected_str = "=> 3\n";
  EXPECT_EQ(parser_for("elixir").derived_options(example, options),
            (OptionLayer{{"elixir_expr_print", std::string("true")}}));
  example.expected_str = "3\n";
  EXPECT_EQ(parser_for("elixir").derived_options(example, options),
            (OptionLayer{{"elixir_expr_print", std::string("false")}}));
  options.push({{"elixir_expr_print", std::string("true")}});
  EXPECT_TRUE(parser_for("elixir").derived_options(example, options).empty());
  EXPECT_TRUE(parser_for("shell").derived_options(example, options).empty());
}

}  // namespace
}  // namespace bx
