#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "driver/find/example_finder.hpp"
#include "driver/model/errors.hpp"

namespace bx {
namespace {

const ExampleFinder& finder(const std::string& language) {
  static const auto k_finders = builtin_example_finders();
  for (const auto& f : k_finders) {
    if (f->language() == language) return *f;
  }
  throw std::runtime_error("no finder for " + language);
}

std::vector<Example> find(const std::string& language, const std::string& text,
                          int start_lineno = 1) {
  return finder(language).find(Zone{text, start_lineno}, "doc.md");
}

TEST(PromptFinders, OneFinderPerLanguageWithTargetAndDisplayName) {
  auto finders = builtin_example_finders();
  ASSERT_EQ(finders.size(), 13u);
  EXPECT_EQ(finder("python").target(), "python-prompt");
  EXPECT_EQ(finder("python").display_name(), "Python Prompt Finder");
  EXPECT_EQ(finder("javascript").display_name(), "Javascript Prompt Finder");
  EXPECT_EQ(finder("pwsh").display_name(), "Pwsh Prompt Finder");
  EXPECT_EQ(finder("gdb").target(), "gdb-prompt");
  EXPECT_EQ(finder("gdb").display_name(), "Gdb Prompt Finder");
}

TEST(PythonFinder, FillsEveryFieldWithZoneRelativeLineNumbers) {
  auto found = find("python", "python\nintro\n>>> 1 + 2\n3\n\n>>> x = 1\n", 10);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].filepath, "doc.md");
  EXPECT_EQ(found[0].language, "python");
  EXPECT_EQ(found[0].finder, "Python Prompt Finder");
  EXPECT_EQ(found[0].snippet, "1 + 2");
  EXPECT_EQ(found[0].expected_str, "3\n");
  EXPECT_EQ(found[0].indentation, "");
  EXPECT_EQ(found[0].start_lineno, 12);
  EXPECT_EQ(found[0].end_lineno, 13);
  EXPECT_EQ(found[1].snippet, "x = 1");
  EXPECT_EQ(found[1].expected_str, "");
  EXPECT_EQ(found[1].start_lineno, 15);
  EXPECT_EQ(found[1].end_lineno, 15);
}

TEST(PythonFinder, ContinuationLinesAndBarePs2BecomeEmptyCode) {
  auto found = find("python", ">>> def f():\n...     return 1\n...\n>>> f()\n1\n");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].snippet, "def f():\n    return 1\n");
  EXPECT_EQ(found[0].expected_str, "");
  EXPECT_EQ(found[0].end_lineno, 3);
  EXPECT_EQ(found[1].snippet, "f()");
  EXPECT_EQ(found[1].start_lineno, 4);
}

TEST(PythonFinder, ExpectedStopsAtABlankLineOrItsOwnPrompt) {
  auto found = find("python", ">>> a\n1\n2\n   \n3\n>>> b\nx\n>>>c\n");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].expected_str, "1\n2\n");
  EXPECT_EQ(found[0].end_lineno, 3);
  EXPECT_EQ(found[1].expected_str, "x\n");
}

TEST(PythonFinder, AnotherLanguagesPromptIsPartOfTheExpected) {
  auto found = find("python", ">>> print('$ x')\n$ x\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].expected_str, "$ x\n");
}

TEST(PythonFinder, ExpectedAtTheEndOfTheZoneHasNoFinalNewline) {
  auto found = find("python", ">>> 1\n1");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].expected_str, "1");
  EXPECT_EQ(found[0].end_lineno, 2);
}

TEST(PythonFinder, TabIndentedPromptIsNotFound) {
  EXPECT_TRUE(find("python", "\t>>> 1\n1\n").empty());
}

TEST(PythonFinder, DedentRemovesThePromptIndentation) {
  auto found = find("python", "  >>> if 1:\n  ...   2\n  2\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].indentation, "  ");
  EXPECT_EQ(found[0].snippet, "if 1:\n  2");
  EXPECT_EQ(found[0].expected_str, "2\n");
}

TEST(PythonFinder, LessIndentedLineTruncatesTheExample) {
  auto found = find("python", "  >>> 1 + 1\n  2\n 3\nfoo\n", 4);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].expected_str, "2");
  EXPECT_EQ(found[0].start_lineno, 4);
  EXPECT_EQ(found[0].end_lineno, 5);

  auto code = find("python", "  >>> if 1:\n ...   2\n");
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0].snippet, "if 1:");
  EXPECT_EQ(code[0].end_lineno, 1);
}

TEST(PythonFinder, MoreIndentedPs2IsAnIncorrectPrompt) {
  try {
    find("python", "x\n>>> if 1:\n  ...   2\n", 7);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "Incorrect prompts");
    EXPECT_EQ(e.where().filepath, "doc.md");
    EXPECT_EQ(e.where().line, 8);
    EXPECT_EQ(e.where().owner, "Python Prompt Finder");
  }
}

TEST(PythonFinder, Ps2WithoutSpaceIsAMissingSpaceError) {
  try {
    find("python", ">>> if 1:\n...x\n");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "Missing space after the prompt");
    EXPECT_EQ(e.where().line, 1);
    EXPECT_EQ(e.where().owner, "Python Prompt Finder");
  }
}

TEST(PythonFinder, OutputStartingWithEllipsisBecomesCode) {  // spec §9.3 item 8
  auto found = find("python", ">>> f()\n... end\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].snippet, "f()\nend");
  EXPECT_EQ(found[0].expected_str, "");
}

TEST(ShellFinder, ContinuationLinesAndExpected) {
  auto found = find("shell", "$ for i in 1 2; do\n> echo $i\n> done\n1\n2\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].snippet, "for i in 1 2; do\necho $i\ndone");
  EXPECT_EQ(found[0].expected_str, "1\n2\n");
  EXPECT_EQ(found[0].end_lineno, 5);
}

TEST(ShellFinder, OutputLineStartingWithDollarEndsTheExpected) {  // spec §9.3 item 8
  auto found = find("shell", "$ echo hi\nhi\n$HOME\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].expected_str, "hi\n");
  EXPECT_EQ(found[0].end_lineno, 2);
}

TEST(ShellFinder, FirstOutputLineStartingWithGreaterThanBecomesCode) {  // spec §9.3 item 8
  auto found = find("shell", "$ echo '> hi'\n> hi\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].snippet, "echo '> hi'\nhi");
  EXPECT_EQ(found[0].expected_str, "");
}

TEST(ShellFinder, Ps2WithoutSpaceLosesOneCharacter) {  // spec §9.3 item 7
  auto found = find("shell", "$ echo \\\n>foo\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].snippet, "echo \\\noo");
  auto ruby = find("ruby", ">> def f\n..end\n");
  ASSERT_EQ(ruby.size(), 1u);
  EXPECT_EQ(ruby[0].snippet, "def f\nnd");
}

TEST(ShellFinder, AbsorbsAFollowingPythonPromptAsContinuation) {  // spec §9.3 item 9
  auto found = find("shell", "$ echo a\n>>> 1 + 2\n3\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].snippet, "echo a\n> 1 + 2");
  EXPECT_EQ(found[0].expected_str, "3\n");
  EXPECT_EQ(found[0].start_lineno, 1);
  EXPECT_EQ(found[0].end_lineno, 3);
}

struct LanguageCase {
  const char* language;
  const char* text;
  const char* snippet;
  const char* expected;
};

TEST(PromptFinders, EveryLanguageChopsItsPrompts) {
  const LanguageCase cases[] = {
      {"ruby", ">> a = [1,\n.. 2]\n=> [1, 2]\n", "a = [1,\n2]", "=> [1, 2]\n"},
      {"javascript", "> f(1,\n. 2)\n3\n", "f(1,\n2)", "3\n"},
      {"go", "> f(1,\n.   2)\n3\n", "f(1,\n  2)", "3\n"},
      {"java", "j> int x = 1 +\n.. 2;\nx ==> 3\n", "int x = 1 +\n2;", "x ==> 3\n"},
      {"cpp", "?: int x = 1 +\n:: 2;\n", "int x = 1 +\n2;", ""},
      {"rust", ">> let x = 1 +\n:: 2;\n", "let x = 1 +\n2;", ""},
      {"iasm", ":> mov eax, 1\n-> add eax, 2\nok\n", "mov eax, 1\nadd eax, 2", "ok\n"},
      {"pwsh", "PS> Write-Output `\n--> hi\nhi\n", "Write-Output `\nhi", "hi\n"},
      {"php", "php> echo 1 +\n...> 2;\n3\n", "echo 1 +\n2;", "3\n"},
      {"elixir", "iex> 1 +\n...> 2\n3\n", "1 +\n2", "3\n"},
      {"gdb", "(gdb) print 1\n$1 = 1\n", "print 1", "$1 = 1\n"},
  };
  for (const LanguageCase& c : cases) {
    auto found = find(c.language, c.text);
    ASSERT_EQ(found.size(), 1u) << c.language;
    EXPECT_EQ(found[0].language, c.language);
    EXPECT_EQ(found[0].snippet, c.snippet) << c.language;
    EXPECT_EQ(found[0].expected_str, c.expected) << c.language;
  }
}

TEST(PromptFinders, JavascriptPs2NeedsItsSpace) {
  auto found = find("javascript", "> f(1,\n.2)\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].snippet, "f(1,");
  EXPECT_EQ(found[0].expected_str, ".2)\n");
}

TEST(PromptFinders, ElixirSnippetIsStripped) {
  auto found = find("elixir", "iex>   x  \n...>\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].snippet, "x");
}

TEST(PromptFinders, GdbExamplesAreSingleLine) {
  auto found = find("gdb", "(gdb) p 1\n(gdb) p 2\n  more\n");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].snippet, "p 1");
  EXPECT_EQ(found[0].expected_str, "");
  EXPECT_EQ(found[1].snippet, "p 2");
  EXPECT_EQ(found[1].expected_str, "  more\n");
  EXPECT_EQ(found[1].end_lineno, 3);
}

TEST(PromptFinders, JavascriptAndGoShareTheirPrompt) {
  EXPECT_EQ(find("javascript", "> 1\n1\n").size(), 1u);
  EXPECT_EQ(find("go", "> 1\n1\n").size(), 1u);
  EXPECT_EQ(find("ruby", ">> 1\n1\n").size(), 1u);
  EXPECT_EQ(find("rust", ">> 1\n1\n").size(), 1u);
}

}  // namespace
}  // namespace bx
