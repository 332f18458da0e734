#include "driver/run/language_definition.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "driver/model/errors.hpp"

namespace bx {
namespace {

constexpr std::string_view k_complete = R"(language: lua
flavors: [lua, lua5.4]
display-name: Lua REPL
finder:
  ps1: "lua> "
  ps2: "...> "
  options-comment: "--"
command:
  launcher: /usr/bin/env
  program: lua5.4
  arguments: [-i, "{file:init.lua}"]
  version-arguments: [-v]
environment:
  LUA_INIT: "@{file:init.lua}"
files:
  init.lua: |
    _PROMPT = "x"
prompts:
  first: 'first> '
  wait-first: false
  ps1: 'p1> '
  any: 'p[12]> '
init:
  - plain = 1
  - code: strict()
    when: lua-strict
  - code: lax()
    unless: lua-strict
echo-filtering: true
min-geometry: 30x128
source:
  strip-trailing-newline: true
  skip-empty: true
expression-display:
  option: lua-expr-print
  wanted: '^= '
  remove-from-expected: true
  prefix: {shown: "S; ", hidden: "H; "}
  toggle: {shown: show(), hidden: hide(), initially: hidden}
  cut: '^= '
cancel: restart
options:
  - name: lua-strict
    default: false
    help: strict globals.
  - name: lua-expr-print
    default: auto
    choices: [auto, "true", "false"]
    help: show values.
  - name: lua-path
    metavar: <dir>
    help: where modules are.
)";

TEST(LanguageDefinition, CompleteFile) {
  LanguageDefinition d = parse_language_definition(k_complete, "lua.yml");
  EXPECT_EQ(d.origin, "lua.yml");
  EXPECT_EQ(d.language, "lua");
  EXPECT_EQ(d.flavors, (std::vector<std::string>{"lua", "lua5.4"}));
  EXPECT_EQ(d.display_name, "Lua REPL");
  EXPECT_FALSE(d.finder.builtin);
  EXPECT_EQ(d.finder.ps1, "lua> ");
  EXPECT_EQ(d.finder.ps2, "...> ");
  EXPECT_EQ(d.finder.options_comment, "--");
  EXPECT_EQ(d.program, "lua5.4");
  EXPECT_EQ(d.arguments, (std::vector<std::string>{"-i", "{file:init.lua}"}));
  EXPECT_EQ(d.version_arguments, std::vector<std::string>{"-v"});
  ASSERT_EQ(d.environment.size(), 1u);
  EXPECT_EQ(d.environment[0].second, "@{file:init.lua}");
  ASSERT_EQ(d.files.size(), 1u);
  EXPECT_EQ(d.files[0].first, "init.lua");
  EXPECT_EQ(d.files[0].second, "_PROMPT = \"x\"\n");
  EXPECT_EQ(d.first_prompt, "first> ");
  EXPECT_FALSE(d.wait_first_prompt);
  EXPECT_EQ(d.any_prompt, "p[12]> ");
  ASSERT_EQ(d.init.size(), 3u);
  EXPECT_EQ(d.init[1].when, "lua-strict");
  EXPECT_EQ(d.init[2].unless, "lua-strict");
  EXPECT_TRUE(d.echo_filtering);
  EXPECT_EQ(d.min_geometry, (IntPair{30, 128}));
  EXPECT_TRUE(d.source.strip_trailing_newline && d.source.skip_empty);
  EXPECT_FALSE(d.source.strip_whitespace);
  EXPECT_EQ(d.expression.prefix_hidden, "H; ");
  EXPECT_EQ(d.expression.toggle_shown, "show()");
  EXPECT_FALSE(d.expression.initially_shown);
  EXPECT_TRUE(d.expression.remove_from_expected);
  EXPECT_EQ(d.cancel, CancelMode::restart);
  OptionLayer defaults = d.options.defaults();
  EXPECT_EQ(defaults.at("lua_strict"), OptionValue(false));
  EXPECT_EQ(defaults.at("lua_expr_print"), OptionValue(std::string("auto")));
  EXPECT_EQ(defaults.at("lua_path"), OptionValue(std::monostate{}));
  OptionLayer given = d.options.parse({"+lua-strict", "+lua-path", "/x"}, true);
  EXPECT_EQ(given.at("lua_strict"), OptionValue(true));
  EXPECT_EQ(given.at("lua_path"), OptionValue(std::string("/x")));
  EXPECT_THROW(d.options.parse({"+lua-expr-print", "maybe"}, true), OptionError);
}

TEST(LanguageDefinition, Defaults) {
  LanguageDefinition d = parse_language_definition(
      "language: tiny\nfinder: builtin\ncommand: {program: tiny}\nprompts: {ps1: 't> '}\n",
      "tiny.yml");
  EXPECT_TRUE(d.finder.builtin);
  EXPECT_EQ(d.flavors, std::vector<std::string>{"tiny"});
  EXPECT_EQ(d.display_name, "Tiny Runner");
  EXPECT_EQ(d.launcher, "/usr/bin/env");
  EXPECT_EQ(d.any_prompt, "t> ");
  EXPECT_TRUE(d.wait_first_prompt);
  EXPECT_EQ(d.cancel, CancelMode::interrupt);
  EXPECT_TRUE(d.expression.option.empty());
}

/// The message of the bx::Error that parsing `yaml` throws.
std::string error_of(const std::string& yaml) {
  try {
    parse_language_definition(yaml, "bad.yml");
  } catch (const Error& error) {
    return error.what();
  }
  return "no error";
}

const std::string k_head = "language: x\nfinder: builtin\ncommand: {program: x}\n";

TEST(LanguageDefinition, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(error_of("language: [x\n"), "bad.yml:2:1: end of sequence flow not found");
  EXPECT_EQ(error_of(k_head + "prompts: {ps1: 'a'}\ncolour: red\n"),
            "bad.yml:5:1: unknown key 'colour' in a language definition");
  EXPECT_EQ(error_of(k_head), "bad.yml:1:11: missing key 'prompts'");
  EXPECT_EQ(error_of(k_head + "prompts: {any: 'a'}\n"), "bad.yml:4:10: missing key 'ps1'");
  EXPECT_EQ(error_of(k_head + "prompts:\n  ps1: 'a('\n"),
            "bad.yml:5:8: invalid regex in 'ps1': missing closing parenthesis at position 2");
  EXPECT_EQ(error_of(k_head + "prompts: {ps1: a}\ncancel: later\n"),
            "bad.yml:5:9: 'cancel' must be 'interrupt' or 'restart'");
  EXPECT_EQ(error_of(k_head + "prompts: {ps1: a}\nmin-geometry: big\n"),
            "bad.yml:5:15: 'min-geometry' must be written <rows>x<columns>");
  EXPECT_EQ(error_of(k_head + "prompts: {ps1: a}\necho-filtering: often\n"),
            "bad.yml:5:17: 'echo-filtering' must be true or false");
  EXPECT_EQ(error_of(k_head + "prompts: {ps1: a}\ninit: [{code: x, if: y}]\n"),
            "bad.yml:5:18: unknown key 'if' in an 'init' line");
  EXPECT_EQ(error_of(k_head + "prompts: {ps1: a}\noptions:\n  - name: x-mode\n    default: c\n"
                              "    choices: [a, b]\n"),
            "bad.yml:7:14: the default 'c' is not one of the choices");
  EXPECT_EQ(error_of(k_head + "prompts: {ps1: a}\noptions:\n  - {name: x-a}\n  - {name: x-a}\n"),
            "bad.yml:7:5: option +x-a is defined twice");
}

TEST(LanguageDefinition, FinderErrors) {
  std::string tail = "command: {program: x}\nprompts: {ps1: a}\n";
  EXPECT_EQ(error_of("language: x\nfinder: magic\n" + tail),
            "bad.yml:2:9: 'finder' must be 'builtin' or a mapping");
  EXPECT_EQ(
      error_of("language: x\nfinder: {ps1: 'x> ', ps2: '..> ', options-comment: '#'}\n" + tail),
      "bad.yml:2:27: 'ps2' must be as long as 'ps1' (both are cut from the lines)");
  EXPECT_EQ(error_of("language: x\nfinder: {ps1: 'x>', options-comment: '#'}\n" + tail),
            "bad.yml:2:15: 'ps1' must end with a space, as written before the code");
  EXPECT_EQ(error_of("language: x\nfinder: {ps1: 'x> '}\n" + tail),
            "bad.yml:2:9: missing key 'options-comment'");
}

TEST(LanguageDefinition, OnlyFilesWithALanguageKeyAreDefinitions) {
  EXPECT_TRUE(is_language_definition(k_head, "a.yml"));
  EXPECT_FALSE(is_language_definition("name: ci\nsteps: [a]\n", "a.yml"));
  EXPECT_FALSE(is_language_definition("- language\n", "a.yml"));
  EXPECT_THROW(is_language_definition("a: [\n", "a.yml"), Error);
}

TEST(LanguageDefinition, LoadsTheDefinitionsOfADirectory) {
  char pattern[] = "/tmp/bx-definitions-XXXXXX";
  ASSERT_NE(mkdtemp(pattern), nullptr);
  std::string dir = pattern;
  std::ofstream(dir + "/b.yaml") << k_head << "prompts: {ps1: b}\n";
  std::ofstream(dir + "/a.yml") << "language: a\nfinder: builtin\ncommand: {program: a}\n"
                                   "prompts: {ps1: a}\n";
  std::ofstream(dir + "/ci.yml") << "jobs: [build]\n";
  std::ofstream(dir + "/notes.txt") << "language: no\n";
  auto loaded = load_language_definitions(dir);
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_EQ(loaded[0].language, "a");
  EXPECT_EQ(loaded[1].language, "x");
  EXPECT_EQ(loaded[1].origin, dir + "/b.yaml");
  std::ofstream(dir + "/c.yml") << "language: c\nfinder: builtin\n";
  try {
    load_language_definitions(dir);
    ADD_FAILURE() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()), dir + "/c.yml:1:11: missing key 'command'");
  }
  std::filesystem::remove_all(dir);
}

TEST(LanguageDefinition, BuiltinDefinitions) {
  std::vector<std::string> languages = builtin_definition_languages();
  EXPECT_EQ(languages, (std::vector<std::string>{"gdb", "javascript", "ruby", "php", "elixir"}));
  for (const std::string& language : languages) {
    // What builtin_definition_languages() tells without parsing them must hold.
    const LanguageDefinition* definition = find_language_definition(language);
    ASSERT_NE(definition, nullptr) << language;
    EXPECT_EQ(definition->language, language);
    EXPECT_TRUE(definition->finder.builtin) << language;
    EXPECT_EQ(definition->flavors, std::vector<std::string>{language});
  }
  const LanguageDefinition* gdb = find_language_definition("gdb");
  ASSERT_NE(gdb, nullptr);
  EXPECT_EQ(gdb->origin, "<builtin>/gdb.yml");
  EXPECT_TRUE(gdb->source.strip_trailing_newline);
  EXPECT_EQ(find_language_definition("python"), nullptr);
  EXPECT_EQ(find_language_definition("ruby")->expression.option, "ruby-expr-print");
  EXPECT_EQ(find_language_definition("elixir")->cancel, CancelMode::restart);
}

}  // namespace
}  // namespace bx
