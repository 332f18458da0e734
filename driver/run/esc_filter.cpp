#include "driver/run/esc_filter.hpp"

#include <cstdio>
#include <string_view>

#include "driver/run/utf8.hpp"

namespace bx {

namespace {

constexpr char32_t k_esc = 0x1B;
constexpr char32_t k_can = 0x18;
constexpr char32_t k_sub = 0x1A;
constexpr std::size_t k_max_kept = 8;
constexpr std::size_t k_max_sequence = 64;

/// Final characters of CSI sequences that a dumb terminal cannot honour: cursor movement
/// and positioning, erase, insert/delete, tab stops, restore cursor, resize, reports.
constexpr std::string_view k_unhandled_csi = "ABCDEFGHIZ`adefJKX@PLMgutn";

std::string printable(std::string_view sequence) {
  std::string out;
  for (char c : sequence) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof(buffer), "\\x%02x", byte);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

void EscFilter::clear_seen() {
  m_unhandled.clear();
  m_drawn = false;
}

std::string EscFilter::filter(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (m_state == State::ground) {
      std::size_t start = pos;
      while (pos < text.size()) {
        auto c = static_cast<unsigned char>(text[pos]);
        if ((c < 0x20 || c >= 0x7F) && c != '\n' && c != '\r' && c != '\t') break;
        ++pos;
      }
      if (pos > start) {
        out.append(text.substr(start, pos - start));
        m_drawn = true;
      }
      if (pos == text.size()) break;
    }
    char32_t cp = utf8::next(text, pos);
    switch (m_state) {
      case State::ground:
        on_ground(cp, out);
        break;
      case State::escape:
        on_escape(cp, out);
        break;
      case State::escape_skip:
        m_state = State::ground;
        break;
      case State::csi:
        on_csi(cp, out);
        break;
      case State::string:
        on_string(cp);
        break;
      case State::string_escape:
        if (cp == '\\') {
          m_state = State::ground;
        } else {
          m_sequence = "\x1b";
          m_state = State::escape;
          on_escape(cp, out);
        }
        break;
    }
  }
  return out;
}

void EscFilter::on_ground(char32_t cp, std::string& out) {
  if (cp == k_esc) {
    m_sequence = "\x1b";
    m_state = State::escape;
  } else if (cp == '\n' || cp == '\r' || cp == '\t' || cp == '\v' || cp == '\f') {
    out += static_cast<char>(cp);
  } else if (cp == 0x08) {
    m_sequence = "\x08";
    flag();
  } else if (cp == 0x9B) {
    m_sequence = "\x1b[";
    m_state = State::csi;
  } else if (cp == 0x90 || cp == 0x98 || cp == 0x9D || cp == 0x9E || cp == 0x9F) {
    m_state = State::string;
  } else if (cp == 0x84 || cp == 0x85 || cp == 0x88 || cp == 0x8D) {
    m_sequence.clear();
    utf8::append(m_sequence, cp);
    flag();
  } else if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F)) {
    draw(cp, out);
  }
}

void EscFilter::draw(char32_t cp, std::string& out) {
  utf8::append(out, cp);
  m_drawn = true;
}

bool EscFilter::interrupt_sequence(char32_t cp, std::string& out) {
  if (cp >= 0x20 || cp == k_esc) return false;
  if (cp == k_can || cp == k_sub) {
    m_state = State::ground;
    return true;
  }
  std::string sequence = std::move(m_sequence);
  on_ground(cp, out);
  m_sequence = std::move(sequence);
  return true;
}

void EscFilter::on_escape(char32_t cp, std::string& out) {
  if (interrupt_sequence(cp, out)) return;
  if (cp < 0x80) m_sequence += static_cast<char>(cp);
  switch (cp) {
    case k_esc:
      m_sequence = "\x1b";
      return;
    case '[':
      m_state = State::csi;
      return;
    case ']':
    case 'P':
    case 'X':
    case '^':
    case '_':
      m_state = State::string;
      return;
    default:
      if (cp >= 0x20 && cp <= 0x2F) {
        // Intermediates, e.g. the character set designations: one more character ends it.
        m_state = State::escape_skip;
      } else {
        finish_escape(cp < 0x80 ? static_cast<char>(cp) : '\0');
      }
  }
}

void EscFilter::finish_escape(char final_char) {
  m_state = State::ground;
  switch (final_char) {
    case 'D':  // index
    case 'M':  // reverse index
    case 'E':  // next line
    case 'H':  // set tab stop
    case '8':  // restore cursor
      flag();
      break;
    case 'c':  // full reset: what was drawn would be erased
      if (m_drawn) flag();
      break;
    default:
      break;  // save cursor, keypad modes, string terminator...
  }
}

void EscFilter::on_csi(char32_t cp, std::string& out) {
  if (interrupt_sequence(cp, out)) return;
  if (cp == k_esc) {
    m_sequence = "\x1b";
    m_state = State::escape;
    return;
  }
  if (cp >= 0x20 && cp <= 0x3F) {
    if (m_sequence.size() < k_max_sequence) m_sequence += static_cast<char>(cp);
    return;
  }
  if (cp >= 0x40 && cp <= 0x7E) {
    m_sequence += static_cast<char>(cp);
    finish_csi(static_cast<char>(cp));
    return;
  }
  m_state = State::ground;  // not a valid CSI: drop it
}

void EscFilter::finish_csi(char final_char) {
  m_state = State::ground;
  if (k_unhandled_csi.find(final_char) != std::string_view::npos) flag();
}

void EscFilter::on_string(char32_t cp) {
  if (cp == 0x07 || cp == 0x9C || cp == k_can || cp == k_sub) {
    m_state = State::ground;
  } else if (cp == k_esc) {
    m_state = State::string_escape;
  }
}

void EscFilter::flag() {
  std::string shown = printable(m_sequence);
  for (const auto& seen : m_unhandled) {
    if (seen == shown) return;
  }
  if (m_unhandled.size() < k_max_kept) m_unhandled.push_back(std::move(shown));
}

}  // namespace bx
