#include "driver/report/differ.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <stdexcept>
#include <string>

#include "driver/report/difftool.hpp"

namespace bx {
namespace {

const std::string k_hint = "(You can disable this with '--no-enhance-diff')\n";
const std::string k_legend_title =
    "Some non-printable characters were replaced by printable ones.\n";

DiffSettings settings(std::string algorithm, bool enhance = true) {
  DiffSettings s;
  s.algorithm = std::move(algorithm);
  s.enhance = enhance;
  return s;
}

// The sample of spec §5.6.1: a tab and two trailing spaces in the got.
TEST(Differ, CompleteSampleOfTheSpec) {
  const std::string expected = k_legend_title + "     $: trailing spaces    ^t: tab            \n" +
                               k_hint + "Expected:\nx y\nGot:\nx^ty$$\n";
  EXPECT_EQ(render_difference("x y\n", "x\ty  \n", {}, settings("none")), expected);
}

TEST(Differ, NoneShowsBothSidesWithoutTrailingNewlines) {
  EXPECT_EQ(render_difference("3\n", "4j\n\n", {}, settings("none")), "Expected:\n3\nGot:\n4j\n");
  EXPECT_EQ(render_difference("\n\n", "", {}, settings("none")), "Expected nothing\nGot nothing\n");
  EXPECT_EQ(render_difference("a\n\nb", "", {}, settings("none")),
            "Expected:\na\n\nb\nGot nothing\n");
}

TEST(Differ, WithoutEnhanceNothingIsReplaced) {
  EXPECT_EQ(render_difference("x y", "x\ty  ", {{"n", "v"}}, settings("none", false)),
            "Expected:\nx y\nGot:\nx\ty  \n");
}

TEST(Differ, LegendRowsOfThreeSortedByMarker) {
  const std::string expected =
      k_legend_title +
      "     $: trailing spaces     ?: ctrl character     ^f: form feed      \n"
      "    ^r: carriage return    ^t: tab                ^v: vertical tab   \n" +
      k_hint + "Expected:\na?b^v\nGot:\n^f^r^t$\n";
  EXPECT_EQ(render_difference("a\x01"
                              "b\v",
                              "\f\r\t ", {}, settings("none")),
            expected);
}

TEST(Differ, ControlCharactersIncludingC1BecomeQuestionMarks) {
  const std::string expected =
      k_legend_title + "     ?: ctrl character \n" + k_hint + "Expected:\nok\nGot:\n?[31mok?[0m?\n";
  EXPECT_EQ(render_difference("ok", "\x1b[31mok\x1b[0m\xc2\x85", {}, settings("none")), expected);
}

TEST(Differ, TrailingSpacesOfEveryLine) {
  const std::string expected =
      k_legend_title + "     $: trailing spaces\n" + k_hint + "Expected:\na$\n$$\nb c\nGot:\nx\n";
  EXPECT_EQ(render_difference("a \n  \nb c", "x", {}, settings("none")), expected);
}

TEST(Differ, WarnsWhenAMarkerWasAlreadyInTheText) {
  const std::string expected =
      k_legend_title + "     $: trailing spaces    ^t: tab            \n" +
      "[Warning, the characters '$', '^t' were present *before* the replacement.\n"
      "That means that if you see a '$' it could mean 'trailing spaces' or\n"
      "it could mean a literal '$'.]\n" +
      k_hint + "Expected:\ncost: 5$ ^t\nGot:\ncost: 5^t$$\n";
  EXPECT_EQ(render_difference("cost: 5$ ^t", "cost: 5\t  ", {}, settings("none")), expected);
}

TEST(Differ, UnusedMarkersDoNotWarn) {
  EXPECT_EQ(render_difference("5$ ?", "5$ ?!", {}, settings("none")),
            "Expected:\n5$ ?\nGot:\n5$ ?!\n");
}

const std::string k_lic_expected =
    "To protect your rights, we need to prevent others from <prevent1>\n"
    "or <prevent2>.  Therefore, you have\n"
    "certain responsibilities if you distribute copies of the software, or if\n"
    "you modify it: responsibilities to respect the freedom of others.\n";
const std::string k_lic_got =
    "To protect your rights, we need to prevent no-one from denying you\n"
    "these rights or asking you to surrender the rights.  Therefore, you don't have\n"
    "certain responsibilities if you distribute copies of the software, or if\n"
    "you modify it: responsibilities to respect the freedom of others.\n";
const Captures k_lic_captures{
    {"protect", "your rights"},
    {"responsibilities", "responsibilities to respect the freedom of others"}};
const std::string k_lic_table =
    "\nTags replaced by the captured output:\n"
    "    protect: your rights                responsibilities: responsi ... f others\n" +
    k_hint;

// The outputs of docs/overview/differences.md (upstream).
TEST(Differ, NdiffWithCapturedTags) {
  const std::string expected =
      "Differences:\n"
      "- To protect your rights, we need to prevent others from <prevent1>\n"
      "?                                             ^^ --      ^^^^^  ^^^\n\n"
      "+ To protect your rights, we need to prevent no-one from denying you\n"
      "?                                            + ^^^       ^  ^^^^^^^^\n\n"
      "- or <prevent2>.  Therefore, you have\n"
      "+ these rights or asking you to surrender the rights.  Therefore, you don't have\n"
      "  certain responsibilities if you distribute copies of the software, or if\n"
      "  you modify it: responsibilities to respect the freedom of others.\n" +
      k_lic_table;
  EXPECT_EQ(render_difference(k_lic_expected, k_lic_got, k_lic_captures, settings("ndiff")),
            expected);
}

TEST(Differ, UnifiedWithoutFileHeaders) {
  const std::string expected =
      "Differences:\n"
      "@@ -1,4 +1,4 @@\n"
      "-To protect your rights, we need to prevent others from <prevent1>\n"
      "-or <prevent2>.  Therefore, you have\n"
      "+To protect your rights, we need to prevent no-one from denying you\n"
      "+these rights or asking you to surrender the rights.  Therefore, you don't have\n"
      " certain responsibilities if you distribute copies of the software, or if\n"
      " you modify it: responsibilities to respect the freedom of others.\n" +
      k_lic_table;
  EXPECT_EQ(render_difference(k_lic_expected, k_lic_got, k_lic_captures, settings("unified")),
            expected);
}

TEST(Differ, ContextWithoutItsFirstThreeLines) {
  const std::string expected =
      "Differences:\n"
      "*** 1,4 ****\n"
      "! To protect your rights, we need to prevent others from <prevent1>\n"
      "! or <prevent2>.  Therefore, you have\n"
      "  certain responsibilities if you distribute copies of the software, or if\n"
      "  you modify it: responsibilities to respect the freedom of others.\n"
      "--- 1,4 ----\n"
      "! To protect your rights, we need to prevent no-one from denying you\n"
      "! these rights or asking you to surrender the rights.  Therefore, you don't have\n"
      "  certain responsibilities if you distribute copies of the software, or if\n"
      "  you modify it: responsibilities to respect the freedom of others.\n" +
      k_lic_table;
  EXPECT_EQ(render_difference(k_lic_expected, k_lic_got, k_lic_captures, settings("context")),
            expected);
}

TEST(Differ, ContextKeepsTheSeparatorOfLaterHunks) {
  const std::string expected =
      "Differences:\n*** 1,3 ****\n! a\n  2\n  3\n--- 1,3 ----\n! A\n  2\n  3\n"
      "***************\n*** 7,9 ****\n  7\n  8\n! b\n--- 7,9 ----\n  7\n  8\n! B\n";
  EXPECT_EQ(render_difference("a\n2\n3\n4\n5\n6\n7\n8\nb", "A\n2\n3\n4\n5\n6\n7\n8\nB", {},
                              settings("context")),
            expected);
}

TEST(Differ, EmptySideIsOneEmptyLineInDiffs) {
  EXPECT_EQ(render_difference("", "x", {}, settings("unified")),
            "Differences:\n@@ -1 +1 @@\n-\n+x\n");
  EXPECT_EQ(render_difference("", "x", {}, settings("ndiff")), "Differences:\n- \n+ x\n");
}

TEST(Differ, CapturedValuesAreHumanisedAndShortened) {
  const Captures captures{
      {"a", "x \n\n\ny\t"}, {"b", "short"}, {"c", "0123456789abcdefghijklmnopqrstuvwxyzABCD"}};
  const std::string expected =
      k_legend_title + "     $: trailing spaces    ^n: new line           ^t: tab            \n" +
      k_hint +
      "Expected:\nx\nGot:\ny\n"
      "\nTags replaced by the captured output:\n"
      "    a: x$^ny^t                          b: short\n"
      "    c: 0123456789abcdef ... opqrstuvwxyzABCD\n" +
      k_hint;
  EXPECT_EQ(render_difference("x", "y", captures, settings("none")), expected);
}

TEST(Differ, ShorteningFollowsPythonSlicingForLongNames) {
  const std::string name36(36, 'n');
  const std::string name33(33, 'm');
  const Captures captures{{name36, "abcdef"}, {name33, "abcdef"}};
  const std::string expected =
      "Expected:\nx\nGot:\ny\n"
      "\nTags replaced by the captured output:\n"
      "    " +
      name33 + ":  ... abcdef " + name36 + ": abcd ... cdef\n" + k_hint;
  EXPECT_EQ(render_difference("x", "y", captures, settings("none")), expected);
}

TEST(Differ, ColoursWhenEnabled) {
  DiffSettings colored = settings("none");
  colored.colors = true;
  EXPECT_EQ(render_difference("a", "b", {}, colored),
            "\x1b[32mExpected:\x1b[0m\na\n\x1b[31mGot:\x1b[0m\nb\n");
  EXPECT_EQ(render_difference("", "", {}, colored),
            "\x1b[32mExpected nothing\x1b[0m\n\x1b[31mGot nothing\x1b[0m\n");
  colored.algorithm = "unified";
  EXPECT_EQ(render_difference("a\nc", "b\nc", {}, colored),
            "Differences:\n\x1b[33m@@ -1,2 +1,2 @@\x1b[0m\n\x1b[31m-a\x1b[0m\n"
            "\x1b[32m+b\x1b[0m\n c\n");
  colored.algorithm = "ndiff";
  EXPECT_EQ(render_difference("a\nc", "b\nc", {}, colored),
            "Differences:\n\x1b[31m- a\x1b[0m\n\x1b[32m+ b\x1b[0m\n  c\n");
  colored.algorithm = "context";
  EXPECT_EQ(render_difference("a", "", {}, colored),
            "Differences:\n\x1b[33m*** 1 ****\x1b[0m\n\x1b[31m! a\x1b[0m\n"
            "\x1b[33m--- 1 ----\x1b[0m\n\x1b[31m! \x1b[0m\n");
}

DiffSettings tool(std::string command) {
  DiffSettings s = settings("tool");
  s.difftool = std::move(command);
  return s;
}

TEST(Differ, ToolGetsTheHumanisedTextsWithoutTrailingNewline) {
  EXPECT_EQ(render_difference("a\n", "b\tc\n", {}, tool("diff %e %g")),
            k_legend_title + "    ^t: tab            \n" + k_hint +
                "External diff tool\n1c1\n< a\n\\ No newline at end of file\n---\n"
                "> b^tc\n\\ No newline at end of file\nReturn code: 1\n");
  EXPECT_EQ(render_difference("a", "a", {}, tool("diff %{e} %{g}")), "External diff tool\n");
}

TEST(Differ, ToolCapturesStderrAndTheReturnCode) {
  EXPECT_EQ(render_difference("a", "b", {}, tool("echo out; echo err >&2; exit 3")),
            "External diff tool\nout\nerr\nReturn code: 3\n");
  EXPECT_EQ(render_difference("a", "b", {}, tool("printf '%%s|' x; cat %e %g")),
            "External diff tool\nx|ab\n");
}

TEST(Differ, ToolTemporaryFilesAreDeleted) {
  const std::string out = render_difference("a", "b", {}, tool("echo %e"));
  const std::string prefix = "External diff tool\n";
  ASSERT_TRUE(out.starts_with(prefix));
  const std::string path = out.substr(prefix.size(), out.size() - prefix.size() - 1);
  EXPECT_FALSE(path.empty());
  EXPECT_NE(::access(path.c_str(), F_OK), 0);
}

TEST(Differ, ToolWithoutCommandFails) {
  EXPECT_THROW(render_difference("a", "b", {}, tool("")), std::runtime_error);
}

TEST(Difftool, ExpandsAndQuotesPaths) {
  EXPECT_EQ(expand_difftool("diff %e %{g} 100%% %x", "/tmp/e", "/tmp/it's here"),
            "diff /tmp/e '/tmp/it'\"'\"'s here' 100% %x");
  EXPECT_EQ(expand_difftool("%", "e", "g"), "%");
}

}  // namespace
}  // namespace bx
