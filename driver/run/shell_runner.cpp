// The shell runner (spec §4.11.2).
#include <map>
#include <string>

#include "driver/run/builtin_runners.hpp"
#include "driver/run/prompt_runner.hpp"
#include "driver/run/run_options.hpp"

namespace bx {

namespace {

struct ShellCommand {
  std::string program;
  std::vector<std::string> arguments;
  bool has_version;
};

const std::map<std::string, ShellCommand, std::less<>>& shells() {
  static const std::map<std::string, ShellCommand, std::less<>> k_shells = {
      {"bash", {"bash", {"--norc", "--noprofile", "--posix", "--noediting"}, true}},
      {"dash", {"dash", {}, false}},
      {"ksh", {"ksh", {"+E"}, true}},
      {"sh", {"sh", {}, false}},
  };
  return k_shells;
}

/// v11: variables of the user's session that would change the prompts or page the output.
const std::vector<std::string> k_launcher = {
    "/usr/bin/env", "-u", "PS1", "-u", "PS2", "-u", "PAGER", "-u", "LESS", "-u", "PROMPT_COMMAND"};

// Each sentinel is split in two quoted strings: a shell that echoes the line does not show
// the prompt before it is set. One line costs one round trip instead of one per export.
constexpr std::string_view k_set_prompts =
    "export PS1='/byexample/sh/''ps1> '; "
    "export PS2='/byexample/sh/''ps2> '; "
    "export PS3='/byexample/sh/''ps3> '; "
    "export PS4='/byexample/sh/''ps4> '";

char stop_character(const std::string& signal) {
  if (signal == "eof") return '\x04';
  if (signal == "interrupt") return '\x03';
  if (signal == "quit") return '\x1c';
  return '\x1a';  // suspend
}

class ShellRunner final : public PromptRunner {
 public:
  explicit ShellRunner(const RunnerConfig& config)
      : PromptRunner(config, "/byexample/sh/ps1> ", "/byexample/sh/ps\\d+> ") {}

  std::string language() const override { return "shell"; }
  std::string display_name() const override { return "Shell Runner"; }

 protected:
  void setup(const OptionStack& options) override {
    std::string name = run_options::text(options, "shell", "bash");
    auto shell = shells().find(name);
    if (shell == shells().end()) {
      throw Error("Unknown shell '" + name + "': use bash, dash, ksh or sh.");
    }
    const ShellCommand& command = shell->second;
    SpawnSettings settings;
    settings.wait_first_prompt = false;
    // bash --posix would read the user's ~/.sh_history at every start (ksh's, in its own
    // format); the set-up unsets the variable again, so that the examples' own shells do
    // not inherit it. ksh needs a history, its `fg` and `jobs` show commands from it: it
    // gets one of its own instead of appending the examples to the user's.
    if (name == "bash") settings.env_update = {"HISTFILE=/dev/null"};
    if (name == "ksh") settings.env_update = {"HISTFILE=" + make_private_dir().path() + "/history"};
    if (command.has_version) {
      settings.version_cmd =
          build_cmd("%e %p %a", shebang_tokens(k_launcher, command.program, {"--version"}));
    }
    spawn_interpreter(
        build_cmd("%e %p %a", shebang_tokens(k_launcher, command.program, command.arguments)),
        options, settings);
    std::string init(k_set_prompts);
    if (name == "bash") init += "; set +H; unset HISTFILE";
    exec_hidden(init + "\n", options);
  }

  std::string run_example(Example& example, const OptionStack& options) override {
    try {
      return PromptRunner::run_example(example, options);
    } catch (const TimeoutError& timeout) {
      bool stop = run_options::flag(options, "stop_on_timeout", false) ||
                  run_options::stop_on_silence(options).has_value();
      if (!stop) throw;
      // The job is stopped and what it printed so far is the example's got; what comes
      // after (a "Stopped" job message) is not part of it.
      send_control(stop_character(run_options::text(options, "stop_signal", "suspend")));
      sync_on_ps1(options, config().dfl_timeout);
      return timeout.output;
    }
  }

  double prompt_wait_limit(const OptionStack& options, double left) const override {
    // As the reference: a fixed window per prompt wait, not restarted by incoming output.
    auto silence = run_options::stop_on_silence(options);
    return silence ? std::min(*silence, left) : left;
  }
};

}  // namespace

std::unique_ptr<ExampleRunner> make_shell_runner(const RunnerConfig& config) {
  return std::make_unique<ShellRunner>(config);
}

}  // namespace bx
