#include "driver/find/file_list.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "driver/model/errors.hpp"

namespace bx {
namespace {

using Strings = std::vector<std::string>;

TEST(BraceExpand, Alternatives) {
  EXPECT_EQ(brace_expand("a{b,c}d"), (Strings{"abd", "acd"}));
  EXPECT_EQ(brace_expand("{a,b}{c,d}"), (Strings{"ac", "ad", "bc", "bd"}));
  EXPECT_EQ(brace_expand("cryptonita{,/**}/*.py"),
            (Strings{"cryptonita/*.py", "cryptonita/**/*.py"}));
  EXPECT_EQ(brace_expand("plain/*.md"), (Strings{"plain/*.md"}));
}

TEST(BraceExpand, Nesting) {
  EXPECT_EQ(brace_expand("x{a,b{1,2}}y"), (Strings{"xay", "xb1y", "xb2y"}));
  EXPECT_EQ(brace_expand("{{a,b}}"), (Strings{"{a}", "{b}"}));
  EXPECT_EQ(brace_expand("{a{b,c}"), (Strings{"{ab", "{ac"}));
}

TEST(BraceExpand, NumericRanges) {
  EXPECT_EQ(brace_expand("foo{1..2}.py"), (Strings{"foo1.py", "foo2.py"}));
  EXPECT_EQ(brace_expand("{3..1}"), (Strings{"3", "2", "1"}));
  EXPECT_EQ(brace_expand("{1..10..3}"), (Strings{"1", "4", "7", "10"}));
  EXPECT_EQ(brace_expand("{5..1..-2}"), (Strings{"5", "3", "1"}));
  EXPECT_EQ(brace_expand("{-1..1}"), (Strings{"-1", "0", "1"}));
  EXPECT_EQ(brace_expand("{08..10}"), (Strings{"08", "09", "10"}));
}

TEST(BraceExpand, CharacterRanges) {
  EXPECT_EQ(brace_expand("{a..c}"), (Strings{"a", "b", "c"}));
  EXPECT_EQ(brace_expand("{e..a..2}"), (Strings{"e", "c", "a"}));
  EXPECT_EQ(brace_expand("{Z..a}").size(), 8u);
  EXPECT_EQ(brace_expand("{Z..a}")[2], "\\");
}

TEST(BraceExpand, InvalidBracesAreLiteral) {
  EXPECT_EQ(brace_expand("{a}"), (Strings{"{a}"}));
  EXPECT_EQ(brace_expand("{}"), (Strings{"{}"}));
  EXPECT_EQ(brace_expand("{a,b"), (Strings{"{a,b"}));
  EXPECT_EQ(brace_expand("a}"), (Strings{"a}"}));
  EXPECT_EQ(brace_expand("{1..b}"), (Strings{"{1..b}"}));
  EXPECT_EQ(brace_expand("{ab..c}"), (Strings{"{ab..c}"}));
}

TEST(BraceExpand, BackslashEscapesAreHonouredAndRemoved) {
  EXPECT_EQ(brace_expand("foo\\{1,2\\}"), (Strings{"foo{1,2}"}));
  EXPECT_EQ(brace_expand("{a\\,b,c}"), (Strings{"a,b", "c"}));
  EXPECT_EQ(brace_expand("foo\\*"), (Strings{"foo*"}));
}

TEST(BraceExpand, HugeExpansionIsRejected) {
  EXPECT_THROW(brace_expand("{1..5000000}"), UsageError);
  EXPECT_THROW(brace_expand("{-9223372036854775808..9223372036854775807}"), UsageError);
  EXPECT_EQ(brace_expand("{9223372036854775806..9223372036854775807}").size(), 2u);
}

class FileListTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/bx-file-list-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    m_dir = pattern;
    for (const char* name : {"a.md", "B.md", "sub/c.md", "sub/deep/d.md", ".hidden/e.md", ".f.md",
                             "foo1.py", "foo2.py", "bar1.py"}) {
      touch(name, "x\n");
    }
    touch("empty.md", "");
    std::filesystem::create_directories(m_dir + "/dir.md");
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }

  void touch(const std::string& name, const std::string& content) {
    std::filesystem::path path = m_dir + "/" + name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << content;
  }

  /// `names` prefixed by the temporary directory.
  Strings in_dir(const Strings& names) const {
    Strings out;
    for (const std::string& name : names) out.push_back(m_dir + "/" + name);
    return out;
  }

  std::string m_dir;
};

TEST_F(FileListTest, GlobDropsDirectoriesAndHiddenFilesKeepsEmptyFiles) {
  FileList list = expand_file_list({m_dir + "/*.md"}, {});
  EXPECT_EQ(list.files, in_dir({"B.md", "a.md", "empty.md"}));
  EXPECT_EQ(list.given, 3u);
  EXPECT_EQ(list.skipped, 0u);
}

TEST_F(FileListTest, RecursiveDoubleStarMatchesZeroOrMoreDirectories) {
  FileList list = expand_file_list({m_dir + "/**/*.md"}, {});
  EXPECT_EQ(list.files, in_dir({"B.md", "a.md", "empty.md", "sub/c.md", "sub/deep/d.md"}));
  FileList everything = expand_file_list({m_dir + "/sub/**"}, {});
  EXPECT_EQ(everything.files, in_dir({"sub/c.md", "sub/deep/d.md"}));
}

TEST_F(FileListTest, BraceExpansionHappensBeforeTheGlob) {
  FileList list = expand_file_list({m_dir + "{,/**}/*.py", m_dir + "/sub/{c,x}.md"}, {});
  EXPECT_EQ(list.files, in_dir({"bar1.py", "foo1.py", "foo2.py", "sub/c.md"}));
}

TEST_F(FileListTest, MissingPathsDisappearAndDuplicatesAreRemoved) {
  FileList list =
      expand_file_list({m_dir + "/nope.md", m_dir + "/zz*", m_dir + "/a.md", m_dir + "/a*"}, {});
  EXPECT_EQ(list.files, in_dir({"a.md"}));
  EXPECT_EQ(list.given, 1u);
}

TEST_F(FileListTest, ExistingPathsWithGlobCharactersAreTakenLiterally) {
  touch("notes [draft]; {v1}.md", "x");
  FileList list = expand_file_list({m_dir + "/notes [draft]; {v1}.md"}, {});
  EXPECT_EQ(list.files, in_dir({"notes [draft]; {v1}.md"}));
}

TEST_F(FileListTest, SkippedFilesAreSubtracted) {
  FileList list = expand_file_list({m_dir + "/*.py"}, {m_dir + "/foo{1..2}.py"});
  EXPECT_EQ(list.files, in_dir({"bar1.py"}));
  EXPECT_EQ(list.given, 3u);
  EXPECT_EQ(list.skipped, 2u);
}

TEST_F(FileListTest, SkipComparesStringsWithoutNormalisingPaths) {
  FileList list = expand_file_list({m_dir + "/*.py"}, {m_dir + "/./foo1.py"});
  EXPECT_EQ(list.files, in_dir({"bar1.py", "foo1.py", "foo2.py"}));
  EXPECT_EQ(list.skipped, 1u);
}

TEST_F(FileListTest, EverythingSkipped) {
  FileList list = expand_file_list({}, {m_dir + "/*.py"});
  EXPECT_TRUE(list.files.empty());
  EXPECT_EQ(list.given, 0u);
  EXPECT_EQ(list.skipped, 3u);
}

TEST_F(FileListTest, RelativePatternsGiveRelativePaths) {
  std::filesystem::path previous = std::filesystem::current_path();
  std::filesystem::current_path(m_dir);
  FileList list = expand_file_list({"**/*.md", "./a.md"}, {});
  std::filesystem::current_path(previous);
  EXPECT_EQ(list.files,
            (Strings{"./a.md", "B.md", "a.md", "empty.md", "sub/c.md", "sub/deep/d.md"}));
}

}  // namespace
}  // namespace bx
