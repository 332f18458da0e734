// The runners compiled into byexample (spec §4.11.1, §4.11.2).
#pragma once

#include <memory>

#include "driver/run/runner.hpp"

namespace bx {

/// Python (`python -i`), flavour from config.flavor ("python" or "python3").
std::unique_ptr<ExampleRunner> make_python_runner(const RunnerConfig& config);
/// Shell: bash, dash, ksh or sh according to +shell.
std::unique_ptr<ExampleRunner> make_shell_runner(const RunnerConfig& config);
/// C++ through clang-repl-22.
std::unique_ptr<ExampleRunner> make_cpp_runner(const RunnerConfig& config);
/// Java through jshell.
std::unique_ptr<ExampleRunner> make_java_runner(const RunnerConfig& config);
/// Go through yaegi.
std::unique_ptr<ExampleRunner> make_go_runner(const RunnerConfig& config);

}  // namespace bx
