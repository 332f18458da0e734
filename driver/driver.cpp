// The pipeline: command line -> set-up -> file list -> jobs -> exit status (spec §0.1).
#include "driver/driver.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "driver/cli/command_line.hpp"
#include "driver/cli/project_config.hpp"
#include "driver/cli/setup.hpp"
#include "driver/concern/builtin_concerns.hpp"
#include "driver/concern/module_loader.hpp"
#include "driver/find/file_list.hpp"
#include "driver/jobs/discover.hpp"
#include "driver/jobs/job_mode.hpp"
#include "driver/jobs/scheduler.hpp"
#include "driver/model/errors.hpp"
#include "driver/report/junit.hpp"
#include "driver/report/tap.hpp"
#include "driver/run/language_definition.hpp"
#include "driver/run/pty.hpp"
#include "driver/util/log.hpp"
#include "driver/util/output.hpp"

namespace bx {

namespace {

constexpr int k_exit_ok = 0;
constexpr int k_exit_usage = 2;
constexpr int k_exit_error = 3;

/// Colours iff --pretty all, stdout is a terminal and no '-'-separated part of $TERM is
/// "m" (monochrome), as §5.1 says.
bool use_colors(const CommandLine& cl) {
  if (cl.pretty != "all" || !isatty(STDOUT_FILENO)) return false;
  const char* term = std::getenv("TERM");
  std::string value = term != nullptr ? term : "";
  std::size_t begin = 0;
  while (begin <= value.size()) {
    std::size_t end = value.find('-', begin);
    if (end == std::string::npos) end = value.size();
    if (value.compare(begin, end - begin, "m") == 0) return false;
    begin = end + 1;
  }
  return true;
}

/// Ctrl-C while no worker runs (spec §8.5): during the initialisation the run ends with
/// `[i] Execution aborted by the user.` and exit code 3. Once the workers ran (while the
/// last interpreters are being reaped) it ends with 2, after killing what is left. The
/// record is formatted beforehand: a signal handler can only write it.
char g_abort_text[256];
std::size_t g_abort_length = 0;
volatile std::sig_atomic_t g_abort_status = k_exit_error;

void abort_outside_the_run(int) {
  [[maybe_unused]] auto written = write(STDOUT_FILENO, g_abort_text, g_abort_length);
  kill_all_interpreters();
  _exit(g_abort_status);
}

void catch_ctrl_c_outside_the_run() {
  std::string text = log::format("", log::Level::note, "Execution aborted by the user.");
  g_abort_length = std::min(text.size(), sizeof(g_abort_text));
  std::memcpy(g_abort_text, text.data(), g_abort_length);
  struct sigaction action {};
  action.sa_handler = abort_outside_the_run;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
}

void configure_logging(const CommandLine& cl) {
  std::map<std::string, log::Level> masks;
  for (const auto& [prefix, name] : cl.log_masks) log::parse_level(name, masks[prefix]);
  log::configure(cl.verbosity, cl.quiet, masks);
}

int report_usage_error(const std::string& program, const std::string& message) {
  std::string text = usage_text(program, false) + program + ": error: " + message + "\n";
  if (message.find("--options") != std::string::npos) {
    text +=
        "If you wrote --options -foo, try put an equal like --options=-foo\nand use quotes if "
        "you want to set multiples options like --options='-foo +bar'\n";
  }
  std::fputs(text.c_str(), stderr);
  return k_exit_usage;
}

int report_config_error(const ConfigError& error) {
  std::fputs((std::string(error.what()) + "\n").c_str(), stderr);
  return k_exit_error;
}

/// The project configuration fills in what the flags did not give; then -l must be known.
int apply_configuration(CommandLine& cl) {
  try {
    apply_project_config(load_project_config(cl), cl);
  } catch (const ConfigError& error) {
    return report_config_error(error);
  }
  if (!cl.config_path.empty()) log::info("exec", "Project configuration: " + cl.config_path);
  try {
    require_languages(cl);
  } catch (const UsageError& error) {
    return report_usage_error(cl.program, error.what());
  }
  return k_exit_ok;
}

int report_no_files(const FileList& list) {
  log::error("", "No files were found (you passed " + std::to_string(list.given) + " files, " +
                     std::to_string(list.skipped) + " were skipped)");
  if (list.given == 0 && list.skipped > 0) {
    log::warn("",
              "You are probably skipping more files than you want.\nYou may need to add a '--' "
              "to separate the files that\nyou want to skip from the ones that you want to "
              "execute:\n\n  byexample --skip <files to skip> -- <files to execute>");
  }
  return k_exit_error;
}

/// Runs the files with the reports the command line asked for.
int run_files(const CommandLine& cl, const std::vector<std::string>& files, WorkerSetup& setup,
              Extensions& extensions, BuiltinConcernSettings& builtins, const JobMode& mode) {
  std::optional<TapWriter> tap;
  JunitWriter junit;
  if (cl.tap) setup.sinks.push_back(&tap.emplace());
  if (!cl.junit.empty()) setup.sinks.push_back(&junit);
  builtins.sinks = setup.sinks;  // read by the outcomes concern of every worker
  const bool fail_fast = std::get<bool>(setup.global_options.at("fail_fast"));
  if (!mode.reason.empty()) log::info("exec", mode.reason);
  g_abort_status = 2;  // the workers' own Ctrl-C handling takes over (§8.5)
  int status = run_jobs(files, setup, extensions, ScheduleSettings{mode.jobs, fail_fast, cl.tap});
  if (tap) tap->finish();
  if (!cl.junit.empty()) junit.write(cl.junit);
  return status;
}

}  // namespace

int driver_main(int argc, char** argv) {
  if (answer_completion_request()) return k_exit_ok;
  CommandLine cl;
  try {
    cl = parse_command_line(argc, argv);
  } catch (const UsageError& error) {
    std::string program = argc > 0 ? argv[0] : "byexample";
    return report_usage_error(program.substr(program.find_last_of('/') + 1), error.what());
  }
  Output& out = Output::stdout_writer();
  if (cl.help || cl.advanced_help) {
    out.write(help_text(cl.program, cl.advanced_help));
    return k_exit_ok;
  }
  if (!cl.autocomplete.empty()) {
    out.write(bash_completion_script(cl.program));
    return k_exit_ok;
  }
  if (cl.version) {
    out.write(version_text(cl.program));
    return k_exit_ok;
  }
  out.set_colors(use_colors(cl) && !cl.tap);
  configure_logging(cl);
  if (cl.tap) log::set_line_prefix("# ");  // log lines become TAP comments
  catch_ctrl_c_outside_the_run();
  if (int status = apply_configuration(cl); status != k_exit_ok) return status;

  try {
    // The N+1 rule (§8.2): every extension class is built here, in the main thread, before
    // the set-up that needs their languages and options, and again in every worker.
    BuiltinConcernSettings builtins = builtin_concern_settings(cl, out.colors());
    Extensions extensions;
    register_builtin_concerns(extensions.registry(), builtins);
    load_modules(cl.modules, extensions.registry());
    add_language_definitions_from(cl.modules);
    FileList list = cl.show_options ? FileList{} : expand_file_list(cl.files, cl.skip);
    const JobMode mode = decide_job_mode(cl.jobs, process_environment);
    extensions.instantiate_main(
        extension_config(cl, out.colors(), worker_count(mode.jobs, list.files.size())));
    WorkerSetup setup = make_worker_setup(cl, extensions.main());
    if (cl.show_options) {
      out.write(show_options_text(setup));
      return k_exit_error;  // byexample leaves through its error path here (§5.8)
    }
    if (cl.discover) {
      out.write(discover_examples(list.files, setup));
      return k_exit_ok;
    }
    if (list.files.empty()) return report_no_files(list);
    return run_files(cl, list.files, setup, extensions, builtins, mode);
  } catch (const ConfigError& error) {
    return report_config_error(error);
  } catch (const std::exception& error) {
    std::string message = error.what();
    if (!log::enabled("", log::Level::info))
      message += "\n\nRerun with -vvv to get a full stack trace.";
    log::error("", "Something went wrong initializing byexample:\n" + message);
    return k_exit_error;
  }
}

}  // namespace bx
