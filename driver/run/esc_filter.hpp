// The v11 read-time filter of the dumb terminal (spec §3.1.1): strips escape and control
// sequences from the decoded interpreter output, keeping its parser state across reads so
// that a sequence split between two reads is still recognised. As the reference's UTF-8
// stream, it ignores the character set shifts (SO, SI, ESC ( 0): binary output that
// contains them must not turn the next prompt into line-drawing characters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bx {

class EscFilter {
 public:
  /// Filters the next piece of the stream; returns the text to keep.
  std::string filter(std::string_view text);

  /// Whether a sequence that a dumb terminal cannot render (cursor movement, erase, ...)
  /// was seen since the last clear_seen().
  bool seen_unhandled() const { return !m_unhandled.empty(); }
  /// Those sequences, printable (ESC written as "\x1b"), at most a few of them.
  const std::vector<std::string>& unhandled() const { return m_unhandled; }
  /// Starts a new example: forgets what was seen (the parser state is kept).
  void clear_seen();

 private:
  enum class State { ground, escape, escape_skip, csi, string, string_escape };

  void on_ground(char32_t cp, std::string& out);
  void on_escape(char32_t cp, std::string& out);
  void on_csi(char32_t cp, std::string& out);
  void on_string(char32_t cp);
  /// C0 controls inside a sequence are executed as in the ground state; true if handled.
  bool interrupt_sequence(char32_t cp, std::string& out);
  void finish_escape(char final_char);
  void finish_csi(char final_char);
  void flag();
  void draw(char32_t cp, std::string& out);

  State m_state = State::ground;
  std::string m_sequence;  ///< the sequence being parsed, for the unhandled list
  bool m_drawn = false;    ///< text was drawn since clear_seen(): a reset then loses it
  std::vector<std::string> m_unhandled;
};

}  // namespace bx
