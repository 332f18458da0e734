// The Java runner (spec §4.11.7), through jshell. Under TERM=dumb jshell does not echo and
// prints no continuation prompt, so an example is written at once, followed by an unknown
// command, `/bx_sync_<n>`, whose error message ends it. jshell prints one prompt per
// complete snippet, which splits the output in one chunk per snippet.
#include <algorithm>
#include <string>

#include "driver/run/builtin_runners.hpp"
#include "driver/run/expr_values.hpp"
#include "driver/run/marker_runner.hpp"
#include "driver/run/run_options.hpp"
#include "driver/util/log.hpp"

namespace bx {

namespace {

/// No trailing space: JLine's dumb terminal follows a prompt that ends in a space with
/// " \b" when it starts reading, which would need cleaning from every chunk.
constexpr std::string_view k_prompt = "__BX_J1__>";
/// Every value is printed between these, so that the ones not wanted can be removed
/// whatever the program itself prints.
constexpr std::string_view k_value_begin = "__BX_VB__";
constexpr std::string_view k_value_end = "__BX_VE__";

/// v11: a terminal this large never wraps what jshell prints.
constexpr IntPair k_min_geometry{2048, 1024};
/// The JVM, the default imports and the compiler warm-up take seconds (more on a busy
/// machine), far more than the -x-dfl-timeout other interpreters start within.
constexpr double k_min_start_budget = 60.0;

/// A feedback mode like `concise`, quiet, whose result of any snippet that has a value
/// (expressions, variables, assignments) is `=> value` between the value sentinels.
/// `/open DEFAULT` brings the imports that jshell's default start-up would (§4.11.7).
std::string init_commands() {
  std::string commands = "/open DEFAULT\n";
  commands += "/set mode bx concise -quiet\n";
  commands += "/set prompt bx \"" + std::string(k_prompt) + "\" \"\"\n";
  commands += "/set truncation bx 1000\n";
  commands +=
      "/set format bx display \"{result}\" "
      "added,modified,replaced-expression,varvalue,assignment,varinit,vardecl-ok-primary\n";
  commands += "/set format bx result \"" + std::string(k_value_begin) + "=> {value}" +
              std::string(k_value_end) + "{post}\" added,modified,replaced-ok-primary\n";
  commands += "/set feedback bx\n";
  return commands;
}

/// The options of jshell's command line that take a value, by option key.
const std::vector<std::pair<std::string_view, std::string_view>>& path_options() {
  static const std::vector<std::pair<std::string_view, std::string_view>> k_options = {
      {"java_class_path", "--class-path"},
      {"java_module_path", "--module-path"},
      {"java_add_modules", "--add-modules"},
      {"java_add_exports", "--add-exports"},
  };
  return k_options;
}

class JavaRunner final : public MarkerRunner {
 public:
  explicit JavaRunner(const RunnerConfig& config) : MarkerRunner(config) {
    set_minimum_geometry(k_min_geometry);
  }

  std::string language() const override { return "java"; }
  std::string display_name() const override { return "Java Runner"; }

  /// Ctrl-C ends jshell (both JVMs), so a timed out example costs a new session.
  bool cancel(Example&, const OptionStack& options) override {
    shutdown();
    try {
      setup(options);
      return true;
    } catch (const std::exception& error) {
      log::warn(log_name(), std::string("Restarting jshell failed: ") + error.what());
      shutdown();
      return false;
    }
  }

 protected:
  void setup(const OptionStack& options) override {
    std::vector<std::string> arguments = {"--no-startup"};
    for (const auto& [key, flag] : path_options()) {
      std::string value = run_options::text(options, key, "");
      if (value.empty()) continue;
      arguments.emplace_back(flag);
      arguments.push_back(std::move(value));
    }
    SpawnSettings settings;
    settings.wait_first_prompt = false;  // the set-up is typed ahead instead
    settings.env_update = {"TERM=dumb", "NO_COLOR=1", "NO_COLORS=1"};
    settings.version_cmd =
        build_cmd("%e %p %a", shebang_tokens("/usr/bin/env", "jshell", {"--version"}));
    spawn_interpreter(build_cmd("%e %p %a", shebang_tokens("/usr/bin/env", "jshell", arguments)),
                      options, settings);
    exec_hidden_block(init_commands() + next_marker() + "\n", options,
                      std::max(config().dfl_timeout, k_min_start_budget));
  }

  void edit_chunks(std::vector<std::string>& chunks, const Example& example,
                   const OptionStack& options) override {
    bool shown = expr_values::wanted(options, "java_expr_print", example.expected_str, "=>");
    expr_values::keep_last_delimited_value(chunks, k_value_begin, k_value_end, shown);
  }

 private:
  std::string marker_input(int marker) const override {
    return "/bx_sync_" + std::to_string(marker);
  }
  /// jshell's complaint about the unknown command, then its prompt.
  std::string marker_answer(int marker) const override {
    return "\\|  Invalid command: /bx_sync_" + std::to_string(marker) + "\\r?\\n" +
           std::string(k_prompt);
  }
  std::string any_prompt(int marker) const override {
    return "(?:" + marker_answer(marker) + ")|" + std::string(k_prompt);
  }
};

}  // namespace

std::unique_ptr<ExampleRunner> make_java_runner(const RunnerConfig& config) {
  return std::make_unique<JavaRunner>(config);
}

}  // namespace bx
