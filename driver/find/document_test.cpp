#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "driver/find/harvest.hpp"

namespace bx {
namespace {

class ReadDocument : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/bx-document-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    m_dir = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }

  std::string write(const std::string& name, const std::string& bytes) {
    std::string path = m_dir + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  /// The message of the DocumentError thrown when reading `bytes`.
  std::string decoding_error(const std::string& bytes, const std::string& encoding) {
    std::string path = write("doc.md", bytes);
    try {
      read_document(path, encoding);
    } catch (const DocumentError& e) {
      std::string header = "Reading the file '" + path + "' using the '" +
                           encoding.substr(0, encoding.find(':')) +
                           "' encoding failed due decoding errors.\n"
                           "Try a different encoding with '--encoding' from the command line.\n";
      std::string message = e.what();
      EXPECT_EQ(message.substr(0, header.size()), header);
      return message.substr(std::min(header.size(), message.size()));
    }
    return "no error";
  }

  std::string m_dir;
};

TEST_F(ReadDocument, UniversalNewlines) {
  EXPECT_EQ(read_document(write("a.md", "a\r\nb\rc\n\r\r\nd"), "utf-8"), "a\nb\nc\n\n\nd");
}

TEST_F(ReadDocument, ValidUtf8IsKeptAsIs) {
  std::string text = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n";
  EXPECT_EQ(read_document(write("a.md", text), "utf-8"), text);
  EXPECT_EQ(read_document(write("b.md", text), "utf8"), text);
}

TEST_F(ReadDocument, InvalidStartByte) {
  EXPECT_EQ(decoding_error("ok\n\xFF", "utf-8"),
            "'utf-8' codec can't decode byte 0xff in position 3: invalid start byte");
  EXPECT_EQ(decoding_error("\xC0\xAF", "utf-8"),
            "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte");
}

TEST_F(ReadDocument, InvalidContinuationBytes) {
  EXPECT_EQ(decoding_error("ab\xE2\x82"
                           "A",
                           "utf-8"),
            "'utf-8' codec can't decode bytes in position 2-3: invalid continuation byte");
  EXPECT_EQ(decoding_error("\xE2"
                           "A",
                           "utf-8"),
            "'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte");
  EXPECT_EQ(decoding_error("\xED\xA0\x80", "utf-8"),  // a surrogate
            "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte");
  EXPECT_EQ(decoding_error("\xF4\x90\x80\x80", "utf-8"),  // above U+10FFFF
            "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte");
}

TEST_F(ReadDocument, TruncatedSequence) {
  EXPECT_EQ(decoding_error("x\xF0\x90\x80", "utf-8"),
            "'utf-8' codec can't decode bytes in position 1-3: unexpected end of data");
}

TEST_F(ReadDocument, AsciiRejectsHighBytes) {
  EXPECT_EQ(decoding_error("ab\xD0\x96", "ascii"),
            "'ascii' codec can't decode byte 0xd0 in position 2: ordinal not in range(128)");
}

TEST_F(ReadDocument, ReplaceAndIgnoreHandlers) {
  EXPECT_EQ(read_document(write("a.md",
                                "a\xFF"
                                "b\xE2\x82"),
                          "utf-8:replace"),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(read_document(write("b.md",
                                "a\xFF"
                                "b\r\n"),
                          "utf-8:ignore"),
            "ab\n");
  EXPECT_EQ(decoding_error("a\xFF", "utf-8:strict"),
            "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte");
}

TEST_F(ReadDocument, MissingFileIsAnErrorButNotADecodingOne) {
  std::string path = m_dir + "/missing.md";
  try {
    read_document(path, "utf-8");
    FAIL() << "expected an error";
  } catch (const DocumentError&) {
    FAIL() << "not a decoding error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "[Errno 2] No such file or directory: '" + path + "'");
  }
}

}  // namespace
}  // namespace bx
