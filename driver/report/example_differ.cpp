#include "driver/report/example_differ.hpp"

#include "driver/match/matcher.hpp"

namespace bx {

std::string ExampleDiffer::output_difference(const Example& example, const std::string& got,
                                             const OptionStack& options, bool use_colors) const {
  DiffSettings settings;
  settings.algorithm = options.text("diff");
  settings.enhance = options.flag("enhance_diff");
  settings.colors = use_colors;
  settings.difftool = m_settings.difftool;

  std::string expected = example.expected.str;
  Captures captures;
  if (settings.enhance) {
    // With the enhanced diff the expected shown has the confidently captured tags filled in.
    if (check_got(example.expected, got)) {
      expected = got;
      full_captures(example.expected, got, captures);
    } else {
      PartialMatch partial = partial_match(example.expected, got, m_settings.min_rcount,
                                           m_settings.partial_match_budget);
      expected = std::move(partial.expected);
      captures = std::move(partial.captures);
    }
  }
  return render_difference(expected, got, captures, settings);
}

}  // namespace bx
