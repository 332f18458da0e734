#include "driver/find/harvest.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace bx {
namespace {

std::vector<Example> harvest_text(const std::string& filepath, const std::string& text,
                                  const std::set<std::string>& languages) {
  static const auto k_delimiters = builtin_zone_delimiters();
  static const auto k_finders = builtin_example_finders();
  return harvest(filepath, text, HarvestSources{&k_delimiters, &k_finders}, languages);
}

std::string overlap_error(const std::string& filepath, const std::string& text,
                          const std::set<std::string>& languages) {
  try {
    harvest_text(filepath, text, languages);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

// The same layout as the upstream docs/examples/markdown.md: two Python examples (lines 11
// and 21: the comment opens on line 20), empty and one-line comments, and prompts outside
// of any zone.
constexpr const char* k_markdown_document =
    "# Tiny guide\n"
    "\n"
    "Examples live in fenced code blocks and\n"
    "in HTML comments.\n"
    "\n"
    "## A fenced block\n"
    "\n"
    "```python\n"
    "A prose line inside the block:\n"
    "\n"
    ">>> 5 * 5\n"
    "25\n"
    "```\n"
    "\n"
    "## A hidden comment\n"
    "\n"
    "The comment below is not rendered\n"
    "by the Markdown viewers:\n"
    "\n"
    "<!--\n"
    ">>> 7 - 3\n"
    "4\n"
    "-->\n"
    "\n"
    "<!-- -->\n"
    "\n"
    "<!-- >> 9 -->\n"
    "\n"
    "> not a javascript example\n"
    ">> nor a ruby one\n"
    "$ nor a shell one: all outside of any zone\n";

TEST(Harvest, MarkdownDocumentExamplesAreOnlyTheOnesInZones) {
  auto found = harvest_text("docs/markdown.md", k_markdown_document, {"python", "shell"});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].language, "python");
  EXPECT_EQ(found[0].snippet, "5 * 5");
  EXPECT_EQ(found[0].expected_str, "25\n");
  EXPECT_EQ(found[0].start_lineno, 11);
  EXPECT_EQ(found[0].end_lineno, 12);
  EXPECT_EQ(found[1].snippet, "7 - 3");
  EXPECT_EQ(found[1].expected_str, "4\n");
  EXPECT_EQ(found[1].start_lineno, 21);
  EXPECT_EQ(found[1].end_lineno, 22);
}

TEST(Harvest, ExamplesOfUnselectedLanguagesAreDropped) {
  EXPECT_TRUE(harvest_text("a.md", k_markdown_document, {"shell"}).empty());
  auto ruby = harvest_text("a.md", k_markdown_document, {"ruby"});
  ASSERT_EQ(ruby.size(), 1u);
  EXPECT_EQ(ruby[0].snippet, "9 ");
}

TEST(Harvest, UnselectedFinderNeverRaisesPromptErrors) {
  EXPECT_TRUE(harvest_text("a.txt", ">>> if 1:\n...x\n", {"shell"}).empty());
  EXPECT_THROW(harvest_text("a.txt", ">>> if 1:\n...x\n", {"python"}), Error);
}

TEST(Harvest, SortedByStartLineAcrossZonesAndFinders) {
  std::string text = "```\n$ echo 1\n1\n```\n\n```\n>>> 2\n2\n```\n<!--\n$ echo 3\n3\n-->\n";
  auto found = harvest_text("a.md", text, {"python", "shell"});
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].start_lineno, 2);
  EXPECT_EQ(found[0].language, "shell");
  EXPECT_EQ(found[1].start_lineno, 7);
  EXPECT_EQ(found[1].language, "python");
  EXPECT_EQ(found[2].start_lineno, 11);
}

TEST(Harvest, ShellAbsorbsAPythonLineAndThePythonExampleIsDroppedAsNested) {  // §9.3 item 9
  auto found = harvest_text("a.md", "```\n$ echo a\n>>> 1 + 2\n3\n```\n", {"python", "shell"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].language, "shell");
  EXPECT_EQ(found[0].snippet, "echo a\n> 1 + 2");
  EXPECT_EQ(found[0].start_lineno, 2);
  EXPECT_EQ(found[0].end_lineno, 4);
}

TEST(Harvest, ShellExampleInsideAPythonOutputIsDroppedAsNested) {
  auto found = harvest_text("a.txt", ">>> print('$ x')\n$ x\nmore\n", {"python", "shell"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].language, "python");
  EXPECT_EQ(found[0].expected_str, "$ x\nmore\n");
}

TEST(Harvest, SameStartLineIsAnOverlapError) {  // spec §9.3 item 18
  EXPECT_EQ(overlap_error("d.md", "```\n>> 1\n1\n```\n", {"ruby", "rust"}),
            "In d.md, examples at lines 2-3 (found by Rust Prompt Finder) and at lines 2-3 "
            "(found by Ruby Prompt Finder) overlap each other.");
}

TEST(Harvest, PartialOverlapIsAnError) {
  EXPECT_EQ(overlap_error("d.txt", ">>> 1\n$ foo\n>>> 2\n", {"python", "shell"}),
            "In d.txt, examples at lines 2-3 (found by Shell Prompt Finder) and at lines 1-2 "
            "(found by Python Prompt Finder) overlap each other.");
}

TEST(Harvest, PythonStringClosedAtColumnZeroFindsAnExampleTwice) {  // spec §9.3 item 2
  std::string text =
      "x = '''\n"
      "'''\n"
      "def f():\n"
      "    \"\"\"\n"
      "    >>> 1 + 1\n"
      "    2\n"
      "    \"\"\"\n"
      "'''\n";
  EXPECT_EQ(overlap_error("m.py", text, {"python"}),
            "In m.py, examples at lines 5-6 (found by Python Prompt Finder) and at lines 5-7 "
            "(found by Python Prompt Finder) overlap each other.");
}

TEST(Harvest, PythonDocstringLosesTheCharacterBeforeTheClosingQuotes) {  // §9.3 item 29
  auto found =
      harvest_text("m.py", "def f():\n    \"\"\"\n    >>> 1 + 1\n    2\"\"\"\n", {"python"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].snippet, "1 + 1");
  EXPECT_EQ(found[0].expected_str, "");
  EXPECT_EQ(found[0].start_lineno, 3);
}

TEST(Harvest, DocstringOnTheQuoteLineKeepsTheExpectedIndentation) {  // spec §9.3 item 3
  auto found =
      harvest_text("m.py", "def f():\n    \"\"\">>> 8 + 8\n        16\n    \"\"\"\n", {"python"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].expected_str, "        16\n");
  EXPECT_EQ(found[0].start_lineno, 2);
}

TEST(Harvest, CommentZonesLoseTheExpectedIndentation) {  // spec §9.3 item 4
  auto c = harvest_text("a.c", "/*\n *   $ echo a\n *     a\n */\n", {"shell"});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].indentation, " ");
  EXPECT_EQ(c[0].expected_str, "a\n");
  EXPECT_EQ(c[0].start_lineno, 2);
  EXPECT_EQ(c[0].end_lineno, 3);

  auto hash = harvest_text("a.sh", "x=1\n#   $ echo out\n#   out\n", {"shell"});
  ASSERT_EQ(hash.size(), 1u);
  EXPECT_EQ(hash[0].indentation, "   ");
  EXPECT_EQ(hash[0].expected_str, " out");
  EXPECT_EQ(hash[0].start_lineno, 2);
}

TEST(Harvest, FourBacktickFenceContentIsNotTested) {  // spec §9.3 item 1
  EXPECT_TRUE(harvest_text("a.md", "````\n$ echo hi\nhi\n````\n", {"shell"}).empty());
}

TEST(Harvest, UnknownExtensionsUseTheWholeFile) {
  for (const char* path : {"notes.txt", "README", "dir.d/.hidden"}) {
    auto found = harvest_text(path, "text\n$ echo 1\n1\n", {"shell"});
    ASSERT_EQ(found.size(), 1u) << path;
    EXPECT_EQ(found[0].start_lineno, 2);
  }
}

}  // namespace
}  // namespace bx
