// The built-in prompt finders (spec §1.3, §1.4): one generic class driven by a table.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "driver/find/example_finder.hpp"
#include "driver/model/errors.hpp"
#include "driver/run/language_definition.hpp"
#include "driver/util/regex.hpp"
#include "driver/util/text.hpp"

namespace bx {

namespace {

/// How the prompt-removal step treats the snippet lines.
enum class PromptCheck {
  none,    ///< chop blindly
  python,  ///< validate `>>>`/`...` and the space after them first
};

struct PromptSpec {
  std::string language;
  std::string ps1;   ///< regex of the PS1 token, its required trailing space included
  std::string ps2;   ///< regex of the PS2 token; empty for single-line examples
  std::string stop;  ///< regex of what ends the expected output at a line start
  std::size_t chop;  ///< characters removed from every snippet line
  PromptCheck check;
  bool strip_snippet;  ///< strip surrounding whitespace after the chop (elixir)
};

const PromptSpec k_prompt_specs[] = {
    {"python", R"(>>>[ ])", R"(\.\.\.)", ">>>", 4, PromptCheck::python, false},
    {"shell", R"(\$[ ])", ">", R"(\$)", 2, PromptCheck::none, false},
    {"ruby", R"(>>[ ])", R"(\.\.)", ">>", 3, PromptCheck::none, false},
    {"javascript", R"(>[ ])", R"(\.[ ])", ">", 2, PromptCheck::none, false},
    {"go", R"(>[ ])", R"(\.)", ">", 2, PromptCheck::none, false},
    {"java", R"(j>[ ])", R"(\.\.)", "j>", 3, PromptCheck::none, false},
    {"cpp", R"(\?:[ ])", "::", R"(\?:)", 3, PromptCheck::none, false},
    {"rust", R"(>>[ ])", "::", ">>", 3, PromptCheck::none, false},
    {"iasm", R"(:>[ ])", "->", ":>", 3, PromptCheck::none, false},
    {"pwsh", R"(PS>[ ])", "-->", "PS>", 4, PromptCheck::none, false},
    {"php", R"(php>[ ])", R"(\.\.\.>[ ])", "php>", 5, PromptCheck::none, false},
    {"elixir", R"(iex>[ ])", R"(\.\.\.>)", "iex>", 5, PromptCheck::none, true},
    {"gdb", R"(\(gdb\)[ ])", "", R"(\(gdb\))", 6, PromptCheck::none, false},
};

/// `<Lang> Prompt Finder`: words of the target capitalised (spec §5.7).
std::string finder_display_name(const std::string& target) {
  std::string out;
  bool word_start = true;
  for (char c : target) {
    if (c == '-' || c == '_') {
      out += ' ';
      word_start = true;
      continue;
    }
    unsigned char u = static_cast<unsigned char>(c);
    out += static_cast<char>(word_start ? std::toupper(u) : std::tolower(u));
    word_start = false;
  }
  return out + " Finder";
}

std::string finder_pattern(const PromptSpec& spec) {
  std::string snippet = std::string("(?:^(?<indent>[ ]*)") + spec.ps1 + ".*)";
  if (!spec.ps2.empty()) snippet += std::string(R"((?:\n[ ]*)") + spec.ps2 + ".*)*";
  return "(?<snippet>" + snippet + R"()\n?(?<expected>(?:^(?![ ]*)" + spec.stop +
         R"()(?![ ]*$).+$\n?)*))";
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (true) {
    std::size_t end = text.find('\n', begin);
    lines.emplace_back(text.substr(begin, end == std::string_view::npos ? end : end - begin));
    if (end == std::string_view::npos) return lines;
    begin = end + 1;
  }
}

class PromptFinder : public ExampleFinder {
 public:
  explicit PromptFinder(PromptSpec spec)
      : m_spec(std::move(spec)),
        m_target(m_spec.language + "-prompt"),
        m_display_name(finder_display_name(m_target)),
        m_regex(finder_pattern(m_spec)) {}

  std::string target() const override { return m_target; }
  std::string display_name() const override { return m_display_name; }
  std::string language() const override { return m_spec.language; }

  std::vector<Example> find(const Zone& zone, const std::string& filepath) const override {
    std::vector<RegexMatch> matches = m_regex.find_all(zone.text);
    std::vector<Example> out;
    out.reserve(matches.size());
    int lineno = zone.start_lineno;
    std::size_t counted = 0;
    for (const RegexMatch& m : matches) {
      lineno +=
          static_cast<int>(std::count(zone.text.begin() + static_cast<long>(counted),
                                      zone.text.begin() + static_cast<long>(m.begin()), '\n'));
      counted = m.begin();
      out.push_back(make_example(m, filepath, lineno));
    }
    return out;
  }

 private:
  Example make_example(const RegexMatch& m, const std::string& filepath, int lineno) const {
    Example example;
    example.filepath = filepath;
    example.language = m_spec.language;
    example.finder = m_display_name;
    example.indentation = std::string(*m.named("indent"));
    example.start_lineno = lineno;
    std::string matched(m.group(0));
    int newlines = static_cast<int>(std::count(matched.begin(), matched.end(), '\n'));
    example.end_lineno = lineno + newlines - (matched.ends_with('\n') ? 1 : 0);

    std::string dedented = remove_indent(matched, example);
    auto again = m_regex.match(dedented);
    if (!again || again->end() != dedented.size()) {
      std::size_t left = dedented.size() - (again ? again->end() : 0);
      throw Error("The example was modified and it does not match the finder any more: " +
                      std::to_string(left) + " bytes were left out after processing it.",
                  ErrorContext{filepath, lineno, m_display_name, {}});
    }
    example.snippet = remove_prompts(std::string(*again->named("snippet")), example);
    example.expected_str = std::string(again->named("expected").value_or(""));
    return example;
  }

  /// Removes the PS1 line's indentation from every line; the first non-empty line without
  /// it truncates the example there (spec §1.3, "dedent").
  static std::string remove_indent(const std::string& matched, Example& example) {
    const std::string& indent = example.indentation;
    std::vector<std::string> lines = split_lines(matched);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].empty()) continue;
      if (!lines[i].starts_with(indent)) {
        lines.resize(i);
        example.end_lineno = example.start_lineno + static_cast<int>(i) - 1;
        break;
      }
      lines[i].erase(0, indent.size());
    }
    return join_lines(lines);
  }

  std::string remove_prompts(const std::string& snippet, const Example& example) const {
    std::vector<std::string> lines = split_lines(snippet);
    if (m_spec.check == PromptCheck::python) check_python_prompts(lines, example);
    for (std::string& line : lines) line.erase(0, std::min(m_spec.chop, line.size()));
    std::string out = join_lines(lines);
    return m_spec.strip_snippet ? strip_whitespace(out) : out;
  }

  void check_python_prompts(const std::vector<std::string>& lines, const Example& example) const {
    auto fail = [&](const char* message) {
      throw Error(message,
                  ErrorContext{example.filepath, example.start_lineno, m_display_name, {}});
    };
    for (const std::string& line : lines) {
      if (!line.starts_with(">>>") && !line.starts_with("...")) fail("Incorrect prompts");
    }
    for (const std::string& line : lines) {
      if (line.size() >= 4 && line[3] != ' ') fail("Missing space after the prompt");
    }
  }

  PromptSpec m_spec;
  std::string m_target;
  std::string m_display_name;
  Regex m_regex;
};

/// The finder of a language defined in YAML with its own prompt tokens: the PS1 line ends
/// the expected output, and PS1 and PS2 (as long as PS1) are cut from the snippet lines.
PromptSpec defined_prompt_spec(const LanguageDefinition& definition) {
  const DefinedFinder& finder = definition.finder;
  std::string ps2 = finder.ps2.substr(0, finder.ps2.find_last_not_of(' ') + 1);
  std::string stop = finder.ps1.substr(0, finder.ps1.find_last_not_of(' ') + 1);
  return {definition.language,
          regex_escape(finder.ps1),
          ps2.empty() ? std::string() : regex_escape(ps2),
          regex_escape(stop),
          finder.ps1.size(),
          PromptCheck::none,
          false};
}

}  // namespace

std::vector<std::unique_ptr<ExampleFinder>> builtin_example_finders() {
  std::vector<std::unique_ptr<ExampleFinder>> out;
  std::vector<PromptSpec> specs(std::begin(k_prompt_specs), std::end(k_prompt_specs));
  for (const LanguageDefinition* definition : added_language_definitions()) {
    if (definition->finder.builtin) continue;
    std::erase_if(specs,
                  [&](const PromptSpec& spec) { return spec.language == definition->language; });
    specs.push_back(defined_prompt_spec(*definition));
  }
  for (PromptSpec& spec : specs) out.push_back(std::make_unique<PromptFinder>(std::move(spec)));
  return out;
}

}  // namespace bx
