// The fixture of the runner unit tests: one live interpreter per test, examples run on it,
// and the check that its whole process tree was reaped at the end.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <string>

#include "driver/run/reaper.hpp"
#include "driver/run/runner.hpp"

namespace bx {

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    wait_for_reaper();  // the interpreters that earlier tests handed over
    m_children_before = child_count();
  }
  void TearDown() override {
    if (m_runner) m_runner->shutdown();
    wait_for_reaper();  // the shutdown hands the interpreter over without waiting
    EXPECT_EQ(child_count(), m_children_before);
  }

  /// Makes and initialises the runner of `language`, with `init` over m_options.
  void start(std::string_view language, const RunnerConfig& config, OptionLayer init = {}) {
    m_runner = make_runner(language, config);
    ASSERT_NE(m_runner, nullptr);
    OptionStack::Scope scope(m_options, std::move(init));
    m_runner->initialize(m_options);
  }

  /// Runs `source` as m_example, whose expected some runners read, with `layer` on top.
  std::string run_example(std::string source, std::string expected, OptionLayer layer) {
    m_example.source = std::move(source);
    m_example.expected_str = std::move(expected);
    OptionStack::Scope scope(m_options, std::move(layer));
    return m_runner->run(m_example, m_options);
  }

  /// Children of the calling thread, to see that nothing is left behind.
  static std::size_t child_count() {
    std::ifstream children("/proc/self/task/" + std::to_string(gettid()) + "/children");
    std::size_t count = 0;
    std::string pid;
    while (children >> pid) ++count;
    return count;
  }

  OptionStack m_options{OptionLayer{{"timeout", 2.0}}};
  std::unique_ptr<ExampleRunner> m_runner;
  Example m_example;
  std::size_t m_children_before = 0;
};

}  // namespace bx
