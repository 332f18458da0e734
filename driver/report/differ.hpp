// Rendering the difference between expected and got (spec §5.3, §5.4).
#pragma once

#include <string>

#include "driver/model/example.hpp"

namespace bx {

struct DiffSettings {
  std::string algorithm = "none";  ///< none, unified, ndiff, context, tool
  bool enhance = true;             ///< +enhance-diff
  bool colors = false;
  std::string difftool;  ///< --difftool template for "tool"
};

/// The differ output of §5.3 (without the example header): the legend of replaced
/// characters (enhanced mode), then `Expected:`/`Got:` or `Differences:` and the diff, then
/// the captured-tags table when `captures` is not empty and enhance is on. Every line ends
/// with '\n'. `expected` is already the string to show (the partial-match string in
/// enhanced mode, §5.3 step 1).
std::string render_difference(const std::string& expected, const std::string& got,
                              const Captures& captures, const DiffSettings& settings);

}  // namespace bx
