// CPU affinity of the worker threads (issue 4's speed-up with --jobs).
//
// Each example is a ping-pong between a worker and its interpreter through a pty, and every
// pty write is handed to a kernel worker before the reader wakes up. Left to the scheduler,
// the two pairs of a --jobs 2 run keep migrating and waking each other's CPUs: on a 2-core
// machine the run used 1.2 CPUs. A worker pinned to one CPU keeps its pair's wake-ups local
// (the interpreter, woken by it, is placed beside it), and the run uses both. Interpreters
// are not pinned: what an example runs (a parallel build, say) gets every CPU as usual.
#pragma once

#include <sys/types.h>

namespace bx::affinity {

/// Remembers the CPUs this process may use; call it from the main thread before any
/// worker is pinned.
void remember_process_cpus();

/// Pins the calling thread to one of the remembered CPUs, chosen by `job`. Does nothing
/// when there is a single CPU or none was remembered.
void pin_current_thread(int job);

/// Gives `pid` (a child spawned by a pinned thread, which inherited its mask) the
/// process's CPUs back.
void release_child(pid_t pid);

}  // namespace bx::affinity
