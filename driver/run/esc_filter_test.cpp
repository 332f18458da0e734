#include "driver/run/esc_filter.hpp"

#include <gtest/gtest.h>

namespace bx {
namespace {

TEST(EscFilter, RemovesColoursSilently) {
  EscFilter filter;
  EXPECT_EQ(filter.filter("This is a \x1b[31mmessage in red\x1b[0m but not panic"),
            "This is a message in red but not panic");
  EXPECT_FALSE(filter.seen_unhandled());
}

TEST(EscFilter, KeepsStateAcrossReads) {
  EscFilter filter;
  std::string out = filter.filter("abc\x1b");
  out += filter.filter("[3");
  out += filter.filter("1mdef\x1b]0;a ti");
  out += filter.filter("tle\x07ghi");
  EXPECT_EQ(out, "abcdefghi");
  EXPECT_FALSE(filter.seen_unhandled());
}

TEST(EscFilter, FlagsCursorMovement) {
  EscFilter filter;
  EXPECT_EQ(filter.filter("This is a broken \x1b[23;2Hmessage\x1b[23;77H"),
            "This is a broken message");
  ASSERT_TRUE(filter.seen_unhandled());
  EXPECT_EQ(filter.unhandled(), (std::vector<std::string>{"\\x1b[23;2H", "\\x1b[23;77H"}));
  filter.clear_seen();
  EXPECT_FALSE(filter.seen_unhandled());
}

TEST(EscFilter, FlagsEraseInsertBackspaceAndIndex) {
  for (std::string_view sequence :
       std::initializer_list<std::string_view>{"\x1b[2J", "\x1b[K", "\x1b[3@", "\x1b[2M", "\b",
                                               "\x1b"
                                               "D",
                                               "\x1bM",
                                               "\x1b"
                                               "8",
                                               "\x1b[6n", "\x1b[8;24;80t", "\x1b[g"}) {
    EscFilter filter;
    EXPECT_EQ(filter.filter("a" + std::string(sequence) + "b"), "ab") << sequence;
    EXPECT_TRUE(filter.seen_unhandled()) << sequence;
  }
}

TEST(EscFilter, SilentSequences) {
  for (std::string_view sequence :
       std::initializer_list<std::string_view>{"\x1b[?2004h", "\x1b[1;24r",
                                               "\x1b"
                                               "7",
                                               "\x1b[s", "\x1b#8", "\x07", "\x1b]2;title\x1b\\",
                                               std::string_view("\0", 1), "\x7f", "\x1b=",
                                               "\xc2\x9b"
                                               "1m"}) {
    EscFilter filter;
    EXPECT_EQ(filter.filter("a" + std::string(sequence) + "b"), "ab") << sequence;
    EXPECT_FALSE(filter.seen_unhandled()) << sequence;
  }
}

TEST(EscFilter, KeepsWhitespaceControls) {
  EscFilter filter;
  EXPECT_EQ(filter.filter("a\tb\r\nc\vd\fe"), "a\tb\r\nc\vd\fe");
}

TEST(EscFilter, ControlsInsideASequenceAreExecuted) {
  EscFilter filter;
  EXPECT_EQ(filter.filter("a\x1b[3\n1mb"), "a\nb");
  EXPECT_EQ(filter.filter("c\x1b[3\x18"
                          "d"),
            "cd");  // CAN aborts the sequence
}

TEST(EscFilter, CharacterSetShiftsAreIgnored) {
  // test/ds/binary-blob: after a stray SO the prompt must still be found.
  EscFilter filter;
  EXPECT_EQ(filter.filter("\x0elqqk /byexample/sh/ps1> \x0f ok"), "lqqk /byexample/sh/ps1>  ok");
  EXPECT_EQ(filter.filter("\x1b(0x\x1b(Bx\x1b)0y"), "xxy");
  EXPECT_FALSE(filter.seen_unhandled());
}

TEST(EscFilter, FullResetIsFlaggedOnlyAfterText) {
  EscFilter filter;
  EXPECT_EQ(filter.filter("\x1b"
                          "c"),
            "");
  EXPECT_FALSE(filter.seen_unhandled());
  EXPECT_EQ(filter.filter("text\x1b"
                          "c"),
            "text");
  EXPECT_TRUE(filter.seen_unhandled());
}

TEST(EscFilter, KeepsUnicodeText) {
  EscFilter filter;
  EXPECT_EQ(filter.filter("héllo \x1b[1m✓\x1b[0m"), "héllo ✓");
}

}  // namespace
}  // namespace bx
