#include "driver/run/prompt_runner.hpp"

#include <unistd.h>

#include <algorithm>
#include <stdexcept>

#include "driver/parse/option_parser.hpp"
#include "driver/run/decoder.hpp"
#include "driver/run/pty.hpp"
#include "driver/run/run_options.hpp"
#include "driver/run/version.hpp"
#include "driver/util/log.hpp"

extern char** environ;

namespace bx {

namespace {

constexpr int k_max_extra_prompts = 5;
constexpr std::string_view k_environment_launcher = "env";

bool has_name(const std::string& entry, std::string_view name) {
  return entry.size() > name.size() && entry.compare(0, name.size(), name) == 0 &&
         entry[name.size()] == '=';
}

std::string env_value(const std::vector<std::string>& env, std::string_view name) {
  for (const auto& entry : env) {
    if (has_name(entry, name)) return entry.substr(name.size() + 1);
  }
  return {};
}

std::string basename(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// For `env [options] [NAME=value]... program ...` the program; empty when it cannot be
/// told (an unknown option) or there is none.
std::string program_run_by_env(const std::vector<std::string>& argv) {
  static const std::vector<std::string> k_with_argument = {"-u", "--unset", "-C", "--chdir"};
  for (std::size_t i = 1; i < argv.size(); ++i) {
    const std::string& word = argv[i];
    if (word == "--") return i + 1 < argv.size() ? argv[i + 1] : std::string();
    if (std::find(k_with_argument.begin(), k_with_argument.end(), word) != k_with_argument.end()) {
      ++i;
    } else if (word == "-i" || word == "-" || word == "--ignore-environment" || word == "-0" ||
               word == "--null" || word.rfind("-u", 0) == 0 || word.rfind("--unset=", 0) == 0 ||
               word.rfind("--chdir=", 0) == 0) {
      continue;
    } else if (word[0] == '-') {
      return {};
    } else if (word.find('=') == std::string::npos) {
      return word;
    }
  }
  return {};
}

}  // namespace

std::string not_found_message(const std::string& cmd) {
  return "The command was not found or was not executable.\nThe full command line tried is as "
         "follows:\n" +
         cmd +
         "\n\nThis could happen because you do not have it installed or\nit is not in the PATH.";
}

PromptRunner::PromptRunner(RunnerConfig config, std::string_view ps1, std::string_view any_prompt)
    : m_config(std::move(config)), m_ps1(ps1), m_any_prompt(any_prompt) {}

PromptRunner::~PromptRunner() {
  // No virtual calls from here (the runner is half destroyed): end it without logging; the
  // pty destructor hands the process to the reaper.
  if (m_stream) m_stream->pty().write("\x04");
}

void PromptRunner::initialize(const OptionStack& options) {
  try {
    setup(options);
  } catch (const Error&) {
    shutdown();
    throw;
  } catch (const std::exception& error) {
    shutdown();
    throw Error(error.what(), ErrorContext{{}, 0, display_name(), {}});
  }
}

std::vector<std::string> PromptRunner::flavors() const {
  return {language()};
}

double PromptRunner::prompt_wait_limit(const OptionStack&, double left) const {
  return left;
}

void PromptRunner::on_geometry_change(const OptionStack&, IntPair) {}

void PromptRunner::edit_chunks(std::vector<std::string>&, const Example&, const OptionStack&) {}

std::string PromptRunner::run_example(Example& example, const OptionStack& options) {
  return exec_and_wait(example.source, options, {&example, std::nullopt});
}

bool PromptRunner::echo_filtering_enforced(const OptionStack& options) const {
  if (needs_echo_filtering() || run_options::flag(options, "force_echo_filtering", false)) {
    return true;
  }
  auto wanted = run_options::list(options, "force_echo_filtering_for");
  if (wanted.empty()) return false;  // the usual case, checked once per example
  auto names = flavors();
  names.push_back(language());
  return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    return std::find(wanted.begin(), wanted.end(), name) != wanted.end();
  });
}

ShebangTokens PromptRunner::shebang_tokens(ShebangValue launcher, std::string program,
                                           std::vector<std::string> arguments) {
  char cwd[4096];
  std::string directory = getcwd(cwd, sizeof(cwd)) != nullptr ? cwd : ".";
  return {{"e", std::move(launcher)},
          {"p", std::move(program)},
          {"a", std::move(arguments)},
          {"w", directory}};
}

const std::string* PromptRunner::custom_shebang() const {
  for (const auto& key : {m_config.flavor, language()}) {
    auto it = m_config.shebangs.find(key);
    if (!key.empty() && it != m_config.shebangs.end()) return &it->second;
  }
  return nullptr;
}

std::string PromptRunner::build_cmd(std::string_view default_template,
                                    const ShebangTokens& tokens) const {
  const std::string* custom = custom_shebang();
  return expand_shebang(custom ? std::string_view(*custom) : default_template, tokens);
}

std::vector<std::string> PromptRunner::environment(const SpawnSettings& settings, IntPair geometry,
                                                   const OptionStack& options) const {
  std::vector<std::string> added = {"LINES=" + std::to_string(geometry.first),
                                    "COLUMNS=" + std::to_string(geometry.second),
                                    "TERM=" + run_options::text(options, "term_type", "dumb")};
  // The runner's own entries win: an interpreter may need TERM=dumb whatever +term-type says.
  for (const auto& entry : settings.env_update) {
    std::erase_if(added, [&](const std::string& dfl) {
      return has_name(dfl, entry.substr(0, entry.find('=')));
    });
    added.push_back(entry);
  }
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string value(*entry);
    bool replaced = std::any_of(added.begin(), added.end(), [&](const std::string& extra) {
      return has_name(value, extra.substr(0, extra.find('=')));
    });
    if (!replaced) env.push_back(std::move(value));
  }
  env.insert(env.end(), added.begin(), added.end());
  return env;
}

void PromptRunner::check_command(const std::vector<std::string>& argv, const std::string& cmd,
                                 const std::vector<std::string>& env) const {
  std::string path = env_value(env, "PATH");
  if (argv.empty() || find_executable(argv[0], path).empty()) throw Error(not_found_message(cmd));
  // Our own `/usr/bin/env <program>` names the interpreter: a missing one is reported as
  // such. A -x-shebang runs as written, and what it prints when it fails is the report.
  if (custom_shebang() != nullptr || basename(argv[0]) != k_environment_launcher) return;
  std::string program = program_run_by_env(argv);
  if (!program.empty() && find_executable(program, path).empty()) {
    throw InterpreterMissing(not_found_message(cmd),
                             "the interpreter '" + program + "' is not installed");
  }
}

void PromptRunner::spawn_interpreter(const std::string& cmd, const OptionStack& options,
                                     const SpawnSettings& settings) {
  m_spawn_geometry = m_geometry = adjusted_geometry(run_options::geometry(options));
  PtySpawnRequest request;
  request.argv = shell_split(cmd);
  request.env = environment(settings, m_geometry, options);
  request.rows = static_cast<int>(m_geometry.first);
  request.cols = static_cast<int>(m_geometry.second);
  request.echo = !m_config.turn_echo_off_on_spawn;
  request.stdin_pipe = settings.stdin_pipe;
  log::info(log_name(), "Spawn command line: " + cmd);
  check_command(request.argv, cmd, request.env);
  try {
    m_stream = std::make_unique<PromptStream>(request, m_config.encoding, m_config.delaybeforesend);
  } catch (const SpawnError&) {
    throw Error(not_found_message(cmd));
  }
  m_terminal = std::make_unique<Terminal>(request.rows, request.cols);
  if (!settings.version_cmd.empty()) {
    log_version(log_name(), display_name(), settings.version_cmd, m_config.dfl_timeout);
  }
  if (settings.wait_first_prompt) {
    Regex first(settings.initial_prompt.empty() ? m_ps1.pattern() : settings.initial_prompt);
    auto found = m_stream->expect({&first}, m_config.dfl_timeout);
    if (found.outcome != PromptStream::Outcome::matched) {
      m_chunks = {found.before};
      fail_wait(options, nullptr, found.outcome == PromptStream::Outcome::eof, nullptr);
    }
  }
}

void PromptRunner::ensure_running() const {
  if (!m_stream) {
    throw InterpreterClosedError("The " + display_name() + " is not running.", {}, {});
  }
}

std::string PromptRunner::run(Example& example, const OptionStack& options) {
  ensure_running();
  IntPair wanted = adjusted_geometry(run_options::geometry(options, m_spawn_geometry));
  if (wanted == m_geometry) return run_example(example, options);
  set_geometry(options, wanted, true);
  std::string got;
  try {
    got = run_example(example, options);
  } catch (...) {
    set_geometry(options, m_spawn_geometry, false);
    throw;
  }
  try {
    set_geometry(options, m_spawn_geometry, true);
  } catch (...) {
    set_geometry(options, m_spawn_geometry, false);
    throw;
  }
  return got;
}

IntPair PromptRunner::adjusted_geometry(IntPair requested) const {
  return {std::max(requested.first, m_minimum_geometry.first),
          std::max(requested.second, m_minimum_geometry.second)};
}

void PromptRunner::set_geometry(const OptionStack& options, IntPair geometry, bool with_hooks) {
  if (with_hooks) on_geometry_change(options, geometry);
  m_geometry = geometry;
  m_terminal->resize(static_cast<int>(geometry.first), static_cast<int>(geometry.second));
  m_stream->pty().resize(static_cast<int>(geometry.first), static_cast<int>(geometry.second));
  m_stream->drain();
}

void PromptRunner::send_control(char control) {
  ensure_running();
  m_stream->send(std::string_view(&control, 1));
}

void PromptRunner::set_prompts(std::string_view ps1, std::string_view any_prompt) {
  m_ps1 = Regex(ps1);
  m_any_prompt = Regex(any_prompt);
}

bool PromptRunner::cancel(Example&, const OptionStack&) {
  if (!m_stream) return false;
  send_control('\x03');
  return recover_prompt_sync();
}

bool PromptRunner::recover_prompt_sync() {
  static constexpr std::string_view k_closed =
      "Interpreter closed unexpectedly during the recovering. May be it is timming issue. Try to "
      "increase the timeout for the example.";
  double timeout = m_config.dfl_timeout;
  auto found = m_stream->expect({&m_ps1}, timeout);
  bool in_sync = false;
  for (int extra = 0; found.outcome == PromptStream::Outcome::matched; ++extra) {
    if (extra == k_max_extra_prompts) break;
    found = m_stream->expect({&m_ps1}, timeout);
    in_sync = found.outcome == PromptStream::Outcome::timeout;
  }
  if (found.outcome == PromptStream::Outcome::eof) log::warn(log_name(), k_closed);
  m_chunks.clear();
  m_current.clear();
  return in_sync;
}

void PromptRunner::shutdown() {
  if (m_stream) {
    m_stream->pty().write("\x04");
    // The reaper ends it while this worker goes on; it warns if the interpreter survives.
    m_stream->pty().hand_over({log_name(), "Incomplete '" + display_name() +
                                               "' shutdown: too slow and it is still running."});
    m_stream.reset();
  }
  m_private_dir.remove();
}

const PrivateDir& PromptRunner::make_private_dir() {
  m_private_dir = PrivateDir::create(language());
  return m_private_dir;
}

}  // namespace bx
