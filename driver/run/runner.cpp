#include "driver/run/runner.hpp"

#include "driver/run/builtin_runners.hpp"

namespace bx {

std::unique_ptr<ExampleRunner> make_runner(std::string_view language, const RunnerConfig& config) {
  if (language == "python") return make_python_runner(config);
  if (language == "shell") return make_shell_runner(config);
  return nullptr;
}

std::map<std::string, std::vector<std::string>> builtin_runner_languages() {
  return {{"python", {"python", "python3"}}, {"shell", {}}};
}

}  // namespace bx
