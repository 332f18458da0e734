#include "driver/util/affinity.hpp"

#include <sched.h>

#include <atomic>

namespace bx::affinity {

namespace {

cpu_set_t g_process_cpus;
std::atomic<bool> g_remembered{false};
thread_local bool t_pinned = false;

}  // namespace

void remember_process_cpus() {
  CPU_ZERO(&g_process_cpus);
  if (sched_getaffinity(0, sizeof(g_process_cpus), &g_process_cpus) == 0) g_remembered = true;
}

void pin_current_thread(int job) {
  if (!g_remembered || CPU_COUNT(&g_process_cpus) < 2) return;
  int wanted = job % CPU_COUNT(&g_process_cpus);
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (!CPU_ISSET(cpu, &g_process_cpus) || wanted-- > 0) continue;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    t_pinned = sched_setaffinity(0, sizeof(one), &one) == 0;
    return;
  }
}

void release_child(pid_t pid) {
  if (t_pinned) sched_setaffinity(pid, sizeof(g_process_cpus), &g_process_cpus);
}

}  // namespace bx::affinity
