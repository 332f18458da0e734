// Value conversions of the option tables (spec §2.5), with Python's parsing rules and the
// argparse error texts ("invalid float value: 'abc'").
#pragma once

#include <string>
#include <string_view>

#include "driver/model/options.hpp"

namespace bx {

/// Python's repr() of a str: quotes and escapes as Python 3 prints them ('abc', "it's").
std::string py_repr(std::string_view text);

/// Python's float(): surrounding whitespace, '_' between digits, inf/nan.
/// Throws std::invalid_argument("invalid float value: '<text>'").
double to_py_float(const std::string& text);

/// Python's int() in base 10. Throws std::invalid_argument("invalid int value: '<text>'").
long to_py_int(const std::string& text);

/// "<rows>x<cols>", spaces allowed around the numbers, both >= 0.
IntPair to_geometry(const std::string& text);

/// "<min>:<max>", both >= 0 and min <= max.
IntPair to_input_prefix_range(const std::string& text);

/// "all" (k_show_all_failures) or an int >= 0.
long to_show_failures(const std::string& text);

}  // namespace bx
