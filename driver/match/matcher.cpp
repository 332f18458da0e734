#include "driver/match/matcher.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "driver/parse/expected.hpp"
#include "driver/util/regex.hpp"

namespace bx {

namespace {

/// Compiles each distinct pattern once for the duration of one call.
class RegexCache {
 public:
  const Regex& get(const std::string& pattern) {
    auto it = m_regexes.find(pattern);
    if (it == m_regexes.end()) {
      it = m_regexes.emplace(pattern, Regex(pattern, k_regex_expected)).first;
    }
    return it->second;
  }

 private:
  std::unordered_map<std::string, Regex> m_regexes;
};

std::string join(const ExpectedRegex& expected, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) out += expected.regexs[i];
  return out;
}

/// Match anchored at 0; an engine failure (resource limits) counts as no match.
std::optional<RegexMatch> match_start(const Regex& regex, std::string_view got) {
  try {
    return regex.match(got);
  } catch (const RegexError&) {
    return std::nullopt;
  }
}

/// The named tags of fragments [begin, end) read from `match` ("" if not participating).
void collect(const ExpectedRegex& expected, const Regex& regex, const RegexMatch& match,
             std::size_t begin, std::size_t end, Captures& out) {
  for (auto it = expected.tags_by_idx.lower_bound(begin);
       it != expected.tags_by_idx.end() && it->first < end; ++it) {
    if (!it->second) continue;
    auto number = regex.group_number(tag_group_name(*it->second));
    out[*it->second] = number ? std::string(match.group(*number)) : std::string();
  }
}

/// Seconds left for the incremental match; each attempt's duration is charged to it.
class Budget {
 public:
  explicit Budget(double seconds) : m_seconds(seconds) {}
  bool exhausted() const { return m_seconds <= 0; }
  double left() const { return m_seconds; }
  void add(double seconds) { m_seconds += seconds; }

  bool matches(const Regex& regex, std::string_view got) {
    auto start = std::chrono::steady_clock::now();
    bool found = match_start(regex, got).has_value();
    m_seconds -= std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return found;
  }

 private:
  double m_seconds;
};

bool enough(std::size_t acc, long min_rcount) {
  return min_rcount <= 0 || acc >= static_cast<std::size_t>(min_rcount);
}

/// The last fragment whose left part matches with at least `min_rcount` literal characters
/// since the last tag. A regex prefix that fails makes every longer one fail, so the
/// pass stops at the first failure.
std::size_t left_pass(const ExpectedRegex& expected, std::string_view got, long min_rcount,
                      Budget& budget, RegexCache& cache) {
  std::size_t best = 0;
  std::size_t acc = 0;
  std::string regex;
  for (std::size_t i = 0; i < expected.regexs.size(); ++i) {
    regex += expected.regexs[i];
    if (expected.rcounts[i] == 0) {
      acc = 0;
      continue;
    }
    if (budget.exhausted()) break;
    acc += expected.rcounts[i];
    if (!enough(acc, min_rcount)) continue;
    if (!budget.matches(cache.get(regex), got)) break;
    best = i;
  }
  return best;
}

/// The first fragment from which `left + buffer + R[i..]` still matches the whole got.
std::size_t right_pass(const ExpectedRegex& expected, std::string_view got, long min_rcount,
                       std::size_t best_left, const std::string& head, Budget& budget,
                       RegexCache& cache) {
  const std::size_t n = expected.regexs.size();
  std::size_t best = n - 1;
  std::size_t acc = 0;
  for (std::size_t i = n - 1; i > best_left; --i) {
    if (expected.rcounts[i] == 0) {
      acc = 0;
      continue;
    }
    if (budget.exhausted()) break;
    acc += expected.rcounts[i];
    if (!enough(acc, min_rcount)) continue;
    if (!budget.matches(cache.get(head + join(expected, i, n)), got)) break;
    best = i;
  }
  return best;
}

/// The first `bufferNNNNNN` name that is not the group name of a capture tag.
std::string buffer_name(const ExpectedRegex& expected) {
  std::set<std::string> taken;
  for (const auto& [idx, name] : expected.tags_by_idx) {
    if (name) taken.insert(tag_group_name(*name));
  }
  for (int n = 0;; ++n) {
    char name[32];
    std::snprintf(name, sizeof(name), "buffer%06d", n);
    if (!taken.contains(name)) return name;
  }
}

}  // namespace

bool check_got(const ExpectedRegex& expected, std::string_view got) {
  RegexCache cache;
  std::size_t pos = 0;
  std::string chunk;
  auto found = [&]() {
    if (chunk.empty()) return true;
    auto match = cache.get(chunk).search(got, pos);
    chunk.clear();
    if (!match) return false;
    pos = match->end();
    return true;
  };
  for (std::size_t i = 0; i < expected.regexs.size(); ++i) {
    if (!expected.tags_by_idx.contains(i)) {
      chunk += expected.regexs[i];
    } else if (!found()) {
      return false;
    }
  }
  return found();
}

bool full_captures(const ExpectedRegex& expected, std::string_view got, Captures& out) {
  out.clear();
  Regex regex(join(expected, 0, expected.regexs.size()), k_regex_expected);
  auto match = match_start(regex, got);
  if (!match) return false;
  collect(expected, regex, *match, 0, expected.regexs.size(), out);
  return true;
}

PartialMatch partial_match(const ExpectedRegex& expected, std::string_view got, long min_rcount,
                           double budget_seconds) {
  PartialMatch result{expected.str, {}};
  if (expected.tags_by_idx.empty() || expected.regexs.size() < 2) return result;
  const std::size_t n = expected.regexs.size();

  RegexCache cache;
  Budget left_budget(budget_seconds / 2);
  const std::size_t best_left = left_pass(expected, got, min_rcount, left_budget, cache);
  const std::string left = join(expected, 0, best_left + 1);
  auto left_match = match_start(cache.get(left), got);
  if (!left_match) return result;  // only possible for a begin anchor that needs whitespace

  const std::string buffer = buffer_name(expected);
  const std::string head = left + "(?<" + buffer + ">.*?)";
  Budget right_budget(budget_seconds / 2);
  right_budget.add(left_budget.left());
  const std::size_t best_right =
      right_pass(expected, got, min_rcount, best_left, head, right_budget, cache);

  const Regex& final_regex = cache.get(head + join(expected, best_right, n));
  auto match = match_start(final_regex, got);
  if (!match) return result;
  const std::size_t buffer_end = match->group_end(*final_regex.group_number(buffer));
  const std::size_t left_end = expected.charnos[best_left + 1];
  const std::size_t right_begin = std::max(left_end, expected.charnos[best_right]);

  result.expected = std::string(got.substr(0, left_match->end())) +
                    expected.str.substr(left_end, right_begin - left_end) +
                    std::string(got.substr(buffer_end, match->end() - buffer_end));
  collect(expected, final_regex, *match, 0, best_left + 1, result.captures);
  collect(expected, final_regex, *match, best_right, n, result.captures);
  return result;
}

}  // namespace bx
