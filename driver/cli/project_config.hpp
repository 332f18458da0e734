// The project configuration (issue 6): a `.byexample.yml` found from the working directory
// upward gives the defaults of the command line and per-document option overrides.
// docs/project-config.md describes the keys and how they combine with the flags.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "driver/jobs/worker_setup.hpp"

namespace bx {

struct CommandLine;

/// A configuration that cannot be used; what() is `<file>:<line>:<column>: <message>` (or
/// `<file>: <message>` when there is no position). Exit code 3, as initialisation errors.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(const std::string& file, int line, int column, const std::string& message);
  ConfigError(const std::string& file, const std::string& message);
};

/// Where a value was written, 1-based, for the errors found after loading.
struct ConfigPosition {
  std::string file;
  int line = 0;
  int column = 0;
};

/// The options of the documents that match `patterns` (globs relative to the directory of
/// the configuration file, `**` may cross directories).
struct DocumentOverride {
  std::vector<std::string> patterns;
  std::string options;  ///< `-o` syntax
  std::optional<double> timeout;
  std::optional<std::string> diff;
  ConfigPosition where;  ///< of `options`, else of the entry
};

struct DocumentOverrides {
  std::filesystem::path base;  ///< absolute: the configuration file's directory
  std::vector<DocumentOverride> entries;
};

struct ProjectConfig {
  std::string path;  ///< as shown to the user; empty when no configuration is used
  std::optional<std::vector<std::string>> languages, modules, files, skip;
  std::optional<std::string> options, diff, encoding, encoding_errors;
  std::optional<double> timeout, dfl_timeout;
  std::optional<int> jobs;
  DocumentOverrides overrides;
};

inline constexpr const char* k_config_file_name = ".byexample.yml";

/// Parses the YAML `text` of the configuration shown as `display`, whose directory is
/// `directory` (relative to the working directory, or absolute). Paths and globs of the
/// file become relative to the working directory. Throws ConfigError.
ProjectConfig parse_project_config(const std::string& text, const std::string& display,
                                   const std::filesystem::path& directory);

/// The first `.byexample.yml` of `start` and its parents, if any.
std::optional<std::filesystem::path> find_project_config(const std::filesystem::path& start);

/// The configuration the command line asks for: none with --no-config, the --config file,
/// else the one found from the working directory upward. Throws ConfigError.
ProjectConfig load_project_config(const CommandLine& command_line);

/// Fills in what the command line did not give (a flag replaces the file's value, lists
/// included) and hands over the per-document overrides.
void apply_project_config(const ProjectConfig& config, CommandLine& command_line);

/// The per-document hook of `setup` for the overrides of `command_line` (empty when there
/// are none). The command line wins over them too: the options it gave explicitly (-o,
/// --timeout, -d) are taken out of every override. Throws ConfigError for invalid options.
DocumentOptionsHook make_document_options(const CommandLine& command_line,
                                          const WorkerSetup& setup);

/// Whether `path` (relative, `/`-separated) matches `pattern`: `*`, `?` and `[...]` stay
/// within one directory, `**` crosses directories and `**/` matches zero or more of them.
bool glob_matches(std::string_view pattern, std::string_view path);

}  // namespace bx
