// The one place that talks to PCRE2 (spec §0.2: Python `re` semantics).
//
// Patterns are PCRE2 syntax. Callers that port byexample's Python regexes write `\z` for
// Python's `\Z` and `(?<name>...)` for `(?P<name>...)`. Compiled with UTF and UCP so that
// `\s` and `\w` are Unicode-aware like Python 3's, and JIT-compiled, when available, once a
// regex is used often or on a long subject. A Regex may be used by several threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bx {

class RegexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Compile-time flags, combinable with `|`.
enum RegexFlags : std::uint32_t {
  k_regex_none = 0,
  k_regex_dotall = 1u << 0,
  k_regex_multiline = 1u << 1,
  k_regex_caseless = 1u << 2,
  /// The flags byexample uses for expected-output regexes.
  k_regex_expected = k_regex_dotall | k_regex_multiline,
};

class Regex;

/// The result of a successful match. Offsets are byte offsets into the subject.
class RegexMatch {
 public:
  std::size_t begin() const { return m_spans[0].first; }
  std::size_t end() const { return m_spans[0].second; }
  std::size_t group_count() const { return m_spans.size() - 1; }
  /// Whether group `i` (0 = whole match) participated.
  bool matched(std::size_t i) const { return m_spans[i].first != k_unset; }
  /// Text of group `i`, empty if it did not participate.
  std::string_view group(std::size_t i) const;
  std::size_t group_begin(std::size_t i) const { return m_spans[i].first; }
  std::size_t group_end(std::size_t i) const { return m_spans[i].second; }
  /// Named group; nullopt if no such name or it did not participate.
  std::optional<std::string_view> named(std::string_view name) const;

 private:
  friend class Regex;
  static constexpr std::size_t k_unset = static_cast<std::size_t>(-1);
  const Regex* m_regex = nullptr;
  std::string_view m_subject;
  std::vector<std::pair<std::size_t, std::size_t>> m_spans;
};

class Regex {
 public:
  /// Throws RegexError with PCRE2's message (and offset) when the pattern is invalid.
  explicit Regex(std::string_view pattern, std::uint32_t flags = k_regex_multiline);
  ~Regex();
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  /// Leftmost match at or after `start`.
  std::optional<RegexMatch> search(std::string_view subject, std::size_t start = 0) const;
  /// Match anchored at `start` (need not reach the end of the subject).
  std::optional<RegexMatch> match(std::string_view subject, std::size_t start = 0) const;
  /// Every non-overlapping match, left to right (like Python's finditer).
  std::vector<RegexMatch> find_all(std::string_view subject) const;

  const std::string& pattern() const { return m_pattern; }
  std::optional<std::size_t> group_number(std::string_view name) const;

 private:
  /// `options` are PCRE2 match options.
  std::optional<RegexMatch> run(std::string_view subject, std::size_t start,
                                std::uint32_t options) const;
  struct Impl;
  /// The compiled form of `pattern`, shared with the other Regex objects of the same
  /// pattern and flags that this thread built lately.
  static std::shared_ptr<Impl> compiled(std::string_view pattern, std::uint32_t flags);
  std::string m_pattern;
  std::shared_ptr<Impl> m_impl;
};

/// The PCRE2 library's version, e.g. "10.42".
std::string pcre2_version();

/// Escapes `text` so that it matches itself literally inside a PCRE2 pattern.
std::string regex_escape(std::string_view text);

}  // namespace bx
