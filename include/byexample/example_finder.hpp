// Example finders (spec §7.5): example recognition inside a zone (§1.3, §1.4).
#pragma once

#include <string>
#include <vector>

#include "driver/model/example.hpp"
#include "zone_delimiter.hpp"

namespace bx {

class ExampleFinder {
 public:
  virtual ~ExampleFinder() = default;
  /// Unique finder id, e.g. "python-prompt"; empty disables it.
  virtual std::string target() const = 0;
  /// Name used in messages, e.g. "Python Prompt Finder".
  virtual std::string display_name() const = 0;
  /// The language of the examples it finds, e.g. "python".
  virtual std::string language() const = 0;
  /// Examples found in `zone` with filepath, language, finder, snippet (prompts removed),
  /// expected_str, indentation and line numbers set. Throws bx::Error (with an ErrorContext
  /// naming the file, the line and this finder) on malformed prompts (§1.4).
  virtual std::vector<Example> find(const Zone& zone, const std::string& filepath) const = 0;
};

}  // namespace bx
