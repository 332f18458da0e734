// A port of the parts of Python's difflib that byexample's differ uses (spec §5.3): the
// outputs must be byte-identical to Python's, so the algorithms (including the "autojunk"
// heuristic and the order in which ties are broken) are reproduced literally.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace bx::difflib {

/// One element of a compared sequence: a code point, or the id of an interned line.
using Symbol = std::uint32_t;
using Symbols = std::vector<Symbol>;

/// a[a..a+size) == b[b..b+size).
struct Match {
  std::size_t a = 0;
  std::size_t b = 0;
  std::size_t size = 0;
  bool operator==(const Match&) const = default;
};

enum class OpTag { Replace, Delete, Insert, Equal };

/// How to turn a[i1..i2) into b[j1..j2).
struct Opcode {
  OpTag tag = OpTag::Equal;
  std::size_t i1 = 0;
  std::size_t i2 = 0;
  std::size_t j1 = 0;
  std::size_t j2 = 0;
  bool operator==(const Opcode&) const = default;
};

/// Python's difflib.SequenceMatcher over sequences of symbols.
class SequenceMatcher {
 public:
  using JunkPredicate = std::function<bool(Symbol)>;

  /// `isjunk` may be empty (no junk). `autojunk` drops elements of b that are more
  /// popular than 1% + 1 when b has at least 200 elements.
  explicit SequenceMatcher(JunkPredicate isjunk = {}, bool autojunk = true);

  void set_seqs(Symbols a, Symbols b);
  void set_seq1(Symbols a);
  void set_seq2(Symbols b);

  /// Longest matching block in a[alo..ahi) x b[blo..bhi), earliest in a then in b.
  Match find_longest_match(std::size_t alo, std::size_t ahi, std::size_t blo,
                           std::size_t bhi) const;
  /// Non-adjacent matching blocks, ending with the sentinel (len(a), len(b), 0).
  const std::vector<Match>& get_matching_blocks();
  const std::vector<Opcode>& get_opcodes();
  /// Hunks of opcodes with up to `n` lines of context.
  std::vector<std::vector<Opcode>> get_grouped_opcodes(std::size_t n = 3);

  double ratio();
  double quick_ratio();
  double real_quick_ratio() const;

 private:
  void chain_b();

  JunkPredicate m_isjunk;
  bool m_autojunk;
  Symbols m_a;
  Symbols m_b;
  std::unordered_map<Symbol, std::vector<std::size_t>> m_b2j;
  std::unordered_set<Symbol> m_bjunk;
  std::unordered_map<Symbol, std::size_t> m_fullbcount;
  bool m_fullbcount_ready = false;
  std::vector<Match> m_matching_blocks;
  bool m_matching_blocks_ready = false;
  std::vector<Opcode> m_opcodes;
  bool m_opcodes_ready = false;
};

/// Decodes UTF-8 into code points; an invalid byte becomes U+DC80..U+DCFF (like Python's
/// "surrogateescape") so that encode_utf8 gives the original bytes back.
Symbols decode_utf8(std::string_view text);
std::string encode_utf8(const Symbols& code_points);

/// Interns two lists of lines: equal lines get the same symbol.
std::pair<Symbols, Symbols> intern_lines(const std::vector<std::string>& a,
                                         const std::vector<std::string>& b);

/// Python's str.isspace() for one code point.
bool is_python_space(Symbol code_point);

/// difflib.IS_CHARACTER_JUNK: space and tab.
bool is_character_junk(Symbol code_point);

/// difflib.unified_diff(a, b, n=n, lineterm=''): lines without terminators, starting with
/// the "--- " and "+++ " file headers (empty file names) when there is any difference.
std::vector<std::string> unified_diff(const std::vector<std::string>& a,
                                      const std::vector<std::string>& b, std::size_t n = 3);

/// difflib.context_diff(a, b, n=n, lineterm=''): starts with "*** ", "--- " headers.
std::vector<std::string> context_diff(const std::vector<std::string>& a,
                                      const std::vector<std::string>& b, std::size_t n = 3);

/// difflib.ndiff(a, b) with linejunk None and charjunk IS_CHARACTER_JUNK. The "? " guide
/// lines end with '\n' (as Python's do); the other lines have no terminator.
std::vector<std::string> ndiff(const std::vector<std::string>& a,
                               const std::vector<std::string>& b);

}  // namespace bx::difflib
