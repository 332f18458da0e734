// JUnit XML (--junit FILE): one testcase per example, the failure text being the diff.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "driver/report/outcomes.hpp"

namespace bx {

class JunitWriter : public OutcomeSink {
 public:
  void example_finished(const ExampleRecord& record) override;
  void file_skipped(const std::string& file, const std::string& reason) override;
  /// The whole document: one <testsuite> per file, in the order files finished.
  std::string xml() const;
  /// Writes xml() to `path` atomically (temporary file + rename). Throws bx::Error.
  void write(const std::string& path) const;

 private:
  mutable std::mutex m_mutex;
  std::vector<ExampleRecord> m_records;
};

/// Escapes text for XML content and attributes; drops characters XML 1.0 forbids.
std::string xml_escape(const std::string& text);

}  // namespace bx
