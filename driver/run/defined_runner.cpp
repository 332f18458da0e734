#include "driver/run/defined_runner.hpp"

#include <algorithm>
#include <optional>

#include "driver/model/errors.hpp"
#include "driver/run/prompt_runner.hpp"
#include "driver/run/run_options.hpp"
#include "driver/util/log.hpp"
#include "driver/util/text.hpp"

namespace bx {

namespace {

std::string option_key(std::string_view name) {
  std::string key(name);
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

std::string option_text(const OptionStack& options, std::string_view name) {
  const OptionValue* value = options.find(option_key(name));
  if (value == nullptr) throw Error("Unknown option '" + std::string(name) + "' in a definition.");
  if (const bool* flag = std::get_if<bool>(value)) return *flag ? "true" : "false";
  if (const long* number = std::get_if<long>(value)) return std::to_string(*number);
  if (const std::string* text = std::get_if<std::string>(value)) return *text;
  if (const double* real = std::get_if<double>(value)) return std::to_string(*real);
  return {};
}

class DefinedRunner final : public PromptRunner {
 public:
  DefinedRunner(const LanguageDefinition& definition, const RunnerConfig& config)
      : PromptRunner(config, definition.ps1, definition.any_prompt), m_definition(definition) {
    set_minimum_geometry(definition.min_geometry);
    const ExpressionDisplay& display = definition.expression;
    if (!display.option.empty()) m_wanted.emplace(display.wanted);
    if (!display.cut.empty()) m_cut.emplace(display.cut);
  }

  std::string language() const override { return m_definition.language; }
  std::string display_name() const override { return m_definition.display_name; }

  bool cancel(Example& example, const OptionStack& options) override {
    if (m_definition.cancel == CancelMode::interrupt) return PromptRunner::cancel(example, options);
    log::info(log_name(), "Restarting the " + display_name() + " to recover the control.");
    shutdown();
    try {
      initialize(options);
    } catch (const std::exception& error) {
      log::warn(log_name(), std::string("The restart failed: ") + error.what());
      return false;
    }
    return true;
  }

 protected:
  void setup(const OptionStack& options) override {
    write_private_files();
    auto expand = [&](const std::string& text) {
      return expand_definition_text(text, m_definition, private_dir().path(), options);
    };
    std::vector<std::string> arguments;
    for (const auto& argument : m_definition.arguments) arguments.push_back(expand(argument));
    SpawnSettings settings;
    settings.wait_first_prompt = m_definition.wait_first_prompt;
    settings.initial_prompt = m_definition.first_prompt;
    for (const auto& [name, value] : m_definition.environment) {
      settings.env_update.push_back(name + "=" + expand(value));
    }
    if (!m_definition.version_arguments.empty()) {
      settings.version_cmd =
          build_cmd("%e %p %a", shebang_tokens(m_definition.launcher, m_definition.program,
                                               m_definition.version_arguments));
    }
    spawn_interpreter(
        build_cmd("%e %p %a", shebang_tokens(m_definition.launcher, m_definition.program,
                                             std::move(arguments))),
        options, settings);
    for (const InitLine& line : m_definition.init) {
      if (!line.when.empty() && option_text(options, line.when) != "true") continue;
      if (!line.unless.empty() && option_text(options, line.unless) == "true") continue;
      exec_hidden(expand(line.code) + "\n", options);
    }
    m_shown = m_definition.expression.initially_shown;
  }

  std::string run_example(Example& example, const OptionStack& options) override {
    std::string source = rewritten(example.source);
    if (source.empty() && m_definition.source.skip_empty) return {};
    std::optional<bool> shown = expression_shown(example, options);
    if (shown) source = with_display(*shown, std::move(source), options);
    std::string got = exec_and_wait(source, options, {&example, std::nullopt});
    if (shown && !*shown && m_cut) got = cut_value(std::move(got));
    return got;
  }

  std::vector<std::string> flavors() const override { return m_definition.flavors; }
  bool needs_echo_filtering() const override { return m_definition.echo_filtering; }

 private:
  std::string rewritten(const std::string& source) const {
    if (m_definition.source.strip_whitespace) return strip_whitespace(source);
    std::string out = source;
    if (m_definition.source.strip_trailing_newline && out.ends_with('\n')) out.pop_back();
    return out;
  }

  /// §2.12: nothing when the definition has no expression display.
  std::optional<bool> expression_shown(const Example& example, const OptionStack& options) const {
    if (!m_wanted) return std::nullopt;
    std::string mode =
        run_options::text(options, option_key(m_definition.expression.option), "auto");
    if (mode == "true" || mode == "false") return mode == "true";
    return m_wanted->search(example.expected_str).has_value();
  }

  std::string with_display(bool shown, std::string source, const OptionStack& options) {
    const ExpressionDisplay& display = m_definition.expression;
    const std::string& prefix = shown ? display.prefix_shown : display.prefix_hidden;
    if (!display.suffix_when.empty() && option_text(options, display.suffix_when) == "true") {
      return prefix + source + (shown ? "" : display.suffix_hidden);
    }
    const std::string& toggle = shown ? display.toggle_shown : display.toggle_hidden;
    if (!toggle.empty() && shown != m_shown) {
      exec_hidden(
          expand_definition_text(toggle, m_definition, private_dir().path(), options) + "\n",
          options);
      m_shown = shown;
    }
    return prefix + source;
  }

  /// The got without the value line: it ends where the last line matching `cut` starts.
  std::string cut_value(std::string got) const {
    std::optional<std::size_t> last;
    for (const RegexMatch& match : m_cut->find_all(got)) {
      std::size_t line_start = got.rfind('\n', match.begin());
      last = line_start == std::string::npos ? 0 : line_start + 1;
    }
    if (last) got.erase(*last);
    return got;
  }

  void write_private_files() {
    if (m_definition.files.empty()) return;
    const PrivateDir& dir = make_private_dir();
    for (const auto& [name, content] : m_definition.files) dir.write(name, content);
  }

  const LanguageDefinition& m_definition;
  std::optional<Regex> m_wanted;
  std::optional<Regex> m_cut;
  bool m_shown = true;
};

}  // namespace

std::string expand_definition_text(std::string_view text, const LanguageDefinition& definition,
                                   const std::string& dir, const OptionStack& options) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find('{', pos);
    std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    std::string_view inner = text.substr(open + 1, close - open - 1);
    out.append(text.substr(pos, open - pos));
    pos = close + 1;
    if (inner == "dir") {
      out += dir;
    } else if (inner.starts_with("file:")) {
      std::string name(inner.substr(5));
      bool known = std::any_of(definition.files.begin(), definition.files.end(),
                               [&](const auto& file) { return file.first == name; });
      if (!known) throw Error(definition.origin + ": no file '" + name + "' in 'files'.");
      out += dir + "/" + name;
    } else if (inner.starts_with("option:")) {
      out += option_text(options, inner.substr(7));
    } else {
      out.append(text.substr(open, close + 1 - open));
    }
  }
  out.append(text.substr(std::min(pos, text.size())));
  return out;
}

std::unique_ptr<ExampleRunner> make_defined_runner(const LanguageDefinition& definition,
                                                   const RunnerConfig& config) {
  return std::make_unique<DefinedRunner>(definition, config);
}

}  // namespace bx
