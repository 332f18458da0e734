#include "driver/report/tap.hpp"

#include "driver/util/output.hpp"

namespace bx {

namespace {

/// Diagnostics are `# ` lines after a point.
std::string diagnostics(const std::string& text) {
  std::string out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    out += "# " + text.substr(begin, end - begin) + "\n";
    begin = end + 1;
  }
  return out;
}

}  // namespace

std::string tap_point(int number, const ExampleRecord& record) {
  std::string name =
      std::to_string(number) + " - " + record.file + ":" + std::to_string(record.line);
  switch (record.status) {
    case ExampleStatus::passed:
      return "ok " + name + "\n";
    case ExampleStatus::skipped:
      return "ok " + name + " # SKIP" + (record.message.empty() ? "" : " " + record.message) + "\n";
    case ExampleStatus::failed:
    case ExampleStatus::error:
      return "not ok " + name + "\n" + diagnostics(record.message);
  }
  return "";
}

TapWriter::TapWriter() {
  Output::stdout_writer().write("TAP version 13\n");
}

void TapWriter::example_finished(const ExampleRecord& record) {
  std::lock_guard<std::mutex> guard(m_mutex);
  Output::stdout_writer().write(tap_point(++m_points, record));
}

void TapWriter::file_skipped(const std::string& file, const std::string& reason) {
  std::lock_guard<std::mutex> guard(m_mutex);
  m_skip_reason = reason;
  Output::stdout_writer().write("# " + file + ": " + reason + "\n");
}

void TapWriter::finish() {
  std::lock_guard<std::mutex> guard(m_mutex);
  if (m_points == 0 && !m_skip_reason.empty()) {
    Output::stdout_writer().write("1..0 # SKIP " + m_skip_reason + "\n");
  } else {
    Output::stdout_writer().write("1.." + std::to_string(m_points) + "\n");
  }
}

}  // namespace bx
