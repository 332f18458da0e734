// Runners: one interpreter session per language per file (spec §4, §7.7).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "driver/model/example.hpp"
#include "driver/model/options.hpp"

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

class ExampleRunner {
 public:
  virtual ~ExampleRunner() = default;
  virtual std::string language() const = 0;
  /// "Python Runner", "Shell Runner".
  virtual std::string display_name() const = 0;

  /// Spawns the interpreter and sets it up (§4.2). Reads init-level options from `options`
  /// (+geometry, +term-type, +shell, +py-pretty-print, ...). Throws bx::Error when the
  /// program cannot be executed or the set-up fails.
  virtual void initialize(const OptionStack& options) = 0;

  /// Runs example.source (§4.4), typing example.inputs (§4.5); returns the got processed as
  /// §3.1 (terminal mode, echo filtering, final newline). May add notes to the example.
  /// Throws TimeoutError or InterpreterClosedError; anything else is a crash.
  virtual std::string run(Example& example, const OptionStack& options) = 0;

  /// Tries to recover control after a timeout (§4.8); true when in sync again.
  virtual bool cancel(Example& example, const OptionStack& options) = 0;

  /// Ends the interpreter and reaps its whole process group (§4.9). Never throws.
  virtual void shutdown() = 0;
};

/// A runner for `language` ("python", "shell"), or nullptr when there is none.
std::unique_ptr<ExampleRunner> make_runner(std::string_view language, const RunnerConfig& config);

/// Languages that have a built-in runner, with their flavours (e.g. python: python, python3).
std::map<std::string, std::vector<std::string>> builtin_runner_languages();

}  // namespace bx
