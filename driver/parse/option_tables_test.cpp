#include "driver/parse/option_tables.hpp"

#include <gtest/gtest.h>

namespace bx {
namespace {

using Strings = std::vector<std::string>;

Strings names_of(const OptionParser& parser) {
  Strings names;
  for (const auto& spec : parser.specs()) names.push_back(spec.name);
  return names;
}

TEST(OptionTables, GenericDefaults) {
  OptionLayer expected{
      {"fail_fast", false},
      {"norm_ws", false},
      {"pass", false},
      {"skip", false},
      {"tags", true},
      {"capture", true},
      {"enhance_diff", true},
      {"rm", Strings{}},
      {"timeout", 2.0},
      {"diff", std::string("none")},
      {"geometry", IntPair{24, 80}},
      {"term", std::string("dumb")},
      {"type", false},
      {"input_prefix_range", IntPair{6, 12}},
      {"force_echo_filtering", false},
      {"show_failures", k_show_all_failures},
      {"ignore_first_empty_lines", true},
      {"term_type", std::string("dumb")},
      {"force_echo_filtering_for", Strings{}},
      {"filter_esc_seqs", true},
      {"warn_tab", true},
  };
  EXPECT_EQ(generic_options().defaults(), expected);
}

TEST(OptionTables, EveryOptionHasAHelpText) {
  std::vector<const OptionParser*> parsers{&generic_options(), &concern_options()};
  for (const char* language : {"python", "shell", "ruby", "java", "go", "iasm", "elixir"}) {
    parsers.push_back(&language_options(language));
  }
  for (const OptionParser* parser : parsers) {
    for (const auto& spec : parser->specs()) EXPECT_FALSE(spec.help.empty()) << spec.name;
  }
}

TEST(OptionTables, ConcernOptions) {
  EXPECT_EQ(
      concern_options().defaults(),
      (OptionLayer{{"paste", false}, {"if", std::monostate{}}, {"unless", std::monostate{}}}));
  EXPECT_EQ(concern_options().parse({"+on", "x"}, true), (OptionLayer{{"if", std::string("x")}}));
  EXPECT_EQ(names_of(clipboard_options()), Strings{"paste"});
}

TEST(OptionTables, ChoicesAndTypes) {
  const OptionParser& generic = generic_options();
  EXPECT_EQ(
      generic.parse({"+term=as-is", "+diff=tool", "+show-failures=3"}, true),
      (OptionLayer{
          {"term", std::string("as-is")}, {"diff", std::string("tool")}, {"show_failures", 3L}}));
  EXPECT_EQ(
      generic.parse({"+show-failures", "all", "+input-prefix-range=2:4"}, true),
      (OptionLayer{{"show_failures", k_show_all_failures}, {"input_prefix_range", IntPair{2, 4}}}));
  EXPECT_EQ(generic.parse({"+term-type=xterm"}, true),
            (OptionLayer{{"term_type", std::string("xterm")}}));
  EXPECT_THROW(generic.parse({"+term=vt100"}, true), OptionError);
  EXPECT_THROW(generic.parse({"+input-prefix-range=4:2"}, true), OptionError);
}

TEST(OptionTables, PythonOptions) {
  const OptionParser& python = language_options("python");
  OptionLayer defaults = python.defaults();
  EXPECT_EQ(defaults.at("py_doctest"), OptionValue(false));
  EXPECT_EQ(defaults.at("py_pretty_print"), OptionValue(true));
  EXPECT_EQ(defaults.at("py_remove_empty_lines"), OptionValue(true));
  EXPECT_EQ(defaults.at("ELLIPSIS"), OptionValue(false));
  EXPECT_EQ(names_of(python),
            (Strings{"py-doctest", "py-pretty-print", "py-remove-empty-lines",
                     "NORMALIZE_WHITESPACE", "SKIP", "ELLIPSIS", "DONT_ACCEPT_BLANKLINE",
                     "DONT_ACCEPT_TRUE_FOR_1", "IGNORE_EXCEPTION_DETAIL", "REPORT_UDIFF",
                     "REPORT_CDIFF", "REPORT_NDIFF", "FAIL_FAST", "REPORT_ONLY_FIRST_FAILURE"}));
  EXPECT_EQ(python.specs()[2].help, "enable the deletion of empty lines (enabled by default).");
  // Outside doctest mode the doctest flags are unknown (spec §2.11).
  EXPECT_EQ(names_of(language_options("python", false)),
            (Strings{"py-doctest", "py-pretty-print", "py-remove-empty-lines"}));
  EXPECT_THROW(language_options("python", false).parse({"+ELLIPSIS"}, true), OptionError);
}

TEST(OptionTables, ShellOptions) {
  const OptionParser& shell = language_options("shell");
  EXPECT_EQ(shell.defaults(), (OptionLayer{{"stop_on_timeout", false},
                                           {"stop_on_silence", false},
                                           {"stop_signal", std::string("suspend")},
                                           {"shell", std::string("bash")}}));
  EXPECT_EQ(
      shell.parse({"+shell=ksh", "+stop-signal=interrupt"}, true),
      (OptionLayer{{"shell", std::string("ksh")}, {"stop_signal", std::string("interrupt")}}));
  EXPECT_THROW(shell.parse({"+shell=zsh"}, true), OptionError);
}

TEST(OptionTables, OtherLanguages) {
  EXPECT_EQ(language_options("ruby").defaults(),
            (OptionLayer{{"ruby_pretty_print", true},
                         {"ruby_expr_print", std::string("auto")},
                         {"ruby_start_large_output_in_new_line", false}}));
  EXPECT_EQ(language_options("go").defaults(),
            (OptionLayer{{"go_expr_print", std::string("auto")}}));
  EXPECT_EQ(language_options("elixir").defaults(),
            (OptionLayer{{"elixir_dont_display_hack", false},
                         {"elixir_expr_print", std::string("auto")}}));
  EXPECT_EQ(language_options("iasm").defaults(), (OptionLayer{{"iasm_arch", std::string("arm")},
                                                              {"iasm_mode", std::string("arm")},
                                                              {"iasm_code_size", 2097152L},
                                                              {"iasm_pc", 16777216L}}));
  EXPECT_EQ(language_options("iasm").parse({"+iasm-pc=4096"}, true),
            (OptionLayer{{"iasm_pc", 4096L}}));
  OptionLayer java = language_options("java").defaults();
  EXPECT_EQ(java.at("java_expr_print"), OptionValue(std::string("auto")));
  EXPECT_EQ(java.at("java_class_path"), OptionValue(std::monostate{}));
  EXPECT_EQ(names_of(language_options("java")),
            (Strings{"java-expr-print", "java-class-path", "java-module-path", "java-add-modules",
                     "java-add-exports"}));
  EXPECT_THROW(language_options("go").parse({"+go-expr-print=yes"}, true), OptionError);
}

TEST(OptionTables, LanguagesWithoutOptions) {
  for (const char* language : {"javascript", "rust", "gdb", "php", "pwsh", "unknown"}) {
    EXPECT_TRUE(language_options(language).specs().empty()) << language;
  }
}

TEST(OptionTables, CppOptionsAreReadAtStartUp) {
  EXPECT_EQ(names_of(language_options("cpp")),
            (Strings{"cpp-std", "cpp-include-path", "cpp-library", "cpp-flag"}));
  OptionLayer cpp = language_options("cpp").parse(
      {"+cpp-include-path=a,b", "+cpp-include-path", "c", "+cpp-std=c++20"}, true);
  EXPECT_EQ(cpp.at("cpp_include_path"), OptionValue(Strings{"a,b", "c"}));
  EXPECT_EQ(cpp.at("cpp_std"), OptionValue(std::string("c++20")));
}

}  // namespace
}  // namespace bx
