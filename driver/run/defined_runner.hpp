// The runner of an interpreter described by a LanguageDefinition (YAML): everything the
// definition says on top of the PromptRunner toolkit.
#pragma once

#include <memory>
#include <string>

#include "driver/run/language_definition.hpp"
#include "driver/run/runner.hpp"

namespace bx {

/// `definition` must outlive the runner (the registry keeps them for the whole run).
std::unique_ptr<ExampleRunner> make_defined_runner(const LanguageDefinition& definition,
                                                   const RunnerConfig& config);

/// Replaces `{file:NAME}` by the path of the definition's file NAME written in `dir`,
/// `{dir}` by `dir` and `{option:NAME}` by the value of the option NAME (true/false for a
/// flag); other braces are left as they are. Throws bx::Error for an unknown file or
/// option.
std::string expand_definition_text(std::string_view text, const LanguageDefinition& definition,
                                   const std::string& dir, const OptionStack& options);

}  // namespace bx
