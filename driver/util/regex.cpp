#include "driver/util/regex.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <mutex>
#include <new>
#include <string>

namespace bx {

namespace {

std::string pcre2_message(int code) {
  PCRE2_UCHAR buffer[256];
  pcre2_get_error_message(code, buffer, sizeof(buffer));
  return reinterpret_cast<const char*>(buffer);
}

/// Per-thread JIT stack: the default 32 KiB is too small for long outputs matched by
/// lazy wildcards; matches never share match data across threads.
pcre2_match_context* thread_jit_context() {
  struct Holder {
    pcre2_match_context* context = pcre2_match_context_create(nullptr);
    pcre2_jit_stack* stack = pcre2_jit_stack_create(64 * 1024, 8 * 1024 * 1024, nullptr);
    Holder() { pcre2_jit_stack_assign(context, nullptr, stack); }
    ~Holder() {
      pcre2_jit_stack_free(stack);
      pcre2_match_context_free(context);
    }
  };
  thread_local Holder holder;
  return holder.context;
}

/// Match data reused by every match of the thread (a match never runs another one), grown
/// to the most capture groups seen.
pcre2_match_data* thread_match_data(std::uint32_t pairs) {
  struct Holder {
    pcre2_match_data* data = nullptr;
    ~Holder() { pcre2_match_data_free(data); }
  };
  thread_local Holder holder;
  if (holder.data == nullptr || pcre2_get_ovector_count(holder.data) < pairs) {
    pcre2_match_data_free(holder.data);
    holder.data = pcre2_match_data_create(std::max<std::uint32_t>(pairs, 16), nullptr);
    if (holder.data == nullptr) throw std::bad_alloc();
  }
  return holder.data;
}

}  // namespace

/// JIT compilation costs tens of microseconds, far more than one match of the short
/// subjects that most regexes see (an expected output is often matched once): a regex is
/// JIT-compiled only once it is used often or on a long subject. The JIT code goes to a
/// copy published once complete, so that threads matching the shared original meanwhile
/// never see it change.
struct Regex::Impl {
  static constexpr std::uint32_t k_jit_after_uses = 32;
  static constexpr std::size_t k_jit_subject = 2048;

  pcre2_code* code = nullptr;
  std::uint32_t captures = 0;
  std::atomic<std::uint32_t> uses{0};
  std::once_flag jit_once;
  std::atomic<pcre2_code*> jitted{nullptr};

  ~Impl() {
    pcre2_code_free(jitted.load());
    pcre2_code_free(code);
  }

  /// The JIT-compiled code when it exists or is worth making now, else nullptr.
  pcre2_code* jit_for(std::size_t subject_size) {
    if (pcre2_code* ready = jitted.load(std::memory_order_acquire)) return ready;
    if (subject_size < k_jit_subject &&
        uses.fetch_add(1, std::memory_order_relaxed) < k_jit_after_uses) {
      return nullptr;
    }
    std::call_once(jit_once, [this] {
      pcre2_code* copy = pcre2_code_copy(code);
      if (copy != nullptr && pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) == 0) {
        jitted.store(copy, std::memory_order_release);
      } else {
        pcre2_code_free(copy);  // no JIT on this platform: the interpreter it is
      }
    });
    return jitted.load(std::memory_order_acquire);
  }
};

Regex::Regex(std::string_view pattern, std::uint32_t flags)
    : m_pattern(pattern), m_impl(compiled(pattern, flags)) {}

std::shared_ptr<Regex::Impl> Regex::compiled(std::string_view pattern, std::uint32_t flags) {
  // The regexes this thread compiled lately, most recent last: documents repeat their
  // expected outputs and every file's runners compile the same prompts again. A compiled
  // regex never changes (its JIT code is published once), so sharing it is safe.
  static constexpr std::size_t k_recent = 32;
  static constexpr std::size_t k_longest_kept = 1024;
  struct Recent {
    std::uint32_t flags;
    std::string pattern;
    std::shared_ptr<Impl> impl;
  };
  thread_local std::vector<Recent> recent;
  for (auto it = recent.begin(); it != recent.end(); ++it) {
    if (it->flags == flags && it->pattern == pattern) {
      std::shared_ptr<Impl> impl = it->impl;
      std::rotate(it, it + 1, recent.end());
      return impl;
    }
  }
  std::uint32_t options = PCRE2_UTF | PCRE2_UCP;
  if (flags & k_regex_dotall) options |= PCRE2_DOTALL;
  if (flags & k_regex_multiline) options |= PCRE2_MULTILINE;
  if (flags & k_regex_caseless) options |= PCRE2_CASELESS;
  int error = 0;
  PCRE2_SIZE offset = 0;
  auto impl = std::make_shared<Impl>();
  impl->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options,
                             &error, &offset, nullptr);
  if (impl->code == nullptr) {
    throw RegexError(pcre2_message(error) + " at position " + std::to_string(offset));
  }
  pcre2_pattern_info(impl->code, PCRE2_INFO_CAPTURECOUNT, &impl->captures);
  if (pattern.size() <= k_longest_kept) {
    if (recent.size() == k_recent) recent.erase(recent.begin());
    recent.push_back({flags, std::string(pattern), impl});
  }
  return impl;
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

std::optional<RegexMatch> Regex::run(std::string_view subject, std::size_t start,
                                     std::uint32_t options) const {
  std::uint32_t captures = m_impl->captures;
  pcre2_match_data* data = thread_match_data(captures + 1);
  pcre2_code* jit = m_impl->jit_for(subject.size() - std::min(start, subject.size()));
  int rc = pcre2_match(jit != nullptr ? jit : m_impl->code,
                       reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), start, options,
                       data, jit != nullptr ? thread_jit_context() : nullptr);
  if (rc == PCRE2_ERROR_NOMATCH) return std::nullopt;
  if (rc < 0) throw RegexError("regex match failed: " + pcre2_message(rc));
  RegexMatch result;
  result.m_regex = this;
  result.m_subject = subject;
  const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
  // Groups after the last one that took part are not set in the ovector.
  auto set = static_cast<std::uint32_t>(rc);
  result.m_spans.resize(captures + 1, {RegexMatch::k_unset, RegexMatch::k_unset});
  for (std::uint32_t i = 0; i < set && i <= captures; ++i) {
    if (ovector[2 * i] != PCRE2_UNSET) result.m_spans[i] = {ovector[2 * i], ovector[2 * i + 1]};
  }
  return result;
}

std::optional<RegexMatch> Regex::search(std::string_view subject, std::size_t start) const {
  return run(subject, start, 0);
}

std::optional<RegexMatch> Regex::match(std::string_view subject, std::size_t start) const {
  return run(subject, start, PCRE2_ANCHORED);
}

std::vector<RegexMatch> Regex::find_all(std::string_view subject) const {
  std::vector<RegexMatch> out;
  std::size_t pos = 0;
  // The subject is checked to be valid UTF-8 by the first search only: checking it again
  // at every match would make finding all of them quadratic.
  std::uint32_t options = 0;
  while (pos <= subject.size()) {
    auto m = run(subject, pos, options);
    options = PCRE2_NO_UTF_CHECK;
    if (!m) break;
    std::size_t next = m->end();
    if (m->end() == m->begin()) {
      // Step over one whole UTF-8 character after an empty match.
      next = m->end() + 1;
      while (next < subject.size() && (static_cast<unsigned char>(subject[next]) & 0xC0) == 0x80)
        ++next;
    }
    out.push_back(std::move(*m));
    pos = next;
  }
  return out;
}

namespace {

/// Calls `visit(name, number)` for every named group, in the order of PCRE2's name table,
/// until it returns true.
template <class Visit>
void for_each_name(const pcre2_code* code, Visit visit) {
  std::uint32_t count = 0;
  std::uint32_t entry_size = 0;
  PCRE2_SPTR table = nullptr;
  pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count);
  pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
  pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
  for (std::uint32_t i = 0; i < count; ++i) {
    PCRE2_SPTR entry = table + i * entry_size;
    std::size_t number = (static_cast<std::size_t>(entry[0]) << 8) | entry[1];
    if (visit(std::string_view(reinterpret_cast<const char*>(entry + 2)), number)) return;
  }
}

}  // namespace

std::optional<std::size_t> Regex::group_number(std::string_view name) const {
  std::optional<std::size_t> found;
  for_each_name(m_impl->code, [&](std::string_view entry, std::size_t number) {
    if (entry == name) found = number;
    return found.has_value();
  });
  return found;
}

std::string_view RegexMatch::group(std::size_t i) const {
  if (!matched(i)) return {};
  return m_subject.substr(m_spans[i].first, m_spans[i].second - m_spans[i].first);
}

std::optional<std::string_view> RegexMatch::named(std::string_view name) const {
  auto number = m_regex->group_number(name);
  if (!number || !matched(*number)) return std::nullopt;
  return group(*number);
}

std::string pcre2_version() {
  char buffer[64] = {};
  pcre2_config(PCRE2_CONFIG_VERSION, buffer);
  std::string version(buffer);
  return version.substr(0, version.find(' '));
}

std::string regex_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && !std::isalnum(u) && c != '_' && c != ' ' && c != '\n') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

}  // namespace bx
