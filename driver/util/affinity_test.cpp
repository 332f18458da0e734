#include "driver/util/affinity.hpp"

#include <gtest/gtest.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <thread>

namespace bx::affinity {
namespace {

int cpus_of(pid_t pid) {
  cpu_set_t set;
  CPU_ZERO(&set);
  EXPECT_EQ(sched_getaffinity(pid, sizeof(set), &set), 0);
  return CPU_COUNT(&set);
}

class Affinity : public ::testing::Test {
 protected:
  // On a one-CPU machine nothing is pinned and every count below is 1 all the same.
  void SetUp() override { remember_process_cpus(); }
};

TEST_F(Affinity, AWorkerIsPinnedToOneCpuAndItsChildrenAreNot) {
  const int all = cpus_of(0);
  std::thread worker([&] {
    pin_current_thread(1);
    EXPECT_EQ(cpus_of(0), 1);
    pid_t child = 0;
    char sleep_path[] = "/bin/sleep";
    char seconds[] = "5";
    char* argv[] = {sleep_path, seconds, nullptr};
    ASSERT_EQ(posix_spawn(&child, "/bin/sleep", nullptr, nullptr, argv, nullptr), 0);
    EXPECT_EQ(cpus_of(child), 1);  // inherited from the pinned thread
    release_child(child);
    EXPECT_EQ(cpus_of(child), all);
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
  });
  worker.join();
  EXPECT_EQ(cpus_of(0), all);  // the test's own thread was never pinned
}

TEST_F(Affinity, JobsBeyondTheCpusWrapAround) {
  const int all = cpus_of(0);
  std::thread worker([&] {
    pin_current_thread(all + 1);
    EXPECT_EQ(cpus_of(0), 1);
  });
  worker.join();
}

}  // namespace
}  // namespace bx::affinity
