#include "driver/jobs/job_mode.hpp"

#include <algorithm>
#include <cstdlib>

namespace bx {

namespace {

/// The build tool running us, and the variable that told us so.
std::optional<std::pair<std::string, std::string>> detect_build_tool(
    const EnvironmentLookup& environment) {
  if (auto tool = environment("BYEXAMPLE_BUILD_TOOL"); tool && !tool->empty()) {
    return std::make_pair(*tool, std::string("BYEXAMPLE_BUILD_TOOL"));
  }
  if (environment("MESON_TEST_ITERATION")) {
    return std::make_pair(std::string("meson"), std::string("MESON_TEST_ITERATION"));
  }
  if (environment("CTEST_INTERACTIVE_DEBUG_MODE")) {
    return std::make_pair(std::string("ctest"), std::string("CTEST_INTERACTIVE_DEBUG_MODE"));
  }
  if (auto flags = environment("MAKEFLAGS");
      flags && (flags->find("--jobserver-auth") != std::string::npos ||
                flags->find("--jobserver-fds") != std::string::npos)) {
    return std::make_pair(std::string("make"), std::string("a jobserver in MAKEFLAGS"));
  }
  return std::nullopt;
}

int granted_jobs(const EnvironmentLookup& environment) {
  auto grant = environment("BYEXAMPLE_JOBS");
  if (!grant) return 1;
  try {
    return std::max(1, std::stoi(*grant));
  } catch (const std::exception&) {
    return 1;
  }
}

}  // namespace

JobMode decide_job_mode(int requested, const EnvironmentLookup& environment) {
  auto tool = detect_build_tool(environment);
  if (!tool) return JobMode{requested, ""};
  const int grant = granted_jobs(environment);
  const std::string under = "running under " + tool->first + " (" + tool->second + ")";
  if (grant > 1) {
    int jobs = std::min(requested, grant);
    return JobMode{jobs, std::to_string(jobs) + " jobs: " + under + ", BYEXAMPLE_JOBS granted " +
                             std::to_string(grant)};
  }
  return JobMode{1, "single-job mode: " + under + ", which runs its tests in parallel itself"};
}

std::optional<std::string> process_environment(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

}  // namespace bx
