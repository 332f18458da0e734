// The progress bars of the workers on a terminal (spec §5.1).
//
// The bars live in rows reserved at the bottom of the terminal, below a scroll region that
// holds everything else byexample prints: reports and log lines, from any thread, scroll
// above the bars without having to clear and redraw them. Every drawing is one write under
// the output lock, so it never interleaves with a report.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "include/byexample/sharer.hpp"

namespace bx {

/// What one bar shows: `<file> |<bar>| [<done>/<total>, line <n>]`.
struct BarRow {
  std::string file;
  std::size_t done = 0;
  std::size_t total = 0;
  int line = 0;  ///< start line of the example being run; 0 before the first one
};

/// The row text fitted in `width` columns: the bar takes what the file name and the counts
/// leave (at least 10 columns; a long file name is cut from the left, after "...").
std::string render_bar_row(const BarRow& row, std::size_t width);

/// The bars of every worker. Made in the main thread by the progress concern (through the
/// sharer); every worker draws its own bar.
class ProgressBoard : public SharedObject {
 public:
  struct Terminal {
    int rows = 0;
    int cols = 0;
    std::function<void(std::string_view)> write;  ///< called with `lock` held
    std::recursive_mutex* lock = nullptr;
  };

  /// `bars` rows are reserved at the first show(); a terminal with fewer than bars + 3
  /// rows gets no bars at all.
  ProgressBoard(Sharer::Key, int bars, Terminal terminal);
  ~ProgressBoard() override;

  /// Draws bar `bar` (0 .. bars-1).
  void show(int bar, const BarRow& row);
  /// Clears bar `bar`.
  void remove(int bar);
  /// Gives the terminal back: the scroll region is reset and the bar rows cleared.
  void close();

  /// The terminal of stdout, or rows = cols = 0 when stdout is not a terminal.
  static Terminal stdout_terminal();

 private:
  std::string move_to_bar(int bar) const;
  void draw(int bar, const std::string& text);

  const int m_bars;
  Terminal m_terminal;
  bool m_open = false;
  bool m_closed = false;
};

/// Resets the scroll region of a board that is still open, without locking: for a process
/// about to leave at once (a second Ctrl-C).
void release_terminal_now();

}  // namespace bx
