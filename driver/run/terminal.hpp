// From the chunks read from an interpreter to the example's `got` (spec §3.1).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "driver/run/vt_screen.hpp"

namespace bx {

/// The `+term` modes.
enum class TermMode { dumb, as_is, ansi };

/// "dumb", "as-is" or "ansi"; anything else is dumb.
TermMode parse_term_mode(std::string_view name);

/// §3.1.1 for one chunk: newlines normalised, TABs expanded to multiples of 8, every line
/// right-stripped.
std::string dumb_chunk(std::string_view chunk);

/// §3.1.5: appends `\n` unless the got already ends with one or the mode is as-is.
void add_final_newline(std::string& got, TermMode mode);

/// The marker put before every chunk by the echo filter (v11).
inline constexpr std::string_view k_echo_cookie = "^)#@^)#@^)#@^)#@^)#@";

/// Turns chunks into a got; owns the emulated screens of one interpreter.
class Terminal {
 public:
  Terminal(int rows, int cols);
  ~Terminal();

  /// §3.1: the got of one example from its chunks, with the final newline. The ANSI screen
  /// is cleared afterwards.
  std::string process(const std::vector<std::string>& chunks, TermMode mode, bool echo_filtering);
  /// The geometry of the ANSI screen.
  void resize(int rows, int cols);

 private:
  std::string ansi(std::string_view text);
  /// The first pass of the echo filter: the surviving lines.
  std::vector<std::string> filter_echo(const std::vector<std::string>& chunks, bool to_crlf);

  /// The ANSI screen, created on first use: at the geometries some runners force (2048 x
  /// 1024 for jshell, clang-repl) it takes tens of MB, and most examples never need it.
  VtScreen& screen();

  int m_rows;
  int m_cols;
  std::unique_ptr<VtScreen> m_screen;
  /// 2048 x 1024, created on first use: it is large and only echo filtering needs it.
  std::unique_ptr<VtScreen> m_echo_screen;
};

}  // namespace bx
