// The runners of interpreters without a usable continuation prompt (jshell under
// TERM=dumb, yaegi): an example is written at once, followed by a marker input that the
// interpreter answers with a known text. That answer, and nothing else, is PS1 until the
// next marker; the prompts printed after each complete statement split the output in chunks.
#pragma once

#include <string>

#include "driver/run/prompt_runner.hpp"

namespace bx {

class MarkerRunner : public PromptRunner {
 protected:
  explicit MarkerRunner(const RunnerConfig& config);

  /// The input that asks for marker `n` ("/bx_sync_3", "\"__BX_SYNC_3__\"").
  virtual std::string marker_input(int n) const = 0;
  /// The regex of the interpreter's answer to marker `n`, its prompt included.
  virtual std::string marker_answer(int n) const = 0;
  /// The regex of the prompts that may come before the answer to marker `n`.
  virtual std::string any_prompt(int n) const = 0;

  /// Sends the source without its trailing blank lines, then a new marker, in one write.
  std::string run_example(Example& example, const OptionStack& options) override;
  /// A new marker input; PS1 becomes the answer to it.
  std::string next_marker();

 private:
  int m_marker = 0;
};

}  // namespace bx
