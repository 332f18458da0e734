#include "driver/run/cpp_source.hpp"

#include <gtest/gtest.h>

namespace bx::cpp_source {
namespace {

using Lines = std::vector<std::string>;

Lines lines_of(std::string_view source) {
  Prepared prepared = prepare(source);
  EXPECT_EQ(prepared.error, "");
  return prepared.lines;
}

std::string error_of(std::string_view source) {
  Prepared prepared = prepare(source);
  EXPECT_TRUE(prepared.lines.empty());
  return prepared.error;
}

TEST(CppSource, EveryCompleteLineIsAnInput) {
  EXPECT_EQ(lines_of("int x = 1;\n  x + 1\n\n"), (Lines{"int x = 1;", "x + 1"}));
  EXPECT_EQ(lines_of(""), Lines{});
}

TEST(CppSource, OpenBracketsJoinTheLinesWithContinuations) {
  EXPECT_EQ(lines_of("int f(int a) {\n\n  return a *\n    2;\n}\nf(2)\n"),
            (Lines{"int f(int a) { \\", "return a * \\", "2; \\", "}", "f(2)"}));
  EXPECT_EQ(lines_of("g(1,\n  2)\n"), (Lines{"g(1, \\", "2)"}));
}

TEST(CppSource, ABraceOnTheNextLineContinuesTheInput) {
  EXPECT_EQ(lines_of("struct S\n{\n  int a;\n};\n"),
            (Lines{"struct S \\", "{ \\", "int a; \\", "};"}));
}

TEST(CppSource, DirectivesAndCommandsKeepTheirLines) {
  EXPECT_EQ(lines_of("#include <vector>\n%lib ./libx.so\nstd::vector<int> v;\n"),
            (Lines{"#include <vector>", "%lib ./libx.so", "std::vector<int> v;"}));
  // The brackets of a macro are its own business.
  EXPECT_EQ(lines_of("#define OPEN (\nint y;\n"), (Lines{"#define OPEN (", "int y;"}));
}

TEST(CppSource, BackslashNewlinesAreSpliced) {
  EXPECT_EQ(lines_of("#define SQ(a) \\\n  ((a) * (a))\nSQ(3)\\"),
            (Lines{"#define SQ(a)   ((a) * (a))", "SQ(3)"}));
  EXPECT_EQ(lines_of("int z = \\  \n 4;\n"), (Lines{"int z =  4;"}));
}

TEST(CppSource, LineCommentsBecomeBlockComments) {
  EXPECT_EQ(lines_of("int f() { // the answer */ here\n  return 42; }\n"),
            (Lines{"int f() { /* the answer * / here */ \\", "return 42; }"}));
  EXPECT_EQ(lines_of("auto url = \"http://x\"; //\n"), (Lines{"auto url = \"http://x\"; /* */"}));
}

TEST(CppSource, BlockCommentsMaySpanLines) {
  EXPECT_EQ(lines_of("/* a {\n\tb */ int c;\n"), (Lines{"/* a { \\", "b */ int c;"}));
}

TEST(CppSource, NonAsciiBytesInLiteralsBecomeOctalEscapes) {
  EXPECT_EQ(lines_of("puts(\"h\xc3\xa9llo\\\"\");\n"), (Lines{"puts(\"h\\303\\251llo\\\"\");"}));
  EXPECT_EQ(lines_of("char c = '\t';\n"), (Lines{"char c = '\\t';"}));
  // Outside literals only tabs change: they would trigger completion in a terminal.
  EXPECT_EQ(lines_of("int\tn\xc3\xa9 = 1;\n"), (Lines{"int n\xc3\xa9 = 1;"}));
  // A file name is not a string literal.
  EXPECT_EQ(lines_of("#include \"d\xc3\xa9.h\"\n"), (Lines{"#include \"d\xc3\xa9.h\""}));
}

TEST(CppSource, RawStringsBecomeOrdinaryLiterals) {
  EXPECT_EQ(lines_of("auto s = u8R\"x(a \"(b)\" \\x\n\xc3\xa9)x\";\n"),
            (Lines{"auto s = u8\"a \\\"(b)\\\" \\\\x\\n\\303\\251\";"}));
  EXPECT_EQ(lines_of("BR\"(x)\"\n"), (Lines{"BR\"(x)\""}));
}

TEST(CppSource, QuotesInNumbersAndLiteralsDoNotCount) {
  EXPECT_EQ(lines_of("long n = 1'000'000; char c = '}';\n"),
            (Lines{"long n = 1'000'000; char c = '}';"}));
  EXPECT_EQ(lines_of("auto s = \"{(\";\n"), (Lines{"auto s = \"{(\";"}));
}

TEST(CppSource, WhatWouldHangClangReplIsAnError) {
  EXPECT_EQ(error_of("int f(int a) {\n  return a;\n"),
            "the '{' at line 1, column 14 is never closed");
  EXPECT_EQ(error_of("int g() { return (1; }\n"),
            "the '}' at line 1, column 22 does not match the '(' at line 1, column 18");
  EXPECT_EQ(error_of("int x; }\n"), "the '}' at line 1, column 8 closes nothing");
  EXPECT_EQ(error_of("int x; /* open\n"), "the /* comment at line 1, column 8 is not closed");
  EXPECT_EQ(error_of("auto s = R\"(open\n"), "the raw string at line 1, column 11 is not closed");
  EXPECT_EQ(error_of("puts(\"open);\n"),
            "the string literal at line 1, column 6 is not closed on its line");
  EXPECT_EQ(error_of("char c = 'x;\n"),
            "the character literal at line 1, column 10 is not closed on its line");
}

}  // namespace
}  // namespace bx::cpp_source
