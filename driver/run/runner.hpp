// Runners: one interpreter session per language per file (spec §4, §7.7). The interface is
// the public one of include/byexample/runner.hpp.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "include/byexample/runner.hpp"

namespace bx {

/// What a runner needs from the command line (the `-x-*` flags and friends, §6.1).
struct RunnerConfig {
  std::string flavor;             ///< the -l name that selected it ("python3", "shell")
  double dfl_timeout = 8.0;       ///< -x-dfl-timeout
  double delaybeforesend = 0.0;   ///< -x-delaybeforesend
  double delayafterprompt = 0.0;  ///< -x-delayafterprompt
  bool turn_echo_off = true;      ///< -x-turn-echo-off
  bool turn_echo_off_on_spawn = true;
  /// -x-shebang templates by language name (or flavour).
  std::map<std::string, std::string> shebangs;
  std::string encoding = "utf-8";
};

/// A runner for `language` ("python", "shell"), or nullptr when there is none.
std::unique_ptr<ExampleRunner> make_runner(std::string_view language, const RunnerConfig& config);

/// Languages that have a built-in runner, with their flavours (e.g. python: python, python3).
std::map<std::string, std::vector<std::string>> builtin_runner_languages();

}  // namespace bx
