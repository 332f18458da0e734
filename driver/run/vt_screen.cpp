#include "driver/run/vt_screen.hpp"

#include <vterm.h>

#include <algorithm>

#include "driver/run/utf8.hpp"

namespace bx {

namespace {

/// Up to this many cells a full reset is cheap and keeps a half-received sequence pending.
constexpr long k_small_screen = 256 * 1024;

void discard_output(const char*, size_t, void*) {}

/// `used_rows` points to VtScreen::m_used_rows.
int on_damage(VTermRect rect, void* used_rows) {
  int& used = *static_cast<int*>(used_rows);
  used = std::max(used, rect.end_row);
  return 1;
}

}  // namespace

VtScreen::VtScreen(int rows, int cols) : m_rows(rows), m_cols(cols) {
  m_vt = vterm_new(rows, cols);
  vterm_set_utf8(m_vt, 1);
  vterm_output_set_callback(m_vt, &discard_output, nullptr);
  m_screen = vterm_obtain_screen(m_vt);
  static const VTermScreenCallbacks k_callbacks = {&on_damage, nullptr, nullptr, nullptr,
                                                   nullptr,    nullptr, nullptr, nullptr};
  vterm_screen_set_callbacks(m_screen, &k_callbacks, &m_used_rows);
  vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_SCREEN);
  vterm_screen_reset(m_screen, 1);
  vterm_screen_flush_damage(m_screen);
  m_used_rows = 0;
}

VtScreen::~VtScreen() {
  vterm_free(m_vt);
}

void VtScreen::feed(std::string_view text) {
  if (!text.empty()) vterm_input_write(m_vt, text.data(), text.size());
}

std::vector<std::string> VtScreen::lines() {
  vterm_screen_flush_damage(m_screen);
  int used = std::min(m_used_rows, m_rows);
  std::vector<uint32_t> chars(static_cast<std::size_t>(m_cols) * VTERM_MAX_CHARS_PER_CELL);
  std::vector<std::string> out;
  out.reserve(static_cast<std::size_t>(used));
  for (int row = 0; row < used; ++row) {
    VTermRect rect{row, row + 1, 0, m_cols};
    std::size_t count = vterm_screen_get_chars(m_screen, chars.data(), chars.size(), rect);
    std::string line;
    for (std::size_t i = 0; i < count; ++i) utf8::append(line, chars[i]);
    line.resize(utf8::rstrip(line).size());
    out.push_back(std::move(line));
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

void VtScreen::clear() {
  if (static_cast<long>(m_rows) * m_cols <= k_small_screen) {
    vterm_screen_reset(m_screen, 1);
  } else if (m_used_rows > 0) {
    // Erasing millions of cells would cost more than what was written: reset the state and
    // erase the rows used only. CAN first ends any sequence left incomplete.
    vterm_state_reset(vterm_obtain_state(m_vt), 0);
    std::string erase = "\x18\x1b[" + std::to_string(std::min(m_used_rows, m_rows)) + ";" +
                        std::to_string(m_cols) + "H\x1b[1J\x1b[H";
    vterm_input_write(m_vt, erase.data(), erase.size());
  }
  vterm_screen_flush_damage(m_screen);
  m_used_rows = 0;
}

void VtScreen::resize(int rows, int cols) {
  if (rows == m_rows && cols == m_cols) return;
  m_rows = rows;
  m_cols = cols;
  vterm_set_size(m_vt, rows, cols);
  vterm_screen_flush_damage(m_screen);
  m_used_rows = rows;
}

}  // namespace bx
