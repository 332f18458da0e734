// Example runners (spec §7.7): one interpreter session per language per file (§4).
#pragma once

#include <string>
#include <vector>

#include "driver/model/example.hpp"
#include "driver/model/options.hpp"

namespace bx {

class ExampleRunner {
 public:
  virtual ~ExampleRunner() = default;
  /// The language it runs, e.g. "python"; empty disables it.
  virtual std::string language() const = 0;
  /// Other names that select it with -l (e.g. "python3").
  virtual std::vector<std::string> flavors() const { return {}; }
  /// "Python Runner", "Shell Runner".
  virtual std::string display_name() const = 0;

  /// Spawns the interpreter and sets it up (§4.2); called once per file, before its first
  /// example. Reads init-level options from `options`. Throws bx::Error when the program
  /// cannot be executed or the set-up fails (bx::InterpreterMissing: the file is skipped).
  virtual void initialize(const OptionStack& options) = 0;

  /// Runs example.source (§4.4), typing example.inputs (§4.5); returns the got processed as
  /// §3.1. May add notes to the example. Throws TimeoutError or InterpreterClosedError;
  /// anything else is a crash.
  virtual std::string run(Example& example, const OptionStack& options) = 0;

  /// Tries to recover control after a timeout (§4.8); true when in sync again.
  virtual bool cancel(Example& example, const OptionStack& options) = 0;

  /// Ends the interpreter and reaps its whole process group (§4.9); called at the end of
  /// every file that initialized it. Never throws.
  virtual void shutdown() = 0;
};

/// Whether the user pressed Ctrl-C once (the second time ends the process). A runner that
/// waits on its own, not on byexample's terminal, should then stop waiting and throw:
/// whatever it throws, the running example is reported as aborted by the user.
bool user_abort_requested() noexcept;

}  // namespace bx
