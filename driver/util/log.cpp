#include "driver/util/log.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "driver/util/output.hpp"

namespace bx::log {

namespace {

/// logger prefix ("" is the root "byexample") -> level. Written once by configure().
std::map<std::string, Level, std::less<>> g_levels = {{"", Level::note}};
std::string g_line_prefix;
thread_local RecordListener t_listener;

Level effective_level(std::string_view name) {
  // The longest configured prefix that is `name` itself or a dotted ancestor of it.
  std::string_view probe = name;
  while (true) {
    auto it = g_levels.find(probe);
    if (it != g_levels.end()) return it->second;
    if (probe.empty()) return Level::note;
    auto dot = probe.rfind('.');
    probe = dot == std::string_view::npos ? std::string_view{} : probe.substr(0, dot);
  }
}

std::string_view strip_root(std::string_view prefix) {
  if (prefix == "byexample") return {};
  if (prefix.substr(0, 10) == "byexample.") return prefix.substr(10);
  return prefix;
}

const char* color_of(Level level) {
  if (level >= Level::error) return "red";
  if (level >= Level::warning) return "yellow";
  return "cyan";
}

}  // namespace

void configure(int verbosity, bool quiet, const std::map<std::string, Level>& masks) {
  g_levels.clear();
  if (quiet) {
    g_levels[""] = Level::critical;
  } else {
    static const Level k_root[] = {Level::note, Level::note,  Level::note, Level::info,
                                   Level::chat, Level::debug, Level::trace};
    int v = std::min(verbosity, 6);
    g_levels[""] = k_root[v];
    if (v == 1) g_levels["exec"] = Level::info;
    if (v == 2 || v == 3) g_levels["exec"] = Level::chat;
  }
  for (const auto& [prefix, level] : masks) g_levels[std::string(strip_root(prefix))] = level;
}

bool parse_level(std::string_view name, Level& level) {
  static const std::pair<const char*, Level> k_names[] = {
      {"trace", Level::trace}, {"debug", Level::debug},      {"chat", Level::chat},
      {"info", Level::info},   {"note", Level::note},        {"warning", Level::warning},
      {"error", Level::error}, {"critical", Level::critical}};
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (auto& [n, l] : k_names) {
    if (lower == n) {
      level = l;
      return true;
    }
  }
  return false;
}

bool enabled(std::string_view name, Level level) {
  return level >= effective_level(name);
}

std::string marker(std::string_view name, Level level) {
  std::string text;
  if (enabled(name, Level::debug)) {
    static const std::pair<Level, const char*> k_long[] = {
        {Level::critical, "crit"}, {Level::error, "error"}, {Level::warning, "warn"},
        {Level::note, "note"},     {Level::info, "info"},   {Level::chat, "chat"},
        {Level::debug, "debug"},   {Level::trace, "debug"}};
    for (auto& [l, word] : k_long) {
      if (level >= l) {
        text = std::string(word) + ":" + std::string(name);
        break;
      }
    }
  } else {
    const char* letter = level >= Level::error     ? "!"
                         : level >= Level::warning ? "w"
                         : level >= Level::chat    ? "i"
                                                   : ".";
    text = std::string("[") + letter;
    if (enabled(name, Level::chat)) text += ":" + std::string(name);
    text += "]";
  }
  return colored(text, color_of(level), Output::stdout_writer().colors());
}

void debug(std::string_view name, std::string_view m, std::source_location where) {
  if (!enabled(name, Level::debug)) return;
  std::string_view file = where.file_name();
  if (file.size() > 18) file.remove_prefix(file.size() - 18);
  write(name, Level::debug,
        "(@" + std::string(file) + ":" + std::to_string(where.line()) + ") " + std::string(m));
}

ListenerScope::ListenerScope(RecordListener listener) : m_previous(std::move(t_listener)) {
  t_listener = std::move(listener);
}

ListenerScope::~ListenerScope() {
  t_listener = std::move(m_previous);
}

void set_line_prefix(std::string prefix) {
  g_line_prefix = std::move(prefix);
}

namespace {

std::string record_of(std::string_view name, Level level, std::string_view message) {
  std::string record = marker(name, level) + " " + std::string(message);
  if (record.back() != '\n') record += '\n';
  return record;
}

std::string with_line_prefix(const std::string& record) {
  if (g_line_prefix.empty()) return record;
  std::string prefixed;
  std::size_t begin = 0;
  while (begin < record.size()) {
    std::size_t end = record.find('\n', begin);
    prefixed += g_line_prefix + record.substr(begin, end - begin + 1);
    begin = end + 1;
  }
  return prefixed;
}

}  // namespace

void write(std::string_view name, Level level, std::string_view message) {
  if (!enabled(name, level)) return;
  std::string record = record_of(name, level, message);
  if (t_listener) {
    // A listener that logs does not hear itself.
    RecordListener listener = std::exchange(t_listener, nullptr);
    listener(record);
    t_listener = std::move(listener);
  }
  Output::stdout_writer().write(with_line_prefix(record));
}

std::string format(std::string_view name, Level level, std::string_view message) {
  if (!enabled(name, level)) return {};
  return with_line_prefix(record_of(name, level, message));
}

}  // namespace bx::log
