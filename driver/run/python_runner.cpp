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
    "del sys";

/// The display hook, defined by code read from the terminal by sys.stdin.read(): the REPL
/// reads its lines a byte at a time through readline, a few microseconds per byte, while
/// sys.stdin reads them at once. Nothing for None, pprint with the terminal width
/// otherwise (its defaults are indent 1 and no depth limit); `_` is kept as the default
/// hook does. Importing pprint takes milliseconds (dataclasses...), so it is imported on
/// the first value whose pprint output is not simply its repr(): `_byexample_pprint` is
/// bound from then on, not at set-up. pprint prints the repr() of the exact types int,
/// float, bool and complex, and of a str whose repr() fits in the width. Builtins are
/// reached through `builtins`: the session may rebind `str`. The pprint call is on line 11
/// of `<string>`, where tracebacks of a failing repr() have always shown it.
constexpr std::string_view k_pretty_print_hook = R"(class _ByexamplePP:
 def __init__(s, w):
  s.width = w
 def update_width(s, w):
  s.width = w
 def __call__(s, v):
  if v is None:
   return
  import builtins as b
  b._ = None
  s.plain(b, v) or s.load().pprint(v, width=s.width)
  b._ = v
 def plain(s, b, v):
  t = b.type(v)
  if s.width and t in (b.int, b.float, b.bool, b.complex, b.str):
   try: r = b.repr(v)
   except b.ValueError: return
   if t is not b.str or b.len(r) <= s.width: return b.print(r) or 1
 def load(s):
  global _byexample_pprint
  import pprint as _byexample_pprint
  return _byexample_pprint
__byexample_pretty_print = _ByexamplePP({})
del _ByexamplePP
_byexample_sys.displayhook = __byexample_pretty_print
)";

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
    if (!m_pretty_print) {
      exec_hidden(std::string(k_set_prompts) + "\n", options);
      return;
    }
    long width = geometry().second;
    std::string hook(k_pretty_print_hook);
    hook.replace(hook.find("{}"), 2, std::to_string(width));
    // One line, one round trip: the prompts, then the hook read from the terminal.
    exec_hidden_block(std::string(k_set_prompts) +
                          "; import sys as _byexample_sys; exec(_byexample_sys.stdin.read(" +
                          std::to_string(hook.size()) + "))\n" + hook,
                      options);
    m_printer_width = width;
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
