// Zones: the parts of a file where examples are searched (spec §1.2).
#pragma once

#include <memory>
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
  /// Extensions this delimiter handles (".md"), or {"no-delimiter"}.
  virtual std::vector<std::string> targets() const = 0;
  /// Name used in messages, e.g. "``` ... ``` or <!-- ... -->".
  virtual std::string name() const = 0;
  /// Zones of `text`, left to right. May log warnings naming `filepath`.
  virtual std::vector<Zone> zones(std::string_view text, const std::string& filepath) const = 0;
};

/// The built-in delimiters (§1.2): Markdown, Python, C block comments, hash comments and
/// the no-delimiter fallback.
std::vector<std::unique_ptr<ZoneDelimiter>> builtin_zone_delimiters();

/// The file extension as §1.2 defines it: from the last dot of the file name, a leading dot
/// of a hidden file excluded; "" when there is none.
std::string file_extension(std::string_view path);

}  // namespace bx
