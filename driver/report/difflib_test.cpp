// Expected values were produced with CPython 3.11's difflib on the same inputs.
#include "driver/report/difflib.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bx::difflib {
namespace {

using Lines = std::vector<std::string>;

Opcode op(OpTag tag, std::size_t i1, std::size_t i2, std::size_t j1, std::size_t j2) {
  return Opcode{tag, i1, i2, j1, j2};
}

Symbols repeat(Symbol c, std::size_t n) {
  return Symbols(n, c);
}

Symbols concat(std::initializer_list<Symbols> parts) {
  Symbols out;
  for (const Symbols& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

TEST(DifflibSequenceMatcher, OpcodesOfThePythonDocumentationExample) {
  SequenceMatcher matcher;
  matcher.set_seqs(decode_utf8("qabxcd"), decode_utf8("abycdf"));
  const std::vector<Opcode> expected{op(OpTag::Delete, 0, 1, 0, 0), op(OpTag::Equal, 1, 3, 0, 2),
                                     op(OpTag::Replace, 3, 4, 2, 3), op(OpTag::Equal, 4, 6, 3, 5),
                                     op(OpTag::Insert, 6, 6, 5, 6)};
  EXPECT_EQ(matcher.get_opcodes(), expected);
  const std::vector<Match> blocks{{1, 0, 2}, {4, 3, 2}, {6, 6, 0}};
  EXPECT_EQ(matcher.get_matching_blocks(), blocks);
  EXPECT_DOUBLE_EQ(matcher.ratio(), 0.6666666666666666);
  EXPECT_DOUBLE_EQ(matcher.quick_ratio(), 0.6666666666666666);
  EXPECT_DOUBLE_EQ(matcher.real_quick_ratio(), 1.0);
}

TEST(DifflibSequenceMatcher, JunkIsNotMatchedButSticksToMatches) {
  SequenceMatcher junk_space([](Symbol c) { return c == ' '; });
  junk_space.set_seqs(decode_utf8(" abcd"), decode_utf8("abcd abcd"));
  EXPECT_EQ(junk_space.find_longest_match(0, 5, 0, 9), (Match{1, 0, 4}));

  SequenceMatcher no_junk;
  no_junk.set_seqs(decode_utf8(" abcd"), decode_utf8("abcd abcd"));
  EXPECT_EQ(no_junk.find_longest_match(0, 5, 0, 9), (Match{0, 4, 5}));

  junk_space.set_seqs(decode_utf8("private Thread currentThread;"),
                      decode_utf8("private volatile Thread currentThread;"));
  const std::vector<Match> blocks{{0, 0, 8}, {8, 17, 21}, {29, 38, 0}};
  EXPECT_EQ(junk_space.get_matching_blocks(), blocks);
  EXPECT_DOUBLE_EQ(junk_space.ratio(), 0.8656716417910447);
}

TEST(DifflibSequenceMatcher, AutojunkDropsPopularElementsOfLongSequences) {
  const Symbols a = concat({repeat('x', 10), decode_utf8("abc"), repeat('y', 300)});
  const Symbols b =
      concat({repeat('y', 150), decode_utf8("abc"), repeat('x', 10), repeat('y', 150)});
  SequenceMatcher with_autojunk;
  with_autojunk.set_seqs(a, b);
  EXPECT_EQ(with_autojunk.get_matching_blocks(), (std::vector<Match>{{10, 150, 3}, {313, 313, 0}}));

  SequenceMatcher without_autojunk({}, false);
  without_autojunk.set_seqs(a, b);
  EXPECT_EQ(without_autojunk.get_matching_blocks(),
            (std::vector<Match>{{13, 0, 150}, {163, 163, 150}, {313, 313, 0}}));
}

TEST(DifflibSequenceMatcher, AutojunkStillExtendsFromTheRangeStart) {
  Symbols a;
  for (int i = 0; i < 205; ++i) a.push_back(i % 2 ? 'a' : 'b');
  Symbols b = a;
  b[50] = b[100] = b[150] = 'c';
  SequenceMatcher matcher;
  matcher.set_seqs(a, b);
  EXPECT_EQ(matcher.get_opcodes(), (std::vector<Opcode>{op(OpTag::Equal, 0, 50, 0, 50),
                                                        op(OpTag::Replace, 50, 205, 50, 205)}));
}

TEST(DifflibSequenceMatcher, GroupedOpcodesKeepNLinesOfContext) {
  Symbols a;
  for (Symbol i = 1; i < 40; ++i) a.push_back(i);
  Symbols b = a;
  b[19] = 100;
  b[2] = 101;
  b.insert(b.begin() + 35, 102);
  SequenceMatcher matcher;
  matcher.set_seqs(a, b);
  const std::vector<std::vector<Opcode>> expected{
      {op(OpTag::Equal, 0, 2, 0, 2), op(OpTag::Replace, 2, 3, 2, 3), op(OpTag::Equal, 3, 6, 3, 6)},
      {op(OpTag::Equal, 16, 19, 16, 19), op(OpTag::Replace, 19, 20, 19, 20),
       op(OpTag::Equal, 20, 23, 20, 23)},
      {op(OpTag::Equal, 32, 35, 32, 35), op(OpTag::Insert, 35, 35, 35, 36),
       op(OpTag::Equal, 35, 38, 36, 39)}};
  EXPECT_EQ(matcher.get_grouped_opcodes(3), expected);
}

TEST(DifflibSequenceMatcher, EmptySequences) {
  SequenceMatcher matcher;
  matcher.set_seqs({}, {});
  EXPECT_TRUE(matcher.get_opcodes().empty());
  EXPECT_TRUE(matcher.get_grouped_opcodes(3).empty());
  EXPECT_DOUBLE_EQ(matcher.ratio(), 1.0);
}

TEST(DifflibUtf8, DecodesCodePointsAndEscapesInvalidBytes) {
  EXPECT_EQ(decode_utf8("a\xc3\xa9\xe4\xbe\x8b"), (Symbols{'a', 0xe9, 0x4f8b}));
  EXPECT_EQ(decode_utf8("\xff"
                        "a\xe2\x82"),
            (Symbols{0xdcff, 'a', 0xdce2, 0xdc82}));
  EXPECT_EQ(decode_utf8("\xed\xa0\x80"), (Symbols{0xdced, 0xdca0, 0xdc80}));
  for (std::string text : {"por-\xc3\xa9jemplo", "\xf0\x9f\x98\x80!",
                           "\xff\xfe"
                           "x\xc3"}) {
    EXPECT_EQ(encode_utf8(decode_utf8(text)), text);
  }
}

TEST(DifflibUtf8, PythonWhitespace) {
  for (Symbol c : {0x09u, 0x0du, 0x1cu, 0x20u, 0x85u, 0xa0u, 0x2007u, 0x3000u}) {
    EXPECT_TRUE(is_python_space(c)) << c;
  }
  for (Symbol c : {0x08u, 0x21u, 0x200bu, 0xfeffu}) EXPECT_FALSE(is_python_space(c)) << c;
}

TEST(DifflibUnified, TwoLinesChanged) {
  const Lines a{"To protect your rights, we need to prevent others from denying you",
                "these rights or asking you to surrender the rights.  Therefore, you have",
                "certain responsibilities", "you modify it"};
  const Lines b{"To protect your rights, we need to prevent no-one from denying you",
                "these rights or asking you to surrender the rights.  Therefore, you don't have",
                "certain responsibilities", "you modify it"};
  const Lines expected{"--- ",          "+++ ",     "@@ -1,4 +1,4 @@", "-" + a[0],
                       "-" + a[1],      "+" + b[0], "+" + b[1],        " certain responsibilities",
                       " you modify it"};
  EXPECT_EQ(unified_diff(a, b, 2), expected);
}

Lines numbered_lines() {
  Lines lines;
  for (int i = 1; i <= 15; ++i) lines.push_back("line " + std::to_string(i));
  return lines;
}

TEST(DifflibUnified, SeparateHunks) {
  const Lines a = numbered_lines();
  Lines b = a;
  b[1] = "LINE 2";
  b[11] = "LINE 12";
  const Lines expected{"--- ",     "+++ ",     "@@ -1,4 +1,4 @@", " line 1",           "-line 2",
                       "+LINE 2",  " line 3",  " line 4",         "@@ -10,5 +10,5 @@", " line 10",
                       " line 11", "-line 12", "+LINE 12",        " line 13",          " line 14"};
  EXPECT_EQ(unified_diff(a, b, 2), expected);
}

TEST(DifflibUnified, ChangesWithinTwiceTheContextShareAHunk) {
  const Lines a = numbered_lines();
  Lines b = a;
  b[2] = "LINE 3";
  b.erase(b.begin() + 7);
  b[10] = "LINE 12";
  const Lines expected{"--- ",     "+++ ",     "@@ -1,14 +1,13 @@", " line 1",  " line 2",
                       "-line 3",  "+LINE 3",  " line 4",           " line 5",  " line 6",
                       " line 7",  "-line 8",  " line 9",           " line 10", " line 11",
                       "-line 12", "+LINE 12", " line 13",          " line 14"};
  EXPECT_EQ(unified_diff(a, b, 2), expected);
}

TEST(DifflibUnified, RangesOfOneAndOfZeroLines) {
  EXPECT_EQ(unified_diff({"a", "b"}, {"a", "b", "c", "d"}, 2),
            (Lines{"--- ", "+++ ", "@@ -1,2 +1,4 @@", " a", " b", "+c", "+d"}));
  EXPECT_EQ(unified_diff({"a", "b", "c", "d"}, {"c", "d"}, 2),
            (Lines{"--- ", "+++ ", "@@ -1,4 +1,2 @@", "-a", "-b", " c", " d"}));
  EXPECT_EQ(unified_diff({""}, {"x"}, 2), (Lines{"--- ", "+++ ", "@@ -1 +1 @@", "-", "+x"}));
  EXPECT_EQ(unified_diff({}, {"x"}, 2), (Lines{"--- ", "+++ ", "@@ -0,0 +1 @@", "+x"}));
  EXPECT_EQ(unified_diff({"x", "y"}, {}, 2),
            (Lines{"--- ", "+++ ", "@@ -1,2 +0,0 @@", "-x", "-y"}));
  EXPECT_TRUE(unified_diff({"x"}, {"x"}, 2).empty());
}

TEST(DifflibUnified, AutojunkOnLongInputs) {
  Lines a(200, "a");
  a.push_back("z");
  Lines b(199, "a");
  b.push_back("q");
  b.push_back("z");
  EXPECT_EQ(unified_diff(a, b, 2),
            (Lines{"--- ", "+++ ", "@@ -198,4 +198,4 @@", " a", " a", "-a", "+q", " z"}));
}

TEST(DifflibContext, SeparateHunksKeepTheirSeparator) {
  const Lines a = numbered_lines();
  Lines b = a;
  b[1] = "LINE 2";
  b[11] = "LINE 12";
  const Lines expected{
      "*** ",           "--- ",      "***************", "*** 1,4 ****",    "  line 1",
      "! line 2",       "  line 3",  "  line 4",        "--- 1,4 ----",    "  line 1",
      "! LINE 2",       "  line 3",  "  line 4",        "***************", "*** 10,14 ****",
      "  line 10",      "  line 11", "! line 12",       "  line 13",       "  line 14",
      "--- 10,14 ----", "  line 10", "  line 11",       "! LINE 12",       "  line 13",
      "  line 14"};
  EXPECT_EQ(context_diff(a, b, 2), expected);
}

TEST(DifflibContext, SidesWithoutChangesAreOmitted) {
  EXPECT_EQ(context_diff({"a", "b"}, {"a", "b", "c", "d"}, 2),
            (Lines{"*** ", "--- ", "***************", "*** 1,2 ****", "--- 1,4 ----", "  a", "  b",
                   "+ c", "+ d"}));
  EXPECT_EQ(context_diff({"a", "b", "c", "d"}, {"c", "d"}, 2),
            (Lines{"*** ", "--- ", "***************", "*** 1,4 ****", "- a", "- b", "  c", "  d",
                   "--- 1,2 ----"}));
  EXPECT_EQ(context_diff({}, {"x"}, 2),
            (Lines{"*** ", "--- ", "***************", "*** 0 ****", "--- 1 ----", "+ x"}));
  EXPECT_EQ(context_diff({"x", "y"}, {}, 2),
            (Lines{"*** ", "--- ", "***************", "*** 1,2 ****", "- x", "- y", "--- 0 ----"}));
  EXPECT_EQ(context_diff({"3"}, {"4j"}, 2),
            (Lines{"*** ", "--- ", "***************", "*** 1 ****", "! 3", "--- 1 ----", "! 4j"}));
}

TEST(DifflibNdiff, IntralineGuides) {
  const Lines a{"To protect your rights, we need to prevent others from <prevent1>",
                "or <prevent2>.  Therefore, you have", "certain responsibilities"};
  const Lines b{"To protect your rights, we need to prevent no-one from denying you",
                "these rights or asking you to surrender the rights.  Therefore, you don't have",
                "certain responsibilities"};
  const Lines expected{"- " + a[0],
                       "?                                             ^^ --      ^^^^^  ^^^\n",
                       "+ " + b[0],
                       "?                                            + ^^^       ^  ^^^^^^^^\n",
                       "- " + a[1],
                       "+ " + b[1],
                       "  certain responsibilities"};
  EXPECT_EQ(ndiff(a, b), expected);
}

TEST(DifflibNdiff, GuidesCountCodePointsNotBytes) {
  EXPECT_EQ(ndiff({"por ejemplo"}, {"por-\xc3\xa9jemplo"}),
            (Lines{"- por ejemplo", "?    ^^\n", "+ por-\xc3\xa9jemplo", "?    ^^\n"}));
  const std::string ru_a =
      "\xd0\xbf\xd0\xbe \xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80\xd1\x83";
  const std::string ru_b =
      "\xd0\xbf\xd0\xbe-\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80\xd1\x83!";
  EXPECT_EQ(ndiff({ru_a}, {ru_b}), (Lines{"- " + ru_a, "?   ^\n", "+ " + ru_b, "?   ^       +\n"}));
  const std::string ja_a = "\xe4\xbe\x8b\xe3\x81\xab\xe3\x82\x88\xe3\x81\xa3\xe3\x81\xa6";
  const std::string ja_b = "\xe4\xbe\x8b\xe3\x81\xab\xe3\x82\x88\xe3\x81\xa3!\xe3\x81\xa6";
  EXPECT_EQ(ndiff({ja_a}, {ja_b}), (Lines{"- " + ja_a, "+ " + ja_b, "?     +\n"}));
}

TEST(DifflibNdiff, GuidesKeepTheOriginalWhitespace) {
  EXPECT_EQ(ndiff({"\tfoo = 1", "\tbar = 2"}, {"\tfoo = 1", "\tbaz = 2"}),
            (Lines{"  \tfoo = 1", "- \tbar = 2", "? \t  ^\n", "+ \tbaz = 2", "? \t  ^\n"}));
  EXPECT_EQ(ndiff({"a\tb  c"}, {"a\tbX c"}),
            (Lines{"- a\tb  c", "?  \t ^\n", "+ a\tbX c", "?  \t ^\n"}));
}

TEST(DifflibNdiff, DissimilarLinesArePlainReplacements) {
  EXPECT_EQ(ndiff({"one", "two", "three", "four"}, {"uno", "two", "tres", "four"}),
            (Lines{"- one", "+ uno", "  two", "- three", "+ tres", "  four"}));
  EXPECT_EQ(ndiff({"aaaa", "bbbb", "cccc"}, {"xxxx", "yyyy"}),
            (Lines{"+ xxxx", "+ yyyy", "- aaaa", "- bbbb", "- cccc"}));
  EXPECT_EQ(ndiff({"aaaa"}, {"xxxx", "yyyy", "zzzz"}),
            (Lines{"- aaaa", "+ xxxx", "+ yyyy", "+ zzzz"}));
}

TEST(DifflibNdiff, SeveralSimilarPairsInOneReplacement) {
  const Lines expected{"- the quick brown fox", "?                 ^^^\n",
                       "+ the quick brown cat", "?                 ^^^\n",
                       "- jumps over",          "?     ^\n",
                       "+ jumped over",         "?     ^^\n",
                       "- the lazy dog",        "+ the lazy dog!",
                       "?             +\n",     "+ extra"};
  EXPECT_EQ(ndiff({"the quick brown fox", "jumps over", "the lazy dog"},
                  {"the quick brown cat", "jumped over", "the lazy dog!", "extra"}),
            expected);
}

TEST(DifflibNdiff, CharacterAutojunkOnLongLines) {
  const std::string a = std::string(150, 'a') + " " + std::string(100, 'b') + "c";
  const std::string b = std::string(150, 'a') + " " + std::string(99, 'b') + "d";
  const Lines expected{"- " + a, "? " + std::string(250, ' ') + "^^\n", "+ " + b,
                       "? " + std::string(250, ' ') + "^\n"};
  EXPECT_EQ(ndiff({a}, {b}), expected);
}

}  // namespace
}  // namespace bx::difflib
