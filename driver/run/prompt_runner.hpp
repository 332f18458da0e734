// The interpreter toolkit shared by the runners that drive a REPL over a pty by its prompts
// (spec §4.2–§4.9, §7.7): spawning, sending the source line by line, waiting prompts with a
// shared time budget, typing inputs, turning chunks into the got, geometry changes,
// recovery after a timeout and shutdown.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/model/errors.hpp"
#include "driver/run/private_dir.hpp"
#include "driver/run/prompt_stream.hpp"
#include "driver/run/runner.hpp"
#include "driver/run/shebang.hpp"
#include "driver/run/terminal.hpp"
#include "driver/util/regex.hpp"

namespace bx {

class Countdown;
class InputQueue;

class PromptRunner : public ExampleRunner {
 public:
  ~PromptRunner() override;

  /// Spawns and sets up the interpreter via setup(); any failure becomes a bx::Error.
  void initialize(const OptionStack& options) final;
  /// Runs the example with its +geometry in effect (§4.7), via run_example().
  std::string run(Example& example, const OptionStack& options) final;
  /// Ctrl-C and re-synchronisation on PS1 (§4.8).
  bool cancel(Example& example, const OptionStack& options) override;
  void shutdown() override;

 protected:
  /// `ps1` ends an example; `any_prompt` is accepted after the lines before the last.
  PromptRunner(RunnerConfig config, std::string_view ps1, std::string_view any_prompt);

  struct SpawnSettings {
    bool wait_first_prompt = true;
    std::string initial_prompt;           ///< regex of the first prompt; empty: PS1
    std::vector<std::string> env_update;  ///< extra "NAME=value" entries
    std::string version_cmd;              ///< logged at -v when not empty (§4.10)
    bool stdin_pipe = false;              ///< see PtySpawnRequest::stdin_pipe
  };

  /// Starts the interpreter and prepares it; called by initialize().
  virtual void setup(const OptionStack& options) = 0;
  /// Runs one example; by default its source with its inputs.
  virtual std::string run_example(Example& example, const OptionStack& options);
  /// How long one prompt wait may last given the budget left (+stop-on-silence).
  virtual double prompt_wait_limit(const OptionStack& options, double left) const;
  /// Called before the terminal is resized to `geometry` (rows, cols).
  virtual void on_geometry_change(const OptionStack& options, IntPair geometry);
  /// The names that +force-echo-filtering-for may use for this runner.
  std::vector<std::string> flavors() const override;
  /// Whether this interpreter always echoes its input.
  virtual bool needs_echo_filtering() const { return false; }
  /// Edits the raw chunks of an example that ran to its end, before they become its got
  /// (e.g. hides values that the interpreter printed but the example does not want).
  virtual void edit_chunks(std::vector<std::string>& chunks, const Example& example,
                           const OptionStack& options);
  /// The smallest terminal this interpreter runs in: a +geometry below it (rows or
  /// columns) is raised to it. Call it before spawning.
  void set_minimum_geometry(IntPair minimum) { m_minimum_geometry = minimum; }

  /// The command line: the -x-shebang of the flavour or language, else `default_template`.
  std::string build_cmd(std::string_view default_template, const ShebangTokens& tokens) const;
  /// %e, %p, %a and %w (the current directory) for build_cmd().
  static ShebangTokens shebang_tokens(ShebangValue launcher, std::string program,
                                      std::vector<std::string> arguments);
  void spawn_interpreter(const std::string& cmd, const OptionStack& options,
                         const SpawnSettings& settings);

  struct ExecSettings {
    Example* example = nullptr;     ///< inputs to type and notes on failure
    std::optional<double> timeout;  ///< default: +timeout
    /// The whole source goes in one write, and prompts are awaited until PS1 is found: for
    /// interpreters without a continuation prompt, synchronised by a marker that the source
    /// ends with (PS1 then matches the answer to the marker only).
    bool single_write = false;
  };
  /// Sends `source` line by line and returns its got (§4.4, §4.5, §3.1).
  std::string exec_and_wait(std::string_view source, const OptionStack& options,
                            const ExecSettings& settings);
  /// Runs set-up code with a -x-dfl-timeout budget; its output is discarded.
  void exec_hidden(std::string_view source, const OptionStack& options);
  /// Sends `text` in one write and waits for PS1 with a -x-dfl-timeout budget, discarding
  /// the output: set-up code whose first line reads the rest from the terminal itself.
  /// `timeout` defaults to -x-dfl-timeout.
  void exec_hidden_block(std::string_view text, const OptionStack& options,
                         std::optional<double> timeout = std::nullopt);
  /// Waits PS1 for up to `timeout` seconds, without +stop-on-silence, discarding the output.
  /// Throws TimeoutError / InterpreterClosedError.
  void sync_on_ps1(const OptionStack& options, double timeout);
  /// Sends a control character such as Ctrl-C ('\x03').
  void send_control(char control);
  /// Replaces PS1 and the prompts accepted between lines (e.g. for a new sync marker).
  void set_prompts(std::string_view ps1, std::string_view any_prompt);

  bool echo_filtering_enforced(const OptionStack& options) const;
  const RunnerConfig& config() const { return m_config; }
  /// The geometry the terminal has now.
  IntPair geometry() const { return m_geometry; }
  /// "exec.<language>"
  std::string log_name() const { return "exec." + language(); }
  /// A new private directory for this session's files (rc files, a history), replacing
  /// the previous one; shutdown() removes it.
  const PrivateDir& make_private_dir();
  const PrivateDir& private_dir() const { return m_private_dir; }

 private:
  void ensure_running() const;
  /// Waits for `prompt` (typing inputs meanwhile); true if the prompt found was PS1.
  bool wait_prompt(const OptionStack& options, Countdown& countdown, const Regex& prompt,
                   InputQueue& inputs, Example* example, bool limited);
  [[noreturn]] void fail_wait(const OptionStack& options, Example* example, bool eof,
                              const TypedInput* input);
  /// The got of the chunks read; `echo_enforced` is echo_filtering_enforced(options).
  std::string collect_got(const OptionStack& options, Example* example, bool echo_enforced);
  void add_escape_notes(Example& example) const;
  void set_geometry(const OptionStack& options, IntPair geometry, bool with_hooks);
  bool recover_prompt_sync();
  void send_line(std::string_view line);
  std::vector<std::string> environment(const SpawnSettings& settings, IntPair geometry,
                                       const OptionStack& options) const;
  /// The -x-shebang given for the flavour or the language, if any.
  const std::string* custom_shebang() const;
  void check_command(const std::vector<std::string>& argv, const std::string& cmd,
                     const std::vector<std::string>& env) const;

  RunnerConfig m_config;
  Regex m_ps1;
  Regex m_any_prompt;
  std::unique_ptr<PromptStream> m_stream;
  std::unique_ptr<Terminal> m_terminal;
  PrivateDir m_private_dir;
  /// The terminal size used for a +geometry of `requested`.
  IntPair adjusted_geometry(IntPair requested) const;

  IntPair m_minimum_geometry{0, 0};
  IntPair m_spawn_geometry{24, 80};
  IntPair m_geometry{24, 80};
  std::vector<std::string> m_chunks;
  std::string m_current;  ///< the chunk being read (typed inputs are appended to it)
};

/// The §4.2 message for a program that cannot be executed.
std::string not_found_message(const std::string& cmd);

}  // namespace bx
