#include "driver/util/output.hpp"

#include <unistd.h>

#include <cerrno>
#include <string>

namespace bx {

Output& Output::stdout_writer() {
  static Output output;
  return output;
}

void Output::write(std::string_view text) {
  std::lock_guard<std::recursive_mutex> guard(m_lock);
  while (!text.empty()) {
    ssize_t n = ::write(STDOUT_FILENO, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // stdout closed: nothing sensible left to do with the text
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

std::string colored(std::string_view text, std::string_view color, bool use_colors) {
  if (!use_colors) return std::string(text);
  const char* code = color == "green"    ? "32"
                     : color == "red"    ? "31"
                     : color == "yellow" ? "33"
                     : color == "cyan"   ? "36"
                                         : "0";
  return std::string("\x1b[") + code + "m" + std::string(text) + "\x1b[0m";
}

}  // namespace bx
