#include "driver/run/runner.hpp"

#include "driver/run/builtin_runners.hpp"
#include "driver/run/defined_runner.hpp"

namespace bx {

std::unique_ptr<ExampleRunner> make_runner(std::string_view language, const RunnerConfig& config) {
  if (language == "python") return make_python_runner(config);
  if (language == "shell") return make_shell_runner(config);
  if (language == "cpp") return make_cpp_runner(config);
  if (language == "java") return make_java_runner(config);
  if (language == "go") return make_go_runner(config);
  // The hand-written runners come first; then the YAML definitions.
  if (const LanguageDefinition* definition = find_language_definition(language)) {
    return make_defined_runner(*definition, config);
  }
  return nullptr;
}

std::map<std::string, std::vector<std::string>> builtin_runner_languages() {
  std::map<std::string, std::vector<std::string>> languages = {{"python", {"python", "python3"}},
                                                               {"shell", {}}};
  languages.emplace("cpp", std::vector<std::string>{});
  languages.emplace("java", std::vector<std::string>{});
  languages.emplace("go", std::vector<std::string>{});
  for (const std::string& language : builtin_definition_languages()) {
    languages.emplace(language, std::vector<std::string>{});
  }
  for (const LanguageDefinition* definition : added_language_definitions()) {
    languages[definition->language] = definition->flavors;
  }
  return languages;
}

}  // namespace bx
