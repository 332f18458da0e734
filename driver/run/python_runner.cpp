// The Python runner (spec §4.11.1).
#include <string>

#include "driver/run/builtin_runners.hpp"
#include "driver/run/prompt_runner.hpp"
#include "driver/run/run_options.hpp"

namespace bx {

namespace {

// Sentinels are written as two adjacent literals so that an interpreter that echoes the
// set-up line does not show the prompt before it is really in place.
constexpr std::string_view k_set_prompts =
    "import sys; sys.ps1=\"/byexample/py/\" \"ps1> \" ; sys.ps2=\"/byexample/py/\" \"ps2> \"; "
    "del sys\n";

/// The display hook: nothing for None, pprint with the terminal width otherwise; `_` is
/// kept as the default hook does.
constexpr std::string_view k_pretty_print_hook =
    "import sys as _byexample_sys, pprint as _byexample_pprint; exec("
    "'class _ByexamplePrettyPrint:\\n"
    " def __init__(self, width):\\n  self.width = width\\n"
    " def update_width(self, width):\\n  self.width = width\\n"
    " def __call__(self, value):\\n"
    "  if value is None:\\n   return\\n"
    "  import builtins\\n  builtins._ = None\\n"
    "  _byexample_pprint.pprint(value, indent=1, width=self.width, depth=None)\\n"
    "  builtins._ = value\\n"
    "__byexample_pretty_print = _ByexamplePrettyPrint({})\\n"
    "del _ByexamplePrettyPrint\\n"
    "_byexample_sys.displayhook = __byexample_pretty_print\\n')\n";

class PythonRunner final : public PromptRunner {
 public:
  explicit PythonRunner(const RunnerConfig& config)
      : PromptRunner(config, "/byexample/py/ps1> ", "/byexample/py/ps\\d> ") {}

  std::string language() const override { return "python"; }
  std::string display_name() const override { return "Python Runner"; }

 protected:
  void setup(const OptionStack& options) override {
    m_pretty_print = run_options::flag(options, "py_pretty_print", true) ||
                     !run_options::flag(options, "py_doctest", false);
    std::string program = config().flavor.empty() ? "python" : config().flavor;
    SpawnSettings settings;
    settings.initial_prompt = ">>> ";
    // Python 3.13+ would otherwise use its own line editor that echoes what is typed.
    settings.env_update = {"PYTHON_BASIC_REPL=1"};
    settings.version_cmd =
        build_cmd("%e %p %a", shebang_tokens("/usr/bin/env", program, {"--version"}));
    spawn_interpreter(build_cmd("%e %p %a", shebang_tokens("/usr/bin/env", program, {"-i"})),
                      options, settings);
    exec_hidden(k_set_prompts, options);
    if (m_pretty_print) {
      long width = geometry().second;
      std::string hook(k_pretty_print_hook);
      hook.replace(hook.find("{}"), 2, std::to_string(width));
      exec_hidden(hook, options);
      m_printer_width = width;
    }
  }

  std::string run_example(Example& example, const OptionStack& options) override {
    // A resize undone after an error skipped the hook: catch up now.
    update_width(options, geometry().second);
    return PromptRunner::run_example(example, options);
  }

  void on_geometry_change(const OptionStack& options, IntPair geometry) override {
    update_width(options, geometry.second);
  }

  std::vector<std::string> flavors() const override { return {"python", "python3"}; }

 private:
  void update_width(const OptionStack& options, long width) {
    if (!m_pretty_print || width == m_printer_width) return;
    exec_hidden("__byexample_pretty_print.update_width(" + std::to_string(width) + ")\n", options);
    m_printer_width = width;
  }

  bool m_pretty_print = true;
  long m_printer_width = 0;
};

}  // namespace

std::unique_ptr<ExampleRunner> make_python_runner(const RunnerConfig& config) {
  return std::make_unique<PythonRunner>(config);
}

}  // namespace bx
