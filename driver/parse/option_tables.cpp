#include "driver/parse/option_tables.hpp"

#include <map>

#include "driver/parse/option_types.hpp"
#include "driver/run/language_definition.hpp"

namespace bx {

namespace {

using Converter = std::function<OptionValue(const std::string&)>;

const Converter k_float = [](const std::string& v) -> OptionValue { return to_py_float(v); };
const Converter k_int = [](const std::string& v) -> OptionValue { return to_py_int(v); };

OptionSpec flag(std::string name, bool default_value, std::string help,
                std::vector<std::string> aliases = {}) {
  OptionSpec spec;
  spec.name = std::move(name);
  spec.kind = OptionKind::flag;
  spec.aliases = std::move(aliases);
  spec.default_value = default_value;
  spec.help = std::move(help);
  return spec;
}

OptionSpec valued(std::string name, OptionValue default_value, std::string metavar,
                  std::string help, Converter convert = nullptr) {
  OptionSpec spec;
  spec.name = std::move(name);
  spec.kind = OptionKind::value;
  spec.default_value = std::move(default_value);
  spec.metavar = std::move(metavar);
  spec.help = std::move(help);
  spec.convert = std::move(convert);
  return spec;
}

OptionSpec choice(std::string name, std::string default_value, std::vector<std::string> choices,
                  std::string help) {
  OptionSpec spec = valued(std::move(name), std::move(default_value), "", std::move(help));
  spec.choices = std::move(choices);
  return spec;
}

OptionSpec appended(std::string name, std::string metavar, std::string help) {
  OptionSpec spec =
      valued(std::move(name), std::vector<std::string>{}, std::move(metavar), std::move(help));
  spec.kind = OptionKind::append;
  return spec;
}

OptionSpec in_group(OptionSpec spec, std::string group) {
  spec.exclusive_group = std::move(group);
  return spec;
}

OptionParser make_parser(std::vector<OptionSpec> specs) {
  OptionParser parser;
  for (auto& spec : specs) parser.add(std::move(spec));
  return parser;
}

OptionParser make_generic() {
  return make_parser({
      flag("fail-fast", false, "if an example fails, fail and stop all the execution."),
      flag("norm-ws", false, "ignore the amount of whitespaces."),
      flag("pass", false, "run the example but do not check its output."),
      flag("skip", false, "do not run the example."),
      flag("tags", true, "enable the tags <...>."),
      flag("capture", true, "enable the capture of the named tags <foo>."),
      flag("enhance-diff", true, "improve how the diff are shown."),
      appended("rm", "<str>", "remove a substring from the got and expected strings."),
      valued("timeout", 2.0, "<secs>", "timeout in seconds to complete the example.", k_float),
      choice("diff", "none", {"none", "unified", "ndiff", "context", "tool"},
             "select diff algorithm."),
      valued("geometry", IntPair{24, 80}, "<lines>x<cols>",
             "number of lines and columns of the terminal of the form LxC (default to 24x80).",
             [](const std::string& v) -> OptionValue { return to_geometry(v); }),
      choice("term", "dumb", {"as-is", "dumb", "ansi"},
             "select a terminal emulator to interpret the output (default to 'dumb')."),
      flag("type", false, "type the text written between [] in the expected.", {"input"}),
      valued("input-prefix-range", IntPair{6, 12}, "<min>:<max>",
             "minimum and maximum length of the prefix that must be seen before typing an "
             "input (default to 6:12).",
             [](const std::string& v) -> OptionValue { return to_input_prefix_range(v); }),
      in_group(
          flag("force-echo-filtering", false, "force the filtering of the echo (experimental)."),
          "force-echo-filtering"),
      valued("show-failures", k_show_all_failures, "<n>",
             "show up to <n> failures per file (all by default).",
             [](const std::string& v) -> OptionValue { return to_show_failures(v); }),
      flag("ignore-first-empty-lines", true,
           "ignore the empty lines at the begin of the output (enabled by default)."),
      valued("term-type", std::string("dumb"), "<str>",
             "value of the TERM environment variable for the interpreters (default to "
             "'dumb'); effective only from the command line."),
      in_group(appended("force-echo-filtering-for", "<lang>",
                        "force the filtering of the echo for the given language or flavor."),
               "force-echo-filtering"),
      flag("filter-esc-seqs", true,
           "remove the escape and control sequences from the output in the dumb terminal "
           "(enabled by default)."),
      flag("warn-tab", true, "warn if the source code has a tab (enabled by default)."),
  });
}

OptionSpec paste_option() {
  return flag("paste", false, "enable the paste mode of captured texts.");
}

OptionParser make_concern() {
  OptionSpec condition =
      in_group(valued("if", std::monostate{}, "<tag>",
                      "run the example only if the tag was captured and it is not empty."),
               "conditional");
  condition.aliases = {"on"};
  return make_parser({
      paste_option(),
      std::move(condition),
      in_group(valued("unless", std::monostate{}, "<tag>",
                      "skip the example if the tag was captured and it is not empty."),
               "conditional"),
  });
}

std::vector<OptionSpec> python_specs(bool doctest_mode) {
  std::vector<OptionSpec> specs{
      flag("py-doctest", false, "enable the compatibility with doctest."),
      flag("py-pretty-print", true, "enable the pretty print enhancement."),
      flag("py-remove-empty-lines", true,
           "enable the deletion of empty lines (enabled by default)."),
  };
  if (!doctest_mode) return specs;
  const std::pair<const char*, const char*> k_doctest_flags[] = {
      {"NORMALIZE_WHITESPACE", "alias for +norm-ws."},
      {"SKIP", "alias for +skip."},
      {"ELLIPSIS", "enables the ... wildcard."},
      {"DONT_ACCEPT_BLANKLINE", "take <BLANKLINE> as literal."},
      {"DONT_ACCEPT_TRUE_FOR_1", "ignored."},
      {"IGNORE_EXCEPTION_DETAIL", "ignore the exception details."},
      {"REPORT_UDIFF", "alias for +diff unified."},
      {"REPORT_CDIFF", "alias for +diff context."},
      {"REPORT_NDIFF", "alias for +diff ndiff."},
      {"FAIL_FAST", "alias for +fail-fast."},
      {"REPORT_ONLY_FIRST_FAILURE", "alias for +show-failures 1."},
  };
  for (const auto& [name, help] : k_doctest_flags) {
    specs.push_back(flag(name, false, std::string("[doctest] ") + help));
  }
  return specs;
}

std::vector<OptionSpec> shell_specs() {
  OptionSpec silence = valued("stop-on-silence", false, "secs",
                              "stop the process if no output is read in the last <secs> "
                              "seconds (0.2 secs by default).",
                              k_float);
  silence.kind = OptionKind::optional_value;
  silence.const_value = 0.2;
  return {
      flag("stop-on-timeout", false, "stop the process if it timeout."),
      std::move(silence),
      choice("stop-signal", "suspend", {"suspend", "eof", "interrupt", "quit"},
             "signal to send when stop-on-timeout/stop-on-silence is used (suspend ^Z by "
             "default)."),
      choice("shell", "bash", {"bash", "dash", "ksh", "sh"},
             "shell to use with default settings ('bash' by default). For full control use "
             "-x-shebang)"),
  };
}

OptionSpec expr_print(const std::string& language, const std::string& marker) {
  return choice(language + "-expr-print", "auto", {"auto", "true", "false"},
                "print the expression's value (true); suppress it (false); or print it only "
                "if the example has a " +
                    marker + " (auto, the default)");
}

std::vector<OptionSpec> java_specs() {
  return {
      expr_print("java", "=>"),
      valued("java-class-path", std::monostate{}, "<path>",
             "List of directories, JAR archives, and ZIP archives to search for class files "
             "separated by a colon (:). On Windows use a semicolon (;)."),
      valued("java-module-path", std::monostate{}, "<path>",
             "List of directories, JAR archives, and ZIP archives to search for modules "
             "separated by a colon (:). On Windows use a semicolon (;)."),
      valued("java-add-modules", std::monostate{}, "<name>[,<name>...]",
             "Root modules to resolve in addition to the initial module. <name> can also be "
             "ALL-DEFAULT, ALL-SYSTEM, ALL-MODULE-PATH."),
      valued("java-add-exports", std::monostate{}, "<module>/<package>=<target>[,<target>...]",
             "Updates <module> to export <package> to <target-module>, regardless of module "
             "declaration. <target-module> can be ALL-UNNAMED to export to all unnamed "
             "modules. In jshell, if the <target-module> is not specified then ALL-UNNAMED is "
             "used."),
  };
}

std::vector<OptionSpec> cpp_specs() {
  return {
      valued("cpp-std", std::string("c++17"), "<std>",
             "the C++ standard clang-repl follows (-std=, c++17 by default); read at start-up."),
      appended("cpp-include-path", "<dir>[,<dir>...]",
               "add directories to the include path of clang-repl; read at start-up."),
      appended("cpp-library", "<path>[,<path>...]",
               "load shared libraries into clang-repl (%lib); read at start-up."),
      appended("cpp-flag", "<flag>", "pass a flag to clang-repl's compiler; read at start-up."),
  };
}

std::vector<OptionSpec> iasm_specs() {
  return {
      valued("iasm-arch", std::string("arm"), "<arch>",
             "architecture name (arm, x86, sparc, ...); see iasm documentation."),
      valued("iasm-mode", std::string("arm"), "<mode>",
             "mode (arm, 32, 64, ...); see iasm documentation."),
      valued("iasm-code-size", 2097152L, "<sz>",
             "size of the code segment; see iasm documentation.", k_int),
      valued("iasm-pc", 16777216L, "<addr>",
             "starting address, value of the program counter; see iasm documentation.", k_int),
  };
}

std::map<std::string, OptionParser, std::less<>> make_language_tables(bool doctest_mode) {
  std::map<std::string, OptionParser, std::less<>> tables;
  tables["python"] = make_parser(python_specs(doctest_mode));
  tables["shell"] = make_parser(shell_specs());
  tables["ruby"] = make_parser({
      flag("ruby-pretty-print", true, "enable the pretty print enhancement."),
      expr_print("ruby", "=>"),
      flag("ruby-start-large-output-in-new-line", false,
           "add a newline after the => if the output that follows does not fit in a single "
           "line. (irb >= 1.2.2)"),
  });
  tables["java"] = make_parser(java_specs());
  tables["cpp"] = make_parser(cpp_specs());
  tables["go"] = make_parser({expr_print("go", "colon")});
  tables["iasm"] = make_parser(iasm_specs());
  tables["elixir"] = make_parser({
      flag("elixir-dont-display-hack", false, "required for IEx < 1.9."),
      expr_print("elixir", "=>"),
  });
  return tables;
}

}  // namespace

const OptionParser& generic_options() {
  static const OptionParser parser = make_generic();
  return parser;
}

const OptionParser& concern_options() {
  static const OptionParser parser = make_concern();
  return parser;
}

const OptionParser& clipboard_options() {
  static const OptionParser parser = make_parser({paste_option()});
  return parser;
}

const OptionParser& language_options(std::string_view language) {
  return language_options(language, true);
}

const OptionParser& language_options(std::string_view language, bool doctest_mode) {
  static const auto doctest_tables = make_language_tables(true);
  static const auto normal_tables = make_language_tables(false);
  static const OptionParser empty;
  const auto& tables = doctest_mode ? doctest_tables : normal_tables;
  auto it = tables.find(language);
  if (it != tables.end()) return it->second;
  // A language defined in YAML brings its own options.
  const LanguageDefinition* definition = find_language_definition(language);
  return definition ? definition->options : empty;
}

}  // namespace bx
