#include <dirent.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>

#include "driver/model/errors.hpp"
#include "driver/run/runner.hpp"
#include "driver/util/regex.hpp"

namespace bx {
namespace {

RunnerConfig shell_config() {
  RunnerConfig config;
  config.flavor = "shell";
  config.dfl_timeout = 0.5;
  return config;
}

/// Whether a process is running with exactly this command line.
bool running_now(const std::string& cmdline) {
  DIR* proc = opendir("/proc");
  bool found = false;
  while (dirent* entry = readdir(proc)) {
    if (std::atoi(entry->d_name) <= 0) continue;
    std::ifstream file(std::string("/proc/") + entry->d_name + "/cmdline");
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    std::ifstream stat(std::string("/proc/") + entry->d_name + "/stat");
    std::string status((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    auto paren = status.rfind(')');
    bool zombie =
        paren != std::string::npos && paren + 2 < status.size() && status[paren + 2] == 'Z';
    if (text == cmdline && !zombie) found = true;
  }
  closedir(proc);
  return found;
}

/// Whether `running_now` becomes `expected` within two seconds (processes start and die
/// asynchronously).
bool becomes(const std::string& cmdline, bool expected) {
  for (int i = 0; i < 200 && running_now(cmdline) != expected; ++i) usleep(10000);
  return running_now(cmdline) == expected;
}

class ShellRunnerTest : public ::testing::Test {
 protected:
  void start(OptionLayer init = {}, RunnerConfig config = shell_config()) {
    m_runner = make_runner("shell", config);
    ASSERT_NE(m_runner, nullptr);
    OptionStack::Scope scope(m_options, std::move(init));
    m_runner->initialize(m_options);
  }
  void TearDown() override {
    if (m_runner) m_runner->shutdown();
  }

  std::string run(std::string source, OptionLayer layer = {}) {
    Example example;
    example.source = std::move(source);
    OptionStack::Scope scope(m_options, std::move(layer));
    return m_runner->run(example, m_options);
  }

  OptionStack m_options{OptionLayer{{"timeout", 2.0}}};
  std::unique_ptr<ExampleRunner> m_runner;
};

TEST_F(ShellRunnerTest, StateIsKeptBetweenExamples) {
  start();
  EXPECT_EQ(run("x=3\n"), "\n");
  EXPECT_EQ(run("echo $x\n"), "3\n");
  EXPECT_EQ(run("g () {\n    echo $(( $1 + $2 ))\n}\n"), "\n");
  EXPECT_EQ(run("g 1 2\n"), "3\n");
  EXPECT_EQ(run("echo $POSIXLY_CORRECT\n"), "y\n");
  EXPECT_EQ(run("echo \"a!b\"\n"), "a!b\n");  // no history expansion
  EXPECT_EQ(run("printf x\n"), "x\n");
}

TEST_F(ShellRunnerTest, Environment) {
  start();
  EXPECT_EQ(run("echo $TERM ${LINES}x${COLUMNS}\n"), "dumb 24x80\n");
  EXPECT_EQ(run("echo \"[$PAGER][$PROMPT_COMMAND]\"\n"), "[][]\n");
  // bash started without reading the user's history, and saves none (nor its children).
  EXPECT_EQ(run("echo ${HISTFILE-unset}\n"), "unset\n");
}

TEST_F(ShellRunnerTest, InitOptions) {
  start({{"term_type", std::string("vt100")}, {"geometry", IntPair{24, 60}}});
  EXPECT_EQ(run("echo $TERM ${LINES}x${COLUMNS}\n"), "vt100 24x60\n");
  EXPECT_EQ(run("stty size\n"), "24 60\n");
}

TEST_F(ShellRunnerTest, GeometryPerExample) {
  start();
  EXPECT_EQ(run("stty size\n", {{"geometry", IntPair{30, 100}}}), "30 100\n");
  EXPECT_EQ(run("stty size\n"), "24 80\n");
}

TEST_F(ShellRunnerTest, TerminalModes) {
  start();
  EXPECT_EQ(run("printf 'abc\\rX\\n'\n", {{"term", std::string("ansi")}}), "Xbc\n");
  EXPECT_EQ(run("printf 'abc\\rX\\n'\n"), "abc\nX\n");
  EXPECT_EQ(run("printf 'a\\tb  \\n'\n", {{"term", std::string("as-is")}}), "a\tb  \n");
  EXPECT_EQ(run("printf 'red \\033[31mred\\033[0m\\n'\n"), "red red\n");
}

TEST_F(ShellRunnerTest, TimeoutThenRecovery) {
  start();
  EXPECT_THROW(run("echo start; sleep 30\n", {{"timeout", 0.3}}), TimeoutError);
  Example example;
  EXPECT_TRUE(m_runner->cancel(example, m_options));
  EXPECT_EQ(run("echo ok\n"), "ok\n");
}

TEST_F(ShellRunnerTest, StopOnSilence) {
  start();
  auto begin = std::chrono::steady_clock::now();
  EXPECT_EQ(run("echo start; sleep 30\n",
                {{"stop_on_silence", 0.2}, {"stop_signal", std::string("interrupt")}}),
            "start\n");
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  EXPECT_LT(elapsed, 1.0);
  EXPECT_EQ(run("echo after\n"), "after\n");
}

TEST_F(ShellRunnerTest, StopOnTimeoutSuspendsTheJob) {
  start();
  EXPECT_EQ(run("echo a; cat\n", {{"stop_on_timeout", true}, {"timeout", 0.3}}), "a\n");
  EXPECT_NE(run("jobs\n").find("Stopped"), std::string::npos);
  EXPECT_NE(run("kill -9 %1; wait; echo done\n").find("done"), std::string::npos);
}

TEST_F(ShellRunnerTest, TypesInputs) {
  start();
  Example example;
  example.source = "printf 'name: '; read v; echo \"hi $v\"\n";
  example.inputs = {{"name: ", regex_escape("name: "), "bob"}};
  EXPECT_EQ(m_runner->run(example, m_options), "name: [bob]\nhi bob\n");
}

TEST_F(ShellRunnerTest, EchoFiltering) {
  RunnerConfig config = shell_config();
  config.turn_echo_off = false;
  start({}, config);
  EXPECT_EQ(run("stty echo\n"), "\n");
  EXPECT_EQ(run("echo \"normal output\"\n"), "echo \"normal output\"\nnormal output\n");
  EXPECT_EQ(run("echo \"normal output\"\n", {{"force_echo_filtering", true}}), "normal output\n");
  EXPECT_EQ(run("echo \"normal output\"\n",
                {{"force_echo_filtering_for", std::vector<std::string>{"shell"}}}),
            "normal output\n");
}

TEST_F(ShellRunnerTest, EchoIsTurnedOffBeforeEachLine) {
  start();
  EXPECT_EQ(run("stty echo\n"), "\n");
  EXPECT_EQ(run("echo \"normal output\"\n"), "normal output\n");
}

TEST_F(ShellRunnerTest, BackgroundJobsDieWithTheShell) {
  start();
  run("sleep 1234 >/dev/null 2>&1 &\n", {{"norm_ws", true}});
  run("( sleep 1235 & ) >/dev/null 2>&1\n");
  std::string sleep1 = std::string(
      "sleep\0"
      "1234\0",
      11);
  std::string sleep2 = std::string(
      "sleep\0"
      "1235\0",
      11);
  EXPECT_TRUE(becomes(sleep1, true));
  EXPECT_TRUE(becomes(sleep2, true));
  m_runner->shutdown();
  EXPECT_TRUE(becomes(sleep1, false));
  EXPECT_TRUE(becomes(sleep2, false));
}

TEST_F(ShellRunnerTest, Dash) {
  start({{"shell", std::string("dash")}});
  EXPECT_EQ(run("echo $0\n"), "dash\n");
  EXPECT_EQ(run("x=5\n"), "\n");
  EXPECT_EQ(run("echo $((x + 1))\n"), "6\n");
}

TEST_F(ShellRunnerTest, DelayAfterPromptCollectsLateOutput) {
  RunnerConfig config = shell_config();
  config.delayafterprompt = 0.5;
  start({{"shell", std::string("dash")}}, config);
  EXPECT_EQ(run("{ sleep 0.1; echo late; } &\n"), "late\n");
}

TEST_F(ShellRunnerTest, Sh) {
  start({{"shell", std::string("sh")}});
  EXPECT_EQ(run("echo $0\n"), "sh\n");
}

TEST_F(ShellRunnerTest, Ksh) {
  ASSERT_EQ(access("/usr/bin/ksh", X_OK), 0) << "ksh is required (scripts/dev.sh installs it)";
  start({{"shell", std::string("ksh")}});
  EXPECT_EQ(run("echo ${.sh.version+ksh}\n"), "ksh\n");
  EXPECT_EQ(run("for i in 1 2; do\n  echo $i\ndone\n"), "1\n2\n");
}

}  // namespace
}  // namespace bx
