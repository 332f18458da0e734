// A VT100/ANSI screen emulated with libvterm (spec §3.1.3, §9.5 item 3).
#pragma once

#include <string>
#include <string_view>
#include <vector>

struct VTerm;
struct VTermScreen;

namespace bx {

class VtScreen {
 public:
  VtScreen(int rows, int cols);
  ~VtScreen();
  VtScreen(const VtScreen&) = delete;
  VtScreen& operator=(const VtScreen&) = delete;

  /// Feeds UTF-8 terminal output.
  void feed(std::string_view text);
  /// The screen's rows, each right-stripped, without the empty rows at the bottom.
  std::vector<std::string> lines();
  /// Clears the screen and homes the cursor. On screens of usual sizes a partially received
  /// sequence stays pending; on huge ones (the echo filter's) it is dropped.
  void clear();
  void resize(int rows, int cols);

  int rows() const { return m_rows; }
  int cols() const { return m_cols; }

 private:
  VTerm* m_vt = nullptr;
  VTermScreen* m_screen = nullptr;
  int m_rows = 0;
  int m_cols = 0;
  /// Rows at and below this one were not touched since the last clear(): reading a tall
  /// screen only costs what was written on it.
  int m_used_rows = 0;
};

}  // namespace bx
