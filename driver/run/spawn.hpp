// Starting an interpreter as the leader of a new session on a pseudo-terminal (spec §4.2),
// with posix_spawn(): unlike fork() it does not copy the driver's page tables.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace bx {

/// What to execute: the resolved path, argv and the whole environment ("NAME=value").
struct ExecPlan {
  std::string path;
  std::vector<std::string> argv;
  std::vector<std::string> env;
};

/// For `env [-u NAME | -uNAME | --unset=NAME]... [--] program [args]...`, the form the
/// runners' default command lines take, the plan that env itself would execute: `program`
/// found in the PATH of the environment without those names, with argv[0] as written.
/// Executing it directly saves an exec of env (about a millisecond) per interpreter.
/// nullopt for anything else (other options, assignments, no program, a program that is
/// not found), which is left to env.
std::optional<ExecPlan> plan_without_env(const ExecPlan& plan);

/// Starts `plan` in a new session whose controlling terminal and standard streams are the
/// terminal at `terminal_path`, with every signal at its default action and unblocked and
/// no other descriptor open. With `stdin_fd` >= 0 that descriptor becomes the standard
/// input instead (the terminal stays the controlling one, and stdout and stderr).
/// Returns 0 and sets `pid`, or the errno of the failure.
int spawn_on_terminal(const std::string& terminal_path, const ExecPlan& plan, pid_t& pid,
                      int stdin_fd = -1);

}  // namespace bx
