// Concerns (spec §7.8): observers of every step of a file's execution.
//
// Hooks are called on every registered concern, in registration order, in the worker that
// runs the file. A hook that throws during parsing makes the parse fail; elsewhere it makes
// the file fail with an error. Per file: start -> for each example: start_parse ->
// (before_build_regex) -> finish_parse -> skip_example, or start_example -> finish_example |
// timedout | crashed -> finally_example -> aborted (the file stops), nothing (recovered
// timeout) or success | failure -> ... -> finish. A parse failure calls finish_parse with
// the error and stops the file.
#pragma once

#include <exception>
#include <map>
#include <string>
#include <vector>

#include "driver/model/errors.hpp"
#include "driver/model/example.hpp"
#include "driver/model/options.hpp"
#include "driver/parse/option_parser.hpp"
#include "runner.hpp"

namespace bx {

/// How a file ended (spec §4.8), given to Concern::finish.
struct FileOutcome {
  bool failed = false;
  bool user_aborted = false;
  bool crashed = false;
  bool broken = false;    ///< a parse failure
  bool timedout = false;  ///< timed out without recovery
};

/// How the whole run ended, given to Concern::finish_run.
struct RunOutcome {
  int exit_status = 0;  ///< what byexample exits with (spec §5.8)
  bool user_aborted = false;
};

/// Renders the difference of a failing example (spec §5.3); given to success/failure hooks.
class Differ {
 public:
  virtual ~Differ() = default;
  virtual std::string output_difference(const Example& example, const std::string& got,
                                        const OptionStack& options, bool use_colors) const = 0;
};

/// The runners of the file being run, by language.
using RunnerMap = std::map<std::string, ExampleRunner*>;

class Concern {
 public:
  virtual ~Concern() = default;
  /// Unique name, e.g. "clipboard", "conditional", "progress"; empty disables the concern.
  /// A module concern with the target of a built-in one replaces it.
  virtual std::string target() const = 0;

  /// Initialisation, main thread: adds options usable in every example and in -o.
  virtual void extend_option_parser(OptionParser& /*parser*/) {}

  /// Per file, after the runners were initialised, before the first example (examples are
  /// not parsed yet).
  virtual void start(std::vector<Example>& /*examples*/, const RunnerMap& /*runners*/,
                     const std::string& /*filepath*/, OptionStack& /*options*/) {}
  virtual void start_parse(Example& /*example*/, OptionStack& /*options*/) {}
  /// Inside parsing, before +rm and the regex building: `example.source`,
  /// `example.expected_str` and `options` (which has the example's layer) may be changed.
  virtual void before_build_regex(Example& /*example*/, OptionStack& /*options*/) {}
  /// Inside parsing, right after the regex building: `example.expected` and `example.inputs`
  /// are what the example will be checked with, and may be changed. (Not a hook of the
  /// reference, which never calls one by this name.)
  virtual void after_build_regex(Example& /*example*/, OptionStack& /*options*/) {}
  /// After parsing; `error` is null after a success. `options` does not have the example's
  /// layer (see example.options). Throwing here makes the parse fail.
  virtual void finish_parse(Example& /*example*/, OptionStack& /*options*/,
                            const std::exception* /*error*/) {}
  /// The example is skipped: no other per-example hook follows.
  virtual void skip_example(Example& /*example*/, OptionStack& /*options*/) {}
  /// Just before running; `options` is the full effective stack.
  virtual void start_example(Example& /*example*/, OptionStack& /*options*/) {}
  /// The run completed normally; may change `example.got`.
  virtual void finish_example(Example& /*example*/, OptionStack& /*options*/) {}
  /// After every run attempt (normal, timeout, crash), before the check; `example.got` is
  /// valid only when `has_got`.
  virtual void finally_example(Example& /*example*/, OptionStack& /*options*/, bool /*has_got*/) {}
  /// The run timed out; `error.output` is the got so far.
  virtual void timedout(Example& /*example*/, const TimeoutError& /*error*/) {}
  /// The run threw anything else; always followed by aborted.
  virtual void crashed(Example& /*example*/, const std::exception& /*error*/) {}
  /// The user pressed Ctrl-C: `example` is the one running (or the next to run), aborted.
  /// Always followed by aborted(example, true, options). (The reference has only the latter.)
  virtual void user_aborted(Example& /*example*/, OptionStack& /*options*/) {}
  /// The file stops early: after a crash or an unrecovered timeout, or by the user.
  virtual void aborted(Example& /*example*/, bool /*by_the_user*/, OptionStack& /*options*/) {}
  /// After the check (also for +pass).
  virtual void success(Example& /*example*/, const std::string& /*got*/, const Differ& /*differ*/,
                       OptionStack& /*options*/) {}
  virtual void failure(Example& /*example*/, const std::string& /*got*/, const Differ& /*differ*/,
                       OptionStack& /*options*/) {}
  /// An interactive debugging session; not reachable from the command line.
  virtual void start_interact(Example& /*example*/, OptionStack& /*options*/) {}
  virtual void finish_interact(const std::exception* /*error*/) {}
  /// End of file, before the runners are shut down.
  virtual void finish(const FileOutcome& /*outcome*/) {}
  /// Arbitrary events between extensions. Log records are written to the shared output
  /// directly, not sent here.
  virtual void event(const std::string& /*what*/,
                     const std::map<std::string, std::string>& /*data*/) {}

  /// Main thread only, on the main-thread instance: every worker has ended (the place to
  /// print what the workers gathered in shared objects).
  virtual void finish_run(const RunOutcome& /*outcome*/) {}
};

}  // namespace bx
