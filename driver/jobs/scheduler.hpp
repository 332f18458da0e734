// The jobs (spec §8.1, §8.4, §8.5): worker threads pull files from a queue; results come
// back to the main thread, which decides when to stop scheduling and aggregates the status.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "driver/concern/extensions.hpp"
#include "driver/jobs/worker_setup.hpp"

namespace bx {

struct ScheduleSettings {
  int jobs = 1;
  bool fail_fast = false;  ///< --ff or -o +fail-fast: stop scheduling after a failing file
  /// --tap: failing and aborted examples are test points, not an exit status (issue 5).
  bool tap = false;
};

/// What a worker does with a file; made once per worker, in the worker's thread.
class FileRunner {
 public:
  virtual ~FileRunner() = default;
  virtual FileResult run_file(const std::string& filepath) = 0;
};

/// Makes the runner of worker `job` (0 .. workers-1). `user_aborted` is raised by the first
/// Ctrl-C. A factory that throws makes that worker end with an error result.
using FileRunnerFactory =
    std::function<std::unique_ptr<FileRunner>(int job, const std::atomic<bool>& user_aborted)>;

struct ScheduleResult {
  /// The maximum over files of 1 (failed), 2 (aborted or user-aborted), 3 (error) (§8.4);
  /// 77 when files were skipped because an interpreter is missing and nothing else ran.
  int status = 0;
  bool user_aborted = false;
};

/// The number of workers for `jobs` and `files` files: min(jobs, files), at least 1.
int worker_count(int jobs, std::size_t files);

/// Runs `files` on worker_count() threads, each pulling the next file when it is free.
/// Scheduling stops after an error, a user abort or (with fail_fast) a failure; files
/// already running complete. The first Ctrl-C stops scheduling and raises user_aborted;
/// a second one, or SIGTERM, kills every interpreter and leaves at once.
ScheduleResult schedule_files(const std::vector<std::string>& files,
                              const ScheduleSettings& settings, const FileRunnerFactory& factory);

/// Runs every file with the worker instances of `extensions` (whose main-thread instances
/// are built), then calls finish_run on the main-thread concerns; returns the exit status.
int run_jobs(const std::vector<std::string>& files, const WorkerSetup& setup,
             Extensions& extensions, const ScheduleSettings& settings);

}  // namespace bx
