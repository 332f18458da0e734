// The built-in zone delimiters except Python's (spec §1.2.1, §1.2.3-1.2.5).
#include <algorithm>
#include <string>

#include "driver/find/python_zones.hpp"
#include "driver/find/zone_delimiter.hpp"
#include "driver/find/zone_text.hpp"
#include "driver/util/regex.hpp"

namespace bx {

namespace {

/// A delimiter whose zones are the `zone` group of every non-overlapping match of a regex.
class RegexZoneDelimiter : public ZoneDelimiter {
 public:
  RegexZoneDelimiter(std::vector<std::string> targets, std::string name, std::string_view pattern,
                     std::uint32_t flags)
      : m_targets(std::move(targets)), m_name(std::move(name)), m_regex(pattern, flags) {}

  std::vector<std::string> targets() const override { return m_targets; }
  std::string name() const override { return m_name; }

  std::vector<Zone> zones(std::string_view text, const std::string&) const override {
    std::vector<Zone> out;
    for (const RegexMatch& m : m_regex.find_all(text)) {
      Zone zone{std::string(*m.named("zone")), line_number_at(text, m.begin())};
      zone.text = post_process(zone.text);
      out.push_back(std::move(zone));
    }
    return out;
  }

 protected:
  /// Hook to clean the comment markers out of a zone's text.
  virtual std::string post_process(std::string text) const { return text; }

 private:
  std::vector<std::string> m_targets;
  std::string m_name;
  Regex m_regex;
};

// The fence must be an odd number of backticks: an even run can never satisfy both the
// `(?:``)*` repetition and the (?!`) look-ahead. The closing fence compares only a prefix,
// so a longer backtick run closes too.
constexpr std::string_view k_markdown_pattern =
    R"(^[ ]*(?:(?<fence>```(?:``)*)(?!`)|<!--)(?<zone>.*?)(?(<fence>)^[ ]*\k<fence>|-->))";

constexpr std::string_view k_c_comment_pattern = R"(^[ ]*/\*(?<zone>.*?)\*/)";

constexpr std::string_view k_hash_comment_pattern = R"(^[ ]*#(?<zone>.*(?:\n[ ]*#.*)*))";

class CCommentDelimiter : public RegexZoneDelimiter {
 public:
  CCommentDelimiter()
      : RegexZoneDelimiter({".cpp", ".c", ".h", ".hpp", ".js", ".php", ".go", ".java"}, "/* ... */",
                           k_c_comment_pattern, k_regex_dotall | k_regex_multiline) {}

 protected:
  /// Every line, the first one included, gets its leading run of spaces and '*' replaced
  /// by one space, as the reference's substitution does (relative indentation is lost).
  std::string post_process(std::string text) const override {
    return replace_line_prefixes(text, 0, [](std::string_view line) {
      return std::min(line.find_first_not_of(" *"), line.size());
    });
  }
};

class HashCommentDelimiter : public RegexZoneDelimiter {
 public:
  HashCommentDelimiter()
      : RegexZoneDelimiter({".rb", ".sh", ".ps1"}, "# ...", k_hash_comment_pattern,
                           k_regex_multiline) {}

 protected:
  /// The first line's '#' was consumed by the opener, so only the following lines have
  /// their `<spaces>#` prefix turned into a space (the first line ends up one column less
  /// indented, as in the reference).
  std::string post_process(std::string text) const override {
    return replace_line_prefixes(text, 1, [](std::string_view line) {
      return line.find_first_not_of(' ') + 1;  // every such line has a '#' (see the regex)
    });
  }
};

class NoDelimiter : public ZoneDelimiter {
 public:
  std::vector<std::string> targets() const override { return {"no-delimiter"}; }
  std::string name() const override { return "No Zone Delimiter"; }
  std::vector<Zone> zones(std::string_view text, const std::string&) const override {
    return {Zone{std::string(text), 1}};
  }
};

}  // namespace

int line_number_at(std::string_view text, std::size_t offset) {
  int newlines = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) newlines += text[i] == '\n';
  return 1 + newlines;
}

std::string replace_line_prefixes(std::string_view text, std::size_t first_line,
                                  const std::function<std::size_t(std::string_view)>& prefix_of) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t line_index = 0;
  std::size_t begin = 0;
  while (true) {
    std::size_t end = text.find('\n', begin);
    std::string_view line = text.substr(begin, end == std::string_view::npos ? end : end - begin);
    if (line_index >= first_line) {
      out += ' ';
      out += line.substr(prefix_of(line));
    } else {
      out += line;
    }
    if (end == std::string_view::npos) break;
    out += '\n';
    begin = end + 1;
    ++line_index;
  }
  return out;
}

std::vector<std::unique_ptr<ZoneDelimiter>> builtin_zone_delimiters() {
  std::vector<std::unique_ptr<ZoneDelimiter>> out;
  out.push_back(std::make_unique<RegexZoneDelimiter>(
      std::vector<std::string>{".md"}, "``` ... ``` or <!-- ... -->", k_markdown_pattern,
      k_regex_dotall | k_regex_multiline));
  out.push_back(make_python_zone_delimiter());
  out.push_back(std::make_unique<CCommentDelimiter>());
  out.push_back(std::make_unique<HashCommentDelimiter>());
  out.push_back(std::make_unique<NoDelimiter>());
  return out;
}

std::string file_extension(std::string_view path) {
  std::size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::size_t stem = name.find_first_not_of('.');
  if (stem == std::string_view::npos) return "";
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot < stem) return "";
  return std::string(name.substr(dot));
}

}  // namespace bx
