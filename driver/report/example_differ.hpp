// The Differ handed to the success/failure hooks (spec §5.3 preparation step 1).
#pragma once

#include "driver/concern/concern.hpp"
#include "driver/report/differ.hpp"

namespace bx {

struct ExampleDifferSettings {
  std::string difftool;
  long min_rcount = 16;
  double partial_match_budget = 8.0;
};

class ExampleDiffer : public Differ {
 public:
  explicit ExampleDiffer(ExampleDifferSettings settings) : m_settings(std::move(settings)) {}
  std::string output_difference(const Example& example, const std::string& got,
                                const OptionStack& options, bool use_colors) const override;

 private:
  ExampleDifferSettings m_settings;
};

}  // namespace bx
