#include "driver/jobs/scheduler.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "driver/concern/progress_bar.hpp"
#include "driver/jobs/file_executor.hpp"
#include "driver/run/private_dir.hpp"
#include "driver/run/pty.hpp"
#include "driver/run/user_abort.hpp"
#include "driver/util/affinity.hpp"
#include "driver/util/log.hpp"

namespace bx {

namespace {

constexpr int k_exit_error = 3;
constexpr int k_exit_skipped = 77;

int status_of(const FileResult& result, bool tap) {
  if (result.error) return k_exit_error;
  if (result.user_aborted) return 2;
  if (tap) return 0;
  if (result.aborted) return 2;
  return result.failed ? 1 : 0;
}

/// Whether a result stops the scheduling (§8.4): remaining files are never processed.
bool stops_scheduling(const FileResult& result, bool fail_fast) {
  return ((result.failed || result.aborted) && fail_fast) || result.user_aborted || result.error;
}

/// The queue between the main thread and the workers. A result that stops the scheduling
/// stops it as it is put, under the same lock as take(), so no file starts after it (the
/// reference gets the same by having the main thread hand out one file per result).
class FileQueue {
 public:
  FileQueue(const std::vector<std::string>& files, bool fail_fast, int workers)
      : m_pending(files.begin(), files.end()), m_fail_fast(fail_fast), m_workers_alive(workers) {}

  /// The next file to run, or false when scheduling stopped or nothing is left.
  bool take(std::string& file) {
    std::lock_guard<std::mutex> guard(m_mutex);
    if (m_stopped || m_pending.empty()) return false;
    file = std::move(m_pending.front());
    m_pending.pop_front();
    return true;
  }
  void put_result(const FileResult& result) {
    {
      std::lock_guard<std::mutex> guard(m_mutex);
      m_results.push_back(result);
      if (stops_scheduling(result, m_fail_fast)) m_stopped = true;
    }
    m_changed.notify_all();
  }
  void stop() {
    std::lock_guard<std::mutex> guard(m_mutex);
    m_stopped = true;
  }
  /// A worker ended: it will put no more results.
  void worker_done() {
    {
      std::lock_guard<std::mutex> guard(m_mutex);
      --m_workers_alive;
    }
    m_changed.notify_all();
  }
  /// Waits for the next result; false once every worker is done.
  bool next_result(FileResult& result) {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [&] { return !m_results.empty() || m_workers_alive == 0; });
    if (m_results.empty()) return false;
    result = m_results.front();
    m_results.pop_front();
    return true;
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<std::string> m_pending;
  std::deque<FileResult> m_results;
  const bool m_fail_fast;
  int m_workers_alive;
  bool m_stopped = false;
};

/// Ctrl-C and SIGTERM are taken by one thread with sigwait(), so workers never see them
/// (spec §8.5). First Ctrl-C: stop scheduling and abort the running examples, whose files
/// then report and shut their interpreters down. Second Ctrl-C or SIGTERM: kill every
/// interpreter and leave.
class SignalWatcher {
 public:
  SignalWatcher(std::atomic<bool>& user_aborted, FileQueue& queue)
      : m_user_aborted(user_aborted), m_queue(queue) {
    sigemptyset(&m_signals);
    sigaddset(&m_signals, SIGINT);
    sigaddset(&m_signals, SIGTERM);
    sigaddset(&m_signals, SIGUSR1);  // our own wake-up to end the watcher
    pthread_sigmask(SIG_BLOCK, &m_signals, &m_previous);
    m_thread = std::thread([this] { watch(); });
  }
  ~SignalWatcher() {
    pthread_kill(m_thread.native_handle(), SIGUSR1);
    m_thread.join();
    pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
  }
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

 private:
  void watch() {
    int interrupts = 0;
    while (true) {
      int signal = 0;
      if (sigwait(&m_signals, &signal) != 0 || signal == SIGUSR1) return;
      if (signal == SIGINT && ++interrupts == 1) {
        log::note("", "User aborted. Waiting to finish the current active executions...");
        m_user_aborted = true;
        m_queue.stop();
        user_abort::raise();  // after the flag: the workers see both when their waits end
        continue;
      }
      if (signal == SIGINT) {
        log::warn("",
                  "Not waiting for the current active executions to finish...\nPressing more "
                  "times Ctrl-C will force an immediate shutdown\nbut it will leave resources "
                  "uncleaned (dangerous/unsafe).");
      }
      release_terminal_now();
      kill_all_interpreters();
      remove_all_private_dirs();
      _exit(signal == SIGTERM ? 128 + SIGTERM : 2);
    }
  }

  std::atomic<bool>& m_user_aborted;
  FileQueue& m_queue;
  sigset_t m_signals;
  sigset_t m_previous;
  std::thread m_thread;
};

/// One worker thread: builds its runner, then runs files until none is left.
void work(int job, int workers, FileQueue& queue, const FileRunnerFactory& factory,
          const std::atomic<bool>& user_aborted, std::atomic<bool>& init_failed) {
  if (workers > 1) affinity::pin_current_thread(job);
  std::unique_ptr<FileRunner> runner;
  try {
    runner = factory(job, user_aborted);
  } catch (const std::exception& error) {
    if (!init_failed.exchange(true)) {
      log::error("", std::string("Something went wrong initializing byexample:\n") + error.what());
    }
    queue.put_result(FileResult{true, true, false, true});
    queue.worker_done();
    return;
  }
  std::string file;
  while (queue.take(file)) queue.put_result(runner->run_file(file));
  runner.reset();  // the worker's extension instances end in their own thread
  queue.worker_done();
}

}  // namespace

int worker_count(int jobs, std::size_t files) {
  const int wanted = std::max(jobs, 1);
  if (static_cast<std::size_t>(wanted) <= files) return wanted;
  return std::max(1, static_cast<int>(files));
}

ScheduleResult schedule_files(const std::vector<std::string>& files,
                              const ScheduleSettings& settings, const FileRunnerFactory& factory) {
  const int workers = worker_count(settings.jobs, files.size());
  FileQueue queue(files, settings.fail_fast, workers);
  std::atomic<bool> user_aborted{false};
  std::atomic<bool> init_failed{false};
  user_abort::clear();
  SignalWatcher watcher(user_aborted, queue);

  affinity::remember_process_cpus();
  std::vector<std::thread> threads;
  for (int job = 0; job < workers; ++job) {
    threads.emplace_back(
        [&, job] { work(job, workers, queue, factory, user_aborted, init_failed); });
  }

  ScheduleResult outcome;
  bool any_ran = false;
  bool any_skipped = false;
  FileResult result;
  while (queue.next_result(result)) {
    if (user_aborted) result.user_aborted = true;
    any_ran = any_ran || result.ran;
    any_skipped = any_skipped || result.skipped;
    outcome.status = std::max(outcome.status, status_of(result, settings.tap));
  }
  for (auto& thread : threads) thread.join();
  outcome.user_aborted = user_aborted;
  // Under --tap the plan `1..0 # SKIP` says it; TAP readers take a non-zero exit as an error.
  if (outcome.status == 0 && any_skipped && !any_ran && !settings.tap) {
    outcome.status = k_exit_skipped;
  }
  return outcome;
}

int run_jobs(const std::vector<std::string>& files, const WorkerSetup& setup,
             Extensions& extensions, const ScheduleSettings& settings) {
  Config worker_cfg = extensions.config();
  worker_cfg.allowed_languages = setup.languages;
  auto factory = [&](int job, const std::atomic<bool>& user_aborted) {
    return std::make_unique<FileExecutor>(setup, extensions.instantiate_worker(worker_cfg, job),
                                          user_aborted);
  };
  ScheduleResult outcome = schedule_files(files, settings, factory);
  wait_for_reaper();  // no interpreter outlives the run
  try {
    extensions.finish_run(RunOutcome{outcome.status, outcome.user_aborted});
  } catch (const std::exception& error) {
    log::error("", std::string("Something went wrong finishing the run:\n") + error.what());
    outcome.status = std::max(outcome.status, k_exit_error);
  }
  return outcome.status;
}

}  // namespace bx
