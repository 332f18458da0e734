#include "driver/run/pty.hpp"

#include <dirent.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "driver/run/user_abort.hpp"

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

/// Reads until `needle` shows up (or 5 s pass); returns everything read.
std::string read_until(PtyProcess& process, std::string_view needle) {
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (out.find(needle) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    if (process.read(out, 0.5) == PtyProcess::ReadStatus::eof) break;
  }
  return out;
}

/// The state letter of a process in /proc, 0 when it does not exist any more.
char state_of(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  auto paren = text.rfind(')');
  return paren == std::string::npos || paren + 2 >= text.size() ? 0 : text[paren + 2];
}

bool dead(pid_t pid) {
  char state = state_of(pid);
  return state == 0 || state == 'Z' || state == 'X';
}

/// Whether `pid` dies within a second (SIGKILL is delivered asynchronously).
bool gone(pid_t pid) {
  for (int i = 0; i < 100 && !dead(pid); ++i) usleep(10000);
  return dead(pid);
}

/// Processes of session `sid` other than its leader.
std::vector<pid_t> session_members(pid_t sid) {
  std::vector<pid_t> members;
  DIR* proc = opendir("/proc");
  while (dirent* entry = readdir(proc)) {
    pid_t pid = static_cast<pid_t>(std::atoi(entry->d_name));
    if (pid <= 0 || pid == sid) continue;
    std::ifstream stat(std::string("/proc/") + entry->d_name + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    auto paren = text.rfind(')');
    if (paren == std::string::npos) continue;
    std::istringstream fields(text.substr(paren + 1));
    char state;
    long ppid, pgrp, session;
    if (fields >> state >> ppid >> pgrp >> session && session == sid && !dead(pid)) {
      members.push_back(pid);
    }
  }
  closedir(proc);
  return members;
}

TEST(PtyProcess, EchoIsOffAtSpawn) {
  PtyProcess cat(request({"cat"}));
  EXPECT_FALSE(cat.echo());
  ASSERT_TRUE(cat.write("hello\n"));
  EXPECT_EQ(read_until(cat, "hello\r\n"), "hello\r\n");
}

TEST(PtyProcess, EchoCanBeTurnedOnAndOff) {
  PtySpawnRequest req = request({"cat"});
  req.echo = true;
  PtyProcess cat(req);
  EXPECT_TRUE(cat.echo());
  cat.write("one\n");
  EXPECT_EQ(read_until(cat, "one\r\none\r\n"), "one\r\none\r\n");
  cat.set_echo(false);
  EXPECT_FALSE(cat.echo());
  cat.write("two\n");
  EXPECT_EQ(read_until(cat, "two\r\n"), "two\r\n");
}

TEST(PtyProcess, ReadHonoursTheDeadline) {
  PtyProcess cat(request({"cat"}));
  std::string out;
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(cat.read(out, 0.1), PtyProcess::ReadStatus::timeout);
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_GE(elapsed, 0.09);
  EXPECT_LT(elapsed, 1.0);
  EXPECT_TRUE(out.empty());
}

TEST(PtyProcess, EndOfFile) {
  PtyProcess echo(request({"sh", "-c", "echo bye"}));
  std::string out;
  auto status = PtyProcess::ReadStatus::data;
  for (int i = 0; i < 20 && status != PtyProcess::ReadStatus::eof; ++i) status = echo.read(out, 1);
  EXPECT_EQ(status, PtyProcess::ReadStatus::eof);
  EXPECT_EQ(out, "bye\r\n");
}

TEST(PtyProcess, TheUsersFirstCtrlCEndsAWaitAsIfTheInterpreterHadClosed) {
  PtyProcess cat(request({"cat"}));
  std::thread first_ctrl_c([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    user_abort::raise();
  });
  std::string out;
  EXPECT_EQ(cat.read(out, 60), PtyProcess::ReadStatus::eof);  // not a timeout 60 s later
  first_ctrl_c.join();
  EXPECT_EQ(cat.read(out, 60), PtyProcess::ReadStatus::eof);  // and every wait after it
  user_abort::clear();
  ASSERT_TRUE(cat.write("back\n"));
  EXPECT_NE(read_until(cat, "back"), "");
}

TEST(PtyProcess, GeometryAndResize) {
  PtySpawnRequest req = request({"sh"});
  req.rows = 30;
  req.cols = 100;
  PtyProcess sh(req);
  sh.write("stty size; echo done\n");
  EXPECT_NE(read_until(sh, "done").find("30 100"), std::string::npos);
  sh.resize(12, 40);
  sh.write("stty size; echo again\n");
  EXPECT_NE(read_until(sh, "again").find("12 40"), std::string::npos);
}

TEST(PtyProcess, OwnSessionWithControllingTerminal) {
  PtyProcess sh(request({"sh"}));
  sh.write("echo \"$$ $(cut -d' ' -f6 /proc/$$/stat) $(tty)\"\n");
  std::string out = read_until(sh, "/dev/pts/");
  std::string pid = std::to_string(sh.pid());
  EXPECT_NE(out.find(pid + " " + pid + " /dev/pts/"), std::string::npos) << out;
}

TEST(PtyProcess, CommandNotFound) {
  try {
    PtyProcess missing(request({"no-such-program-for-byexample"}));
    FAIL() << "spawned";
  } catch (const SpawnError& error) {
    EXPECT_EQ(error.error_number(), ENOENT);
  }
  EXPECT_TRUE(find_executable("no-such-program-for-byexample", "/bin:/usr/bin").empty());
  EXPECT_EQ(find_executable("sh", "/nonexistent:/bin"), "/bin/sh");
}

TEST(PtyProcess, TerminateKillsTheWholeGroupAndReaps) {
  PtyProcess sh(request({"sh", "-c", "sleep 100 & sleep 100"}));
  pid_t pid = sh.pid();
  std::vector<pid_t> members;
  for (int i = 0; i < 100 && members.size() < 2; ++i) {
    members = session_members(pid);
    usleep(10000);
  }
  ASSERT_EQ(members.size(), 2u);
  EXPECT_TRUE(sh.terminate());
  EXPECT_EQ(waitpid(pid, nullptr, WNOHANG), -1);  // already reaped
  EXPECT_EQ(errno, ECHILD);
  for (pid_t member : members) EXPECT_TRUE(gone(member)) << member;
}

TEST(PtyProcess, TerminateKillsBackgroundJobsOfOtherGroups) {
  // With job control the background job gets its own process group in the same session.
  PtyProcess sh(request({"sh", "-c", "set -m; sleep 100 & echo started; sleep 100"}));
  read_until(sh, "started");
  std::vector<pid_t> members;
  for (int i = 0; i < 100 && members.size() < 2; ++i) {
    members = session_members(sh.pid());
    usleep(10000);
  }
  ASSERT_EQ(members.size(), 2u);
  EXPECT_TRUE(sh.terminate());
  for (pid_t member : members) EXPECT_TRUE(gone(member)) << member;
}

TEST(PtyProcess, KillAllInterpreters) {
  PtySpawnRequest req = request({"sh", "-c", "trap '' HUP INT; sleep 100"});
  PtyProcess first(req);
  PtyProcess second(req);
  kill_all_interpreters();
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(first.terminate());
  EXPECT_TRUE(second.terminate());
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(elapsed, 0.5);  // they were dead already: no grace period was needed
}

TEST(PtyProcess, KillAllInterpretersReachesEveryGroupOfTheSessions) {
  PtyProcess sh(request({"sh", "-c", "set -m; sleep 100 & echo started; sleep 100"}));
  read_until(sh, "started");
  std::vector<pid_t> members;
  for (int i = 0; i < 100 && members.size() < 2; ++i) {
    members = session_members(sh.pid());
    usleep(10000);
  }
  ASSERT_EQ(members.size(), 2u);
  kill_all_interpreters();
  for (pid_t member : members) EXPECT_TRUE(gone(member)) << member;
  EXPECT_TRUE(gone(sh.pid()));
}

}  // namespace
}  // namespace bx
