#include "driver/run/prompt_stream.hpp"

#include <chrono>
#include <thread>
#include <utility>

#include "driver/run/utf8.hpp"

namespace bx {

namespace {

/// A match found after new text arrived must end in the new text: searching again only
/// from this far before it keeps long outputs linear (prompts are much shorter).
constexpr std::size_t k_lookback = 16 * 1024;
constexpr double k_quiet = 0.001;
constexpr double k_max_drain = 0.25;

double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

PromptStream::PromptStream(const PtySpawnRequest& request, std::string_view encoding,
                           double delay_before_send)
    : m_pty(std::make_unique<PtyProcess>(request)),
      m_decoder(encoding),
      m_delay_before_send(delay_before_send) {}

bool PromptStream::send(std::string_view text) {
  if (m_delay_before_send > 0) {
    std::this_thread::sleep_for(std::chrono::duration<double>(m_delay_before_send));
  }
  return m_pty->write(m_decoder.encode(text));
}

bool PromptStream::read_more(double timeout) {
  if (m_eof) return false;
  std::string bytes;
  auto status = m_pty->read(bytes, timeout);
  std::string text;
  if (status == PtyProcess::ReadStatus::eof) {
    m_eof = true;
    text = m_decoder.finish();
  } else if (status == PtyProcess::ReadStatus::data) {
    text = m_decoder.decode(bytes);
  }
  m_pending += m_filtering ? m_filter.filter(text) : text;
  return status == PtyProcess::ReadStatus::data;
}

std::optional<std::pair<std::size_t, RegexMatch>> PromptStream::search(
    const std::vector<const Regex*>& regexes, std::size_t from) const {
  std::optional<std::pair<std::size_t, RegexMatch>> best;
  for (std::size_t i = 0; i < regexes.size(); ++i) {
    auto found = regexes[i]->search(m_pending, from);
    if (found && (!best || found->begin() < best->second.begin())) best.emplace(i, *found);
  }
  return best;
}

PromptStream::Found PromptStream::take(Outcome outcome, std::size_t index, std::size_t begin,
                                       std::size_t end) {
  Found found;
  found.outcome = outcome;
  found.index = index;
  found.before = m_pending.substr(0, begin);
  found.match = m_pending.substr(begin, end - begin);
  m_pending.erase(0, end);
  return found;
}

PromptStream::Found PromptStream::expect(const std::vector<const Regex*>& regexes, double timeout) {
  double deadline = now() + timeout;
  std::size_t from = 0;
  while (true) {
    if (auto best = search(regexes, from)) {
      return take(Outcome::matched, best->first, best->second.begin(), best->second.end());
    }
    std::size_t searched = m_pending.size();
    double left = deadline - now();
    bool more = left > 0 && read_more(left);
    if (!more && m_pending.size() == searched) {
      Outcome outcome = m_eof ? Outcome::eof : Outcome::timeout;
      return take(outcome, 0, m_pending.size(), m_pending.size());
    }
    from = searched > k_lookback ? searched - k_lookback : 0;
    while (from > 0 && utf8::is_continuation(static_cast<unsigned char>(m_pending[from]))) --from;
  }
}

std::string PromptStream::read_for(double seconds) {
  double deadline = now() + seconds;
  double left = seconds;
  while (left > 0 && !m_eof) {
    read_more(left);
    left = deadline - now();
  }
  return std::exchange(m_pending, {});
}

void PromptStream::drain() {
  double deadline = now() + k_max_drain;
  while (read_more(k_quiet) && now() < deadline) {
  }
  m_pending.clear();
}

}  // namespace bx
