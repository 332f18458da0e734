#include "driver/run/decoder.hpp"

#include <gtest/gtest.h>

#include "driver/run/utf8.hpp"

namespace bx {
namespace {

TEST(Decoder, Utf8SplitBetweenReads) {
  Decoder decoder("utf-8");
  std::string text = decoder.decode("h\xc3");
  text += decoder.decode("\xa9llo \xe2\x9c");
  text += decoder.decode("\x93");
  EXPECT_EQ(text, "héllo ✓");
  EXPECT_EQ(decoder.finish(), "");
}

TEST(Decoder, StrictErrorsLikePython) {
  Decoder decoder("utf8");
  try {
    decoder.decode("ab\xff");
    FAIL() << "no error";
  } catch (const DecodeError& error) {
    EXPECT_STREQ(error.what(),
                 "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte");
    EXPECT_EQ(error.encoding(), "utf-8");
    EXPECT_EQ(error.handler(), "strict");
  }
  Decoder truncated("utf-8");
  EXPECT_EQ(truncated.decode("a\xc3"), "a");
  EXPECT_THROW(truncated.finish(), DecodeError);
  Decoder ascii("ascii");
  try {
    ascii.decode("x\xc3\xa9");
    FAIL() << "no error";
  } catch (const DecodeError& error) {
    EXPECT_STREQ(error.what(),
                 "'ascii' codec can't decode byte 0xc3 in position 1: ordinal not in range(128)");
  }
}

TEST(Decoder, RelaxedHandlers) {
  Decoder replace("utf-8:replace");
  EXPECT_EQ(replace.decode("a\xff"
                           "b\xc3(c"),
            "a\xef\xbf\xbd"
            "b\xef\xbf\xbd(c");
  Decoder ignore("utf-8:ignore");
  EXPECT_EQ(ignore.decode("a\xff"
                          "b"),
            "ab");
  Decoder ascii("ascii:replace");
  EXPECT_EQ(ascii.decode("a\xe9"), "a\xef\xbf\xbd");
}

TEST(Decoder, OtherEncodings) {
  Decoder latin("latin-1");
  EXPECT_EQ(latin.decode("caf\xe9"), "café");
  EXPECT_TRUE(is_supported_encoding("latin1"));
  EXPECT_TRUE(is_supported_encoding("UTF-8"));
  EXPECT_FALSE(is_supported_encoding("no-such-codec"));
}

TEST(Decoder, EncodesWhatIsSentInItsEncoding) {
  EXPECT_EQ(Decoder("latin-1").encode("café"), "caf\xe9");
  EXPECT_EQ(Decoder("latin-1").encode("a€b"), "a?b");  // not in latin-1
  EXPECT_EQ(Decoder("utf-8").encode("café"), "café");
  EXPECT_EQ(Decoder("ascii:replace").encode("plain"), "plain");
}

TEST(Utf8, RstripAndLastChars) {
  EXPECT_EQ(utf8::rstrip("ab \t\xc2\xa0\xe3\x80\x80"), "ab");
  EXPECT_EQ(utf8::rstrip("é"), "é");
  EXPECT_EQ(utf8::last_chars("héllo", 4), "éllo");
  EXPECT_EQ(utf8::last_chars("ab", 10), "ab");
}

}  // namespace
}  // namespace bx
