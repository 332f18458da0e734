// The per-document overrides of the project configuration: which documents an entry
// matches and the option layers it puts over the global and the language options.
#include <set>

#include "driver/cli/command_line.hpp"
#include "driver/cli/project_config.hpp"
#include "driver/parse/option_tables.hpp"

namespace bx {

namespace {

/// `[...]` at the start of `pattern` against `c`; `length` gets the class's length, 0 when
/// the bracket is not closed (then it is a literal '[').
bool class_matches(std::string_view pattern, char c, std::size_t& length) {
  std::size_t i = 1;
  const bool negated = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negated) ++i;
  bool matched = false;
  for (bool first = true; i < pattern.size() && (first || pattern[i] != ']'); first = false) {
    const char low = pattern[i];
    char high = low;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      high = pattern[i + 2];
      i += 2;
    }
    matched = matched || (low <= c && c <= high);
    ++i;
  }
  if (i >= pattern.size()) {
    length = 0;
    return false;
  }
  length = i + 1;
  return c != '/' && matched != negated;
}

struct OverrideLayers {
  std::vector<std::string> patterns;
  OptionLayer global;
  std::map<std::string, OptionLayer> languages;
};

struct Overrides {
  std::filesystem::path base;
  std::vector<OverrideLayers> entries;
  OptionLayer global_options;
  std::map<std::string, OptionLayer> language_options;
};

/// The options the command line set explicitly: they win over every override.
std::set<std::string, std::less<>> command_line_keys(const CommandLine& cl,
                                                     const std::vector<std::string>& tokens,
                                                     const OptionParser& generic,
                                                     const WorkerSetup& setup) {
  std::set<std::string, std::less<>> keys;
  if (cl.given.count("options")) {
    for (const auto& [key, value] : generic.parse(tokens, false)) keys.insert(key);
    for (const auto& [language, flavor] : setup.languages) {
      for (const auto& [key, value] : language_options(language).parse(tokens, false)) {
        keys.insert(key);
      }
    }
  }
  if (cl.given.count("timeout")) keys.insert("timeout");
  if (cl.given.count("diff")) keys.insert("diff");
  return keys;
}

void erase_keys(OptionLayer& layer, const std::set<std::string, std::less<>>& keys) {
  std::erase_if(layer, [&](const auto& entry) { return keys.count(entry.first) > 0; });
}

OverrideLayers override_layers(const DocumentOverride& entry, const OptionParser& generic,
                               const WorkerSetup& setup) {
  OverrideLayers layers{entry.patterns, {}, {}};
  try {
    const std::vector<std::string> tokens = shell_split(entry.options);
    layers.global = generic.parse(tokens, false);
    for (const auto& [language, flavor] : setup.languages) {
      layers.languages[language] = language_options(language).parse(tokens, false);
    }
  } catch (const OptionError& error) {
    throw ConfigError(entry.where.file, entry.where.line, entry.where.column,
                      "invalid 'options': " + std::string(error.what()));
  }
  if (entry.timeout) layers.global["timeout"] = *entry.timeout;
  if (entry.diff) layers.global["diff"] = *entry.diff;
  return layers;
}

bool matches(const OverrideLayers& entry, const std::filesystem::path& relative) {
  const std::string path = relative.generic_string();
  if (path.empty() || path.rfind("..", 0) == 0) return false;
  return std::any_of(entry.patterns.begin(), entry.patterns.end(),
                     [&](const std::string& pattern) { return glob_matches(pattern, path); });
}

std::shared_ptr<const DocumentOptions> document_layers(const Overrides& overrides,
                                                       const std::string& filepath) {
  const std::filesystem::path relative =
      std::filesystem::absolute(filepath).lexically_normal().lexically_relative(overrides.base);
  std::shared_ptr<DocumentOptions> document;
  for (const OverrideLayers& entry : overrides.entries) {
    if (!matches(entry, relative)) continue;
    if (!document) {
      document = std::make_shared<DocumentOptions>(
          DocumentOptions{overrides.global_options, overrides.language_options});
    }
    for (const auto& [key, value] : entry.global) document->global_options[key] = value;
    for (const auto& [language, layer] : entry.languages) {
      for (const auto& [key, value] : layer) document->language_options[language][key] = value;
    }
  }
  return document;
}

}  // namespace

bool glob_matches(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return path.empty();
  if (pattern.substr(0, 2) == "**") {
    std::string_view rest = pattern.substr(2);
    if (rest.substr(0, 1) == "/" && glob_matches(rest.substr(1), path)) return true;
    for (std::size_t i = 0; i <= path.size(); ++i) {
      if (glob_matches(rest, path.substr(i))) return true;
    }
    return false;
  }
  if (pattern[0] == '*') {
    for (std::size_t i = 0; i <= path.size(); ++i) {
      if (glob_matches(pattern.substr(1), path.substr(i))) return true;
      if (i < path.size() && path[i] == '/') return false;
    }
    return false;
  }
  if (path.empty()) return false;
  if (pattern[0] == '?') return path[0] != '/' && glob_matches(pattern.substr(1), path.substr(1));
  if (pattern[0] == '[') {
    std::size_t length = 0;
    const bool matched = class_matches(pattern, path[0], length);
    if (length > 0) return matched && glob_matches(pattern.substr(length), path.substr(1));
  }
  return pattern[0] == path[0] && glob_matches(pattern.substr(1), path.substr(1));
}

DocumentOptionsHook make_document_options(const CommandLine& cl, const WorkerSetup& setup) {
  if (cl.overrides.entries.empty()) return {};
  OptionParser generic;
  generic.extend(generic_options());
  generic.extend(concern_options());
  for (const ConcernOptions& concern : setup.concern_options) generic.extend(concern.parser);

  auto overrides = std::make_shared<Overrides>();
  overrides->base = cl.overrides.base;
  overrides->global_options = setup.global_options;
  overrides->language_options = setup.language_options;
  const auto keys = command_line_keys(cl, shell_split(cl.options), generic, setup);
  for (const DocumentOverride& entry : cl.overrides.entries) {
    OverrideLayers layers = override_layers(entry, generic, setup);
    erase_keys(layers.global, keys);
    for (auto& [language, layer] : layers.languages) erase_keys(layer, keys);
    overrides->entries.push_back(std::move(layers));
  }
  return [overrides](const std::string& filepath) { return document_layers(*overrides, filepath); };
}

}  // namespace bx
