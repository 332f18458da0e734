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

}  // namespace
}  // namespace bx
