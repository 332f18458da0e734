// Runs one file: harvest, spawn the interpreters, parse/run/check every example with the
// concern hooks, shut the interpreters down (spec §0.1 step 4, §4.8).
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "driver/concern/clipboard.hpp"
#include "driver/concern/concern.hpp"
#include "driver/find/example_finder.hpp"
#include "driver/find/zone_delimiter.hpp"
#include "driver/jobs/worker_setup.hpp"
#include "driver/parse/parse_example.hpp"
#include "driver/report/example_differ.hpp"

namespace bx {

class FileExecutor {
 public:
  /// `user_aborted` is raised by the main thread on Ctrl-C; checked between examples.
  FileExecutor(const WorkerSetup& setup, const std::atomic<bool>& user_aborted);
  ~FileExecutor();

  FileResult run_file(const std::string& filepath);

 private:
  struct Run;  // the state of one file's execution
  std::vector<Example> find_examples(const std::string& filepath);
  std::map<std::string, std::unique_ptr<ExampleRunner>> start_runners(
      const std::vector<Example>& examples, OptionStack& options);
  FileResult dry_run(std::vector<Example>& examples, const std::string& filepath);
  FileResult skip_file(const std::string& filepath, const InterpreterMissing& missing);
  FileResult report_file_error(const std::string& filepath, const std::exception& error);

  const WorkerSetup& m_setup;
  const std::atomic<bool>& m_user_aborted;
  std::vector<std::unique_ptr<ZoneDelimiter>> m_delimiters;
  std::vector<std::unique_ptr<ExampleFinder>> m_finders;
  std::vector<std::unique_ptr<ExampleParser>> m_parsers;
  std::map<std::string, LanguageParsing> m_parsing;
  Clipboard m_clipboard;
  ConcernList m_concerns;
  ExampleDiffer m_differ;
};

}  // namespace bx
