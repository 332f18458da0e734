#include "driver/report/differ.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "driver/report/difflib.hpp"
#include "driver/report/difftool.hpp"
#include "driver/util/output.hpp"

namespace bx {

namespace {

using difflib::Symbol;
using difflib::Symbols;

struct MarkerInfo {
  std::string_view marker;
  std::string_view meaning;
};

/// Sorted by marker, which is the order of the legend.
constexpr std::array<MarkerInfo, 7> k_markers{{
    {"$", "trailing spaces"},
    {"?", "ctrl character"},
    {"^f", "form feed"},
    {"^n", "new line"},
    {"^r", "carriage return"},
    {"^t", "tab"},
    {"^v", "vertical tab"},
}};

constexpr std::string_view k_disable_hint = "(You can disable this with '--no-enhance-diff')\n";

/// Makes invisible characters visible (§5.4) and remembers which markers it used.
class Humaniser {
 public:
  std::string humanise(std::string_view text, bool is_capture);
  /// The legend of the markers used so far; empty if none.
  std::string legend() const;

 private:
  void replace_whitespace(Symbols& text);
  void mark_trailing_spaces(Symbols& text);
  void replace_newline_runs(Symbols& text);
  void replace_controls(Symbols& text);

  std::set<std::string_view> m_used;
  std::set<std::string_view> m_present_before;
};

std::string Humaniser::humanise(std::string_view text, bool is_capture) {
  for (const MarkerInfo& info : k_markers) {
    if (text.find(info.marker) != std::string_view::npos) m_present_before.insert(info.marker);
  }
  Symbols symbols = difflib::decode_utf8(text);
  replace_whitespace(symbols);
  mark_trailing_spaces(symbols);
  if (is_capture) replace_newline_runs(symbols);
  replace_controls(symbols);
  return difflib::encode_utf8(symbols);
}

void Humaniser::replace_whitespace(Symbols& text) {
  Symbols out;
  out.reserve(text.size());
  for (Symbol c : text) {
    const std::string_view marker = c == '\t'   ? "^t"
                                    : c == '\v' ? "^v"
                                    : c == '\f' ? "^f"
                                    : c == '\r' ? "^r"
                                                : "";
    if (marker.empty()) {
      out.push_back(c);
      continue;
    }
    out.push_back('^');
    out.push_back(static_cast<Symbol>(marker[1]));
    m_used.insert(marker);
  }
  text = std::move(out);
}

void Humaniser::mark_trailing_spaces(Symbols& text) {
  std::size_t line_end = text.size();
  while (true) {
    for (std::size_t k = line_end; k > 0 && text[k - 1] == ' '; --k) {
      text[k - 1] = '$';
      m_used.insert("$");
    }
    // The previous line ends at the last '\n' before this line's spaces.
    std::size_t k = line_end;
    while (k > 0 && text[k - 1] != '\n') --k;
    if (k == 0) return;
    line_end = k - 1;
  }
}

void Humaniser::replace_newline_runs(Symbols& text) {
  Symbols out;
  out.reserve(text.size());
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] != '\n') {
      out.push_back(text[k]);
      continue;
    }
    while (k + 1 < text.size() && text[k + 1] == '\n') ++k;
    out.push_back('^');
    out.push_back('n');
    m_used.insert("^n");
  }
  text = std::move(out);
}

void Humaniser::replace_controls(Symbols& text) {
  for (Symbol& c : text) {
    const bool control = c <= 31 || (c >= 127 && c <= 159);
    if (control && !(c >= 9 && c <= 13)) {
      c = '?';
      m_used.insert("?");
    }
  }
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

std::string Humaniser::legend() const {
  if (m_used.empty()) return "";
  std::string out = "Some non-printable characters were replaced by printable ones.\n";
  std::size_t column = 0;
  for (const MarkerInfo& info : k_markers) {
    if (!m_used.contains(info.marker)) continue;
    out += "    ";
    out += std::string(2 - info.marker.size(), ' ') + std::string(info.marker) + ": ";
    out += pad_right(info.meaning, 15);
    if (++column == 3) {
      out += '\n';
      column = 0;
    }
  }
  if (column != 0) out += '\n';

  std::vector<const MarkerInfo*> ambiguous;
  for (const MarkerInfo& info : k_markers) {
    if (m_used.contains(info.marker) && m_present_before.contains(info.marker)) {
      ambiguous.push_back(&info);
    }
  }
  if (!ambiguous.empty()) {
    std::string list;
    for (const MarkerInfo* info : ambiguous) {
      list += (list.empty() ? "'" : ", '") + std::string(info->marker) + "'";
    }
    const std::string first(ambiguous.front()->marker);
    out += "[Warning, the characters " + list + " were present *before* the replacement.\n";
    out += "That means that if you see a '" + first + "' it could mean '" +
           std::string(ambiguous.front()->meaning) + "' or\n";
    out += "it could mean a literal '" + first + "'.]\n";
  }
  out += k_disable_hint;
  return out;
}

/// Python's str.split("\n"): an empty text is one empty line.
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) return lines;
    start = end + 1;
  }
}

std::string no_diff(const std::string& expected, const std::string& got, bool colors) {
  std::string out;
  out += expected.empty() ? colored("Expected nothing", "green", colors) + "\n"
                          : colored("Expected:", "green", colors) + "\n" + expected + "\n";
  out += got.empty() ? colored("Got nothing", "red", colors) + "\n"
                     : colored("Got:", "red", colors) + "\n" + got + "\n";
  return out;
}

/// Colour of a diff line, or empty for none (§5.3).
std::string_view line_color(std::string_view algorithm, std::string_view line) {
  auto starts = [&line](std::string_view prefix) { return line.starts_with(prefix); };
  if (algorithm == "unified") {
    return starts("+") ? "green" : starts("-") ? "red" : starts("@") ? "yellow" : "";
  }
  if (algorithm == "context") {
    return starts("+ ")                 ? "green"
           : starts("! ")               ? "red"
           : starts("*") || starts("-") ? "yellow"
                                        : "";
  }
  return starts("+ ") ? "green" : starts("- ") ? "red" : "";
}

std::string algorithm_diff(const std::string& expected, const std::string& got,
                           const std::string& algorithm, bool colors) {
  const std::vector<std::string> a = split_lines(expected);
  const std::vector<std::string> b = split_lines(got);
  std::vector<std::string> lines;
  std::size_t headers = 0;  // the file headers that the report leaves out
  if (algorithm == "unified") {
    lines = difflib::unified_diff(a, b, 2);
    headers = 2;
  } else if (algorithm == "context") {
    lines = difflib::context_diff(a, b, 2);
    headers = 3;
  } else {
    lines = difflib::ndiff(a, b);
  }
  std::string out = "Differences:\n";
  for (std::size_t k = std::min(headers, lines.size()); k < lines.size(); ++k) {
    const std::string_view color = line_color(algorithm, lines[k]);
    out += (color.empty() ? lines[k] : colored(lines[k], color, colors)) + "\n";
  }
  return out;
}

/// Python's s[:stop] and s[start:] with negative indices counted from the end.
Symbols python_head(const Symbols& s, long long stop) {
  const auto size = static_cast<long long>(s.size());
  if (stop < 0) stop = std::max(size + stop, 0LL);
  return Symbols(s.begin(), s.begin() + std::min(stop, size));
}

Symbols python_tail(const Symbols& s, long long start) {
  const auto size = static_cast<long long>(s.size());
  if (start < 0) start = std::max(size + start, 0LL);
  return Symbols(s.begin() + std::min(start, size), s.end());
}

/// Python's floor division (the width budget may be negative for very long names).
long long floor_div(long long a, long long b) {
  return a / b - ((a % b != 0) && (a < 0));
}

std::string capture_entry(const std::string& name, const std::string& humanised_value) {
  const Symbols value = difflib::decode_utf8(humanised_value);
  const auto name_length = static_cast<long long>(difflib::decode_utf8(name).size());
  const long long budget = 38 - name_length;
  std::string shown = humanised_value;
  if (static_cast<long long>(value.size()) > budget) {
    const long long half = floor_div(budget - 5, 2);
    shown = difflib::encode_utf8(python_head(value, half)) + " ... " +
            difflib::encode_utf8(python_tail(value, -half));
  }
  return name + ": " + shown;
}

std::string captures_table(const std::vector<std::pair<std::string, std::string>>& captures) {
  std::string out = "\nTags replaced by the captured output:\n";
  for (std::size_t k = 0; k < captures.size(); k += 2) {
    const std::string left = capture_entry(captures[k].first, captures[k].second);
    out += "    " + left;
    if (k + 1 < captures.size()) {
      const auto width = static_cast<long long>(difflib::decode_utf8(left).size());
      out += std::string(static_cast<std::size_t>(std::max(36 - width, 1LL)), ' ');
      out += capture_entry(captures[k + 1].first, captures[k + 1].second);
    }
    out += '\n';
  }
  out += k_disable_hint;
  return out;
}

std::string strip_trailing_newlines(const std::string& text) {
  const std::size_t end = text.find_last_not_of('\n');
  return end == std::string::npos ? "" : text.substr(0, end + 1);
}

}  // namespace

std::string render_difference(const std::string& expected, const std::string& got,
                              const Captures& captures, const DiffSettings& settings) {
  std::string shown_expected = strip_trailing_newlines(expected);
  std::string shown_got = strip_trailing_newlines(got);
  std::string out;
  std::vector<std::pair<std::string, std::string>> shown_captures;
  if (settings.enhance) {
    Humaniser humaniser;
    shown_expected = humaniser.humanise(shown_expected, false);
    shown_got = humaniser.humanise(shown_got, false);
    for (const auto& [name, value] : captures) {
      shown_captures.emplace_back(name, humaniser.humanise(value, true));
    }
    out += humaniser.legend();
  }

  if (settings.algorithm == "unified" || settings.algorithm == "context" ||
      settings.algorithm == "ndiff") {
    out += algorithm_diff(shown_expected, shown_got, settings.algorithm, settings.colors);
  } else if (settings.algorithm == "tool") {
    out += run_difftool(shown_expected, shown_got, settings.difftool, settings.colors);
  } else {
    out += no_diff(shown_expected, shown_got, settings.colors);
  }

  if (!shown_captures.empty()) out += captures_table(shown_captures);
  return out;
}

}  // namespace bx
