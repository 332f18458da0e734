// The -h, -xh and -V texts, in byexample's shape (spec §6.1).
#include <fmt/core.h>

#include <CLI/Version.hpp>

#include "driver/cli/command_line.hpp"
#include "driver/util/regex.hpp"

namespace bx {

namespace {

constexpr const char* k_usage_tail =
    "[--ff] [--timeout <secs>] [-j <n>] [--dry]\n"
    "[--skip <file> [<file> ...]] [--capture-env-var <var names>]\n"
    "[-d {none,unified,ndiff,context,tool}] [--difftool <cmd>]\n"
    "[--no-enhance-diff] [-o <options>] [--show-options]\n"
    "[-m <dir>] [--encoding <enc>[:<error>]] [--show-failures <n>]\n"
    "[--pretty {none,all}] [--no-progress-bar] [-V] [-v | -q]\n"
    "[-h | -xh]";

// The project configuration flags are ours, not byexample's: only -xh shows them, so that
// -h and the usage of the errors stay byexample's (the conformance documents compare them).
constexpr const char* k_usage_advanced =
    " [--config <file> | --no-config]"
    "\n[-x-shebang <runner>:<shebang>] [-x-dfl-timeout <secs>]\n"
    "[-x-delaybeforesend <secs>] [-x-delayafterprompt <secs>]\n"
    "[-x-min-rcount <n>] [-x-not-recover-timeout]\n"
    "[-x-log-mask <dotted-prefix>:<log-level>]\n"
    "[-x-turn-echo-off X_TURN_ECHO_OFF]\n"
    "[-x-turn-echo-off-on-spawn X_TURN_ECHO_OFF_ON_SPAWN]\n"
    "[-x-autocomplete <shell>]";

constexpr const char* k_help_body = R"(
Write snippets of code in C++, Python, Ruby, and others as documentation and
execute them as regression tests.

positional arguments:
  <file>                files that have the examples to run.

Language Selection:
  -l <languages>, --language <languages>, --languages <languages>
                        select which languages to parse and run. Comma
                        separated syntax is also accepted.

Execution Options:
  --ff, --fail-fast     if an example fails, fail and stop all the execution.
  --timeout <secs>      timeout in seconds to complete each example (2 by
                        default); this can be changed per example with this
                        option.
  -j <n>, --jobs <n>    run <n> jobs in parallel (1 by default); <n> can be an
                        integer or the string "cpu" or "cpu<n>": "cpu" means
                        use all the cpus available; "cpu<n>" multiply it by
                        <n> the cpus available.
  --dry                 do not run any example, only parse them.
  --skip <file> [<file> ...]
                        skip these files
  --capture-env-var <var names>, --capture-env-vars <var names>
                        capture some environment variables and put them in the
                        clipboard so they can be pasted and used in
                        conditional executions. Comma separated syntax is also
                        accepted.

Diff Options:
  -d {none,unified,ndiff,context,tool}, --diff {none,unified,ndiff,context,tool}
                        select diff algorithm (none by default).
  --difftool <cmd>      command line to the external diff program; the tokens
                        %e and %g are replaced by the file names with the
                        expected and the got outputs to compare. Enabled only
                        if "--diff tool".
  --no-enhance-diff     by default, improves are made so the diff are easier
                        to to understand: non-printable characters are
                        visible; captured string shown, and more; this flag
                        disables all of that.

Miscellaneous Options:
  -o <options>, --options <options>
                        add additional options; see --show-options to list
                        them.
  --show-options        show the available options for the selected languages
                        (with -l)
  -m <dir>, --modules <dir>
                        append a directory for searching modules there.
  --encoding <enc>[:<error>]
                        select the encoding and optionally the error handler
                        (default: utf-8:strict); valid error handlers are
                        "strict", "ignore" and "replace".
  --show-failures <n>   show up to <n> failures per file (all by default) and
                        suppress the rest (the execution of the examples is
                        not stopped, only the failures are not shown)
  --pretty {none,all}   control how to pretty print the output.
  --no-progress-bar     do not show the progress bar.
  -V, --version         show byexample's version and license, then exit

Logging:
  -v                    verbosity level, add more flags to increase the level.
  -q, --quiet           quiet mode, do not print anything even if an example
                        fails; suppress the progress output.

Help Options:
  -h, --help            show this help message and exit
  -xh                   show this help message plus the one for the advanced
                        options and exit
)";

constexpr const char* k_help_advanced = R"(
Project Configuration:
  --config <file>       read the project configuration from <file> instead of
                        the .byexample.yml found from the working directory
                        upward; see docs/project-config.md.
  --no-config           do not read any project configuration.

Advanced Options:
  -x-shebang <runner>:<shebang>
                        override the default shebang line of a runner; the
                        tokens %e %p %a and %w are replaced by the env
                        launcher, the program, its arguments and the working
                        directory.
  -x-dfl-timeout <secs>
                        timeout in seconds for internal operations (8 by
                        default).
  -x-delaybeforesend <secs>
                        delay in seconds before sending a line to a runner.
  -x-delayafterprompt <secs>
                        delay in seconds after the prompt to capture more
                        output.
  -x-min-rcount <n>     minimum match length around a capture tag to perform
                        a guess (16 by default).
  -x-not-recover-timeout
                        do not try to recover from a timeout; abort the file.
  -x-log-mask <dotted-prefix>:<log-level>
                        set the log level of the loggers under the prefix.
  -x-turn-echo-off X_TURN_ECHO_OFF
                        turn the terminal echo off before each line sent
                        (yes by default).
  -x-turn-echo-off-on-spawn X_TURN_ECHO_OFF_ON_SPAWN
                        turn the terminal echo off when the interpreter is
                        spawned (yes by default).
  -x-autocomplete <shell>
                        print the script that enables the autocompletion for
                        the given shell (only bash is supported) and exit.
)";

constexpr const char* k_help_examples = R"(
Examples:
  byexample -l python file.py
  byexample -l python,ruby --ff --timeout=8 file.md
  byexample -l python,ruby --show-options

See https://byexamples.github.io for the full documentation
and more examples.
)";

/// Indents the continuation lines of the usage under the first word after "usage: ".
std::string align_usage(const std::string& first, const std::string& rest) {
  std::string indent(first.size(), ' ');
  std::string out = first;
  for (char c : rest) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

}  // namespace

std::string usage_text(const std::string& program, bool advanced) {
  std::string rest = k_usage_tail;
  if (advanced) rest += k_usage_advanced;
  return align_usage("usage: " + program + " ", "-l <languages> " + rest) + "\n";
}

std::string help_text(const std::string& program, bool advanced) {
  return usage_text(program, advanced) + k_help_body + (advanced ? k_help_advanced : "") +
         k_help_examples;
}

std::string version_text(const std::string& program) {
  // The corpus matches the licence lines as the last ones (README.md, docs/index.md): what
  // v11 adds (location, dependencies) goes before the copyright.
  const std::string fmt_version = std::to_string(FMT_VERSION / 10000) + "." +
                                  std::to_string(FMT_VERSION / 100 % 100) + "." +
                                  std::to_string(FMT_VERSION % 100);
  return program +
         " " BYEXAMPLE_VERSION
         " (Python byexample compatible, C++20) - GNU GPLv3\n\n"
         "Write snippets of code in C++, Python, Ruby, and others as documentation and\n"
         "execute them as regression tests.\n\n"
         "Dependencies: PCRE2 (" +
         pcre2_version() + "), CLI11 (" CLI11_VERSION "), fmt (" + fmt_version +
         "), libvterm\n\n"
         "Copyright (C) Di Paola Martin - https://byexamples.github.io\n"
         "This program is free software: you can redistribute it and/or modify\n"
         "it under the terms of the GNU General Public License as published by\n"
         "the Free Software Foundation, either version 3 of the License, or\n"
         "(at your option) any later version.\n";
}

std::string bash_completion_script(const std::string& program) {
  // The argcomplete protocol (spec §6.5): bash calls the driver itself with _ARGCOMPLETE set
  // and reads the candidates from file descriptor 8, separated by vertical tabs.
  return "_python_argcomplete() {\n"
         "    local IFS=$'\\013'\n"
         "    local SHELL_PID=$$\n"
         "    COMPREPLY=( $(IFS=\"$IFS\" \\\n"
         "    COMP_LINE=\"$COMP_LINE\" \\\n"
         "    COMP_POINT=\"$COMP_POINT\" \\\n"
         "    _ARGCOMPLETE=1 \\\n"
         "    _BYEXAMPLE_ARGCOMPLETE_SHELL_PID=$SHELL_PID \\\n"
         "    \"$1\" 8>&1 9>&2 1>/dev/null 2>/dev/null) )\n"
         "    if [[ $? != 0 ]]; then\n"
         "        unset COMPREPLY\n"
         "    fi\n"
         "}\n"
         "complete -o nospace -o bashdefault -F _python_argcomplete " +
         program + "\n";
}

}  // namespace bx
