#include "driver/cli/setup.hpp"

#include <fmt/format.h>

#include "driver/model/errors.hpp"
#include "driver/parse/option_tables.hpp"

namespace bx {

namespace {

/// -l names -> language -> the flavour given (§1.5).
std::map<std::string, std::string> resolve_languages(const std::vector<std::string>& names) {
  const auto known = builtin_runner_languages();
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
OptionLayer global_options(const CommandLine& cl, const std::vector<std::string>& tokens) {
  OptionParser parser;
  parser.extend(generic_options());
  parser.extend(concern_options());
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

WorkerSetup make_worker_setup(const CommandLine& cl, bool colors) {
  WorkerSetup setup;
  setup.languages = resolve_languages(cl.languages);
  std::vector<std::string> tokens;
  try {
    tokens = shell_split(cl.options);
  } catch (const OptionError& error) {
    throw Error(error.what());
  }
  setup.global_options = global_options(cl, tokens);
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
  setup.clipboard = ClipboardSettings{cl.capture_env_vars, cl.min_rcount, cl.dfl_timeout};
  setup.reporter = ReporterSettings{colors, cl.verbosity};
  setup.differ = ExampleDifferSettings{cl.difftool, cl.min_rcount, cl.dfl_timeout};
  setup.encoding = cl.encoding + ":" + cl.encoding_errors;
  setup.dry = cl.dry;
  setup.quiet = cl.quiet;
  setup.not_recover_timeout = cl.not_recover_timeout;
  setup.tap = cl.tap;
  return setup;
}

std::string show_options_text(const WorkerSetup& setup) {
  auto section = [](const std::string& title, const OptionParser& parser) {
    std::string text = title + "\n" + std::string(title.size(), '-') + "\n";
    if (parser.specs().empty()) return text + "  None.\n";
    text += "options:\n";
    for (const auto& spec : parser.specs()) {
      std::string entry = "  +" + spec.name;
      if (!spec.choices.empty()) {
        std::string choices;
        for (const auto& choice : spec.choices) choices += (choices.empty() ? "" : ",") + choice;
        entry += " {" + choices + "}";
      } else if (spec.kind == OptionKind::optional_value) {
        entry += " [" + spec.metavar + "]";
      } else if (spec.kind != OptionKind::flag) {
        entry += " " + spec.metavar;
      }
      text +=
          entry +
          (entry.size() < 24 ? std::string(24 - entry.size(), ' ') : "\n" + std::string(24, ' ')) +
          spec.help + "\n";
    }
    return text;
  };
  std::string text = section("byexample's options", generic_options());
  text += "\n" + section("clipboard's specific options", clipboard_options());
  text += "\n" + section("conditional's specific options", OptionParser{});
  text += "\n" + section("progress's specific options", OptionParser{});
  for (const auto& [language, flavor] : setup.languages) {
    text += "\n" + section(language + "'s specific options", language_options(language));
  }
  return text;
}

}  // namespace bx
