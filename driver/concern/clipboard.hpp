// The clipboard (spec §2.7): captures of earlier examples, pasted with +paste, and the
// conditional execution with +if/+on/+unless that reads it.
#pragma once

#include <string>
#include <vector>

#include "driver/concern/concern.hpp"

namespace bx {

/// Per-worker clipboard: reset at the start of every file.
struct Clipboard {
  Captures values;
};

struct ClipboardSettings {
  std::vector<std::string> capture_env_vars;  ///< --capture-env-vars
  long min_rcount = 16;                       ///< -x-min-rcount
  double partial_match_budget = 8.0;          ///< -x-dfl-timeout
};

class ClipboardConcern : public Concern {
 public:
  /// With a clipboard of its own: one per worker (spec §8.1).
  explicit ClipboardConcern(ClipboardSettings settings)
      : ClipboardConcern(m_own, std::move(settings)) {}
  ClipboardConcern(Clipboard& clipboard, ClipboardSettings settings)
      : m_clipboard(clipboard), m_settings(std::move(settings)) {}
  std::string target() const override { return "clipboard"; }
  const Clipboard& clipboard() const { return m_clipboard; }

  void start(std::vector<Example>& examples, const RunnerMap& runners, const std::string& filepath,
             OptionStack& options) override;
  void before_build_regex(Example& example, OptionStack& options) override;
  void finish_parse(Example& example, OptionStack& options, const std::exception* error) override;
  void finally_example(Example& example, OptionStack& options, bool has_got) override;

 private:
  Clipboard m_own;
  Clipboard& m_clipboard;
  ClipboardSettings m_settings;
};

class ConditionalConcern : public Concern {
 public:
  explicit ConditionalConcern(const Clipboard& clipboard) : m_clipboard(clipboard) {}
  std::string target() const override { return "conditional"; }
  void finish_parse(Example& example, OptionStack& options, const std::exception* error) override;

 private:
  const Clipboard& m_clipboard;
};

/// Replaces every `<name>` whose name is in `clipboard` (§2.7). Names not in the clipboard
/// are left as they are and collected in `missing` when it is not null.
std::string paste_tags(const std::string& text, const Captures& clipboard,
                       std::vector<std::string>* missing);

}  // namespace bx
