// The process-wide reaper (spec §4.9): an interpreter being shut down is handed to one
// thread that escalates hang-up -> SIGHUP, SIGCONT, SIGINT -> SIGKILL on its process group,
// kills whatever is left of its session and reaps it. The worker that shut it down moves on
// at once instead of paying the interpreter's exit time for every file.
#pragma once

#include <sys/types.h>

#include <string>

namespace bx {

/// What the reaper logs when a process survives SIGKILL.
struct ReapWarning {
  std::string logger;  ///< e.g. "exec.python"; empty: nothing is logged
  std::string message;
};

/// A process handed to the reaper: the leader of its own session whose terminal is
/// already closed (the hang-up), with its pidfd (-1 without one; the reaper closes it).
struct ReapRequest {
  pid_t pid = -1;
  int pidfd = -1;
  double grace_seconds = 0.5;  ///< the wait after the hang-up and after SIGHUP/SIGCONT/SIGINT
  ReapWarning warning;
};

/// Takes over the process and returns at once. Until it is reaped it stays registered in
/// the live sessions, so kill_all_interpreters() still reaches it.
void hand_to_reaper(ReapRequest request);

/// Waits until the process `pid` handed to the reaper is reaped (true) or survived SIGKILL
/// (false).
bool wait_reaped(pid_t pid) noexcept;

/// Waits until every process handed to the reaper is reaped or has survived SIGKILL. The
/// driver calls it before exiting so that no interpreter outlives byexample; it is also
/// registered with atexit() once the reaper starts.
void wait_for_reaper() noexcept;

}  // namespace bx
