// The jobs (spec §8.1, §8.4, §8.5): worker threads pull files from a queue; results come
// back to the main thread, which decides when to stop scheduling and aggregates the status.
#pragma once

#include <string>
#include <vector>

#include "driver/jobs/worker_setup.hpp"

namespace bx {

struct ScheduleSettings {
  int jobs = 1;
  bool fail_fast = false;  ///< --ff or -o +fail-fast: stop scheduling after a failing file
  /// --tap: failing and aborted examples are test points, not an exit status (issue 5).
  bool tap = false;
};

/// Runs every file and returns the exit status: the maximum over files of 1 (failed),
/// 2 (aborted or user-aborted), 3 (error) (§8.4); 77 when files were skipped because an
/// interpreter is missing and nothing else ran.
int run_jobs(const std::vector<std::string>& files, const WorkerSetup& setup,
             const ScheduleSettings& settings);

}  // namespace bx
