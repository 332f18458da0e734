#include "driver/find/python_zones.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bx {
namespace {

std::vector<Zone> python_zones(std::string_view text) {
  return make_python_zone_delimiter()->zones(text, "m.py");
}

TEST(PythonZones, ModuleDocstringAtColumnZero) {
  auto zones = python_zones("\"\"\"Module.\n>>> 1 + 2\n3\n\"\"\"\nx = 1\n");
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_EQ(zones[0].text, "Module.\n>>> 1 + 2\n3");
  EXPECT_EQ(zones[0].start_lineno, 1);
}

TEST(PythonZones, SingleQuotesAndStringPrefixes) {
  auto zones = python_zones("r'''a\n'''\nb\"\"\"b\n\"\"\"\nbR'''c\n'''\n");
  ASSERT_EQ(zones.size(), 3u);
  EXPECT_EQ(zones[0].text, "a");
  EXPECT_EQ(zones[1].text, "b");
  EXPECT_EQ(zones[2].text, "c");
  EXPECT_EQ(zones[2].start_lineno, 5);
}

TEST(PythonZones, CharacterBeforeTheClosingQuotesIsLost) {  // spec §9.3 item 29
  auto zones = python_zones("def f():\n    \"\"\"\n    >>> 1 + 1\n    2\"\"\"\n");
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_EQ(zones[0].text, "\n    >>> 1 + 1\n    ");
  EXPECT_EQ(zones[0].start_lineno, 2);
}

TEST(PythonZones, EscapedQuotesDoNotClose) {
  auto zones = python_zones("\"\"\"a \\\"\"\" b\n\"\"\"\n");
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_EQ(zones[0].text, "a \\\"\"\" b");
}

TEST(PythonZones, DocstringsOfFunctionsAndClassesSortedByPosition) {
  std::string text =
      "import os\n"
      "class A:\n"
      "    '''class doc'''\n"
      "    @staticmethod\n"
      "    async def f(a,\n"
      "                b=(1,\n"
      "                   2)):  # comment\n"
      "        # a comment before the docstring\n"
      "\n"
      "        \"\"\"f doc\n"
      "        \"\"\"\n"
      "        s = '''not a zone: a string inside a function'''\n";
  auto zones = python_zones(text);
  ASSERT_EQ(zones.size(), 2u);
  EXPECT_EQ(zones[0].text, "class do");
  EXPECT_EQ(zones[0].start_lineno, 3);
  EXPECT_EQ(zones[1].text, "f doc\n       ");
  EXPECT_EQ(zones[1].start_lineno, 10);
}

TEST(PythonZones, FunctionWithoutDocstringHasNoZone) {
  std::string text =
      "def f():\n"
      "    x = 1\n"
      "    s = '''\n"
      "    >>> 1\n"
      "    1\n"
      "    '''\n";
  EXPECT_TRUE(python_zones(text).empty());
}

TEST(PythonZones, DefinitionsWrittenInsideStringsAreIgnored) {
  std::string text =
      "s = '''\n"
      "def fake():\n"
      "'''\n"
      "v = f(\n"
      "    '''  indented string not in a docstring position\n"
      "''')\n";
  auto zones = python_zones(text);
  // Only the module-level quirk: the closing quotes at column 0 open new zones.
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_EQ(zones[0].start_lineno, 3);
}

TEST(PythonZones, ClosingQuotesAtColumnZeroOpenANewModuleZone) {  // spec §9.3 item 2
  std::string text =
      "x = \"\"\"\n"
      ">>> 1\n"
      "1\n"
      "\"\"\"\n"
      ">>> 2\n"
      "\"\"\"\n";
  auto zones = python_zones(text);
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_EQ(zones[0].text, "\n>>> 2");
  EXPECT_EQ(zones[0].start_lineno, 4);
}

TEST(PythonZones, DocstringOnTheQuoteLineKeepsTheSourceIndentation) {  // spec §9.3 item 3
  auto zones = python_zones("def f():\n    \"\"\">>> 8 + 8\n        16\n    \"\"\"\n");
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_EQ(zones[0].text, ">>> 8 + 8\n        16\n   ");
}

TEST(PythonZones, CommentsAreNotSearched) {
  EXPECT_TRUE(python_zones("# >>> 1 + 1\n# 2\nx = 1  # '''\n").empty());
}

TEST(PythonZones, AFileThatDoesNotParseHasEveryIndentedStringAsAZone) {
  // The unclosed bracket hides `class C` from the scanner; the fallback still finds its
  // docstring, as the reference does when the file does not parse.
  std::string text =
      "def f():\n"
      "    '''f doc'''\n"
      "    return (1,\n"
      "class C:\n"
      "    '''C doc'''\n";
  auto zones = python_zones(text);
  ASSERT_EQ(zones.size(), 2u);
  EXPECT_EQ(zones[0].start_lineno, 2);
  EXPECT_EQ(zones[1].start_lineno, 5);
}

TEST(PythonZones, TheLexicalErrorsSeenAreSyntaxErrors) {
  // Without the fallback the docstring of g would be lost in each of these files.
  for (const char* broken : {"x = (\n", "s = '''open\n"}) {
    std::string text = std::string(broken) + "def g():\n    '''g doc'''\n";
    EXPECT_FALSE(python_zones(text).empty()) << broken;
  }
}

}  // namespace
}  // namespace bx
