// Typing the `[text]` inputs of an example (spec §4.5).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "driver/model/example.hpp"
#include "driver/util/regex.hpp"

namespace bx {

/// The prefix regex with every newline (escaped or not) widened to match `\r\n`, `\n` or
/// `\r`, because the terminal turns the newlines of the output into CRLF.
std::string widen_newlines(std::string_view prefix_regex);

/// Texts longer than 14 characters as their first 6 + ".." + last 6 (§2.10).
std::string abbreviate(std::string_view text);

/// The inputs still to type, in order.
class InputQueue {
 public:
  explicit InputQueue(const std::vector<TypedInput>& inputs);

  bool empty() const { return m_next == m_inputs.size(); }
  std::size_t size() const { return m_inputs.size() - m_next; }
  const TypedInput& front() const { return *m_inputs[m_next].input; }
  const Regex& front_regex() const { return m_inputs[m_next].regex; }
  void pop() { ++m_next; }

  /// The warning for the inputs left untyped (§4.4), empty when all were typed.
  std::string untyped_warning() const;

 private:
  struct Pending {
    const TypedInput* input;
    Regex regex;
  };
  std::vector<Pending> m_inputs;
  std::size_t m_next = 0;
};

}  // namespace bx
