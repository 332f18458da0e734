#include "driver/jobs/scheduler.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "driver/jobs/file_executor.hpp"
#include "driver/run/pty.hpp"
#include "driver/util/log.hpp"

namespace bx {

namespace {

constexpr int k_exit_skipped = 77;

int status_of(const FileResult& result, bool tap) {
  if (result.error) return 3;
  if (result.user_aborted) return 2;
  if (tap) return 0;
  if (result.aborted) return 2;
  return result.failed ? 1 : 0;
}

/// The queue between the main thread and the workers.
class FileQueue {
 public:
  explicit FileQueue(const std::vector<std::string>& files)
      : m_pending(files.begin(), files.end()) {}

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
    }
    m_changed.notify_all();
  }
  void stop() {
    std::lock_guard<std::mutex> guard(m_mutex);
    m_stopped = true;
  }
  /// Waits for the next result; false once every worker is done.
  bool next_result(FileResult& result, const std::atomic<int>& workers_alive) {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [&] { return !m_results.empty() || workers_alive.load() == 0; });
    if (m_results.empty()) return false;
    result = m_results.front();
    m_results.pop_front();
    return true;
  }
  /// Takes the lock before notifying so that a waiter between its check and its wait
  /// cannot miss the wake-up.
  void wake() {
    { std::lock_guard<std::mutex> guard(m_mutex); }
    m_changed.notify_all();
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<std::string> m_pending;
  std::deque<FileResult> m_results;
  bool m_stopped = false;
};

/// Ctrl-C and SIGTERM are taken by one thread with sigwait(), so workers never see them
/// (spec §8.5). First Ctrl-C: stop scheduling and let running files finish. Second Ctrl-C
/// or SIGTERM: kill every interpreter and leave.
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

 private:
  void watch() {
    int interrupts = 0;
    while (true) {
      int signal = 0;
      if (sigwait(&m_signals, &signal) != 0 || signal == SIGUSR1) return;
      if (signal == SIGINT && ++interrupts == 1) {
        log::info("", "User aborted. Waiting to finish the current active executions...");
        m_user_aborted = true;
        m_queue.stop();
        m_queue.wake();
        continue;
      }
      if (signal == SIGINT) {
        log::warn("",
                  "Not waiting for the current active executions to finish...\nPressing more "
                  "times Ctrl-C will force an immediate shutdown\nbut it will leave resources "
                  "uncleaned (dangerous/unsafe).");
      }
      kill_all_interpreters();
      _exit(signal == SIGTERM ? 128 + SIGTERM : 2);
    }
  }

  std::atomic<bool>& m_user_aborted;
  FileQueue& m_queue;
  sigset_t m_signals;
  sigset_t m_previous;
  std::thread m_thread;
};

}  // namespace

int run_jobs(const std::vector<std::string>& files, const WorkerSetup& setup,
             const ScheduleSettings& settings) {
  FileQueue queue(files);
  std::atomic<bool> user_aborted{false};
  SignalWatcher watcher(user_aborted, queue);

  const int workers = std::max(1, std::min<int>(settings.jobs, static_cast<int>(files.size())));
  std::atomic<int> workers_alive{workers};
  std::vector<std::thread> threads;
  for (int job = 0; job < workers; ++job) {
    threads.emplace_back([&] {
      FileExecutor executor(setup, user_aborted);
      std::string file;
      while (queue.take(file)) queue.put_result(executor.run_file(file));
      --workers_alive;
      queue.wake();
    });
  }

  int status = 0;
  bool any_ran = false;
  bool any_skipped = false;
  FileResult result;
  while (queue.next_result(result, workers_alive)) {
    if (user_aborted) result.user_aborted = true;
    any_ran = any_ran || result.ran;
    any_skipped = any_skipped || result.skipped;
    status = std::max(status, status_of(result, settings.tap));
    if (((result.failed || result.aborted) && settings.fail_fast) || result.user_aborted ||
        result.error) {
      queue.stop();
    }
  }
  for (auto& thread : threads) thread.join();
  if (status == 0 && any_skipped && !any_ran) return k_exit_skipped;
  return status;
}

}  // namespace bx
