#include "driver/run/reaper.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <iterator>
#include <memory>

#include "driver/run/pty.hpp"

extern char** environ;

namespace bx {
namespace {

PtySpawnRequest request(std::vector<std::string> argv) {
  PtySpawnRequest req;
  req.argv = std::move(argv);
  for (char** entry = environ; *entry != nullptr; ++entry) req.env.emplace_back(*entry);
  req.env.emplace_back("TERM=dumb");
  return req;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Reads until `needle` shows up (or 5 s pass).
void read_until(PtyProcess& process, std::string_view needle) {
  std::string out;
  auto start = std::chrono::steady_clock::now();
  while (out.find(needle) == std::string::npos && seconds_since(start) < 5) {
    if (process.read(out, 0.5) == PtyProcess::ReadStatus::eof) return;
  }
}

/// The pid that `sh` printed after "bg=" (the background job's).
pid_t background_pid(PtyProcess& process) {
  std::string out;
  auto start = std::chrono::steady_clock::now();
  while (out.find("bg=") == std::string::npos || out.find('\n', out.find("bg=")) == out.npos) {
    if (seconds_since(start) > 5 || process.read(out, 0.5) == PtyProcess::ReadStatus::eof) break;
  }
  auto at = out.find("bg=");
  return at == std::string::npos ? -1 : static_cast<pid_t>(std::stol(out.substr(at + 3)));
}

/// Whether the process is gone or a zombie that is not ours.
bool dead(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  auto paren = text.rfind(')');
  return paren == std::string::npos || paren + 2 >= text.size() || text[paren + 2] == 'Z';
}

bool reaped(pid_t pid) {
  return waitpid(pid, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

TEST(Reaper, HandOverReturnsAtOnceAndTheReaperEscalatesToKill) {
  // It ignores the hang-up and SIGINT: only SIGKILL, after two grace periods, ends it.
  PtyProcess sh(request({"sh", "-c", "trap '' HUP INT; echo ready; sleep 100"}));
  read_until(sh, "ready");
  pid_t pid = sh.pid();
  auto start = std::chrono::steady_clock::now();
  sh.hand_over();
  EXPECT_LT(seconds_since(start), 0.1);
  EXPECT_FALSE(dead(pid));
  wait_for_reaper();
  EXPECT_GE(seconds_since(start), 2 * PtyProcess::k_grace_seconds);
  EXPECT_TRUE(reaped(pid));
}

TEST(Reaper, AnInterpreterThatExitsOnHangUpIsReapedWithoutGracePeriods) {
  PtyProcess sh(request({"sh", "-c", "echo ready; sleep 100"}));
  read_until(sh, "ready");
  pid_t pid = sh.pid();
  auto start = std::chrono::steady_clock::now();
  sh.hand_over();
  EXPECT_TRUE(wait_reaped(pid));
  EXPECT_LT(seconds_since(start), PtyProcess::k_grace_seconds);
  EXPECT_TRUE(reaped(pid));
}

TEST(Reaper, KillsTheRestOfTheSessionBeforeReaping) {
  auto sh = std::make_unique<PtyProcess>(
      request({"sh", "-c", "set -m; sleep 100 & echo bg=$!; sleep 100"}));
  pid_t job = background_pid(*sh);
  ASSERT_GT(job, 0);
  pid_t pid = sh->pid();
  sh.reset();  // the destructor hands it over
  wait_for_reaper();
  EXPECT_TRUE(reaped(pid));
  for (int i = 0; i < 100 && !dead(job); ++i) usleep(10000);  // SIGKILL is asynchronous
  EXPECT_TRUE(dead(job));
}

TEST(Reaper, KillAllInterpretersReachesHandedOverProcesses) {
  PtyProcess sh(request({"sh", "-c", "trap '' HUP INT; echo ready; sleep 100"}));
  read_until(sh, "ready");
  pid_t pid = sh.pid();
  sh.hand_over();
  kill_all_interpreters();
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(wait_reaped(pid));
  EXPECT_LT(seconds_since(start), PtyProcess::k_grace_seconds);  // no escalation was needed
}

TEST(Reaper, TerminateWaitsForTheReaperAndIsIdempotent) {
  PtyProcess sh(request({"sh", "-c", "echo ready; sleep 100"}));
  read_until(sh, "ready");
  EXPECT_TRUE(sh.terminate());
  EXPECT_TRUE(reaped(sh.pid()));
  EXPECT_TRUE(sh.terminate());
}

}  // namespace
}  // namespace bx
