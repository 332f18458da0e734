#include "driver/run/reaper.hpp"

#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "driver/run/sessions.hpp"
#include "driver/util/log.hpp"

namespace bx {

namespace {

constexpr double k_kill_wait = 2.0;
/// Without a pidfd the exit is polled for every millisecond.
constexpr double k_tick = 0.001;
constexpr double k_never = std::numeric_limits<double>::infinity();

double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

bool has_exited(pid_t pid) noexcept {
  siginfo_t info{};
  return waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
         info.si_pid == pid;
}

class Reaper {
 public:
  Reaper() : m_wakeup(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    if (m_wakeup < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
    // Signals are for the driver's signal thread, never for this one.
    sigset_t all;
    sigset_t previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    try {
      std::thread([this] { loop(); }).detach();
    } catch (...) {
      pthread_sigmask(SIG_SETMASK, &previous, nullptr);
      close(m_wakeup);
      throw;
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  }

  void adopt(ReapRequest request) {
    {
      std::lock_guard<std::mutex> guard(m_mutex);
      double deadline = now() + request.grace_seconds;
      m_entries.push_back(Entry{std::move(request), Stage::hung_up, deadline});
    }
    wake();
  }

  bool wait_for(pid_t pid) {
    std::unique_lock<std::mutex> lock(m_mutex);
    auto entry = [&] {
      return std::find_if(m_entries.begin(), m_entries.end(),
                          [&](const Entry& e) { return e.request.pid == pid; });
    };
    m_changed.wait(lock, [&] { return entry() == m_entries.end() || entry()->abandoned(); });
    return entry() == m_entries.end();
  }

  void wait_all() {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [&] {
      return std::all_of(m_entries.begin(), m_entries.end(),
                         [](const Entry& e) { return e.abandoned(); });
    });
  }

 private:
  enum class Stage { hung_up, interrupted, killed, abandoned, exited };
  struct Entry {
    ReapRequest request;
    Stage stage;
    double deadline;
    bool abandoned() const { return stage == Stage::abandoned; }
  };

  void wake() noexcept {
    std::uint64_t one = 1;
    [[maybe_unused]] auto written = write(m_wakeup, &one, sizeof(one));
  }

  [[noreturn]] void loop() {
    while (true) {
      sleep_until_due();
      std::vector<pid_t> exited = step();
      if (exited.empty()) continue;
      // Only the leader's zombie keeps its session id from being reused: the rest of the
      // session is killed before the leader is reaped.
      sessions::kill_members(exited);
      for (pid_t pid : exited) {
        while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
        }
        sessions::remove(pid);
      }
      finish(exited);
    }
  }

  /// Waits for an exit, a new process or the next deadline.
  void sleep_until_due() {
    std::vector<pollfd> fds{{m_wakeup, POLLIN, 0}};
    double due = k_never;
    {
      std::lock_guard<std::mutex> guard(m_mutex);
      for (const Entry& entry : m_entries) {
        if (entry.request.pidfd >= 0) {
          fds.push_back({entry.request.pidfd, POLLIN, 0});
        } else {
          due = std::min(due, now() + k_tick);
        }
        if (!entry.abandoned()) due = std::min(due, entry.deadline);
      }
    }
    double left = std::max(due - now(), 0.0);
    timespec wait{static_cast<time_t>(left),
                  static_cast<long>((left - static_cast<double>(static_cast<time_t>(left))) * 1e9)};
    ppoll(fds.data(), fds.size(), due == k_never ? nullptr : &wait, nullptr);
    std::uint64_t count = 0;
    [[maybe_unused]] auto got = read(m_wakeup, &count, sizeof(count));
  }

  /// Marks the processes that exited and escalates on the others whose time is up.
  std::vector<pid_t> step() {
    std::vector<pid_t> exited;
    std::vector<ReapWarning> warnings;
    {
      std::lock_guard<std::mutex> guard(m_mutex);
      double at = now();
      for (Entry& entry : m_entries) {
        if (entry.stage == Stage::exited) continue;
        if (has_exited(entry.request.pid)) {
          entry.stage = Stage::exited;
          exited.push_back(entry.request.pid);
        } else if (!entry.abandoned() && at >= entry.deadline) {
          escalate(entry, at);
          if (entry.abandoned()) warnings.push_back(entry.request.warning);
        }
      }
    }
    if (!warnings.empty()) m_changed.notify_all();
    for (const ReapWarning& warning : warnings) {
      if (!warning.logger.empty()) log::warn(warning.logger, warning.message);
    }
    return exited;
  }

  static void escalate(Entry& entry, double at) noexcept {
    pid_t pid = entry.request.pid;
    switch (entry.stage) {
      case Stage::hung_up:
        for (int sig : {SIGHUP, SIGCONT, SIGINT}) killpg(pid, sig);
        entry.stage = Stage::interrupted;
        entry.deadline = at + entry.request.grace_seconds;
        break;
      case Stage::interrupted:
        killpg(pid, SIGKILL);
        kill(pid, SIGKILL);
        entry.stage = Stage::killed;
        entry.deadline = at + k_kill_wait;
        break;
      default:
        entry.stage = Stage::abandoned;
        entry.deadline = k_never;
    }
  }

  /// Forgets the reaped processes.
  void finish(const std::vector<pid_t>& reaped) {
    {
      std::lock_guard<std::mutex> guard(m_mutex);
      std::erase_if(m_entries, [&](const Entry& entry) {
        bool done = std::find(reaped.begin(), reaped.end(), entry.request.pid) != reaped.end();
        if (done && entry.request.pidfd >= 0) close(entry.request.pidfd);
        return done;
      });
    }
    m_changed.notify_all();
  }

  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::vector<Entry> m_entries;
  int m_wakeup;
};

/// Set once the reaper exists: waiting for it must not start it.
std::atomic<Reaper*> g_reaper{nullptr};

Reaper& reaper() {
  // Never destroyed: its thread may still be waiting while static objects are destroyed.
  static Reaper* const instance = [] {
    auto* created = new Reaper;
    g_reaper = created;
    std::atexit(wait_for_reaper);
    return created;
  }();
  return *instance;
}

}  // namespace

void hand_to_reaper(ReapRequest request) {
  reaper().adopt(std::move(request));
}

bool wait_reaped(pid_t pid) noexcept {
  Reaper* instance = g_reaper.load();
  return instance == nullptr || instance->wait_for(pid);
}

void wait_for_reaper() noexcept {
  if (Reaper* instance = g_reaper.load()) instance->wait_all();
}

}  // namespace bx
