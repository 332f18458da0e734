// The command line of byexample (spec §6): flags, @argument files, validation.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "driver/cli/project_config.hpp"

namespace bx {

struct CommandLine {
  std::string program = "byexample";  ///< argv[0]'s base name, used in messages
  std::vector<std::string> files;
  std::vector<std::string> skip;
  std::vector<std::string> languages;
  bool fail_fast = false;
  double timeout = 2.0;
  int jobs = 1;
  bool dry = false;
  std::vector<std::string> capture_env_vars;
  std::string diff = "none";
  std::string difftool;
  bool no_enhance_diff = false;
  std::string options;  ///< -o
  bool show_options = false;
  std::vector<std::string> modules;
  std::string encoding = "utf-8";
  std::string encoding_errors = "strict";
  long show_failures = -1;  ///< -1 = all
  std::string pretty = "all";
  bool no_progress_bar = false;
  bool version = false;
  int verbosity = 0;
  bool quiet = false;
  bool help = false;
  bool advanced_help = false;  ///< -xh
  std::map<std::string, std::string> shebangs;
  double dfl_timeout = 8.0;
  double delaybeforesend = 0.0;
  double delayafterprompt = 0.0;
  long min_rcount = 16;
  bool not_recover_timeout = false;
  std::map<std::string, std::string> log_masks;  ///< prefix -> level name
  bool turn_echo_off = true;
  bool turn_echo_off_on_spawn = true;
  std::string autocomplete;
  bool discover = false;  ///< --discover: list the examples per file as JSON, run nothing
  bool tap = false;       ///< --tap: TAP version 13 instead of the console report
  std::string junit;  ///< --junit FILE  ///< -x-autocomplete <shell>: print the completion script
  std::string config_file;  ///< --config FILE
  bool no_config = false;   ///< --no-config
  /// The project configuration's keys (languages, options, timeout, ...) whose flags were
  /// given: the file does not change them.
  std::set<std::string> given;
  std::string config_path;  ///< the project configuration used, as shown; empty if none
  DocumentOverrides overrides;
};

/// Parses argv (after @file expansion). Throws UsageError with argparse's message
/// (printed by the caller as usage + "<prog>: error: <message>", exit 2).
CommandLine parse_command_line(int argc, char** argv);

/// The number of jobs `text` asks for: <n>, `cpu` (the number of CPUs), `cpu<k>` (k times
/// that) or `auto` (the same as `cpu`); nullopt for anything else.
std::optional<int> jobs_from_text(const std::string& text);

/// The checks of -l that wait for the project configuration: some language is selected and
/// every -x-shebang names one of them. Throws UsageError.
void require_languages(const CommandLine& command_line);

/// Expands `@file` arguments recursively with byexample's line rules (§6.2).
std::vector<std::string> expand_argument_files(const std::vector<std::string>& args);

/// The one-line usage (§6.1), with the advanced flags when `advanced`.
std::string usage_text(const std::string& program, bool advanced);
/// The full help (-h) or with the advanced options (-xh).
std::string help_text(const std::string& program, bool advanced);
/// The script printed by `-x-autocomplete bash`.
std::string bash_completion_script(const std::string& program);
/// Answers a shell completion request (when $_ARGCOMPLETE is set) on file descriptor 8;
/// returns false when the process was not started for completion.
bool answer_completion_request();
/// The -V text.
std::string version_text(const std::string& program);

}  // namespace bx
