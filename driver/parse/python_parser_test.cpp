#include <gtest/gtest.h>

#include "driver/parse/comment_parser.hpp"
#include "driver/parse/option_tables.hpp"

namespace bx {
namespace {

/// The stack as the driver builds it: generic and python defaults, then the example layer
/// with what the parser derives from it.
class PythonParserTest : public ::testing::Test {
 protected:
  PythonParserTest() {
    for (auto& [key, value] : language_options("python").defaults()) m_base[key] = value;
    m_options = OptionStack(m_base);
  }

  /// Processes one example; m_options keeps its effective options for inspection.
  Example process(std::string snippet, std::string expected, OptionLayer layer = {}) {
    Example example;
    example.snippet = std::move(snippet);
    example.expected_str = std::move(expected);
    m_options = OptionStack(m_base);
    m_options.push(layer);
    for (auto& [key, value] : m_parser->derived_options(example, m_options)) {
      m_options.set(key, value);
    }
    m_parser->process_snippet_and_expected(example, m_options);
    return example;
  }

  OptionLayer derived(std::string expected, OptionLayer layer) {
    Example example;
    example.expected_str = std::move(expected);
    OptionStack::Scope scope(m_options, std::move(layer));
    return m_parser->derived_options(example, m_options);
  }

  std::unique_ptr<ExampleParser> m_parser = make_python_parser();
  OptionLayer m_base = generic_options().defaults();
  OptionStack m_options;
};

const OptionLayer k_doctest{{"py_doctest", true}};

OptionLayer doctest_with(std::initializer_list<const char*> flags) {
  OptionLayer layer = k_doctest;
  for (const char* flag : flags) layer[flag] = true;
  return layer;
}

TEST_F(PythonParserTest, EmptyLinesInsideABlockAreRemoved) {
  EXPECT_EQ(process("def f():\n    a = 1\n\n    return a\n\nf()", "").source,
            "def f():\n    a = 1\n    return a\n\nf()\n");
  // Whitespace-only lines are not empty; an empty line before an empty one is removed.
  EXPECT_EQ(process("if 1:\n  \n  x = 1\n\n\ny", "").source, "if 1:\n  \n  x = 1\n\ny\n");
  EXPECT_EQ(process("x = 1\n\n", "").source, "x = 1\n");
  EXPECT_EQ(process("blob = '''\n\n  foo\n'''", "").source, "blob = '''\n  foo\n'''\n");
}

TEST_F(PythonParserTest, EmptyLineRemovalCanBeDisabled) {
  EXPECT_EQ(process("blob = '''\n\n  foo\n'''", "", {{"py_remove_empty_lines", false}}).source,
            "blob = '''\n\n  foo\n'''\n");
}

TEST_F(PythonParserTest, ExpectedUntouchedOutsideDoctestMode) {
  Example example = process("print('a')", "<BLANKLINE>\n...\n", {{"ELLIPSIS", true}});
  EXPECT_EQ(example.expected_str, "<BLANKLINE>\n...\n");
  EXPECT_FALSE(m_options.flag("norm_ws"));
  EXPECT_TRUE(m_options.flag("tags"));
}

TEST_F(PythonParserTest, BlankLineMarker) {
  EXPECT_EQ(process("p()", "foo\n<BLANKLINE>\nbar\n<BLANKLINE> x\n", k_doctest).expected_str,
            "foo\n\nbar\n<BLANKLINE> x\n");
  EXPECT_EQ(
      process("p()", "foo\n<BLANKLINE>\n", doctest_with({"DONT_ACCEPT_BLANKLINE"})).expected_str,
      "foo\n<BLANKLINE>\n");
}

TEST_F(PythonParserTest, EllipsisBecomesTheUnnamedTag) {
  EXPECT_EQ(process("p()", "foo...bar ....\n", doctest_with({"ELLIPSIS"})).expected_str,
            "foo<...>bar <...>.\n");
  EXPECT_EQ(process("p()", "foo...bar\n", k_doctest).expected_str, "foo...bar\n");
}

TEST_F(PythonParserTest, TagsFollowTheEllipsisFlag) {
  EXPECT_EQ(derived("x\n", k_doctest), (OptionLayer{{"tags", false}}));
  EXPECT_EQ(derived("x\n", doctest_with({"ELLIPSIS"})), (OptionLayer{{"tags", true}}));
  EXPECT_TRUE(derived("x\n", {{"ELLIPSIS", true}}).empty());
}

TEST_F(PythonParserTest, DoctestFlagsMapToByexampleOptions) {
  EXPECT_EQ(derived("x\n", doctest_with({"NORMALIZE_WHITESPACE", "SKIP", "FAIL_FAST",
                                         "REPORT_ONLY_FIRST_FAILURE", "REPORT_UDIFF"})),
            (OptionLayer{{"norm_ws", true},
                         {"skip", true},
                         {"fail_fast", true},
                         {"show_failures", 1L},
                         {"diff", std::string("unified")},
                         {"tags", false}}));
  EXPECT_EQ(derived("x\n", doctest_with({"REPORT_CDIFF"})).at("diff"),
            OptionValue(std::string("context")));
  EXPECT_EQ(derived("x\n", doctest_with({"REPORT_NDIFF"})).at("diff"),
            OptionValue(std::string("ndiff")));
}

TEST_F(PythonParserTest, TracebackIsReducedToItsMessage) {
  const std::string traceback =
      "Traceback (most recent call last):\n"
      "  File \"<stdin>\", line 1, in <module>\n"
      "ValueError: list.remove(x): x not in list\n";
  Example example = process("[1].remove(42)", traceback, k_doctest);
  EXPECT_EQ(example.expected_str,
            "Traceback <...>\n<...>\n<...>ValueError: list.remove(x): x not in list\n");
  EXPECT_TRUE(m_options.flag("tags"));
}

TEST_F(PythonParserTest, TracebackWithIgnoredExceptionDetail) {
  const std::string traceback =
      "Traceback (most recent call last):  \n"
      " -- stack trace\n"
      " -- ignored\n"
      "module.ignored.Exception: -- this will be ignored --\n";
  Example example =
      process("raise Exception('foo')", traceback, doctest_with({"IGNORE_EXCEPTION_DETAIL"}));
  EXPECT_EQ(example.expected_str, "Traceback <...>\n<...>\n<...>Exception:<...>");
}

TEST_F(PythonParserTest, TracebackHeaderMustStartTheExpected) {
  const std::string text = "x\nTraceback (innermost last):\n  f\nE: y\n";
  EXPECT_EQ(process("f()", text, k_doctest).expected_str, text);
  EXPECT_FALSE(m_options.flag("tags"));
  EXPECT_EQ(process("f()", "Traceback (innermost last):\n  f\nE: y\n", k_doctest).expected_str,
            "Traceback <...>\n<...>\n<...>E: y\n");
}

}  // namespace
}  // namespace bx
