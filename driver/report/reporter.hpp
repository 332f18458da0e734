// The console reporter (spec §5.1, §5.2, §5.5, §5.6): byexample's "progress" concern.
//
// It prints the per-example failure, timeout, crash and abort reports and the per-file
// summary, and counts pass/fail/skip. One instance per worker; every message is written
// atomically through bx::Output.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "driver/concern/concern.hpp"

namespace bx {

struct ReporterSettings {
  bool colors = false;
  int verbosity = 0;
};

class ConsoleReporter : public Concern {
 public:
  explicit ConsoleReporter(ReporterSettings settings) : m_settings(settings) {}
  std::string target() const override { return "progress"; }

  void start(std::vector<Example>& examples, const RunnerMap& runners, const std::string& filepath,
             OptionStack& options) override;
  void start_parse(Example& example, OptionStack& options) override;
  void finish_parse(Example& example, OptionStack& options, const std::exception* error) override;
  void skip_example(Example& example, OptionStack& options) override;
  void start_example(Example& example, OptionStack& options) override;
  void timedout(Example& example, const TimeoutError& error) override;
  void crashed(Example& example, const std::exception& error) override;
  void aborted(Example& example, bool by_the_user, OptionStack& options) override;
  void success(Example& example, const std::string& got, const Differ& differ,
               OptionStack& options) override;
  void failure(Example& example, const std::string& got, const Differ& differ,
               OptionStack& options) override;
  void finish(const FileOutcome& outcome) override;

 private:
  /// The 70-asterisk header, printed once per example (§5.2).
  std::string header(const Example& example);
  std::string position(const Example& example) const;
  void write(const std::string& text) const;

  ReporterSettings m_settings;
  std::string m_filepath;
  const Example* m_first = nullptr;  ///< the file's examples, to number them
  std::size_t m_total = 0;
  std::size_t m_ran = 0;
  std::size_t m_passed = 0;
  std::size_t m_failed = 0;
  std::size_t m_skipped = 0;
  std::size_t m_failures_shown = 0;
  const Example* m_header_printed_for = nullptr;
  std::chrono::steady_clock::time_point m_begin;
};

/// "<x.xx> seconds", "<m> minutes, <s> seconds" or "<h> hours, <m> minutes" (§5.6).
std::string format_elapsed(double seconds);

/// The snippet indented by 4 spaces on non-empty lines (headers and -vv logs).
std::string indent_snippet(const std::string& snippet);

}  // namespace bx
