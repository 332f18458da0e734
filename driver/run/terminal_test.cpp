#include "driver/run/terminal.hpp"

#include <gtest/gtest.h>

namespace bx {
namespace {

TEST(DumbTerminal, WhitespaceProcessing) {
  // The example of docs/advanced/terminal-emulation.md.
  EXPECT_EQ(dumb_chunk("\tfoo\tbar\r\nbaz\tsaz    \rtaz\r\n"),
            "        foo     bar\nbaz     saz\ntaz\n");
  EXPECT_EQ(dumb_chunk("abc\rX"), "abc\nX");
  EXPECT_EQ(dumb_chunk("x \xc2\xa0\xe3\x80\x80\r\n"), "x\n");
  EXPECT_EQ(dumb_chunk("é\tx"), "é       x");
}

TEST(DumbTerminal, ChunksAreProcessedIndependently) {
  Terminal terminal(24, 80);
  EXPECT_EQ(terminal.process({"ab", "\tc  "}, TermMode::dumb, false), "ab        c\n");
}

TEST(DumbTerminal, FinalNewline) {
  Terminal terminal(24, 80);
  EXPECT_EQ(terminal.process({}, TermMode::dumb, false), "\n");
  EXPECT_EQ(terminal.process({"foo"}, TermMode::dumb, false), "foo\n");
  EXPECT_EQ(terminal.process({"foo\r\n"}, TermMode::dumb, false), "foo\n");
  EXPECT_EQ(terminal.process({"foo"}, TermMode::as_is, false), "foo");
}

TEST(DumbTerminal, DoesNotWrap) {
  Terminal terminal(24, 32);
  std::string line;
  for (int i = 0; i < 8; ++i) line += "aaaabbbb";
  EXPECT_EQ(terminal.process({line + "\r\n"}, TermMode::dumb, false), line + "\n");
}

TEST(AsIsTerminal, OnlyNewlines) {
  Terminal terminal(24, 80);
  EXPECT_EQ(terminal.process({"\tfoo\tbar\r\nbaz\tsaz  \rtaz\x1b[31m\r\n"}, TermMode::as_is, true),
            "\tfoo\tbar\nbaz\tsaz  \ntaz\x1b[31m\n");
}

TEST(AnsiTerminal, WrapsAtTheColumnLimit) {
  Terminal terminal(24, 32);
  std::string line;
  for (int i = 0; i < 8; ++i) line += "aaaabbbb";
  std::string half = line.substr(0, 32);
  EXPECT_EQ(terminal.process({line + "\r\n"}, TermMode::ansi, false), half + "\n" + half + "\n");
}

TEST(AnsiTerminal, ScrollsAndDropsEmptyBottomRows) {
  Terminal terminal(5, 80);
  std::string output;
  for (int i = 1; i <= 32; ++i) output += "line " + std::to_string(i) + "\r\n";
  EXPECT_EQ(terminal.process({output}, TermMode::ansi, false),
            "line 29\nline 30\nline 31\nline 32\n");
  EXPECT_EQ(terminal.process({"foo\r\n\r\n\r\n\r\n"}, TermMode::ansi, false), "foo\n");
}

TEST(AnsiTerminal, InterpretsControlSequences) {
  Terminal terminal(24, 80);
  EXPECT_EQ(terminal.process({"abc\rX"}, TermMode::ansi, false), "Xbc\n");
  EXPECT_EQ(terminal.process({"This is a \x1b[31mmessage in red\x1b[0m", " but not panic\r\n"},
                             TermMode::ansi, false),
            "This is a message in red but not panic\n");
  EXPECT_EQ(terminal.process({"ab\bX\tY   \r\n"}, TermMode::ansi, false), "aX      Y\n");
  EXPECT_EQ(terminal.process({"12345\x1b[3D\x1b[K\r\n"}, TermMode::ansi, false), "12\n");
}

TEST(AnsiTerminal, ClearedAfterEachExampleKeepingPartialSequences) {
  Terminal terminal(24, 80);
  EXPECT_EQ(terminal.process({"first\r\nsecond\x1b["}, TermMode::ansi, false), "first\nsecond\n");
  EXPECT_EQ(terminal.process({"31mthird"}, TermMode::ansi, false), "third\n");
}

TEST(AnsiTerminal, Resize) {
  Terminal terminal(24, 80);
  terminal.resize(24, 4);
  EXPECT_EQ(terminal.process({"abcdef"}, TermMode::ansi, false), "abcd\nef\n");
}

TEST(EchoFiltering, DropsTheEchoOfEveryChunk) {
  Terminal terminal(24, 80);
  EXPECT_EQ(terminal.process({"x=1\r\n", "echo \"normal output\"\r\nnormal output\r\n"},
                             TermMode::dumb, true),
            "normal output\n");
  EXPECT_EQ(terminal.process({"printf foo\r\nfoo", "\r\n"}, TermMode::dumb, true), "foo\n");
}

TEST(EchoFiltering, DumbConvertsLoneNewlines) {
  Terminal terminal(24, 80);
  EXPECT_EQ(terminal.process({"cmd\nout\nmore\r\n"}, TermMode::dumb, true), "out\nmore\n");
}

TEST(EchoFiltering, AnsiUsesTheRealGeometryAfterwards) {
  Terminal terminal(24, 5);
  EXPECT_EQ(terminal.process({"echo 1234567\r\n1234567\r\n"}, TermMode::ansi, true), "12345\n67\n");
}

TEST(EchoFiltering, DeletesRealOutputWhenThereIsNoEcho) {
  Terminal terminal(24, 80);
  EXPECT_EQ(terminal.process({"only output\r\n"}, TermMode::dumb, true), "\n");
}

TEST(Terminal, ParseTermMode) {
  EXPECT_EQ(parse_term_mode("as-is"), TermMode::as_is);
  EXPECT_EQ(parse_term_mode("ansi"), TermMode::ansi);
  EXPECT_EQ(parse_term_mode("dumb"), TermMode::dumb);
}

}  // namespace
}  // namespace bx
