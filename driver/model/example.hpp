// The Example as it flows through the pipeline (spec §0.3, §7.9).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "driver/model/options.hpp"

namespace bx {

/// The expected output compiled into regex fragments (spec §2.8).
/// Fragments are PCRE2 syntax, to be compiled with DOTALL|MULTILINE|UTF|UCP.
struct ExpectedRegex {
  std::string str;                   ///< the expected string after +paste and +rm
  std::vector<std::string> regexs;   ///< fragments; their concatenation is the full regex
  std::vector<std::size_t> charnos;  ///< byte offset in `str` where each fragment comes from
  std::vector<std::size_t> rcounts;  ///< literal characters each fragment stands for
  /// fragment index -> tag name ('-' kept, as written) or nullopt for the unnamed <...> tag.
  std::map<std::size_t, std::optional<std::string>> tags_by_idx;
};

/// One `[text]` input to type (spec §2.10).
struct TypedInput {
  std::string prefix;        ///< literal text expected before typing (for messages)
  std::string prefix_regex;  ///< PCRE2 regex of the prefix (newlines widened at run time)
  std::string text;          ///< what to type, verbatim
};

struct Example {
  // --- found (spec §1) ---
  std::string filepath;
  std::string language;  ///< runner language ("python", "shell")
  std::string finder;    ///< display name, e.g. "Python Prompt Finder"
  std::string snippet;   ///< code with prompts removed (option comment included)
  std::string expected_str;
  std::string indentation;
  int start_lineno = 0;
  int end_lineno = 0;

  // --- parsed (spec §2) ---
  bool fully_parsed = false;
  std::string source;   ///< what is sent to the interpreter
  OptionLayer options;  ///< the options written in the example only
  ExpectedRegex expected;
  std::vector<TypedInput> inputs;

  // --- run (spec §3, §4) ---
  std::string got;
  std::vector<std::string> notes_on_failure;
  void add_note_on_failure(std::string note) { notes_on_failure.push_back(std::move(note)); }
};

/// Named captures: tag name ('-' form) -> captured text.
using Captures = std::map<std::string, std::string>;

}  // namespace bx
