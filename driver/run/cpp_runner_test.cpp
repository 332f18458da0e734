// The C++ runner against the real clang-repl-22 (a test dependency, as ksh is).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "driver/model/errors.hpp"
#include "driver/run/runner.hpp"
#include "driver/run/runner_test_fixture.hpp"

namespace bx {
namespace {

class CppRunnerTest : public RunnerTest {
 protected:
  CppRunnerTest() { m_options = OptionStack{OptionLayer{{"timeout", 10.0}}}; }

  void start(OptionLayer init_options = {}) {
    RunnerConfig config;
    config.dfl_timeout = 10;
    RunnerTest::start("cpp", config, std::move(init_options));
  }

  std::string run(std::string source, OptionLayer layer = {}) {
    return run_example(std::move(source), "", std::move(layer));
  }
};

TEST_F(CppRunnerTest, StateOutputAndValuesAcrossExamples) {
  start();
  EXPECT_EQ(run("#include <iostream>\nint x = 1;\n"), "\n");
  EXPECT_EQ(run("x + 1\n"), "(int) 2\n");
  EXPECT_EQ(run("int twice(int a) {\n  // doubled\n  return a * 2;\n}\ntwice(x)\n"), "(int) 2\n");
  // The marker's newline ends an unterminated line without adding an empty one.
  EXPECT_EQ(run("std::cout << \"h\xc3\xa9llo\";\n"), "h\xc3\xa9llo\n");
  EXPECT_NE(run("int bad = ;\n").find("error: expected expression"), std::string::npos);
}

TEST_F(CppRunnerTest, AnUnbalancedSourceIsNotSent) {
  start();
  EXPECT_EQ(run("int f(int a) {\n  return a;\n"),
            "The example was not sent to clang-repl: the '{' at line 1, column 14 is never "
            "closed.\n");
  EXPECT_EQ(run("int f(int a) { return a; }\nf(3)\n"), "(int) 3\n");
}

TEST_F(CppRunnerTest, ATimeoutRestartsClangReplAndReplaysTheExamples) {
  start();
  run("int kept = 5;\n");
  EXPECT_THROW(run("while (true) {}\n", {{"timeout", 0.5}}), TimeoutError);
  EXPECT_TRUE(m_runner->cancel(m_example, m_options));
  EXPECT_EQ(run("kept\n"), "(int) 5\n");
}

TEST_F(CppRunnerTest, ACrashClosesTheInterpreter) {
  start();
  EXPECT_THROW(run("int *p = nullptr;\n*p = 1;\n"), InterpreterClosedError);
}

TEST_F(CppRunnerTest, IncludePathsAndStandardFromTheOptions) {
  char dir[] = "/tmp/byexample-cpp-XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  std::string header = std::string(dir) + "/answer.h";
  std::ofstream(header) << "inline int answer() { return 42; }\n";
  start({{"cpp_include_path", std::vector<std::string>{std::string("/nonexistent,") + dir}},
         {"cpp_std", std::string("c++20")}});
  EXPECT_EQ(run("#include \"answer.h\"\nanswer()\n"), "(int) 42\n");
  EXPECT_EQ(run("__cplusplus\n"), "(long) 202002\n");
  std::remove(header.c_str());
  rmdir(dir);
}

TEST_F(CppRunnerTest, ALibraryThatDoesNotLoadIsAnError) {
  RunnerConfig config;
  m_runner = make_runner("cpp", config);
  OptionStack::Scope scope(m_options,
                           OptionLayer{{"cpp_library", std::vector<std::string>{"/no/libx.so"}}});
  try {
    m_runner->initialize(m_options);
    FAIL() << "initialized";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("/no/libx.so: cannot open shared object file"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace bx
