// Zones: the parts of a file where examples are searched (spec §1.2). The interface is
// the public one of include/byexample/zone_delimiter.hpp.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "include/byexample/zone_delimiter.hpp"

namespace bx {

/// The built-in delimiters (§1.2): Markdown, Python, C block comments, hash comments and
/// the no-delimiter fallback.
std::vector<std::unique_ptr<ZoneDelimiter>> builtin_zone_delimiters();

/// The file extension as §1.2 defines it: from the last dot of the file name, a leading dot
/// of a hidden file excluded; "" when there is none.
std::string file_extension(std::string_view path);

}  // namespace bx
