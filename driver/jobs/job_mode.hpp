// How many files run at once (issue 4, item 7): under a build tool that already runs tests
// in parallel (CTest, Meson, make -j), the worker pool runs one file at a time unless the
// integration granted more.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace bx {

struct JobMode {
  int jobs = 1;
  std::string reason;  ///< why, for the -v log; empty when --jobs was taken as given
};

/// Looks up an environment variable; the real one is std::getenv.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string&)>;

/// Decides the number of workers from --jobs and the environment: BYEXAMPLE_BUILD_TOOL and
/// BYEXAMPLE_JOBS (set by our CMake and Meson integration), MESON_TEST_ITERATION,
/// CTEST_INTERACTIVE_DEBUG_MODE and a jobserver in MAKEFLAGS.
JobMode decide_job_mode(int requested, const EnvironmentLookup& environment);

/// The process environment.
std::optional<std::string> process_environment(const std::string& name);

}  // namespace bx
