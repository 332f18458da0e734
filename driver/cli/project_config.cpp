#include "driver/cli/project_config.hpp"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "driver/cli/command_line.hpp"
#include "driver/find/file_list.hpp"
#include "driver/run/decoder.hpp"

namespace bx {

namespace {

std::string located(const std::string& file, int line, int column, const std::string& message) {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

/// Typed reads of the YAML nodes; every failure names the node's position.
class Reader {
 public:
  Reader(std::string display, std::filesystem::path directory)
      : m_display(std::move(display)), m_directory(std::move(directory)) {}

  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
    const YAML::Mark mark = node.Mark();
    throw ConfigError(m_display, mark.line + 1, mark.column + 1, message);
  }

  ConfigPosition position(const YAML::Node& node) const {
    return {m_display, node.Mark().line + 1, node.Mark().column + 1};
  }

  std::string text(const YAML::Node& node, const std::string& key) const {
    if (!node.IsScalar()) fail(node, "'" + key + "' must be a string");
    return node.Scalar();
  }

  double number(const YAML::Node& node, const std::string& key) const {
    const std::string value = text(node, key);
    try {
      std::size_t used = 0;
      double number = std::stod(value, &used);
      if (used == value.size() && number > 0) return number;
    } catch (const std::exception&) {
    }
    fail(node, "'" + key + "' must be a positive number of seconds, not '" + value + "'");
  }

  /// A list of strings, or one string.
  std::vector<std::string> strings(const YAML::Node& node, const std::string& key) const {
    if (node.IsScalar()) return {node.Scalar()};
    if (!node.IsSequence()) fail(node, "'" + key + "' must be a string or a list of strings");
    std::vector<std::string> values;
    for (const YAML::Node& item : node) {
      if (!item.IsScalar()) fail(item, "'" + key + "' must be a string or a list of strings");
      values.push_back(item.Scalar());
    }
    return values;
  }

  std::string choice(const YAML::Node& node, const std::string& key,
                     const std::vector<std::string>& choices) const {
    std::string value = text(node, key);
    if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
      fail(node, "'" + key + "' must be one of " + join(choices) + ", not '" + value + "'");
    }
    return value;
  }

  /// A path or glob of the file, relative to the working directory.
  std::vector<std::string> paths(const YAML::Node& node, const std::string& key) const {
    std::vector<std::string> paths;
    for (const std::string& value : strings(node, key)) {
      std::filesystem::path path(value);
      if (path.is_relative()) path = m_directory / path;
      paths.push_back(path.lexically_normal().generic_string());
    }
    return paths;
  }

  /// Iterates a mapping, rejecting duplicated keys and keys not in `known`.
  template <typename Visit>
  void each_key(const YAML::Node& map, const std::vector<std::string>& known, Visit visit) const {
    std::set<std::string> seen;
    for (const auto& entry : map) {
      const YAML::Node& key = entry.first;
      const std::string name = key.IsScalar() ? key.Scalar() : "";
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        fail(key, "unknown key '" + name + "' (known keys: " + join(known) + ")");
      }
      if (!seen.insert(name).second) fail(key, "duplicated key '" + name + "'");
      visit(name, entry.second);
    }
  }

 private:
  std::string m_display;
  std::filesystem::path m_directory;
};

std::vector<std::string> read_languages(const Reader& reader, const YAML::Node& node) {
  std::vector<std::string> languages;
  for (const std::string& value : reader.strings(node, "languages")) {
    std::stringstream items(value);
    for (std::string item; std::getline(items, item, ',');) {
      if (item.empty()) continue;
      if (std::find(languages.begin(), languages.end(), item) != languages.end()) {
        reader.fail(node, "'languages': '" + item + "' is duplicated");
      }
      languages.push_back(item);
    }
  }
  if (languages.empty()) reader.fail(node, "'languages' must name at least one language");
  return languages;
}

int read_jobs(const Reader& reader, const YAML::Node& node) {
  const std::string value = reader.text(node, "jobs");
  if (auto jobs = jobs_from_text(value)) return *jobs;
  reader.fail(node, "'jobs' must be 'auto', 'cpu', 'cpu<n>' or <n> (a positive number), not '" +
                        value + "'");
}

void read_encoding(const Reader& reader, const YAML::Node& node, ProjectConfig& config) {
  const std::string value = reader.text(node, "encoding");
  const auto colon = value.find(':');
  const std::string encoding = value.substr(0, colon);
  const std::string handler = colon == std::string::npos ? "strict" : value.substr(colon + 1);
  if (!is_supported_encoding(encoding)) {
    reader.fail(node, "encoding '" + encoding + "' is unknown or unsupported");
  }
  if (handler != "strict" && handler != "ignore" && handler != "replace") {
    reader.fail(node, "error handler '" + handler + "' is unknown or unsupported");
  }
  config.encoding = encoding;
  config.encoding_errors = handler;
}

const std::vector<std::string> k_diffs = {"none", "unified", "ndiff", "context", "tool"};

DocumentOverride read_override(const Reader& reader, const YAML::Node& node) {
  if (!node.IsMap()) reader.fail(node, "every entry of 'overrides' must be a mapping");
  DocumentOverride entry;
  entry.where = reader.position(node);
  reader.each_key(node, {"files", "options", "timeout", "diff"},
                  [&](const std::string& key, const YAML::Node& value) {
                    if (key == "files") {
                      for (const auto& glob : reader.strings(value, key)) {
                        for (auto& expanded : brace_expand(glob)) {
                          entry.patterns.push_back(std::move(expanded));
                        }
                      }
                    } else if (key == "options") {
                      entry.options = reader.text(value, key);
                      entry.where = reader.position(value);
                    } else if (key == "timeout") {
                      entry.timeout = reader.number(value, key);
                    } else {
                      entry.diff = reader.choice(value, key, k_diffs);
                    }
                  });
  if (entry.patterns.empty()) reader.fail(node, "an entry of 'overrides' needs 'files'");
  return entry;
}

using KeyReader = void (*)(const Reader&, const YAML::Node&, ProjectConfig&);

/// The top-level keys; their names are the long flags they stand for.
const std::map<std::string, KeyReader> k_keys = {
    {"languages", [](const Reader& r, const YAML::Node& v,
                     ProjectConfig& c) { c.languages = read_languages(r, v); }},
    {"options", [](const Reader& r, const YAML::Node& v,
                   ProjectConfig& c) { c.options = r.text(v, "options"); }},
    {"modules", [](const Reader& r, const YAML::Node& v,
                   ProjectConfig& c) { c.modules = r.paths(v, "modules"); }},
    {"timeout", [](const Reader& r, const YAML::Node& v,
                   ProjectConfig& c) { c.timeout = r.number(v, "timeout"); }},
    {"dfl-timeout", [](const Reader& r, const YAML::Node& v,
                       ProjectConfig& c) { c.dfl_timeout = r.number(v, "dfl-timeout"); }},
    {"jobs",
     [](const Reader& r, const YAML::Node& v, ProjectConfig& c) { c.jobs = read_jobs(r, v); }},
    {"diff", [](const Reader& r, const YAML::Node& v,
                ProjectConfig& c) { c.diff = r.choice(v, "diff", k_diffs); }},
    {"files",
     [](const Reader& r, const YAML::Node& v, ProjectConfig& c) { c.files = r.paths(v, "files"); }},
    {"skip",
     [](const Reader& r, const YAML::Node& v, ProjectConfig& c) { c.skip = r.paths(v, "skip"); }},
    {"encoding", read_encoding},
    {"overrides",
     [](const Reader& r, const YAML::Node& v, ProjectConfig& c) {
       if (!v.IsSequence()) r.fail(v, "'overrides' must be a list of mappings");
       for (const YAML::Node& entry : v) c.overrides.entries.push_back(read_override(r, entry));
     }},
};

template <typename T>
void fill(const CommandLine& cl, const char* key, const std::optional<T>& value, T& target) {
  if (value && !cl.given.count(key)) target = *value;
}

}  // namespace

ConfigError::ConfigError(const std::string& file, int line, int column, const std::string& message)
    : std::runtime_error(located(file, line, column, message)) {}

ConfigError::ConfigError(const std::string& file, const std::string& message)
    : std::runtime_error(file + ": " + message) {}

ProjectConfig parse_project_config(const std::string& text, const std::string& display,
                                   const std::filesystem::path& directory) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& error) {
    if (error.mark.is_null()) throw ConfigError(display, error.msg);
    throw ConfigError(display, error.mark.line + 1, error.mark.column + 1, error.msg);
  }
  ProjectConfig config;
  config.path = display;
  config.overrides.base = directory.empty()
                              ? std::filesystem::current_path()
                              : std::filesystem::absolute(directory).lexically_normal();
  if (!config.overrides.base.has_filename()) {
    config.overrides.base = config.overrides.base.parent_path();
  }
  if (root.IsNull()) return config;
  const Reader reader(display, directory);
  if (!root.IsMap()) reader.fail(root, "the configuration must be a mapping of keys to values");
  std::vector<std::string> known;
  for (const auto& [key, read] : k_keys) known.push_back(key);
  reader.each_key(root, known, [&](const std::string& key, const YAML::Node& value) {
    k_keys.at(key)(reader, value, config);
  });
  return config;
}

std::optional<std::filesystem::path> find_project_config(const std::filesystem::path& start) {
  for (std::filesystem::path dir = start;; dir = dir.parent_path()) {
    std::error_code ignored;
    std::filesystem::path candidate = dir / k_config_file_name;
    if (std::filesystem::is_regular_file(candidate, ignored)) return candidate;
    if (dir.empty() || dir == dir.parent_path()) return std::nullopt;
  }
}

ProjectConfig load_project_config(const CommandLine& cl) {
  if (cl.no_config) return {};
  std::filesystem::path path = cl.config_file;
  std::string display = cl.config_file;
  if (path.empty()) {
    const std::filesystem::path cwd = std::filesystem::current_path();
    std::optional<std::filesystem::path> found = find_project_config(cwd);
    if (!found) return {};
    path = *found;
    display = found->lexically_relative(cwd).generic_string();
  }
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw ConfigError(display, "cannot read the project configuration: no such file");
  }
  std::ifstream in(path);
  if (!in) {
    throw ConfigError(
        display, std::string("cannot read the project configuration: ") + std::strerror(errno));
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_project_config(text, display, std::filesystem::path(display).parent_path());
}

void apply_project_config(const ProjectConfig& config, CommandLine& cl) {
  fill(cl, "languages", config.languages, cl.languages);
  fill(cl, "options", config.options, cl.options);
  fill(cl, "modules", config.modules, cl.modules);
  fill(cl, "timeout", config.timeout, cl.timeout);
  fill(cl, "dfl-timeout", config.dfl_timeout, cl.dfl_timeout);
  fill(cl, "jobs", config.jobs, cl.jobs);
  fill(cl, "diff", config.diff, cl.diff);
  fill(cl, "skip", config.skip, cl.skip);
  fill(cl, "encoding", config.encoding, cl.encoding);
  fill(cl, "encoding", config.encoding_errors, cl.encoding_errors);
  if (cl.files.empty() && config.files) cl.files = *config.files;
  cl.overrides = config.overrides;
  cl.config_path = config.path;
}

}  // namespace bx
