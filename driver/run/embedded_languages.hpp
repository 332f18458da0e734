// The built-in language definitions (driver/run/languages/*.yml), compiled into the binary
// by driver/run/languages/embed.py.
#pragma once

#include <string_view>
#include <vector>

namespace bx {

struct EmbeddedFile {
  std::string_view name;  ///< "gdb.yml"
  std::string_view text;
};

/// In the order of driver/run/languages/languages.txt.
const std::vector<EmbeddedFile>& embedded_language_files();

}  // namespace bx
