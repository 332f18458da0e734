#include "driver/run/marker_runner.hpp"

namespace bx {

// The prompts are set by the first next_marker(), before anything is awaited.
MarkerRunner::MarkerRunner(const RunnerConfig& config) : PromptRunner(config, "(?!)", "(?!)") {}

std::string MarkerRunner::next_marker() {
  ++m_marker;
  set_prompts(marker_answer(m_marker), any_prompt(m_marker));
  return marker_input(m_marker);
}

std::string MarkerRunner::run_example(Example& example, const OptionStack& options) {
  std::string_view source = example.source;
  while (!source.empty() && std::string_view(" \t\r\n").find(source.back()) != std::string::npos) {
    source.remove_suffix(1);
  }
  std::string text(source);
  if (!text.empty()) text += '\n';
  text += next_marker() + "\n";
  ExecSettings settings{&example, std::nullopt};
  settings.single_write = true;
  return exec_and_wait(text, options, settings);
}

}  // namespace bx
