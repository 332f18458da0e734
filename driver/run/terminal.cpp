#include "driver/run/terminal.hpp"

#include "driver/run/utf8.hpp"
#include "driver/util/text.hpp"

namespace bx {

namespace {

constexpr int k_echo_rows = 2048;
constexpr int k_echo_cols = 1024;

/// Every lone LF or lone CR becomes CRLF (a CRLF stays as it is).
std::string to_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  return out;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

TermMode parse_term_mode(std::string_view name) {
  if (name == "as-is") return TermMode::as_is;
  if (name == "ansi") return TermMode::ansi;
  return TermMode::dumb;
}

std::string dumb_chunk(std::string_view chunk) {
  std::string text = universal_newlines(chunk);
  std::string out;
  out.reserve(text.size());
  std::string line;
  std::size_t column = 0;
  auto end_line = [&] {
    out.append(utf8::rstrip(line));
    line.clear();
    column = 0;
  };
  for (char c : text) {
    if (c == '\n') {
      end_line();
      out += '\n';
    } else if (c == '\t') {
      std::size_t spaces = 8 - column % 8;
      line.append(spaces, ' ');
      column += spaces;
    } else {
      line += c;
      if (!utf8::is_continuation(static_cast<unsigned char>(c))) ++column;
    }
  }
  end_line();
  return out;
}

void add_final_newline(std::string& got, TermMode mode) {
  if (mode != TermMode::as_is && (got.empty() || got.back() != '\n')) got += '\n';
}

Terminal::Terminal(int rows, int cols) : m_rows(rows), m_cols(cols) {}

Terminal::~Terminal() = default;

void Terminal::resize(int rows, int cols) {
  m_rows = rows;
  m_cols = cols;
  if (m_screen) m_screen->resize(rows, cols);
}

VtScreen& Terminal::screen() {
  if (!m_screen) m_screen = std::make_unique<VtScreen>(m_rows, m_cols);
  return *m_screen;
}

std::string Terminal::ansi(std::string_view text) {
  VtScreen& vt = screen();
  vt.feed(text);
  std::string got = join_lines(vt.lines());
  vt.clear();
  return got;
}

std::vector<std::string> Terminal::filter_echo(const std::vector<std::string>& chunks, bool crlf) {
  if (!m_echo_screen) m_echo_screen = std::make_unique<VtScreen>(k_echo_rows, k_echo_cols);
  for (const auto& chunk : chunks) {
    m_echo_screen->feed(k_echo_cookie);
    m_echo_screen->feed(crlf ? to_crlf(chunk) : chunk);
  }
  std::vector<std::string> lines;
  for (auto& line : m_echo_screen->lines()) {
    if (starts_with(line, k_echo_cookie)) continue;
    if (line.size() >= k_echo_cookie.size() &&
        std::string_view(line).substr(line.size() - k_echo_cookie.size()) == k_echo_cookie) {
      line.resize(line.size() - k_echo_cookie.size());
    }
    lines.push_back(std::move(line));
  }
  m_echo_screen->clear();
  return lines;
}

std::string Terminal::process(const std::vector<std::string>& chunks, TermMode mode,
                              bool echo_filtering) {
  std::string got;
  if (mode == TermMode::as_is) {
    for (const auto& chunk : chunks) got += universal_newlines(chunk);
  } else if (echo_filtering && mode == TermMode::dumb) {
    got = join_lines(filter_echo(chunks, true));
  } else if (echo_filtering) {
    for (const auto& line : filter_echo(chunks, false)) {
      screen().feed(line);
      screen().feed("\r\n");
    }
    got = ansi({});
  } else if (mode == TermMode::ansi) {
    std::string all;
    for (const auto& chunk : chunks) all += chunk;
    got = ansi(all);
  } else {
    for (const auto& chunk : chunks) got += dumb_chunk(chunk);
  }
  add_final_newline(got, mode);
  return got;
}

}  // namespace bx
