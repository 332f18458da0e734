// difflib.ndiff: Python's Differ with linejunk None and charjunk IS_CHARACTER_JUNK.
#include <optional>
#include <string>
#include <utility>

#include "driver/report/difflib.hpp"

namespace bx::difflib {

namespace {

class Differ {
 public:
  Differ(const std::vector<std::string>& a, const std::vector<std::string>& b) : m_a(a), m_b(b) {
    m_a_chars.reserve(a.size());
    for (const std::string& line : a) m_a_chars.push_back(decode_utf8(line));
    m_b_chars.reserve(b.size());
    for (const std::string& line : b) m_b_chars.push_back(decode_utf8(line));
  }

  std::vector<std::string> compare();

 private:
  struct BestPair {
    std::size_t i = 0;
    std::size_t j = 0;
    bool identical = false;  ///< the pair are equal lines, used when nothing is similar enough
  };

  void dump(std::string_view tag, const std::vector<std::string>& x, std::size_t lo,
            std::size_t hi);
  void plain_replace(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi);
  std::optional<BestPair> find_best_pair(std::size_t alo, std::size_t ahi, std::size_t blo,
                                         std::size_t bhi) const;
  void fancy_replace(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi);
  void fancy_helper(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi);
  void qformat(std::size_t i, std::size_t j);
  void push_guide(const Symbols& line, const Symbols& tags);

  const std::vector<std::string>& m_a;
  const std::vector<std::string>& m_b;
  std::vector<Symbols> m_a_chars;
  std::vector<Symbols> m_b_chars;
  std::vector<std::string> m_out;
};

std::vector<std::string> Differ::compare() {
  auto [sa, sb] = intern_lines(m_a, m_b);
  SequenceMatcher cruncher;
  cruncher.set_seqs(std::move(sa), std::move(sb));
  for (const Opcode& c : cruncher.get_opcodes()) {
    switch (c.tag) {
      case OpTag::Replace:
        fancy_replace(c.i1, c.i2, c.j1, c.j2);
        break;
      case OpTag::Delete:
        dump("-", m_a, c.i1, c.i2);
        break;
      case OpTag::Insert:
        dump("+", m_b, c.j1, c.j2);
        break;
      case OpTag::Equal:
        dump(" ", m_a, c.i1, c.i2);
        break;
    }
  }
  return std::move(m_out);
}

void Differ::dump(std::string_view tag, const std::vector<std::string>& x, std::size_t lo,
                  std::size_t hi) {
  for (std::size_t k = lo; k < hi; ++k) m_out.push_back(std::string(tag) + " " + x[k]);
}

void Differ::plain_replace(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi) {
  // The shorter block goes first: it is easier to read.
  if (bhi - blo < ahi - alo) {
    dump("+", m_b, blo, bhi);
    dump("-", m_a, alo, ahi);
  } else {
    dump("-", m_a, alo, ahi);
    dump("+", m_b, blo, bhi);
  }
}

std::optional<Differ::BestPair> Differ::find_best_pair(std::size_t alo, std::size_t ahi,
                                                       std::size_t blo, std::size_t bhi) const {
  double best_ratio = 0.74;
  const double cutoff = 0.75;
  SequenceMatcher cruncher(is_character_junk);
  std::optional<BestPair> identical;
  BestPair best;
  for (std::size_t j = blo; j < bhi; ++j) {
    cruncher.set_seq2(m_b_chars[j]);
    for (std::size_t i = alo; i < ahi; ++i) {
      if (m_a[i] == m_b[j]) {
        if (!identical) identical = BestPair{i, j, true};
        continue;
      }
      cruncher.set_seq1(m_a_chars[i]);
      // The cheap upper bounds first: ratio() is expensive.
      if (cruncher.real_quick_ratio() > best_ratio && cruncher.quick_ratio() > best_ratio &&
          cruncher.ratio() > best_ratio) {
        best_ratio = cruncher.ratio();
        best = BestPair{i, j, false};
      }
    }
  }
  if (best_ratio < cutoff) return identical;
  return best;
}

void Differ::fancy_replace(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi) {
  // Python recurses on both sides of the best pair; the right side is a loop here so that
  // long blocks do not exhaust the stack.
  while (alo < ahi && blo < bhi) {
    const std::optional<BestPair> best = find_best_pair(alo, ahi, blo, bhi);
    if (!best) {
      plain_replace(alo, ahi, blo, bhi);
      return;
    }
    fancy_helper(alo, best->i, blo, best->j);
    if (best->identical) {
      m_out.push_back("  " + m_a[best->i]);
    } else {
      qformat(best->i, best->j);
    }
    alo = best->i + 1;
    blo = best->j + 1;
  }
  fancy_helper(alo, ahi, blo, bhi);
}

void Differ::fancy_helper(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi) {
  if (alo < ahi) {
    if (blo < bhi) {
      fancy_replace(alo, ahi, blo, bhi);
    } else {
      dump("-", m_a, alo, ahi);
    }
  } else if (blo < bhi) {
    dump("+", m_b, blo, bhi);
  }
}

void Differ::qformat(std::size_t i, std::size_t j) {
  SequenceMatcher cruncher(is_character_junk);
  cruncher.set_seqs(m_a_chars[i], m_b_chars[j]);
  Symbols atags;
  Symbols btags;
  for (const Opcode& c : cruncher.get_opcodes()) {
    const std::size_t la = c.i2 - c.i1;
    const std::size_t lb = c.j2 - c.j1;
    switch (c.tag) {
      case OpTag::Replace:
        atags.insert(atags.end(), la, '^');
        btags.insert(btags.end(), lb, '^');
        break;
      case OpTag::Delete:
        atags.insert(atags.end(), la, '-');
        break;
      case OpTag::Insert:
        btags.insert(btags.end(), lb, '+');
        break;
      case OpTag::Equal:
        atags.insert(atags.end(), la, ' ');
        btags.insert(btags.end(), lb, ' ');
        break;
    }
  }
  m_out.push_back("- " + m_a[i]);
  push_guide(m_a_chars[i], atags);
  m_out.push_back("+ " + m_b[j]);
  push_guide(m_b_chars[j], btags);
}

/// Python's _keep_original_ws + rstrip: whitespace under an unchanged position is kept
/// (so tabs still align), and the guide is omitted when nothing is marked.
void Differ::push_guide(const Symbols& line, const Symbols& tags) {
  Symbols guide;
  const std::size_t size = std::min(line.size(), tags.size());
  for (std::size_t k = 0; k < size; ++k) {
    const bool keep = tags[k] == ' ' && is_python_space(line[k]);
    guide.push_back(keep ? line[k] : tags[k]);
  }
  while (!guide.empty() && is_python_space(guide.back())) guide.pop_back();
  if (guide.empty()) return;
  m_out.push_back("? " + encode_utf8(guide) + "\n");
}

}  // namespace

std::vector<std::string> ndiff(const std::vector<std::string>& a,
                               const std::vector<std::string>& b) {
  return Differ(a, b).compare();
}

}  // namespace bx::difflib
