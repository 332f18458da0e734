// Runs one file: harvest, spawn the interpreters, parse/run/check every example with the
// concern hooks, shut the interpreters down (spec §0.1 step 4, §4.8).
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "driver/concern/concern.hpp"
#include "driver/concern/extensions.hpp"
#include "driver/find/example_finder.hpp"
#include "driver/find/zone_delimiter.hpp"
#include "driver/jobs/scheduler.hpp"
#include "driver/jobs/worker_setup.hpp"
#include "driver/parse/parse_example.hpp"
#include "driver/report/example_differ.hpp"

namespace bx {

class FileExecutor : public FileRunner {
 public:
  /// `extensions` are the worker's instances (spec §8.2): its concerns, and the module
  /// finders, zone delimiters and runners that join or replace the built-in ones.
  /// `user_aborted` is raised by the main thread on Ctrl-C; checked between examples.
  FileExecutor(const WorkerSetup& setup, ExtensionInstances extensions,
               const std::atomic<bool>& user_aborted);
  ~FileExecutor() override;

  FileResult run_file(const std::string& filepath) override;

 private:
  struct Run;  // the state of one file's execution
  /// The runners of one file: built-in ones are made per file, module ones are the worker's.
  struct FileRunners {
    std::vector<std::unique_ptr<ExampleRunner>> owned;
    RunnerMap by_language;
    void shutdown_all();
  };
  void add_extensions(ExtensionInstances extensions);
  std::vector<Example> find_examples(const std::string& filepath);
  void start_runners(const std::vector<Example>& examples, OptionStack& options,
                     FileRunners& runners);
  FileResult dry_run(std::vector<Example>& examples, const std::string& filepath);
  FileResult skip_file(const std::string& filepath, const InterpreterMissing& missing);
  FileResult report_file_error(const std::string& filepath, const std::exception& error);
  /// The options of the current file: the setup's, or the project configuration's override.
  const OptionLayer& global_options() const;
  const OptionLayer& language_options(const std::string& language) const;

  const WorkerSetup& m_setup;
  const std::atomic<bool>& m_user_aborted;
  std::vector<std::unique_ptr<ZoneDelimiter>> m_delimiters;
  std::vector<std::unique_ptr<ExampleFinder>> m_finders;
  std::vector<std::unique_ptr<ExampleParser>> m_parsers;
  std::map<std::string, LanguageParsing> m_parsing;
  std::map<std::string, std::unique_ptr<ExampleRunner>> m_module_runners;
  ConcernList m_concerns;
  ExampleDiffer m_differ;
  std::shared_ptr<const DocumentOptions> m_document;  ///< the current file's, if overridden
};

}  // namespace bx
