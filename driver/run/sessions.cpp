#include "driver/run/sessions.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstddef>

#include "driver/run/pty.hpp"

namespace bx {

namespace {

constexpr std::size_t k_registry_size = 1024;
/// Lock-free so that a signal path can read it.
std::atomic<pid_t> g_live[k_registry_size];

/// Parses the decimal number at `text`, advancing it; -1 if there is none.
long parse_number(const char*& text, const char* end) {
  long value = -1;
  while (text < end && *text >= '0' && *text <= '9')
    value = (value < 0 ? 0 : value * 10) + (*text++ - '0');
  return value;
}

/// Calls `visit(pid, session)` for every process, with system calls only.
template <class Visit>
void for_each_process(Visit visit) noexcept {
  int dir = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return;
  alignas(dirent64) char buffer[8192];
  while (true) {
    long n = syscall(SYS_getdents64, dir, buffer, sizeof(buffer));
    if (n <= 0) break;
    for (long offset = 0; offset < n;) {
      const auto* entry = reinterpret_cast<const dirent64*>(buffer + offset);
      offset += entry->d_reclen;
      const char* name = entry->d_name;
      const char* name_end = name;
      while (*name_end != '\0') ++name_end;
      const char* cursor = name;
      long pid = parse_number(cursor, name_end);
      // getsid() of any process, one system call (Linux never answers EPERM).
      if (pid > 0 && cursor == name_end)
        visit(static_cast<pid_t>(pid), long{getsid(static_cast<pid_t>(pid))});
    }
  }
  close(dir);
}

bool is_live(long sid) {
  for (const auto& slot : g_live) {
    if (sid > 0 && slot.load() == sid) return true;
  }
  return false;
}

}  // namespace

void sessions::add(pid_t sid) noexcept {
  for (auto& slot : g_live) {
    pid_t expected = 0;
    if (slot.compare_exchange_strong(expected, sid)) return;
  }
}

void sessions::remove(pid_t sid) noexcept {
  for (auto& slot : g_live) {
    pid_t expected = sid;
    if (slot.compare_exchange_strong(expected, 0)) return;
  }
}

void sessions::kill_members(std::span<const pid_t> sids) noexcept {
  for (pid_t sid : sids) killpg(sid, SIGKILL);
  for_each_process([sids](pid_t pid, long session) {
    if (pid != session && std::find(sids.begin(), sids.end(), session) != sids.end()) {
      kill(pid, SIGKILL);
    }
  });
}

void kill_all_interpreters() noexcept {
  for (const auto& slot : g_live) {
    pid_t sid = slot.load();
    if (sid > 0) killpg(sid, SIGKILL);
  }
  for_each_process([](pid_t pid, long session) {
    if (is_live(session)) kill(pid, SIGKILL);
  });
}

}  // namespace bx
