// Turning the source of a C++ example into the lines clang-repl reads (interpreters.md,
// "How clang-repl reads input"): every line it reads is one complete input, so the lines
// of a construct are joined, and an input left open (a `{` never closed) makes it spin
// forever, so such a source is not sent at all.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bx::cpp_source {

/// The lines to write to clang-repl for one example, or why they cannot be written.
struct Prepared {
  std::vector<std::string> lines;  ///< without their newlines
  std::string error;               ///< not empty: the source was not prepared
};

/// Prepares `source`:
/// - backslash-newlines are spliced as the preprocessor does;
/// - a line ends an input where no bracket, comment or raw string is left open (the rule
///   cling follows) unless the next line starts with `{`; the lines of an input but the
///   last get a ` \` continuation; blank lines are dropped;
/// - `// comments` become `/* comments */` (they would swallow the rest of a joined input);
/// - in string and character literals, non-ASCII bytes become octal escapes and tabs `\t`
///   (clang-repl's line editor drops the former); raw strings become ordinary literals
///   (they may span lines); tabs elsewhere become spaces (in a terminal they complete code);
/// - `#` directives and `%` commands (`%lib`) keep their own lines; literals of `#include`
///   are left alone.
/// Brackets that do not match, and literals or comments left open, are errors.
Prepared prepare(std::string_view source);

}  // namespace bx::cpp_source
