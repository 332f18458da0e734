// The output of an interpreter as a stream of text in which prompts are searched (spec §4.4
// "Waiting"): reads from the pty are decoded, optionally filtered (§3.1.1 [v11]) and kept
// until a regex is found in them.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "driver/run/decoder.hpp"
#include "driver/run/esc_filter.hpp"
#include "driver/run/pty.hpp"
#include "driver/util/regex.hpp"

namespace bx {

class PromptStream {
 public:
  enum class Outcome { matched, timeout, eof };
  struct Found {
    Outcome outcome = Outcome::timeout;
    std::size_t index = 0;  ///< which regex matched
    std::string before;     ///< the text before the match (all of it on timeout/eof)
    std::string match;      ///< the matched text
  };

  /// Spawns the program (throws SpawnError). `encoding` as in Decoder; `delay_before_send`
  /// is -x-delaybeforesend.
  PromptStream(const PtySpawnRequest& request, std::string_view encoding, double delay_before_send);

  /// Waits up to `timeout` seconds until one of `regexes` is found; on several the leftmost
  /// wins (the first listed on a tie). The text up to the end of the match is consumed.
  Found expect(const std::vector<const Regex*>& regexes, double timeout);
  /// Everything that arrives within `seconds` (plus what was pending).
  std::string read_for(double seconds);
  /// Discards what the program prints until it is quiet for a millisecond (v11 drain).
  void drain();

  /// Sends text as typed (no newline added). False if the terminal is gone.
  bool send(std::string_view text);

  /// Turns the v11 escape-sequence read filter on or off.
  void set_filtering(bool on) { m_filtering = on; }
  EscFilter& filter() { return m_filter; }
  PtyProcess& pty() { return *m_pty; }

 private:
  /// Reads once, waiting up to `timeout`; false on timeout or end of file.
  bool read_more(double timeout);
  std::optional<std::pair<std::size_t, RegexMatch>> search(const std::vector<const Regex*>& regexes,
                                                           std::size_t from) const;
  Found take(Outcome outcome, std::size_t index, std::size_t begin, std::size_t end);

  std::unique_ptr<PtyProcess> m_pty;
  Decoder m_decoder;
  EscFilter m_filter;
  bool m_filtering = false;
  bool m_eof = false;
  double m_delay_before_send;
  std::string m_pending;  ///< read but not consumed yet
};

}  // namespace bx
