#include "driver/run/expr_values.hpp"

#include <optional>

#include "driver/run/run_options.hpp"

namespace bx::expr_values {

namespace {

/// The length of the line end at `pos` ("\r\n" or "\n"), 0 if there is none.
std::size_t line_end_length(std::string_view text, std::size_t pos) {
  if (text.compare(pos, 2, "\r\n") == 0) return 2;
  return pos < text.size() && text[pos] == '\n' ? 1 : 0;
}

bool marker_at(std::string_view text, std::size_t pos, std::string_view marker) {
  if (text.compare(pos, marker.size(), marker) != 0) return false;
  std::size_t after = pos + marker.size();
  return after == text.size() || text[after] == ' ' || line_end_length(text, after) > 0;
}

/// Where the last line that starts with the ": " value marker begins.
std::optional<std::size_t> last_colon_line(std::string_view chunk) {
  std::optional<std::size_t> found;
  for (std::size_t start = 0; start < chunk.size();) {
    if (marker_at(chunk, start, ":")) found = start;
    std::size_t newline = chunk.find('\n', start);
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  return found;
}

/// Where the last value of the chunks is: (chunk, offset of its `begin`).
std::optional<std::pair<std::size_t, std::size_t>> last_delimited(
    const std::vector<std::string>& chunks, std::string_view begin) {
  for (std::size_t i = chunks.size(); i-- > 0;) {
    std::size_t pos = chunks[i].rfind(begin);
    if (pos != std::string::npos) return std::make_pair(i, pos);
  }
  return std::nullopt;
}

}  // namespace

bool expected_has_marker(std::string_view expected, std::string_view marker) {
  for (std::size_t start = 0; start <= expected.size();) {
    if (marker_at(expected, start, marker)) return true;
    std::size_t newline = expected.find('\n', start);
    if (newline == std::string_view::npos) return false;
    start = newline + 1;
  }
  return false;
}

bool wanted(const OptionStack& options, std::string_view key, std::string_view expected,
            std::string_view marker) {
  std::string choice = run_options::text(options, key, "auto");
  if (choice == "true") return true;
  if (choice == "false") return false;
  return expected_has_marker(expected, marker);
}

void keep_last_delimited_value(std::vector<std::string>& chunks, std::string_view begin,
                               std::string_view end, bool show_last) {
  auto shown = show_last ? last_delimited(chunks, begin) : std::nullopt;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    const std::string& chunk = chunks[i];
    std::string edited;
    std::size_t done = 0;
    for (std::size_t pos = chunk.find(begin); pos != std::string::npos;
         pos = chunk.find(begin, done)) {
      std::size_t value = pos + begin.size();
      std::size_t stop = chunk.find(end, value);
      if (stop == std::string::npos) break;  // cut short: left as printed
      edited.append(chunk, done, pos - done);
      done = stop + end.size();
      if (shown == std::make_pair(i, pos)) {
        edited.append(chunk, value, stop - value);
      } else {
        done += line_end_length(chunk, done);
      }
    }
    edited.append(chunk, done);
    chunks[i] = std::move(edited);
  }
}

void cut_colon_values(std::vector<std::string>& chunks, bool show_last) {
  bool keep = show_last;
  for (std::size_t i = chunks.size(); i-- > 0;) {
    auto line = last_colon_line(chunks[i]);
    if (!line) continue;
    if (!keep) chunks[i].erase(*line);
    keep = false;
  }
}

}  // namespace bx::expr_values
