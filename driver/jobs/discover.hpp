// --discover: the examples of each file per language, as JSON, without running anything.
// Read by the CMake and Meson integration to declare one test per document (issue 5).
#pragma once

#include <string>
#include <vector>

#include "driver/jobs/worker_setup.hpp"

namespace bx {

/// {"files":[{"path":..., "languages":{"python":2}, ["error": ...]}]} for `files`.
std::string discover_examples(const std::vector<std::string>& files, const WorkerSetup& setup);

}  // namespace bx
