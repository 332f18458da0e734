// Zone delimiters (spec §7.4): the parts of a file where examples are searched (§1.2).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bx {

struct Zone {
  std::string text;      ///< starts right after the opening marker
  int start_lineno = 1;  ///< line of the opening marker (1-based)
};

class ZoneDelimiter {
 public:
  virtual ~ZoneDelimiter() = default;
  /// Extensions this delimiter handles (".md"), or {"no-delimiter"}; empty disables it.
  /// For a file extension the delimiter registered last wins.
  virtual std::vector<std::string> targets() const = 0;
  /// Name used in messages, e.g. "``` ... ``` or <!-- ... -->".
  virtual std::string name() const = 0;
  /// Zones of `text`, left to right. May log warnings naming `filepath`.
  virtual std::vector<Zone> zones(std::string_view text, const std::string& filepath) const = 0;
};

}  // namespace bx
