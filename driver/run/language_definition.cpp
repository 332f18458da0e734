#include "driver/run/language_definition.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>

#include "driver/model/errors.hpp"
#include "driver/run/embedded_languages.hpp"
#include "driver/util/regex.hpp"

namespace bx {

namespace {

[[noreturn]] void fail_at(const std::string& origin, const YAML::Mark& mark,
                          const std::string& what) {
  std::string where = origin;
  if (!mark.is_null()) {
    where += ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
  }
  throw Error(where + ": " + what);
}

/// One YAML mapping of a definition: typed reads that fail with the node's position, and
/// no key outside the schema (a typo must not be ignored silently).
class MapReader {
 public:
  MapReader(const YAML::Node& node, const std::string& origin, std::string_view what,
            std::set<std::string> keys)
      : m_node(node), m_origin(origin) {
    if (!node.IsMap()) fail(node, std::string(what) + " must be a mapping");
    for (const auto& entry : node) {
      std::string key = entry.first.Scalar();
      if (!keys.count(key)) fail(entry.first, "unknown key '" + key + "' in " + std::string(what));
    }
  }

  [[noreturn]] void fail(const YAML::Node& node, const std::string& what) const {
    fail_at(m_origin, node.Mark(), what);
  }

  bool has(const char* key) const { return static_cast<bool>(m_node[key]); }
  YAML::Node node(const char* key) const { return m_node[key]; }
  const std::string& origin() const { return m_origin; }

  std::string text(const char* key, std::string fallback = {}) const {
    YAML::Node value = m_node[key];
    if (!value) return fallback;
    if (!value.IsScalar()) fail(value, std::string("'") + key + "' must be a text");
    return value.Scalar();
  }

  std::string required(const char* key) const {
    if (!has(key)) fail(m_node, std::string("missing key '") + key + "'");
    std::string value = text(key);
    if (value.empty()) fail(m_node[key], std::string("'") + key + "' must not be empty");
    return value;
  }

  std::string pattern(const char* key, std::string fallback = {}) const {
    std::string value = text(key, std::move(fallback));
    try {
      if (!value.empty()) Regex check(value);
    } catch (const RegexError& error) {
      fail(m_node[key], std::string("invalid regex in '") + key + "': " + error.what());
    }
    return value;
  }

  bool flag(const char* key, bool fallback) const {
    YAML::Node value = m_node[key];
    if (!value) return fallback;
    bool out = false;
    if (!value.IsScalar() || !YAML::convert<bool>::decode(value, out)) {
      fail(value, std::string("'") + key + "' must be true or false");
    }
    return out;
  }

  std::vector<std::string> list(const char* key) const {
    YAML::Node value = m_node[key];
    if (!value) return {};
    std::vector<std::string> out;
    if (!value.IsSequence()) fail(value, std::string("'") + key + "' must be a list of texts");
    for (const auto& item : value) {
      if (!item.IsScalar()) fail(item, std::string("'") + key + "' must be a list of texts");
      out.push_back(item.Scalar());
    }
    return out;
  }

  /// A mapping of texts, in the order written.
  std::vector<std::pair<std::string, std::string>> pairs(const char* key) const {
    YAML::Node value = m_node[key];
    if (!value) return {};
    if (!value.IsMap()) fail(value, std::string("'") + key + "' must be a mapping of texts");
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& entry : value) {
      if (!entry.second.IsScalar())
        fail(entry.second, std::string("'") + key + "' values must be texts");
      out.emplace_back(entry.first.Scalar(), entry.second.Scalar());
    }
    return out;
  }

 private:
  YAML::Node m_node;
  const std::string& m_origin;
};

std::string capitalised(std::string_view name) {
  std::string out(name);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

void read_finder(const MapReader& top, LanguageDefinition& out) {
  YAML::Node node = top.node("finder");
  if (!node) top.fail(top.node("language"), "missing key 'finder'");
  if (node.IsScalar()) {
    if (node.Scalar() != "builtin") top.fail(node, "'finder' must be 'builtin' or a mapping");
    out.finder.builtin = true;
    return;
  }
  MapReader finder(node, top.origin(), "'finder'", {"ps1", "ps2", "options-comment"});
  out.finder.ps1 = finder.required("ps1");
  out.finder.ps2 = finder.text("ps2");
  out.finder.options_comment = finder.required("options-comment");
  if (!out.finder.ps2.empty() && out.finder.ps2.size() != out.finder.ps1.size()) {
    finder.fail(node["ps2"], "'ps2' must be as long as 'ps1' (both are cut from the lines)");
  }
  if (out.finder.ps1.back() != ' ') {
    finder.fail(node["ps1"], "'ps1' must end with a space, as written before the code");
  }
}

void read_command(const MapReader& top, LanguageDefinition& out) {
  if (!top.has("command")) top.fail(top.node("language"), "missing key 'command'");
  MapReader command(top.node("command"), top.origin(), "'command'",
                    {"launcher", "program", "arguments", "version-arguments"});
  out.launcher = command.text("launcher", out.launcher);
  out.program = command.required("program");
  out.arguments = command.list("arguments");
  out.version_arguments = command.list("version-arguments");
}

void read_prompts(const MapReader& top, LanguageDefinition& out) {
  if (!top.has("prompts")) top.fail(top.node("language"), "missing key 'prompts'");
  MapReader prompts(top.node("prompts"), top.origin(), "'prompts'",
                    {"first", "wait-first", "ps1", "any"});
  out.ps1 = prompts.required("ps1");
  out.ps1 = prompts.pattern("ps1");
  out.any_prompt = prompts.pattern("any", out.ps1);
  out.first_prompt = prompts.pattern("first");
  out.wait_first_prompt = prompts.flag("wait-first", true);
}

void read_init(const MapReader& top, LanguageDefinition& out) {
  YAML::Node init = top.node("init");
  if (!init) return;
  if (!init.IsSequence()) top.fail(init, "'init' must be a list");
  for (const auto& item : init) {
    if (item.IsScalar()) {
      out.init.push_back({item.Scalar(), {}, {}});
      continue;
    }
    MapReader line(item, top.origin(), "an 'init' line", {"code", "when", "unless"});
    out.init.push_back({line.required("code"), line.text("when"), line.text("unless")});
  }
}

IntPair read_geometry(const MapReader& top) {
  std::string text = top.text("min-geometry");
  if (text.empty()) return {0, 0};
  std::istringstream in(text);
  long rows = 0;
  long cols = 0;
  char by = 0;
  if (!(in >> rows >> by >> cols) || by != 'x' || rows < 0 || cols < 0 || !in.eof()) {
    top.fail(top.node("min-geometry"), "'min-geometry' must be written <rows>x<columns>");
  }
  return {rows, cols};
}

void read_source(const MapReader& top, LanguageDefinition& out) {
  if (!top.has("source")) return;
  MapReader source(top.node("source"), top.origin(), "'source'",
                   {"strip-trailing-newline", "strip-whitespace", "skip-empty"});
  out.source.strip_trailing_newline = source.flag("strip-trailing-newline", false);
  out.source.strip_whitespace = source.flag("strip-whitespace", false);
  out.source.skip_empty = source.flag("skip-empty", false);
}

void read_expression(const MapReader& top, LanguageDefinition& out) {
  if (!top.has("expression-display")) return;
  YAML::Node node = top.node("expression-display");
  MapReader display(
      node, top.origin(), "'expression-display'",
      {"option", "wanted", "remove-from-expected", "prefix", "suffix", "toggle", "cut"});
  ExpressionDisplay& expression = out.expression;
  expression.option = display.required("option");
  expression.wanted = display.pattern("wanted");
  if (expression.wanted.empty()) display.fail(node, "missing key 'wanted'");
  expression.remove_from_expected = display.flag("remove-from-expected", false);
  expression.cut = display.pattern("cut");
  if (display.has("prefix")) {
    MapReader prefix(node["prefix"], top.origin(), "'prefix'", {"shown", "hidden"});
    expression.prefix_shown = prefix.text("shown");
    expression.prefix_hidden = prefix.text("hidden");
  }
  if (display.has("suffix")) {
    MapReader suffix(node["suffix"], top.origin(), "'suffix'", {"hidden", "when"});
    expression.suffix_hidden = suffix.required("hidden");
    expression.suffix_when = suffix.required("when");
  }
  if (display.has("toggle")) {
    MapReader toggle(node["toggle"], top.origin(), "'toggle'", {"shown", "hidden", "initially"});
    expression.toggle_shown = toggle.required("shown");
    expression.toggle_hidden = toggle.required("hidden");
    std::string initially = toggle.text("initially", "shown");
    if (initially != "shown" && initially != "hidden") {
      toggle.fail(node["toggle"]["initially"], "'initially' must be 'shown' or 'hidden'");
    }
    expression.initially_shown = initially == "shown";
  }
}

OptionSpec read_option(const YAML::Node& node, const std::string& origin) {
  MapReader option(node, origin, "an option", {"name", "default", "help", "choices", "metavar"});
  OptionSpec spec;
  spec.name = option.required("name");
  spec.help = option.text("help");
  spec.choices = option.list("choices");
  spec.metavar = option.text("metavar");
  YAML::Node value = node["default"];
  bool is_flag = false;
  if (value && value.IsScalar() && YAML::convert<bool>::decode(value, is_flag) &&
      (value.Scalar() == "true" || value.Scalar() == "false")) {
    spec.kind = OptionKind::flag;
    spec.default_value = value.Scalar() == "true";
    return spec;
  }
  spec.kind = OptionKind::value;
  if (!spec.choices.empty() || value) spec.default_value = option.text("default");
  if (spec.metavar.empty() && spec.choices.empty()) spec.metavar = "<str>";
  const std::string* given = std::get_if<std::string>(&spec.default_value);
  if (given && !spec.choices.empty() &&
      std::find(spec.choices.begin(), spec.choices.end(), *given) == spec.choices.end()) {
    option.fail(value ? value : node, "the default '" + *given + "' is not one of the choices");
  }
  return spec;
}

void read_options(const MapReader& top, LanguageDefinition& out) {
  YAML::Node options = top.node("options");
  if (!options) return;
  if (!options.IsSequence()) top.fail(options, "'options' must be a list");
  for (const auto& item : options) {
    try {
      out.options.add(read_option(item, top.origin()));
    } catch (const std::logic_error& error) {
      fail_at(top.origin(), item.Mark(), error.what());
    }
  }
}

CancelMode read_cancel(const MapReader& top) {
  std::string cancel = top.text("cancel", "interrupt");
  if (cancel == "interrupt") return CancelMode::interrupt;
  if (cancel == "restart") return CancelMode::restart;
  top.fail(top.node("cancel"), "'cancel' must be 'interrupt' or 'restart'");
}

const std::set<std::string> k_top_keys = {
    "language",     "flavors", "display-name", "finder",  "command",
    "environment",  "files",   "prompts",      "init",    "echo-filtering",
    "min-geometry", "source",  "cancel",       "options", "expression-display"};

YAML::Node load_yaml(std::string_view yaml, const std::string& origin) {
  try {
    return YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& error) {
    fail_at(origin, error.mark, error.msg);
  }
}

}  // namespace

bool is_language_definition(std::string_view yaml, const std::string& origin) {
  YAML::Node top = load_yaml(yaml, origin);
  return top.IsMap() && top["language"];
}

LanguageDefinition parse_language_definition(std::string_view yaml, const std::string& origin) {
  YAML::Node node = load_yaml(yaml, origin);
  MapReader top(node, origin, "a language definition", k_top_keys);
  LanguageDefinition out;
  out.origin = origin;
  out.language = top.required("language");
  out.flavors = top.list("flavors");
  if (out.flavors.empty()) out.flavors = {out.language};
  out.display_name = top.text("display-name", capitalised(out.language) + " Runner");
  read_finder(top, out);
  read_command(top, out);
  out.environment = top.pairs("environment");
  out.files = top.pairs("files");
  read_prompts(top, out);
  read_init(top, out);
  out.echo_filtering = top.flag("echo-filtering", false);
  out.min_geometry = read_geometry(top);
  read_source(top, out);
  read_expression(top, out);
  out.cancel = read_cancel(top);
  read_options(top, out);
  return out;
}

std::vector<LanguageDefinition> load_language_definitions(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> paths;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    auto extension = entry.path().extension();
    if (entry.is_regular_file() && (extension == ".yml" || extension == ".yaml")) {
      paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<LanguageDefinition> out;
  for (const auto& path : paths) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) throw Error(path.string() + ": cannot be read");
    if (is_language_definition(text.str(), path.string())) {
      out.push_back(parse_language_definition(text.str(), path.string()));
    }
  }
  return out;
}

namespace {

/// A built-in definition, parsed the first time its language is asked for: parsing the
/// YAML of all of them took 60 % of the start-up of a run that needs none.
struct EmbeddedDefinition {
  std::string language;  ///< the file's stem, which is its `language:`
  std::string_view text;
  std::once_flag parsed_once;
  std::unique_ptr<const LanguageDefinition> parsed;

  const LanguageDefinition& get() {
    std::call_once(parsed_once, [this] {
      parsed = std::make_unique<const LanguageDefinition>(
          parse_language_definition(text, "<builtin>/" + language + ".yml"));
    });
    return *parsed;
  }
};

std::vector<std::unique_ptr<EmbeddedDefinition>>& embedded() {
  static std::vector<std::unique_ptr<EmbeddedDefinition>> definitions = [] {
    std::vector<std::unique_ptr<EmbeddedDefinition>> out;
    for (const auto& [name, text] : embedded_language_files()) {
      auto definition = std::make_unique<EmbeddedDefinition>();
      std::string_view file(name);
      definition->language = std::string(file.substr(0, file.rfind('.')));
      definition->text = text;
      out.push_back(std::move(definition));
    }
    return out;
  }();
  return definitions;
}

/// The definitions of the -m directories, in the order they were added; kept alive for
/// the whole run because parsers and runners refer to them.
std::vector<std::unique_ptr<const LanguageDefinition>>& added() {
  static std::vector<std::unique_ptr<const LanguageDefinition>> definitions;
  return definitions;
}

}  // namespace

std::vector<std::string> builtin_definition_languages() {
  std::vector<std::string> out;
  for (const auto& definition : embedded()) out.push_back(definition->language);
  return out;
}

std::vector<const LanguageDefinition*> added_language_definitions() {
  std::vector<const LanguageDefinition*> out;
  for (const auto& definition : added()) {
    auto same = std::find_if(out.begin(), out.end(), [&](const LanguageDefinition* known) {
      return known->language == definition->language;
    });
    if (same == out.end()) {
      out.push_back(definition.get());
    } else {
      *same = definition.get();
    }
  }
  return out;
}

const LanguageDefinition* find_language_definition(std::string_view language) {
  auto& definitions = added();
  for (auto it = definitions.rbegin(); it != definitions.rend(); ++it) {
    if ((*it)->language == language) return it->get();
  }
  for (const auto& definition : embedded()) {
    if (definition->language == language) return &definition->get();
  }
  return nullptr;
}

void add_language_definitions_from(const std::vector<std::string>& dirs) {
  for (const auto& dir : dirs) {
    for (auto& definition : load_language_definitions(dir)) {
      added().push_back(std::make_unique<const LanguageDefinition>(std::move(definition)));
    }
  }
}

}  // namespace bx
