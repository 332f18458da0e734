// Per-example outcomes for machine-readable reports (TAP, JUnit): a concern turns the hooks
// of §7.8 into one record per example, handed to thread-safe sinks shared by all workers.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "driver/concern/concern.hpp"

namespace bx {

enum class ExampleStatus { passed, failed, skipped, error };

struct ExampleRecord {
  std::string file;
  int line = 0;
  ExampleStatus status = ExampleStatus::passed;
  std::string message;  ///< why it failed, was skipped or errored (may be multi-line)
  double seconds = 0;
};

/// Receives records from every worker; implementations lock.
class OutcomeSink {
 public:
  virtual ~OutcomeSink() = default;
  virtual void example_finished(const ExampleRecord& record) = 0;
  /// A whole file was skipped (its interpreter is missing).
  virtual void file_skipped(const std::string& file, const std::string& reason) = 0;
};

class OutcomeConcern : public Concern {
 public:
  explicit OutcomeConcern(std::vector<OutcomeSink*> sinks) : m_sinks(std::move(sinks)) {}
  std::string target() const override { return "outcomes"; }

  void start(std::vector<Example>& examples, const RunnerMap& runners, const std::string& filepath,
             OptionStack& options) override;
  void finish_parse(Example& example, OptionStack& options, const std::exception* error) override;
  void skip_example(Example& example, OptionStack& options) override;
  void start_example(Example& example, OptionStack& options) override;
  void timedout(Example& example, const TimeoutError& error) override;
  void crashed(Example& example, const std::exception& error) override;
  void success(Example& example, const std::string& got, const Differ& differ,
               OptionStack& options) override;
  void failure(Example& example, const std::string& got, const Differ& differ,
               OptionStack& options) override;
  void finish(const FileOutcome& outcome) override;

 private:
  void emit(const Example& example, ExampleStatus status, std::string message);

  std::vector<OutcomeSink*> m_sinks;
  std::vector<Example>* m_examples = nullptr;
  std::size_t m_reported = 0;  ///< examples of the file reported so far, in order
  std::chrono::steady_clock::time_point m_example_start;
};

}  // namespace bx
