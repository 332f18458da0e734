// byexample's logging (spec §5.7): dotted logger names under "byexample", numeric levels,
// markers `[i]`, `[w]`, `[!]` whose detail grows with the verbosity, all written to stdout.
#pragma once

#include <functional>
#include <map>
#include <source_location>
#include <string>
#include <string_view>

namespace bx::log {

enum class Level : int {
  trace = 9,
  debug = 10,
  chat = 19,
  info = 20,
  note = 21,
  warning = 30,
  error = 40,
  critical = 50,
};

/// Sets the levels from the verbosity flags (`-v` count, `-q`) and the `-x-log-mask`
/// overrides (prefix without "byexample." -> level). Call once before any worker starts.
void configure(int verbosity, bool quiet, const std::map<std::string, Level>& masks = {});

/// Prefixes every line of every record (e.g. "# " to keep TAP output valid).
void set_line_prefix(std::string prefix);

/// Parses a level name (case-insensitive); false if unknown.
bool parse_level(std::string_view name, Level& level);

/// Whether logger `name` (e.g. "exec.python", without the "byexample." prefix) emits `level`.
bool enabled(std::string_view name, Level level);

/// Emits one record: `<marker> <message>\n` (multi-line messages kept as they are).
void write(std::string_view name, Level level, std::string_view message);

/// The text write() would print for this record, line prefixes included; empty when the
/// logger does not emit `level`. For the places that cannot log (a signal handler).
std::string format(std::string_view name, Level level, std::string_view message);

inline void chat(std::string_view name, std::string_view m) {
  write(name, Level::chat, m);
}
inline void info(std::string_view name, std::string_view m) {
  write(name, Level::info, m);
}
inline void note(std::string_view name, std::string_view m) {
  write(name, Level::note, m);
}
inline void warn(std::string_view name, std::string_view m) {
  write(name, Level::warning, m);
}
inline void error(std::string_view name, std::string_view m) {
  write(name, Level::error, m);
}
/// v11: debug records carry where they were emitted, `(@<last 18 chars of file>:<line>)`,
/// when the logger shows its long markers.
void debug(std::string_view name, std::string_view m,
           std::source_location where = std::source_location::current());

/// Receives every record this thread writes, marker included (a worker hands them to its
/// concerns as `event("log", {msg})`, spec §7.8). Null: none.
using RecordListener = std::function<void(const std::string& record)>;
/// Sets this thread's listener until the returned guard is destroyed.
class ListenerScope {
 public:
  explicit ListenerScope(RecordListener listener);
  ~ListenerScope();
  ListenerScope(const ListenerScope&) = delete;
  ListenerScope& operator=(const ListenerScope&) = delete;

 private:
  RecordListener m_previous;
};

/// The marker for a record, e.g. "[w]" or "[i:exec.python]" (spec §5.7).
std::string marker(std::string_view name, Level level);

}  // namespace bx::log
