// The process' standard output, shared by every thread (spec §5.1: everything, reports and
// log lines, goes to stdout; writes from different workers are serialised by one lock).
#pragma once

#include <mutex>
#include <string_view>

namespace bx {

class Output {
 public:
  /// The process-wide stdout writer.
  static Output& stdout_writer();

  /// Writes `text` atomically with respect to other writers, and flushes.
  void write(std::string_view text);
  /// Whether colours may be used (decided once by the driver, §5.1).
  bool colors() const { return m_colors; }
  void set_colors(bool on) { m_colors = on; }
  /// The lock that serialises writes; held by callers that need several writes to be atomic.
  std::recursive_mutex& lock() { return m_lock; }

 private:
  std::recursive_mutex m_lock;
  bool m_colors = false;
};

/// Wraps `text` in an ANSI colour when colours are on: "green", "red", "yellow", "cyan".
std::string colored(std::string_view text, std::string_view color, bool use_colors);

}  // namespace bx
