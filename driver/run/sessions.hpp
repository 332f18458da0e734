// The sessions of the live interpreters (each runs in its own session, see pty.hpp) and how
// to kill every process left in them. Everything here is async-signal-safe.
#pragma once

#include <sys/types.h>

#include <span>

namespace bx::sessions {

/// Remembers a live interpreter whose process id is also its session and group id.
void add(pid_t sid) noexcept;
void remove(pid_t sid) noexcept;

/// Kills (SIGKILL) every process of the sessions `sids` except their leaders: background
/// jobs in their own process groups and detached children included. One scan of /proc
/// serves all the sessions.
void kill_members(std::span<const pid_t> sids) noexcept;

}  // namespace bx::sessions
