// Finders: prompt-based example recognition per language (spec §1.3, §1.4). The interface
// is the public one of include/byexample/example_finder.hpp.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "driver/find/zone_delimiter.hpp"
#include "include/byexample/example_finder.hpp"

namespace bx {

/// The built-in prompt finders of §1.4 (python, shell, and the other languages' prompts).
std::vector<std::unique_ptr<ExampleFinder>> builtin_example_finders();

}  // namespace bx
