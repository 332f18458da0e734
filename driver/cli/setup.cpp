#include "driver/cli/setup.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <set>

#include "driver/cli/project_config.hpp"
#include "driver/model/errors.hpp"
#include "driver/parse/language_parser.hpp"
#include "driver/parse/option_tables.hpp"
#include "driver/util/output.hpp"

namespace bx {

namespace {

/// The languages that have a runner, built-in or from a module, with their flavours.
std::map<std::string, std::vector<std::string>> runner_languages(
    const ExtensionInstances& extensions) {
  auto known = builtin_runner_languages();
  // Languages byexample parses but this build cannot run yet are selectable: their
  // documents are skipped with the reason (exit 77), as when an interpreter is missing.
  for (const auto& parser : builtin_example_parsers()) {
    if (!known.count(parser->language())) known[parser->language()] = parser->flavors();
  }
  for (const auto& runner : extensions.runners) {
    auto& flavors = known[runner->language()];
    for (const auto& flavor : runner->flavors()) {
      if (std::find(flavors.begin(), flavors.end(), flavor) == flavors.end()) {
        flavors.push_back(flavor);
      }
    }
  }
  return known;
}

/// A module runner may replace a built-in one or serve a language whose parser is built in;
/// parsers are not part of the extension API.
void check_parsers(const std::map<std::string, std::string>& languages) {
  const auto builtin = builtin_runner_languages();
  std::set<std::string> parsed;
  for (const auto& parser : builtin_example_parsers()) parsed.insert(parser->language());
  for (const auto& [language, flavor] : languages) {
    if (builtin.count(language) == 0 && parsed.count(language) == 0) {
      throw Error("The language '" + language +
                  "' has a runner from a module but byexample has no parser for it.");
    }
  }
}

/// -l names -> language -> the flavour given (§1.5).
std::map<std::string, std::string> resolve_languages(
    const std::vector<std::string>& names,
    const std::map<std::string, std::vector<std::string>>& known) {
  std::map<std::string, std::string> selected;
  std::vector<std::string> unknown;
  for (const auto& name : names) {
    std::string language;
    for (const auto& [candidate, flavors] : known) {
      if (candidate == name || std::find(flavors.begin(), flavors.end(), name) != flavors.end()) {
        language = candidate;
      }
    }
    if (language.empty()) {
      unknown.push_back(name);
      continue;
    }
    auto [it, inserted] = selected.emplace(language, name);
    if (!inserted) {
      throw Error(
          fmt::format("The language flavors '{}' and '{}' refere to the same language "
                      "'{}'.\nYou need to choose one.",
                      it->second, name, language));
    }
  }
  if (!unknown.empty()) {
    std::string list;
    for (const auto& name : unknown) list += (list.empty() ? "" : ", ") + name;
    throw Error(
        "The following languages were specified but they were not found in any module:\n -> " +
        list +
        "\nMay be you forgot to add another place where to find it with -m or --modules.\n"
        "Run again with -vvv to get more information about why is this happening.");
  }
  return selected;
}

OptionLayer parse_cmdline_options(const OptionParser& parser,
                                  const std::vector<std::string>& tokens) {
  try {
    return parser.parse(tokens, false);
  } catch (const OptionError& error) {
    throw Error(error.what());
  }
}

/// Layers 1–3 of §2.4: defaults, command-line defaults, -o, concern defaults.
OptionLayer global_options(const CommandLine& cl, const std::vector<std::string>& tokens,
                           const std::vector<ConcernOptions>& module_options) {
  OptionParser parser;
  parser.extend(generic_options());
  parser.extend(concern_options());
  for (const ConcernOptions& concern : module_options) parser.extend(concern.parser);
  OptionLayer layer = parser.defaults();
  layer["timeout"] = cl.timeout;
  layer["diff"] = cl.diff;
  layer["fail_fast"] = cl.fail_fast;
  layer["enhance_diff"] = !cl.no_enhance_diff;
  layer["show_failures"] = cl.show_failures;
  for (auto& [key, value] : parse_cmdline_options(parser, tokens)) layer[key] = value;
  return layer;
}

}  // namespace

Config extension_config(const CommandLine& cl, bool colors, int jobs) {
  Config cfg;
  cfg.use_progress_bar = cl.pretty == "all" && !cl.no_progress_bar;
  cfg.use_colors = colors;
  cfg.quiet = cl.quiet;
  cfg.verbosity = cl.verbosity;
  cfg.encoding = cl.encoding;
  cfg.enc_error_handler = cl.encoding_errors;
  cfg.opts_from_cmdline = cl.options;
  cfg.dry = cl.dry;
  cfg.jobs = jobs;
  cfg.selected_languages = {cl.languages.begin(), cl.languages.end()};
  cfg.output = [](std::string_view text) { Output::stdout_writer().write(text); };
  return cfg;
}

BuiltinConcernSettings builtin_concern_settings(const CommandLine& cl, bool colors) {
  BuiltinConcernSettings settings;
  settings.clipboard = ClipboardSettings{cl.capture_env_vars, cl.min_rcount, cl.dfl_timeout};
  settings.reporter = ReporterSettings{colors, cl.verbosity};
  settings.progress_bars =
      cl.pretty == "all" && !cl.no_progress_bar && !cl.tap && isatty(STDOUT_FILENO);
  settings.tap = cl.tap;
  settings.outcomes = cl.tap || !cl.junit.empty();
  return settings;
}

WorkerSetup make_worker_setup(const CommandLine& cl, const ExtensionInstances& extensions) {
  WorkerSetup setup;
  setup.languages = resolve_languages(cl.languages, runner_languages(extensions));
  check_parsers(setup.languages);
  for (const auto& concern : extensions.concerns) {
    ConcernOptions added{concern->target(), {}};
    concern->extend_option_parser(added.parser);
    if (!added.parser.specs().empty()) setup.concern_options.push_back(std::move(added));
  }
  std::vector<std::string> tokens;
  try {
    tokens = shell_split(cl.options);
  } catch (const OptionError& error) {
    throw Error(error.what());
  }
  setup.global_options = global_options(cl, tokens, setup.concern_options);
  for (const auto& [language, flavor] : setup.languages) {
    const OptionParser& parser = language_options(language);
    OptionLayer layer = parser.defaults();
    for (auto& [key, value] : parse_cmdline_options(parser, tokens)) layer[key] = value;
    setup.language_options[language] = std::move(layer);
  }
  setup.runner.dfl_timeout = cl.dfl_timeout;
  setup.runner.delaybeforesend = cl.delaybeforesend;
  setup.runner.delayafterprompt = cl.delayafterprompt;
  setup.runner.turn_echo_off = cl.turn_echo_off;
  setup.runner.turn_echo_off_on_spawn = cl.turn_echo_off_on_spawn;
  setup.runner.shebangs = cl.shebangs;
  setup.runner.encoding = cl.encoding + ":" + cl.encoding_errors;
  setup.differ = ExampleDifferSettings{cl.difftool, cl.min_rcount, cl.dfl_timeout};
  setup.encoding = cl.encoding + ":" + cl.encoding_errors;
  setup.dry = cl.dry;
  setup.not_recover_timeout = cl.not_recover_timeout;
  setup.document_options = make_document_options(cl, setup);
  return setup;
}

std::string show_options_text(const WorkerSetup& setup) {
  auto section = [](const std::string& title, const OptionParser& parser) {
    std::string text = title + "\n" + std::string(title.size(), '-') + "\n";
    if (parser.specs().empty()) return text + "  None.\n";
    text += "options:\n";
    for (const auto& spec : parser.specs()) text += format_option_help(spec);
    return text;
  };
  std::string text = section("byexample's options", generic_options());
  text += "\n" + section("clipboard's specific options", clipboard_options());
  text += "\n" + section("conditional's specific options", OptionParser{});
  text += "\n" + section("progress's specific options", OptionParser{});
  for (const ConcernOptions& concern : setup.concern_options) {
    text += "\n" + section(concern.target + "'s specific options", concern.parser);
  }
  for (const auto& [language, flavor] : setup.languages) {
    text += "\n" + section(language + "'s specific options", language_options(language));
  }
  return text;
}

}  // namespace bx
