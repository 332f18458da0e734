// The zone delimiter of Python source files (spec §1.2.2).
#pragma once

#include <memory>

#include "driver/find/zone_delimiter.hpp"

namespace bx {

/// Docstrings of functions/classes and triple-quoted strings opened at column 0.
std::unique_ptr<ZoneDelimiter> make_python_zone_delimiter();

}  // namespace bx
