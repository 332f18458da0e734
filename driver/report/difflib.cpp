#include "driver/report/difflib.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

namespace bx::difflib {

SequenceMatcher::SequenceMatcher(JunkPredicate isjunk, bool autojunk)
    : m_isjunk(std::move(isjunk)), m_autojunk(autojunk) {}

void SequenceMatcher::set_seqs(Symbols a, Symbols b) {
  set_seq1(std::move(a));
  set_seq2(std::move(b));
}

void SequenceMatcher::set_seq1(Symbols a) {
  m_a = std::move(a);
  m_matching_blocks_ready = false;
  m_opcodes_ready = false;
}

void SequenceMatcher::set_seq2(Symbols b) {
  m_b = std::move(b);
  m_matching_blocks_ready = false;
  m_opcodes_ready = false;
  m_fullbcount_ready = false;
  chain_b();
}

void SequenceMatcher::chain_b() {
  m_b2j.clear();
  m_bjunk.clear();
  for (std::size_t i = 0; i < m_b.size(); ++i) m_b2j[m_b[i]].push_back(i);

  if (m_isjunk) {
    for (const auto& [elt, indices] : m_b2j) {
      if (m_isjunk(elt)) m_bjunk.insert(elt);
    }
    for (Symbol elt : m_bjunk) m_b2j.erase(elt);
  }

  const std::size_t n = m_b.size();
  if (m_autojunk && n >= 200) {
    const std::size_t ntest = n / 100 + 1;
    std::erase_if(m_b2j, [ntest](const auto& entry) { return entry.second.size() > ntest; });
  }
}

Match SequenceMatcher::find_longest_match(std::size_t alo, std::size_t ahi, std::size_t blo,
                                          std::size_t bhi) const {
  std::size_t besti = alo;
  std::size_t bestj = blo;
  std::size_t bestsize = 0;
  // j2len[j] = length of the longest match ending with a[i-1] and b[j].
  std::unordered_map<std::size_t, std::size_t> j2len;
  std::unordered_map<std::size_t, std::size_t> newj2len;
  for (std::size_t i = alo; i < ahi; ++i) {
    newj2len.clear();
    auto found = m_b2j.find(m_a[i]);
    if (found != m_b2j.end()) {
      for (std::size_t j : found->second) {
        if (j < blo) continue;
        if (j >= bhi) break;
        std::size_t previous = 0;
        if (j > 0) {
          auto prev = j2len.find(j - 1);
          if (prev != j2len.end()) previous = prev->second;
        }
        const std::size_t k = newj2len[j] = previous + 1;
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
    }
    std::swap(j2len, newj2len);
  }

  // Extend the match with non-junk equal elements first, then with junk ones, exactly as
  // Python does: this is what makes junk "stick" to interesting matches.
  auto is_junk = [this](std::size_t j) { return m_bjunk.contains(m_b[j]); };
  for (bool junk : {false, true}) {
    while (besti > alo && bestj > blo && is_junk(bestj - 1) == junk &&
           m_a[besti - 1] == m_b[bestj - 1]) {
      --besti;
      --bestj;
      ++bestsize;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && is_junk(bestj + bestsize) == junk &&
           m_a[besti + bestsize] == m_b[bestj + bestsize]) {
      ++bestsize;
    }
  }
  return Match{besti, bestj, bestsize};
}

const std::vector<Match>& SequenceMatcher::get_matching_blocks() {
  if (m_matching_blocks_ready) return m_matching_blocks;
  const std::size_t la = m_a.size();
  const std::size_t lb = m_b.size();

  std::vector<std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>> queue{{0, la, 0, lb}};
  std::vector<Match> blocks;
  while (!queue.empty()) {
    auto [alo, ahi, blo, bhi] = queue.back();
    queue.pop_back();
    const Match x = find_longest_match(alo, ahi, blo, bhi);
    if (x.size == 0) continue;
    blocks.push_back(x);
    if (alo < x.a && blo < x.b) queue.emplace_back(alo, x.a, blo, x.b);
    if (x.a + x.size < ahi && x.b + x.size < bhi) {
      queue.emplace_back(x.a + x.size, ahi, x.b + x.size, bhi);
    }
  }
  std::sort(blocks.begin(), blocks.end(), [](const Match& l, const Match& r) {
    return std::tie(l.a, l.b, l.size) < std::tie(r.a, r.b, r.size);
  });

  m_matching_blocks.clear();
  Match current;
  for (const Match& next : blocks) {
    if (current.a + current.size == next.a && current.b + current.size == next.b) {
      current.size += next.size;
    } else {
      if (current.size) m_matching_blocks.push_back(current);
      current = next;
    }
  }
  if (current.size) m_matching_blocks.push_back(current);
  m_matching_blocks.push_back(Match{la, lb, 0});
  m_matching_blocks_ready = true;
  return m_matching_blocks;
}

const std::vector<Opcode>& SequenceMatcher::get_opcodes() {
  if (m_opcodes_ready) return m_opcodes;
  m_opcodes.clear();
  std::size_t i = 0;
  std::size_t j = 0;
  for (const Match& m : get_matching_blocks()) {
    if (i < m.a && j < m.b) {
      m_opcodes.push_back({OpTag::Replace, i, m.a, j, m.b});
    } else if (i < m.a) {
      m_opcodes.push_back({OpTag::Delete, i, m.a, j, m.b});
    } else if (j < m.b) {
      m_opcodes.push_back({OpTag::Insert, i, m.a, j, m.b});
    }
    i = m.a + m.size;
    j = m.b + m.size;
    if (m.size) m_opcodes.push_back({OpTag::Equal, m.a, i, m.b, j});
  }
  m_opcodes_ready = true;
  return m_opcodes;
}

std::vector<std::vector<Opcode>> SequenceMatcher::get_grouped_opcodes(std::size_t n) {
  std::vector<Opcode> codes = get_opcodes();
  if (codes.empty()) codes.push_back({OpTag::Equal, 0, 1, 0, 1});
  if (codes.front().tag == OpTag::Equal) {
    Opcode& c = codes.front();
    c.i1 = std::max(c.i1, c.i2 >= n ? c.i2 - n : 0);
    c.j1 = std::max(c.j1, c.j2 >= n ? c.j2 - n : 0);
  }
  if (codes.back().tag == OpTag::Equal) {
    Opcode& c = codes.back();
    c.i2 = std::min(c.i2, c.i1 + n);
    c.j2 = std::min(c.j2, c.j1 + n);
  }

  std::vector<std::vector<Opcode>> groups;
  std::vector<Opcode> group;
  for (Opcode c : codes) {
    // An equal run longer than twice the context closes the current hunk.
    if (c.tag == OpTag::Equal && c.i2 - c.i1 > 2 * n) {
      group.push_back({c.tag, c.i1, std::min(c.i2, c.i1 + n), c.j1, std::min(c.j2, c.j1 + n)});
      groups.push_back(std::move(group));
      group.clear();
      c.i1 = std::max(c.i1, c.i2 - n);
      c.j1 = std::max(c.j1, c.j2 >= n ? c.j2 - n : 0);
    }
    group.push_back(c);
  }
  if (!group.empty() && !(group.size() == 1 && group.front().tag == OpTag::Equal)) {
    groups.push_back(std::move(group));
  }
  return groups;
}

namespace {

double calculate_ratio(std::size_t matches, std::size_t length) {
  if (length) return 2.0 * static_cast<double>(matches) / static_cast<double>(length);
  return 1.0;
}

}  // namespace

double SequenceMatcher::ratio() {
  std::size_t matches = 0;
  for (const Match& m : get_matching_blocks()) matches += m.size;
  return calculate_ratio(matches, m_a.size() + m_b.size());
}

double SequenceMatcher::quick_ratio() {
  if (!m_fullbcount_ready) {
    m_fullbcount.clear();
    for (Symbol elt : m_b) ++m_fullbcount[elt];
    m_fullbcount_ready = true;
  }
  // avail[elt] = how many elt are still available in b (may go negative, as in Python).
  std::unordered_map<Symbol, long long> avail;
  std::size_t matches = 0;
  for (Symbol elt : m_a) {
    long long numb = 0;
    auto known = avail.find(elt);
    if (known != avail.end()) {
      numb = known->second;
    } else {
      auto full = m_fullbcount.find(elt);
      if (full != m_fullbcount.end()) numb = static_cast<long long>(full->second);
    }
    avail[elt] = numb - 1;
    if (numb > 0) ++matches;
  }
  return calculate_ratio(matches, m_a.size() + m_b.size());
}

double SequenceMatcher::real_quick_ratio() const {
  const std::size_t la = m_a.size();
  const std::size_t lb = m_b.size();
  return calculate_ratio(std::min(la, lb), la + lb);
}

}  // namespace bx::difflib
