// The C++ runner: clang-repl 22 in place of cling (spec §4.11.6; interpreters.md, "C++:
// clang-repl 22 / 19", mode B). clang-repl reads a pipe, so its line editor neither echoes
// nor prompts; the code it runs writes to the terminal. After each example a printf of a
// marker tells when it is done, and flushes what the example left in stdio's buffer.
#include <string>
#include <utility>

#include "driver/run/builtin_runners.hpp"
#include "driver/run/cpp_source.hpp"
#include "driver/run/prompt_runner.hpp"
#include "driver/run/run_options.hpp"
#include "driver/util/log.hpp"

namespace bx {

namespace {

constexpr std::string_view k_program = "clang-repl-22";
constexpr std::string_view k_sync_line = R"(__builtin_printf("\n__byexample_cpp_sync__\n");)";
/// The marker as it arrives: its leading newline ends an unterminated last line.
constexpr std::string_view k_sync_regex = R"(\r?\n__byexample_cpp_sync__\r?\n)";
/// There is no prompt between the lines of an example: wait for nothing.
constexpr std::string_view k_no_prompt = "";
/// Long diagnostics must not wrap under +term=ansi (spec §4.7: cpp gets at least 128x128).
constexpr IntPair k_min_geometry{128, 1024};

/// The values of a repeatable option, each of which may be a comma-separated list.
std::vector<std::string> values(const OptionStack& options, std::string_view key) {
  std::vector<std::string> out;
  for (const auto& value : run_options::list(options, key)) {
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t comma = std::min(value.find(',', start), value.size());
      if (comma > start) out.push_back(value.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return out;
}

/// `lines` followed by the marker, as exec_and_wait() sends them.
std::string with_sync(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text + std::string(k_sync_line);
}

constexpr std::string_view k_spaces = " \t\r\n";

bool blank(std::string_view text) {
  return text.find_first_not_of(k_spaces) == std::string_view::npos;
}

std::string trimmed_end(const std::string& text) {
  return text.substr(0, text.find_last_not_of(k_spaces) + 1);
}

class CppRunner final : public PromptRunner {
 public:
  explicit CppRunner(const RunnerConfig& config) : PromptRunner(config, k_sync_regex, k_no_prompt) {
    set_minimum_geometry(k_min_geometry);
  }

  std::string language() const override { return "cpp"; }
  std::string display_name() const override { return "C++ Runner"; }

  /// Ctrl-C kills clang-repl (and a pipe could not carry it anyway): a new one replays
  /// the examples that ran before, for their declarations.
  bool cancel(Example&, const OptionStack& options) override {
    std::vector<std::string> history = std::move(m_history);
    shutdown();
    try {
      setup(options);
      if (!history.empty()) exec_hidden(with_sync(history), options);
    } catch (const std::exception& error) {
      log::warn(log_name(), std::string("clang-repl could not be restarted: ") + error.what());
      shutdown();
      return false;
    }
    m_history = std::move(history);
    return true;
  }

 protected:
  void setup(const OptionStack& options) override {
    m_history.clear();
    std::vector<std::string> arguments = {
        "--Xcc=-std=" + run_options::text(options, "cpp_std", "c++17"),
        "--Xcc=-fno-color-diagnostics",
        // Value printing shows what `v.size()` or `a > b` would otherwise only warn about.
        "--Xcc=-Wno-unused-result", "--Xcc=-Wno-unused-comparison"};
    for (const auto& dir : values(options, "cpp_include_path"))
      arguments.push_back("--Xcc=-I" + dir);
    for (const auto& flag : values(options, "cpp_flag")) arguments.push_back("--Xcc=" + flag);
    SpawnSettings settings;
    settings.wait_first_prompt = false;
    settings.stdin_pipe = true;
    settings.version_cmd = build_cmd(
        "%e %p %a", shebang_tokens("/usr/bin/env", std::string(k_program), {"--version"}));
    spawn_interpreter(build_cmd("%e %p %a", shebang_tokens("/usr/bin/env", std::string(k_program),
                                                           std::move(arguments))),
                      options, settings);
    // Ready when it has run code; a library that does not load is an error of the set-up.
    std::vector<std::string> commands;
    for (const auto& library : values(options, "cpp_library"))
      commands.push_back("%lib " + library);
    std::string said = exec_and_wait(with_sync(commands), options, {nullptr, config().dfl_timeout});
    if (!blank(said)) throw Error("clang-repl failed to start:\n" + trimmed_end(said));
  }

  std::string run_example(Example& example, const OptionStack& options) override {
    cpp_source::Prepared prepared = cpp_source::prepare(example.source);
    if (!prepared.error.empty()) {
      // Sending it would leave clang-repl waiting for the rest, at 100 % CPU, forever.
      return "The example was not sent to clang-repl: " + prepared.error + ".\n";
    }
    std::string got = exec_and_wait(with_sync(prepared.lines), options, {&example, std::nullopt});
    m_history.insert(m_history.end(), prepared.lines.begin(), prepared.lines.end());
    return got;
  }

 private:
  /// The lines of the examples run so far, for a replay after a restart.
  std::vector<std::string> m_history;
};

}  // namespace

std::unique_ptr<ExampleRunner> make_cpp_runner(const RunnerConfig& config) {
  return std::make_unique<CppRunner>(config);
}

}  // namespace bx
