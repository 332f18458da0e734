// TAP version 13 output (--tap), what Meson's `protocol: 'tap'` reads (issue 5).
#pragma once

#include <mutex>
#include <string>

#include "driver/report/outcomes.hpp"

namespace bx {

/// Writes one test point per example as it finishes; the plan comes last (TAP allows it).
class TapWriter : public OutcomeSink {
 public:
  TapWriter();
  void example_finished(const ExampleRecord& record) override;
  void file_skipped(const std::string& file, const std::string& reason) override;
  /// Writes the plan: `1..N`, or `1..0 # SKIP <reason>` when every file was skipped.
  void finish();

 private:
  std::mutex m_mutex;
  int m_points = 0;
  std::string m_skip_reason;
};

/// The text of one test point (exposed for tests).
std::string tap_point(int number, const ExampleRecord& record);

}  // namespace bx
