// The Go runner (spec §4.11.8), through yaegi. Its prompt is a fixed "> " and it has no
// continuation prompt, so an example is written at once, followed by a string literal,
// "__BX_SYNC_<n>__", whose value ends it. yaegi prints a prompt after every complete
// statement, which splits the output in one chunk per statement, each ending with the
// statement's value (": value").
#include <string>

#include "driver/run/builtin_runners.hpp"
#include "driver/run/expr_values.hpp"
#include "driver/run/marker_runner.hpp"
#include "driver/run/run_options.hpp"

namespace bx {

namespace {

/// A prompt is "> " at the start of a line; the newline before it stays in the output.
constexpr std::string_view k_prompt = "(?:^|(?<=\\n))> ";
/// yaegi answers a marker within a millisecond when it is idle.
constexpr double k_first_marker_wait = 0.25;

class GoRunner final : public MarkerRunner {
 public:
  explicit GoRunner(const RunnerConfig& config) : MarkerRunner(config) {}

  std::string language() const override { return "go"; }
  std::string display_name() const override { return "Go Runner"; }

  /// yaegi cancels the running statement on Ctrl-C and keeps its state: a new marker
  /// tells when what was pending has been read. A marker that arrives while yaegi is still
  /// dropping an unfinished statement is dropped with it, so a second one follows when the
  /// first gets no answer soon.
  bool cancel(Example&, const OptionStack& options) override {
    if (!interrupt()) return false;
    return sync_on_new_marker(options, k_first_marker_wait) ||
           sync_on_new_marker(options, config().dfl_timeout);
  }

 protected:
  void setup(const OptionStack& options) override {
    SpawnSettings settings;
    settings.initial_prompt = k_prompt;
    settings.env_update = {"TERM=dumb", "NO_COLOR=1"};
    settings.version_cmd =
        build_cmd("%e %p %a", shebang_tokens("/usr/bin/env", "yaegi", {"version"}));
    spawn_interpreter(build_cmd("%e %p %a", shebang_tokens("/usr/bin/env", "yaegi",
                                                           {"run", "-i", "-unsafe", "-unrestricted",
                                                            "-syscall"})),
                      options, settings);
  }

  void edit_chunks(std::vector<std::string>& chunks, const Example& example,
                   const OptionStack& options) override {
    bool shown = expr_values::wanted(options, "go_expr_print", example.expected_str, ":");
    expr_values::cut_colon_values(chunks, shown);
  }

 private:
  bool interrupt() {
    try {
      send_control('\x03');
      return true;
    } catch (const InterpreterClosedError&) {
      return false;
    }
  }

  bool sync_on_new_marker(const OptionStack& options, double wait) {
    try {
      exec_hidden_block(next_marker() + "\n", options, wait);
      return true;
    } catch (const TimeoutError&) {
      return false;
    } catch (const InterpreterClosedError&) {
      return false;
    }
  }

  static std::string marker_name(int marker) {
    return "__BX_SYNC_" + std::to_string(marker) + "__";
  }
  std::string marker_input(int marker) const override { return "\"" + marker_name(marker) + "\""; }
  /// The marker statement's value.
  std::string marker_answer(int marker) const override {
    return ": " + marker_name(marker) + "\\r?\\n> ";
  }
  std::string any_prompt(int marker) const override {
    return std::string(k_prompt) + "|" + marker_answer(marker);
  }
};

}  // namespace

std::unique_ptr<ExampleRunner> make_go_runner(const RunnerConfig& config) {
  return std::make_unique<GoRunner>(config);
}

}  // namespace bx
