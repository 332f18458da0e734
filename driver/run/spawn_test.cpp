#include "driver/run/spawn.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>

#include "driver/run/pty.hpp"

namespace bx {
namespace {

using Strings = std::vector<std::string>;

ExecPlan env_plan(Strings argv, Strings env = {"PS1=$ ", "PATH=/nonexistent:/bin", "PS2=> "}) {
  return ExecPlan{"/usr/bin/env", std::move(argv), std::move(env)};
}

TEST(PlanWithoutEnv, UnsetsTheNamesAndFindsTheProgramInThePath) {
  auto direct = plan_without_env(
      env_plan({"/usr/bin/env", "-u", "PS1", "-uPS2", "--unset=LESS", "sh", "-c", "echo $0"}));
  ASSERT_TRUE(direct.has_value());
  EXPECT_EQ(direct->path, "/bin/sh");
  EXPECT_EQ(direct->argv, (Strings{"sh", "-c", "echo $0"}));
  EXPECT_EQ(direct->env, (Strings{"PATH=/nonexistent:/bin"}));
}

TEST(PlanWithoutEnv, TheProgramMayFollowADoubleDashOrBeAPath) {
  auto direct = plan_without_env(env_plan({"env", "--", "sh"}));
  ASSERT_TRUE(direct.has_value());
  EXPECT_EQ(direct->argv, (Strings{"sh"}));
  direct = plan_without_env(env_plan({"env", "/bin/sh", "-i"}));
  ASSERT_TRUE(direct.has_value());
  EXPECT_EQ(direct->path, "/bin/sh");
  EXPECT_EQ(direct->env.size(), 3u);
}

TEST(PlanWithoutEnv, LeavesEverythingElseToEnv) {
  EXPECT_FALSE(plan_without_env(env_plan({"/bin/sh", "-c", "true"})).has_value());
  EXPECT_FALSE(plan_without_env(env_plan({"env", "-i", "sh"})).has_value());
  EXPECT_FALSE(plan_without_env(env_plan({"env", "FOO=1", "sh"})).has_value());
  EXPECT_FALSE(plan_without_env(env_plan({"env", "-u", "PS1"})).has_value());
  EXPECT_FALSE(plan_without_env(env_plan({"env", "-u"})).has_value());
  EXPECT_FALSE(plan_without_env(env_plan({"env", "-u", "A=B", "sh"})).has_value());
  EXPECT_FALSE(plan_without_env(env_plan({"env", "no-such-program-for-byexample"})).has_value());
  // Without a PATH, env searches /bin:/usr/bin as execvp does.
  auto direct = plan_without_env(env_plan({"env", "-u", "PATH", "sh"}));
  ASSERT_TRUE(direct.has_value());
  EXPECT_EQ(direct->path, "/bin/sh");
}

/// Everything the process prints until it exits (or 5 s pass).
std::string output_of(PtyProcess& process) {
  std::string out;
  auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(5)) {
    if (process.read(out, 0.5) == PtyProcess::ReadStatus::eof) break;
  }
  return out;
}

TEST(SpawnOnTerminal, TheTerminalIsTheControllingOneOfANewSession) {
  PtySpawnRequest request;
  request.argv = {"/usr/bin/env",
                  "-u",
                  "HOME",
                  "sh",
                  "-c",
                  "echo home=${HOME-unset} $0; "
                  "[ $$ = $(cut -d' ' -f6 /proc/$$/stat) ] && : </dev/tty && echo ok"};
  request.env = {"PATH=/usr/bin:/bin", "HOME=/root"};
  PtyProcess process(request);
  EXPECT_EQ(output_of(process), "home=unset sh\r\nok\r\n");
}

TEST(SpawnOnTerminal, AScriptWithoutAnInterpreterLineIsLeftToEnv) {
  char path[] = "/tmp/byexample-spawn-XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  close(fd);
  std::ofstream(path) << "echo from a script\n";
  chmod(path, 0700);
  PtySpawnRequest request;
  request.argv = {"/usr/bin/env", path};
  request.env = {"PATH=/usr/bin:/bin"};
  PtyProcess process(request);
  EXPECT_EQ(output_of(process), "from a script\r\n");
  std::remove(path);
}

TEST(SpawnOnTerminal, AStdinPipeReplacesTheTerminalAsInputOnly) {
  PtySpawnRequest request;
  request.argv = {
      "sh", "-c",
      "[ -t 0 ] || echo input-is-no-tty; [ -t 1 ] && [ -t 2 ] && echo outputs-are-ttys; "
      ": </dev/tty && echo controlling; read line; echo got=$line"};
  request.env = {"PATH=/usr/bin:/bin"};
  request.stdin_pipe = true;
  PtyProcess process(request);
  ASSERT_TRUE(process.write("hello\n"));
  EXPECT_EQ(output_of(process),
            "input-is-no-tty\r\noutputs-are-ttys\r\ncontrolling\r\ngot=hello\r\n");
}

TEST(SpawnOnTerminal, WritingToTheStdinPipeOfAFinishedProgramFails) {
  PtySpawnRequest request;
  request.argv = {"sh", "-c", "echo bye"};
  request.env = {"PATH=/usr/bin:/bin"};
  request.stdin_pipe = true;
  PtyProcess process(request);
  EXPECT_EQ(output_of(process), "bye\r\n");
  // No reader left (the terminal may hang up just before the pipe closes): an error, not a
  // SIGPIPE that would end the test program.
  bool written = true;
  for (int i = 0; i < 100 && written; ++i) {
    written = process.write("ignored\n");
    if (written) usleep(10000);
  }
  EXPECT_FALSE(written);
}

}  // namespace
}  // namespace bx
