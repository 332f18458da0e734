// What every worker receives from the main thread: read-only, built once (spec §8.2).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "driver/model/options.hpp"
#include "driver/parse/option_parser.hpp"
#include "driver/report/example_differ.hpp"
#include "driver/report/outcomes.hpp"
#include "driver/run/runner.hpp"

namespace bx {

/// The options a module concern adds (Concern::extend_option_parser), usable in every
/// example and in -o.
struct ConcernOptions {
  std::string target;
  OptionParser parser;
};

/// The option layers a document starts from when the project configuration overrides them.
struct DocumentOptions {
  OptionLayer global_options;
  std::map<std::string, OptionLayer> language_options;
};

/// Per document (its path as given): its layers, or nullptr to use the setup's ones.
using DocumentOptionsHook =
    std::function<std::shared_ptr<const DocumentOptions>(const std::string& filepath)>;

struct WorkerSetup {
  /// Selected languages (after flavour mapping) -> the flavour name given to -l.
  std::map<std::string, std::string> languages;
  /// Built-in defaults, command-line defaults, -o generic options and concern defaults.
  OptionLayer global_options;
  /// Per language: its defaults plus its -o options (v11: only for that language, §2.4).
  std::map<std::string, OptionLayer> language_options;
  /// Options added by the main-thread instances of module concerns, in registration order.
  std::vector<ConcernOptions> concern_options;
  /// The project configuration's per-document overrides; empty when there are none.
  DocumentOptionsHook document_options;
  RunnerConfig runner;
  ExampleDifferSettings differ;
  std::string encoding = "utf-8";
  bool dry = false;
  bool not_recover_timeout = false;
  /// Machine-readable reports (TAP, JUnit), shared by every worker.
  std::vector<OutcomeSink*> sinks;
};

/// The per-file result sent back to the main thread (spec §8.4).
struct FileResult {
  bool failed = false;
  bool aborted = false;
  bool user_aborted = false;
  bool error = false;
  /// Nothing ran: an interpreter the file needs is not installed (exit 77, issue 5/6).
  bool skipped = false;
  bool ran = false;  ///< at least one example was run or checked
};

}  // namespace bx
