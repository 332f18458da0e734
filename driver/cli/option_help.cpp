// One option's entry in --show-options, laid out as Python's argparse does (spec §6.4):
// the invocation indented by 2, the help from column 24 wrapped at 78 columns, on the next
// line when the invocation is longer than 20 characters.
#include "driver/cli/setup.hpp"

namespace bx {

namespace {

constexpr std::size_t k_help_column = 24;
constexpr std::size_t k_line_width = 78;

std::string invocation(const OptionSpec& spec) {
  std::string text = "+" + spec.name;
  if (!spec.choices.empty()) {
    std::string choices;
    for (const auto& choice : spec.choices) choices += (choices.empty() ? "" : ",") + choice;
    text += " {" + choices + "}";
  } else if (spec.kind == OptionKind::optional_value) {
    text += " [" + spec.metavar + "]";
  } else if (spec.kind != OptionKind::flag) {
    text += " " + spec.metavar;
  }
  for (const auto& alias : spec.aliases) text += ", +" + alias;
  return text;
}

/// Greedy word wrap, like Python's textwrap.wrap.
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find(' ', begin);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(begin, end - begin);
    begin = end + 1;
    if (word.empty()) continue;
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

std::string format_option_help(const OptionSpec& spec) {
  std::string entry = "  " + invocation(spec);
  std::vector<std::string> help = wrap(spec.help, k_line_width - k_help_column);
  if (help.empty()) return entry + "\n";
  if (entry.size() + 2 <= k_help_column) {
    entry += std::string(k_help_column - entry.size(), ' ');
  } else {
    entry += "\n" + std::string(k_help_column, ' ');
  }
  for (std::size_t i = 0; i < help.size(); ++i) {
    entry += (i ? std::string(k_help_column, ' ') : "") + help[i] + "\n";
  }
  return entry;
}

}  // namespace bx
