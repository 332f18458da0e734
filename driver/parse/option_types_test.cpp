#include "driver/parse/option_types.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace bx {
namespace {

template <typename F>
std::string error_of(F convert, const std::string& text) {
  try {
    convert(text);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "no error";
}

TEST(OptionTypes, ReprQuotesLikePython) {
  EXPECT_EQ(py_repr("abc"), "'abc'");
  EXPECT_EQ(py_repr("it's"), "\"it's\"");
  EXPECT_EQ(py_repr("a'b\"c"), "'a\\'b\"c'");
  EXPECT_EQ(py_repr("a\\b"), "'a\\\\b'");
  EXPECT_EQ(py_repr("a\nb\t\r"), "'a\\nb\\t\\r'");
  EXPECT_EQ(py_repr(std::string("\x01\x7f", 2)), "'\\x01\\x7f'");
  EXPECT_EQ(py_repr(""), "''");
}

TEST(OptionTypes, ReprKeepsPrintableUnicodeAndEscapesTheRest) {
  EXPECT_EQ(py_repr("caf\xc3\xa9"), "'caf\xc3\xa9'");  // é is printable
  EXPECT_EQ(py_repr("a\xc2\xa0"), "'a\\xa0'");         // NO-BREAK SPACE is not
  EXPECT_EQ(py_repr("\xe2\x80\x8b"), "'\\u200b'");     // ZERO WIDTH SPACE
}

TEST(OptionTypes, FloatFollowsPythonSyntax) {
  EXPECT_DOUBLE_EQ(to_py_float("3"), 3.0);
  EXPECT_DOUBLE_EQ(to_py_float(" 2.5 "), 2.5);
  EXPECT_DOUBLE_EQ(to_py_float("+.5"), 0.5);
  EXPECT_DOUBLE_EQ(to_py_float("5."), 5.0);
  EXPECT_DOUBLE_EQ(to_py_float("-1e3"), -1000.0);
  EXPECT_DOUBLE_EQ(to_py_float("1_000.5"), 1000.5);
  EXPECT_TRUE(std::isinf(to_py_float("inf")));
  EXPECT_TRUE(std::isinf(to_py_float("-Infinity")));
  EXPECT_TRUE(std::isnan(to_py_float("NaN")));
  EXPECT_TRUE(std::isinf(to_py_float("1e999")));
  EXPECT_DOUBLE_EQ(to_py_float("1e-999"), 0.0);
}

TEST(OptionTypes, FloatRejectsWhatPythonRejects) {
  EXPECT_EQ(error_of(to_py_float, "abc"), "invalid float value: 'abc'");
  EXPECT_EQ(error_of(to_py_float, ""), "invalid float value: ''");
  EXPECT_EQ(error_of(to_py_float, "0x10"), "invalid float value: '0x10'");
  EXPECT_EQ(error_of(to_py_float, "1__0"), "invalid float value: '1__0'");
  EXPECT_EQ(error_of(to_py_float, "_1"), "invalid float value: '_1'");
  EXPECT_EQ(error_of(to_py_float, "1,5"), "invalid float value: '1,5'");
  EXPECT_EQ(error_of(to_py_float, "."), "invalid float value: '.'");
}

TEST(OptionTypes, IntFollowsPythonSyntax) {
  EXPECT_EQ(to_py_int(" 42 "), 42);
  EXPECT_EQ(to_py_int("+7"), 7);
  EXPECT_EQ(to_py_int("-3"), -3);
  EXPECT_EQ(to_py_int("1_0"), 10);
  EXPECT_EQ(to_py_int("007"), 7);
  EXPECT_EQ(error_of(to_py_int, "1.0"), "invalid int value: '1.0'");
  EXPECT_EQ(error_of(to_py_int, "0x10"), "invalid int value: '0x10'");
}

TEST(OptionTypes, GeometryIsRowsByColumnsWithOptionalSpaces) {
  EXPECT_EQ(to_geometry("24x80"), IntPair(24, 80));
  EXPECT_EQ(to_geometry(" 10 x 3 "), IntPair(10, 3));
  EXPECT_EQ(to_geometry("0x0"), IntPair(0, 0));
  EXPECT_EQ(error_of(to_geometry, "abc"), "invalid geometry value: 'abc'");
  EXPECT_EQ(error_of(to_geometry, "24x80x1"), "invalid geometry value: '24x80x1'");
  EXPECT_EQ(error_of(to_geometry, "-1x80"), "invalid geometry value: '-1x80'");
  EXPECT_EQ(error_of(to_geometry, "24X80"), "invalid geometry value: '24X80'");
}

TEST(OptionTypes, InputPrefixRangeNeedsMinNotAboveMax) {
  EXPECT_EQ(to_input_prefix_range("6:12"), IntPair(6, 12));
  EXPECT_EQ(to_input_prefix_range("0:0"), IntPair(0, 0));
  EXPECT_EQ(error_of(to_input_prefix_range, "12:6"), "invalid input-prefix-range value: '12:6'");
  EXPECT_EQ(error_of(to_input_prefix_range, "-1:6"), "invalid input-prefix-range value: '-1:6'");
  EXPECT_EQ(error_of(to_input_prefix_range, "6"), "invalid input-prefix-range value: '6'");
}

TEST(OptionTypes, ShowFailuresIsAllOrANonNegativeInt) {
  EXPECT_EQ(to_show_failures("all"), k_show_all_failures);
  EXPECT_EQ(to_show_failures("0"), 0);
  EXPECT_EQ(to_show_failures("3"), 3);
  EXPECT_EQ(error_of(to_show_failures, "-1"), "invalid show-failures value: '-1'");
  EXPECT_EQ(error_of(to_show_failures, "ALL"), "invalid show-failures value: 'ALL'");
}

}  // namespace
}  // namespace bx
