#include "driver/jobs/job_mode.hpp"

#include <gtest/gtest.h>

#include <map>

namespace bx {
namespace {

EnvironmentLookup fake(std::map<std::string, std::string> variables) {
  return [variables](const std::string& name) -> std::optional<std::string> {
    auto it = variables.find(name);
    if (it == variables.end()) return std::nullopt;
    return it->second;
  };
}

TEST(JobMode, OutsideABuildToolJobsAreTakenAsGiven) {
  JobMode mode = decide_job_mode(4, fake({}));
  EXPECT_EQ(mode.jobs, 4);
  EXPECT_EQ(mode.reason, "");
}

TEST(JobMode, UnderOurIntegrationItRunsOneFileAtATime) {
  JobMode mode = decide_job_mode(4, fake({{"BYEXAMPLE_BUILD_TOOL", "cmake"}}));
  EXPECT_EQ(mode.jobs, 1);
  EXPECT_EQ(mode.reason,
            "single-job mode: running under cmake (BYEXAMPLE_BUILD_TOOL), which runs its tests "
            "in parallel itself");
}

TEST(JobMode, BuildToolsAreDetectedFromTheirOwnVariables) {
  EXPECT_EQ(decide_job_mode(2, fake({{"MESON_TEST_ITERATION", "1"}})).jobs, 1);
  EXPECT_EQ(decide_job_mode(2, fake({{"CTEST_INTERACTIVE_DEBUG_MODE", "0"}})).jobs, 1);
  EXPECT_EQ(decide_job_mode(2, fake({{"MAKEFLAGS", " -j8 --jobserver-auth=fifo:/tmp/x"}})).jobs, 1);
  EXPECT_EQ(decide_job_mode(2, fake({{"MAKEFLAGS", "-k"}})).jobs, 2);
}

TEST(JobMode, AGrantAllowsUpToThatManyJobs) {
  auto env = fake({{"BYEXAMPLE_BUILD_TOOL", "cmake"}, {"BYEXAMPLE_JOBS", "3"}});
  EXPECT_EQ(decide_job_mode(8, env).jobs, 3);
  EXPECT_EQ(decide_job_mode(2, env).jobs, 2);
  EXPECT_EQ(
      decide_job_mode(8, fake({{"BYEXAMPLE_BUILD_TOOL", "meson"}, {"BYEXAMPLE_JOBS", "x"}})).jobs,
      1);
}

}  // namespace
}  // namespace bx
