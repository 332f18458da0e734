#include "driver/util/regex.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <cctype>
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
pcre2_match_context* thread_match_context() {
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

}  // namespace

struct Regex::Impl {
  pcre2_code* code = nullptr;
  ~Impl() { pcre2_code_free(code); }
};

Regex::Regex(std::string_view pattern, std::uint32_t flags)
    : m_pattern(pattern), m_impl(std::make_unique<Impl>()) {
  std::uint32_t options = PCRE2_UTF | PCRE2_UCP;
  if (flags & k_regex_dotall) options |= PCRE2_DOTALL;
  if (flags & k_regex_multiline) options |= PCRE2_MULTILINE;
  if (flags & k_regex_caseless) options |= PCRE2_CASELESS;
  int error = 0;
  PCRE2_SIZE offset = 0;
  m_impl->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                               options, &error, &offset, nullptr);
  if (m_impl->code == nullptr) {
    throw RegexError(pcre2_message(error) + " at position " + std::to_string(offset));
  }
  pcre2_jit_compile(m_impl->code, PCRE2_JIT_COMPLETE);  // falls back to the interpreter
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

std::optional<RegexMatch> Regex::run(std::string_view subject, std::size_t start,
                                     bool anchored) const {
  pcre2_match_data* data = pcre2_match_data_create_from_pattern(m_impl->code, nullptr);
  int rc = pcre2_match(m_impl->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(),
                       start, anchored ? PCRE2_ANCHORED : 0, data, thread_match_context());
  if (rc < 0) {
    pcre2_match_data_free(data);
    if (rc == PCRE2_ERROR_NOMATCH) return std::nullopt;
    throw RegexError("regex match failed: " + pcre2_message(rc));
  }
  RegexMatch result;
  result.m_regex = this;
  result.m_subject = subject;
  std::uint32_t pairs = pcre2_get_ovector_count(data);
  PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
  std::uint32_t captures = 0;
  pcre2_pattern_info(m_impl->code, PCRE2_INFO_CAPTURECOUNT, &captures);
  result.m_spans.resize(captures + 1, {RegexMatch::k_unset, RegexMatch::k_unset});
  for (std::uint32_t i = 0; i < pairs && i <= captures; ++i) {
    if (ovector[2 * i] != PCRE2_UNSET) result.m_spans[i] = {ovector[2 * i], ovector[2 * i + 1]};
  }
  pcre2_match_data_free(data);
  return result;
}

std::optional<RegexMatch> Regex::search(std::string_view subject, std::size_t start) const {
  return run(subject, start, false);
}

std::optional<RegexMatch> Regex::match(std::string_view subject, std::size_t start) const {
  return run(subject, start, true);
}

std::vector<RegexMatch> Regex::find_all(std::string_view subject) const {
  std::vector<RegexMatch> out;
  std::size_t pos = 0;
  while (pos <= subject.size()) {
    auto m = search(subject, pos);
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

std::vector<std::pair<std::string, std::size_t>> Regex::group_names() const {
  std::uint32_t count = 0;
  std::uint32_t entry_size = 0;
  PCRE2_SPTR table = nullptr;
  pcre2_pattern_info(m_impl->code, PCRE2_INFO_NAMECOUNT, &count);
  pcre2_pattern_info(m_impl->code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
  pcre2_pattern_info(m_impl->code, PCRE2_INFO_NAMETABLE, &table);
  std::vector<std::pair<std::string, std::size_t>> names;
  for (std::uint32_t i = 0; i < count; ++i) {
    PCRE2_SPTR entry = table + i * entry_size;
    std::size_t number = (static_cast<std::size_t>(entry[0]) << 8) | entry[1];
    names.emplace_back(reinterpret_cast<const char*>(entry + 2), number);
  }
  return names;
}

std::optional<std::size_t> Regex::group_number(std::string_view name) const {
  for (auto& [n, number] : group_names()) {
    if (n == name) return number;
  }
  return std::nullopt;
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
