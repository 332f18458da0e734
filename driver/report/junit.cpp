#include "driver/report/junit.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <map>

#include "driver/model/errors.hpp"

namespace bx {

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (u < 0x20 && c != '\n' && c != '\t' && c != '\r') break;  // not allowed in XML 1.0
        out += c;
    }
  }
  return out;
}

void JunitWriter::example_finished(const ExampleRecord& record) {
  std::lock_guard<std::mutex> guard(m_mutex);
  m_records.push_back(record);
}

void JunitWriter::file_skipped(const std::string& file, const std::string& reason) {
  std::lock_guard<std::mutex> guard(m_mutex);
  m_records.push_back(ExampleRecord{file, 0, ExampleStatus::skipped, reason, 0});
}

std::string JunitWriter::xml() const {
  std::lock_guard<std::mutex> guard(m_mutex);
  std::vector<std::string> order;
  std::map<std::string, std::vector<const ExampleRecord*>> by_file;
  for (const auto& record : m_records) {
    if (!by_file.count(record.file)) order.push_back(record.file);
    by_file[record.file].push_back(&record);
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n";
  for (const auto& file : order) {
    int failures = 0, errors = 0, skipped = 0;
    double seconds = 0;
    std::string cases;
    for (const ExampleRecord* r : by_file[file]) {
      seconds += r->seconds;
      std::string name = xml_escape(file + ":" + std::to_string(r->line));
      cases += fmt::format(
          "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\" "
          "time=\"{:.3f}\"",
          xml_escape(file), name, xml_escape(file), r->line, r->seconds);
      std::string body;
      switch (r->status) {
        case ExampleStatus::passed:
          break;
        case ExampleStatus::skipped:
          ++skipped;
          body = fmt::format("<skipped message=\"{}\"/>", xml_escape(r->message));
          break;
        case ExampleStatus::failed:
          ++failures;
          body = fmt::format("<failure message=\"example failed\">{}</failure>",
                             xml_escape(r->message));
          break;
        case ExampleStatus::error:
          ++errors;
          body = fmt::format("<error message=\"example error\">{}</error>", xml_escape(r->message));
          break;
      }
      cases += body.empty() ? "/>\n" : ">\n      " + body + "\n    </testcase>\n";
    }
    out += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" "
        "skipped=\"{}\" time=\"{:.3f}\">\n{}  </testsuite>\n",
        xml_escape(file), by_file[file].size(), failures, errors, skipped, seconds, cases);
  }
  return out + "</testsuites>\n";
}

void JunitWriter::write(const std::string& path) const {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << xml();
    if (!out) throw Error("cannot write the JUnit report '" + path + "'");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    throw Error("cannot write the JUnit report '" + path + "'");
  }
}

}  // namespace bx
