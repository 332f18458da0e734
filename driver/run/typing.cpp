#include "driver/run/typing.hpp"

#include "driver/run/utf8.hpp"

namespace bx {

namespace {

constexpr std::string_view k_any_newline = "(?:\\r\\n|\\n|\\r)";
constexpr std::size_t k_short_limit = 14;
constexpr std::size_t k_short_side = 6;

}  // namespace

std::string widen_newlines(std::string_view prefix_regex) {
  std::string out;
  for (std::size_t i = 0; i < prefix_regex.size(); ++i) {
    char c = prefix_regex[i];
    if (c == '\\' && i + 1 < prefix_regex.size()) {
      char escaped = prefix_regex[++i];
      if (escaped == '\n' || escaped == 'n') {
        out += k_any_newline;
      } else {
        out += c;
        out += escaped;
      }
    } else if (c == '\n') {
      out += k_any_newline;
    } else {
      out += c;
    }
  }
  return out;
}

std::string abbreviate(std::string_view text) {
  std::size_t chars = 0;
  std::size_t head_end = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    utf8::next(text, pos);
    if (++chars == k_short_side) head_end = pos;
  }
  if (chars <= k_short_limit) return std::string(text);
  return std::string(text.substr(0, head_end)) + ".." +
         std::string(utf8::last_chars(text, k_short_side));
}

InputQueue::InputQueue(const std::vector<TypedInput>& inputs) {
  m_inputs.reserve(inputs.size());
  for (const auto& input : inputs) {
    m_inputs.push_back({&input, Regex(widen_newlines(input.prefix_regex), k_regex_expected)});
  }
}

std::string InputQueue::untyped_warning() const {
  if (empty()) return {};
  std::string first = "[" + abbreviate(front().text) + "]";
  if (size() == 1) return "The last input was not typed: " + first + ".";
  return "Some inputs were not typed: " + first + " and " + std::to_string(size() - 1) + " more.";
}

}  // namespace bx
