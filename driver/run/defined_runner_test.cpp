#include "driver/run/defined_runner.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "driver/model/errors.hpp"
#include "driver/run/runner.hpp"

namespace bx {
namespace {

// dash takes its prompts from the environment: the first prompt is already the sentinel.
constexpr std::string_view k_dash = R"(language: dashy
finder: {ps1: "d$ ", ps2: "d> ", options-comment: "#"}
command: {program: dash, arguments: [-i]}
environment:
  PS1: "/bx/d1> "
  PS2: "/bx/d2> "
  DATA: "{file:data.txt}"
  TERM: vt100
files:
  data.txt: "from the definition\n"
prompts: {ps1: '/bx/d1> ', any: '/bx/d[12]> '}
init:
  - "GREETING='{option:dashy-greeting}'"
  - {code: "MODE=loud", when: dashy-loud}
  - {code: "MODE=quiet", unless: dashy-loud}
min-geometry: 30x100
source: {strip-whitespace: true, skip-empty: true}
expression-display:
  option: dashy-expr-print
  wanted: '^: '
  prefix: {shown: "P=shown; ", hidden: "P=hidden; "}
  suffix: {hidden: "; echo S=suffixed", when: dashy-old}
  toggle: {shown: "T=shown", hidden: "T=hidden"}
  cut: '^: '
cancel: restart
options:
  - {name: dashy-greeting, default: hi}
  - {name: dashy-loud, default: false}
  - {name: dashy-old, default: false}
  - {name: dashy-expr-print, default: auto, choices: [auto, "true", "false"]}
)";

class DefinedRunnerTest : public ::testing::Test {
 protected:
  void start(OptionLayer init = {}) {
    RunnerConfig config;
    config.dfl_timeout = 2;
    m_runner = make_defined_runner(m_definition, config);
    OptionStack::Scope scope(m_options, std::move(init));
    m_runner->initialize(m_options);
  }
  void TearDown() override {
    if (m_runner) m_runner->shutdown();
  }

  std::string run(std::string source, std::string expected = {}, OptionLayer layer = {}) {
    Example example;
    example.source = std::move(source);
    example.expected_str = std::move(expected);
    OptionStack::Scope scope(m_options, std::move(layer));
    return m_runner->run(example, m_options);
  }

  LanguageDefinition m_definition = parse_language_definition(k_dash, "dashy.yml");
  OptionStack m_options{OptionLayer{{"timeout", 2.0},
                                    {"dashy_greeting", std::string("hi")},
                                    {"dashy_loud", false},
                                    {"dashy_old", false},
                                    {"dashy_expr_print", std::string("auto")}}};
  std::unique_ptr<ExampleRunner> m_runner;
};

TEST_F(DefinedRunnerTest, StateFilesEnvironmentAndInit) {
  start({{"dashy_greeting", std::string("hello there")}});
  EXPECT_EQ(run("x=3\n"), "\n");
  EXPECT_EQ(run("echo $x\n"), "3\n");
  EXPECT_EQ(run("if true; then\n  echo $((x + 1))\nfi\n"), "4\n");
  EXPECT_EQ(run("cat \"$DATA\"\n"), "from the definition\n");
  EXPECT_EQ(run("echo \"$GREETING/$MODE/$TERM\"\n"), "hello there/quiet/vt100\n");
  EXPECT_EQ(run("   \n"), "");  // stripped to nothing: not sent
}

TEST_F(DefinedRunnerTest, FlagsSelectInitLines) {
  start({{"dashy_loud", true}});
  EXPECT_EQ(run("echo $MODE\n"), "loud\n");
}

TEST_F(DefinedRunnerTest, PrivateFilesLiveAsLongAsTheInterpreter) {
  start();
  std::string path = run("echo \"$DATA\"\n");
  path.pop_back();
  EXPECT_TRUE(std::filesystem::exists(path)) << path;
  m_runner->shutdown();
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(path).parent_path())) << path;
  m_runner.reset();
}

TEST_F(DefinedRunnerTest, MinimumGeometry) {
  start();
  EXPECT_EQ(run("stty size\n"), "30 100\n");
  EXPECT_EQ(run("stty size\n", "", {{"geometry", IntPair{40, 60}}}), "40 100\n");
}

TEST_F(DefinedRunnerTest, ExpressionDisplay) {
  start();
  // auto: wanted when the expected has a `: ` line; the prefix goes first, the toggle is
  // sent only when the state changes, and a hidden value is cut from the got.
  EXPECT_EQ(run("echo \"a $P $T\"; echo ': 1'\n", ": 1\n"), "a shown\n: 1\n");
  EXPECT_EQ(run("echo \"b $P $T\"; echo ': 2'\n", "b\n"), "b hidden hidden\n");
  EXPECT_EQ(run("echo \"c $P $T\"; echo ': 3'\n", ""), "c hidden hidden\n");
  EXPECT_EQ(run("echo \"d $P $T\"\n", "", {{"dashy_expr_print", std::string("true")}}),
            "d shown shown\n");
}

TEST_F(DefinedRunnerTest, SuffixInsteadOfTheToggleWhileItsFlagIsOn) {
  start();
  OptionLayer old{{"dashy_old", true}};
  // Hidden: the suffix follows the last line and the toggle is not sent (T stays unset).
  EXPECT_EQ(run("echo \"a $P $T\"\n", "a\n", old), "a hidden\nS=suffixed\n");
  EXPECT_EQ(run("echo \"b $P $T\"\n", ": 1\n", old), "b shown\n");
}

TEST_F(DefinedRunnerTest, CancelRestartsTheInterpreter) {
  start();
  run("x=5\n");
  Example example;
  example.source = "sleep 5\n";
  OptionStack::Scope scope(m_options, {{"timeout", 0.3}});
  EXPECT_THROW(m_runner->run(example, m_options), TimeoutError);
  EXPECT_TRUE(m_runner->cancel(example, m_options));
  EXPECT_EQ(run("echo \"[$x] $GREETING\"\n"), "[] hi\n");
}

TEST(DefinedRunner, ExpandsPlaceholders) {
  LanguageDefinition definition = parse_language_definition(k_dash, "dashy.yml");
  OptionStack options{OptionLayer{{"dashy_greeting", std::string("hey")}, {"dashy_loud", true}}};
  EXPECT_EQ(expand_definition_text("{file:data.txt} {dir} {option:dashy-greeting} "
                                   "{option:dashy-loud} {other} {",
                                   definition, "/d", options),
            "/d/data.txt /d hey true {other} {");
  EXPECT_THROW(expand_definition_text("{file:nope}", definition, "/d", options), Error);
  EXPECT_THROW(expand_definition_text("{option:nope}", definition, "/d", options), Error);
}

TEST(DefinedRunner, MissingInterpreterIsReportedAsSuch) {
  LanguageDefinition definition = parse_language_definition(
      "language: ghost\nfinder: builtin\ncommand: {program: no-such-interpreter-here}\n"
      "prompts: {ps1: 'g> '}\n",
      "ghost.yml");
  auto runner = make_defined_runner(definition, RunnerConfig{});
  OptionStack options{OptionLayer{{"timeout", 2.0}}};
  try {
    runner->initialize(options);
    ADD_FAILURE() << "no error";
  } catch (const InterpreterMissing& missing) {
    EXPECT_EQ(missing.reason(), "the interpreter 'no-such-interpreter-here' is not installed");
  }
}

}  // namespace
}  // namespace bx
