// The built-in "progress" concern (spec §5.1): the console report of every worker, plus a
// progress bar per worker when stdout is a terminal.
#pragma once

#include <memory>

#include "driver/concern/progress_bar.hpp"
#include "driver/report/reporter.hpp"
#include "include/byexample/extension.hpp"

namespace bx {

class ProgressConcern : public ConsoleReporter {
 public:
  /// In the main thread makes the shared board when `bars` (one bar per worker, cfg.jobs);
  /// in a worker draws on it. `disabled`: TAP replaces the console report.
  ProgressConcern(const CreationContext& ctx, ReporterSettings settings, bool bars, bool disabled);
  std::string target() const override { return m_disabled ? "" : "progress"; }

  void start(std::vector<Example>& examples, const RunnerMap& runners, const std::string& filepath,
             OptionStack& options) override;
  void skip_example(Example& example, OptionStack& options) override;
  void start_example(Example& example, OptionStack& options) override;
  void timedout(Example& example, const TimeoutError& error) override;
  void success(Example& example, const std::string& got, const Differ& differ,
               OptionStack& options) override;
  void failure(Example& example, const std::string& got, const Differ& differ,
               OptionStack& options) override;
  void finish(const FileOutcome& outcome) override;
  void finish_run(const RunOutcome& outcome) override;

 private:
  /// The example is done: advances the bar.
  void advance();
  void redraw();

  bool m_disabled;
  std::shared_ptr<ProgressBoard> m_board;  ///< null without bars
  int m_bar = 0;                           ///< this worker's bar
  BarRow m_row;
};

}  // namespace bx
