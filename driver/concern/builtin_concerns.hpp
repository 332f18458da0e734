// The built-in concerns (spec §7.1): clipboard, conditional, progress, and the outcomes
// concern that feeds TAP and JUnit. They are registered like module classes and follow the
// same N+1 creation rule.
#pragma once

#include <vector>

#include "driver/concern/clipboard.hpp"
#include "driver/report/outcomes.hpp"
#include "driver/report/reporter.hpp"
#include "include/byexample/extension.hpp"

namespace bx {

struct BuiltinConcernSettings {
  ClipboardSettings clipboard;
  ReporterSettings reporter;
  /// Progress bars (§5.1): --pretty all, no --no-progress-bar and stdout is a terminal.
  bool progress_bars = false;
  bool tap = false;       ///< TAP replaces the console report
  bool outcomes = false;  ///< --tap or --junit: register the outcomes concern
  /// Where the outcomes concern sends its records; filled before the workers start.
  std::vector<OutcomeSink*> sinks;
};

/// Registers the built-in classes. `settings` is read when the instances are built, so it
/// must outlive the registry; `sinks` may be filled until the workers start.
void register_builtin_concerns(Registry& registry, const BuiltinConcernSettings& settings);

}  // namespace bx
