// The sessions of the live interpreters (each runs in its own session, see pty.hpp) and how
// to kill every process left in them. Everything here is async-signal-safe.
#pragma once

#include <sys/types.h>

namespace bx::sessions {

/// Remembers a live interpreter whose process id is also its session and group id.
void add(pid_t sid) noexcept;
void remove(pid_t sid) noexcept;

/// Kills (SIGKILL) every process of session `sid` except its leader: background jobs in
/// their own process groups and detached children included.
void kill_members(pid_t sid) noexcept;

}  // namespace bx::sessions
