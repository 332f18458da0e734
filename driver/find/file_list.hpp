// The files to process: patterns expanded like the reference's command line (spec §6.3).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bx {

struct FileList {
  std::vector<std::string> files;  ///< sorted, without the skipped ones
  std::size_t given = 0;           ///< distinct files the positional patterns expanded to
  std::size_t skipped = 0;         ///< distinct files the --skip patterns expanded to
};

/// Expands every pattern (brace expansion, then glob with recursive `**`), drops what does
/// not exist and directories, removes duplicates and the skipped files (exact string
/// comparison) and sorts the rest.
FileList expand_file_list(const std::vector<std::string>& patterns,
                          const std::vector<std::string>& skip_patterns);

/// Bash-like brace expansion: `{a,b}`, `{1..3}`, `{a..c}`, `{1..9..2}`, zero padding
/// (`{01..3}`), nesting; a backslash escapes the next character and is removed.
/// Braces that form no valid expansion are kept literally. Throws bx::UsageError when the
/// expansion would produce more than a million patterns.
std::vector<std::string> brace_expand(std::string_view pattern);

/// Glob expansion with Python's `glob(recursive=True)` semantics: a `**` path component
/// matches zero or more directories (hidden ones excluded); other components are matched by
/// glob(3) without backslash escaping. Patterns that match nothing expand to nothing.
std::vector<std::string> glob_expand(const std::string& pattern);

}  // namespace bx
