#include "driver/concern/progress_bar.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <atomic>

#include "driver/util/output.hpp"

namespace bx {

namespace {

constexpr std::size_t k_min_bar_width = 10;
// DECSC / DECRC: save and restore the cursor (split so that '7' is not read as a hex digit).
constexpr std::string_view k_save_cursor =
    "\x1b"
    "7";
constexpr std::string_view k_restore_cursor =
    "\x1b"
    "8";
constexpr std::string_view k_reset_scroll_region = "\x1b[r";
constexpr std::string_view k_clear_line = "\x1b[2K";

/// Whether a board holds the terminal's scroll region, for release_terminal_now().
std::atomic<bool> g_board_open{false};

}  // namespace

std::string render_bar_row(const BarRow& row, std::size_t width) {
  const std::string counts = fmt::format("| [{}/{}, line {}]", row.done, row.total, row.line);
  const std::size_t fixed = 2 + counts.size();  // " |" before the bar
  std::string file = row.file;
  if (file.size() + fixed + k_min_bar_width > width) {
    const std::size_t room =
        width > fixed + k_min_bar_width + 3 ? width - fixed - k_min_bar_width - 3 : 0;
    file = "..." + file.substr(file.size() - std::min(room, file.size()));
  }
  const std::size_t bar_width = width > file.size() + fixed ? width - file.size() - fixed : 0;
  const std::size_t filled =
      row.total == 0 ? 0 : bar_width * std::min(row.done, row.total) / row.total;
  std::string text =
      file + " |" + std::string(filled, '#') + std::string(bar_width - filled, ' ') + counts;
  if (text.size() > width) text.resize(width);
  return text;
}

ProgressBoard::ProgressBoard(Sharer::Key, int bars, Terminal terminal)
    : m_bars(bars), m_terminal(std::move(terminal)) {}

ProgressBoard::~ProgressBoard() {
  close();
}

ProgressBoard::Terminal ProgressBoard::stdout_terminal() {
  Output& output = Output::stdout_writer();
  Terminal terminal;
  terminal.write = [&output](std::string_view text) { output.write(text); };
  terminal.lock = &output.lock();
  winsize size{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
    terminal.rows = size.ws_row;
    terminal.cols = size.ws_col;
  }
  return terminal;
}

std::string ProgressBoard::move_to_bar(int bar) const {
  return fmt::format("\x1b[{};1H", m_terminal.rows - m_bars + 1 + bar);
}

void ProgressBoard::show(int bar, const BarRow& row) {
  draw(bar, render_bar_row(row, static_cast<std::size_t>(std::max(m_terminal.cols - 1, 0))));
}

void ProgressBoard::remove(int bar) {
  draw(bar, "");
}

void ProgressBoard::draw(int bar, const std::string& text) {
  if (m_terminal.rows < m_bars + 3 || bar < 0 || bar >= m_bars) return;
  std::lock_guard<std::recursive_mutex> guard(*m_terminal.lock);
  if (m_closed) return;
  std::string out;
  if (!m_open) {
    // Make room below the cursor (scrolling if needed), then keep the rows above the bars
    // as the scroll region; setting it moves the cursor, hence the save/restore.
    out += std::string(static_cast<std::size_t>(m_bars), '\n');
    out += fmt::format("\x1b[{}A{}\x1b[1;{}r{}", m_bars, k_save_cursor, m_terminal.rows - m_bars,
                       k_restore_cursor);
    m_open = true;
    g_board_open = true;
  }
  out += fmt::format("{}{}{}{}{}", k_save_cursor, move_to_bar(bar), k_clear_line, text,
                     k_restore_cursor);
  m_terminal.write(out);
}

void ProgressBoard::close() {
  if (m_terminal.lock == nullptr) return;
  std::lock_guard<std::recursive_mutex> guard(*m_terminal.lock);
  if (m_closed) return;
  m_closed = true;
  if (!m_open) return;
  std::string out = fmt::format("{}{}{}", k_save_cursor, k_reset_scroll_region, k_restore_cursor);
  out += k_save_cursor;
  for (int bar = 0; bar < m_bars; ++bar) out += move_to_bar(bar) + std::string(k_clear_line);
  out += k_restore_cursor;
  m_terminal.write(out);
  g_board_open = false;
}

void release_terminal_now() {
  if (!g_board_open.exchange(false)) return;
  const std::string out =
      fmt::format("{}{}{}", k_save_cursor, k_reset_scroll_region, k_restore_cursor);
  [[maybe_unused]] ssize_t written = ::write(STDOUT_FILENO, out.data(), out.size());
}

}  // namespace bx
