#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "driver/find/zone_delimiter.hpp"

namespace bx {
namespace {

const ZoneDelimiter& delimiter(const std::string& target) {
  static const auto k_delimiters = builtin_zone_delimiters();
  for (const auto& d : k_delimiters) {
    for (const std::string& t : d->targets()) {
      if (t == target) return *d;
    }
  }
  throw std::runtime_error("no delimiter for " + target);
}

std::vector<Zone> zones_of(const std::string& target, std::string_view text) {
  return delimiter(target).zones(text, "f" + target);
}

TEST(FileExtension, FromTheLastDotOfTheFileName) {
  EXPECT_EQ(file_extension("docs/a.md"), ".md");
  EXPECT_EQ(file_extension("a.tar.gz"), ".gz");
  EXPECT_EQ(file_extension("dir.d/README"), "");
  EXPECT_EQ(file_extension("README"), "");
  EXPECT_EQ(file_extension("a.MD"), ".MD");
}

TEST(FileExtension, LeadingDotOfAHiddenFileIsNotAnExtension) {
  EXPECT_EQ(file_extension(".bashrc"), "");
  EXPECT_EQ(file_extension("dir/.bashrc"), "");
  EXPECT_EQ(file_extension(".config.md"), ".md");
}

TEST(ZoneDelimiters, NamesAndTargets) {
  EXPECT_EQ(delimiter(".md").name(), "``` ... ``` or <!-- ... -->");
  EXPECT_EQ(delimiter(".py").name(), R"(''' ... ''' or """ ... """)");
  EXPECT_EQ(delimiter(".java").name(), "/* ... */");
  EXPECT_EQ(delimiter(".ps1").name(), "# ...");
  EXPECT_EQ(delimiter("no-delimiter").name(), "No Zone Delimiter");
  for (const char* ext : {".cpp", ".c", ".h", ".hpp", ".js", ".php", ".go", ".java"}) {
    EXPECT_EQ(delimiter(ext).name(), "/* ... */") << ext;
  }
  for (const char* ext : {".rb", ".sh", ".ps1"}) EXPECT_EQ(delimiter(ext).name(), "# ...") << ext;
}

TEST(MarkdownZones, FenceZoneStartsAfterTheMarkerOnTheMarkerLine) {
  auto zones = zones_of(".md", "text\n\n```python\n>>> 1\n1\n```\nafter\n");
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_EQ(zones[0].text, "python\n>>> 1\n1\n");
  EXPECT_EQ(zones[0].start_lineno, 3);
}

TEST(MarkdownZones, FenceMayBeIndentedBySpacesButNotTabs) {
  EXPECT_EQ(zones_of(".md", "  ```\nx\n  ```\n").size(), 1u);
  EXPECT_TRUE(zones_of(".md", "\t```\nx\n\t```\n").empty());
}

TEST(MarkdownZones, FourBacktickFenceIsNotAZone) {  // spec §9.3 item 1
  EXPECT_TRUE(zones_of(".md", "````\n$ echo hi\nhi\n````\n").empty());
  EXPECT_TRUE(zones_of(".md", "``````\nx\n``````\n").empty());
}

TEST(MarkdownZones, FiveBacktickFenceIsAZoneAndOnlyItsOwnFenceClosesIt) {
  auto zones = zones_of(".md", "`````\n```\ninner\n```\n`````\n");
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_EQ(zones[0].text, "\n```\ninner\n```\n");
}

TEST(MarkdownZones, LongerBacktickRunClosesAShorterFence) {
  auto zones = zones_of(".md", "```\na\n`````\nb\n");
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_EQ(zones[0].text, "\na\n");
}

TEST(MarkdownZones, HtmlCommentRunsToTheFirstCloser) {
  auto zones = zones_of(".md", "x\n<!--\n>>> 2 + 2\n4\n--> y -->\n<!-- -->\n");
  ASSERT_EQ(zones.size(), 2u);
  EXPECT_EQ(zones[0].text, "\n>>> 2 + 2\n4\n");
  EXPECT_EQ(zones[0].start_lineno, 2);
  EXPECT_EQ(zones[1].text, " ");
  EXPECT_EQ(zones[1].start_lineno, 6);
}

TEST(MarkdownZones, OpenerMustBeAtTheStartOfALine) {
  EXPECT_TRUE(zones_of(".md", "see <!-- x -->\nand ``` y\n```\n").empty());
}

TEST(MarkdownZones, TildeFencesAndUnclosedFencesAreNotZones) {
  EXPECT_TRUE(zones_of(".md", "~~~\n>>> 1\n1\n~~~\n").empty());
  EXPECT_TRUE(zones_of(".md", "```\n>>> 1\n1\n").empty());
}

TEST(CCommentZones, LeadingSpacesAndStarsBecomeOneSpaceOnEveryLine) {  // spec §9.3 item 4
  auto zones = zones_of(".c", "int x;\n/**\n * $ echo a\n *     a\n */\n");
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_EQ(zones[0].text, " \n $ echo a\n a\n ");
  EXPECT_EQ(zones[0].start_lineno, 2);
}

TEST(CCommentZones, OnlyCommentsOpenedAtLineStart) {
  auto zones = zones_of(".js", "x = 1; /* not\n a zone */\n// nor this\n  /* zone */\n");
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_EQ(zones[0].text, " zone ");
  EXPECT_EQ(zones[0].start_lineno, 4);
}

TEST(HashCommentZones, FirstLineIsOneColumnLessIndented) {  // spec §9.3 item 4
  auto zones = zones_of(".sh", "#!/bin/sh\nx=1\n# $ echo out\n#   out\n  # more\ny=2\n");
  ASSERT_EQ(zones.size(), 2u);
  EXPECT_EQ(zones[0].text, "!/bin/sh");
  EXPECT_EQ(zones[0].start_lineno, 1);
  EXPECT_EQ(zones[1].text, " $ echo out\n    out\n  more");
  EXPECT_EQ(zones[1].start_lineno, 3);
}

TEST(NoDelimiter, WholeFileIsOneZoneAtLineOne) {
  auto zones = zones_of("no-delimiter", "a\nb\n");
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_EQ(zones[0].text, "a\nb\n");
  EXPECT_EQ(zones[0].start_lineno, 1);
}

}  // namespace
}  // namespace bx
