#include "driver/cli/command_line.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <limits>
#include <optional>
#include <set>
#include <thread>

#include "driver/model/errors.hpp"
#include "driver/run/decoder.hpp"
#include "driver/util/log.hpp"

namespace bx {

namespace {

/// Short options that take a value: `-o=+x` is argparse's `-o +x`.
const std::map<std::string, std::string> k_short_to_long = {{"-l", "--languages"},
                                                            {"-j", "--jobs"},
                                                            {"-d", "--diff"},
                                                            {"-o", "--options"},
                                                            {"-m", "--modules"}};

/// Options that take a value, with the name argparse uses in its messages.
const std::map<std::string, std::string> k_valued_options = {
    {"-l", "-l/--language/--languages"},
    {"--language", "-l/--language/--languages"},
    {"--languages", "-l/--language/--languages"},
    {"--timeout", "--timeout"},
    {"-j", "-j/--jobs"},
    {"--jobs", "-j/--jobs"},
    {"-d", "-d/--diff"},
    {"--diff", "-d/--diff"},
    {"--difftool", "--difftool"},
    {"-o", "-o/--options"},
    {"--options", "-o/--options"},
    {"-m", "-m/--modules"},
    {"--modules", "-m/--modules"},
    {"--encoding", "--encoding"},
    {"--show-failures", "--show-failures"},
    {"--pretty", "--pretty"},
    {"--capture-env-var", "--capture-env-var/--capture-env-vars"},
    {"--capture-env-vars", "--capture-env-var/--capture-env-vars"},
    {"--config", "--config"}};

/// The flags that stand for a key of the project configuration (see project_config.hpp),
/// as CLI11 knows them (after normalise_flags).
const std::map<std::string, std::string> k_configurable_flags = {{"--languages", "languages"},
                                                                 {"--options", "options"},
                                                                 {"--modules", "modules"},
                                                                 {"--timeout", "timeout"},
                                                                 {"--x-dfl-timeout", "dfl-timeout"},
                                                                 {"--jobs", "jobs"},
                                                                 {"--diff", "diff"},
                                                                 {"--skip", "skip"},
                                                                 {"--encoding", "encoding"}};

/// argparse never takes a flag-looking word ("-foo", but not "-5") as an option's value.
void reject_flag_as_value(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i + 1 <= args.size(); ++i) {
    if (args[i] == "--") return;
    auto it = k_valued_options.find(args[i]);
    if (it == k_valued_options.end()) continue;
    const bool missing =
        i + 1 == args.size() ||
        (args[i + 1].size() > 1 && args[i + 1][0] == '-' &&
         !std::isdigit(static_cast<unsigned char>(args[i + 1][1])) && args[i + 1][1] != '.');
    if (missing) throw UsageError("argument " + it->second + ": expected one argument");
  }
}

/// byexample's single-dash long flags (`-x-shebang`, `-xh`) become CLI11 long flags, and
/// `-o=value` becomes `--options=value` so that a value starting with '-' stays a value.
std::vector<std::string> normalise_flags(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  bool positional_only = false;
  for (const std::string& arg : args) {
    if (positional_only || arg.size() < 2 || arg[0] != '-' || arg[1] == '-') {
      if (arg == "--") positional_only = true;
      out.push_back(arg);
      continue;
    }
    if (arg.rfind("-x-", 0) == 0 || arg == "-xh") {
      out.push_back("-" + arg);
      continue;
    }
    auto it = k_short_to_long.find(arg.substr(0, 2));
    if (it != k_short_to_long.end() && arg.size() > 2 && arg[2] == '=') {
      out.push_back(it->second + arg.substr(2));
      continue;
    }
    out.push_back(arg);
  }
  return out;
}

std::vector<std::string> split_commas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& value : values) {
    std::size_t begin = 0;
    while (begin <= value.size()) {
      std::size_t end = std::min(value.find(',', begin), value.size());
      std::string item = value.substr(begin, end - begin);
      if (!item.empty()) out.push_back(item);
      begin = end + 1;
    }
  }
  return out;
}

void reject_duplicates(const std::vector<std::string>& values, const std::string& flag) {
  std::set<std::string> seen;
  for (const auto& value : values) {
    if (!seen.insert(value).second) {
      throw UsageError("argument " + flag + ": '" + value + "' is duplicated.");
    }
  }
}

int parse_jobs(const std::string& text) {
  if (auto jobs = jobs_from_text(text)) return *jobs;
  throw UsageError("argument -j/--jobs: Invalid jobs specification '" + text +
                   "'. Use 'cpu', 'cpu<n>' or <n> (a positive number).");
}

long parse_show_failures(const std::string& text) {
  if (text == "all") return -1;
  try {
    std::size_t used = 0;
    long n = std::stol(text, &used);
    if (used == text.size() && n >= 0) return n;
  } catch (const std::exception&) {
  }
  throw UsageError("argument --show-failures: Invalid show-failures specification '" + text +
                   "'. Use 'all', '0' or <n> (a positive number).");
}

bool parse_yes_no(const std::string& text, const std::string& flag) {
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (lower == "yes" || lower == "true" || lower == "1" || lower == "y") return true;
  if (lower == "no" || lower == "false" || lower == "0" || lower == "n") return false;
  throw UsageError("argument " + flag + ": Invalid answer '" + text + "'. Expected 'yes' or 'no'.");
}

/// "key:value" pairs of -x-shebang and -x-log-mask.
std::pair<std::string, std::string> split_key_value(const std::string& text,
                                                    const std::string& flag) {
  auto colon = text.find(':');
  auto strip = [](std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    return s;
  };
  if (colon == std::string::npos) {
    throw UsageError("argument " + flag + ": Invalid format '" + text + "'. Use key:val instead.");
  }
  std::string key = strip(text.substr(0, colon));
  std::string value = strip(text.substr(colon + 1));
  if (key.empty() || value.empty()) {
    throw UsageError("argument " + flag + ": Neither the key nor the value can be empty in '" +
                     text + "'.");
  }
  return {key, value};
}

struct RawFlags {
  std::vector<std::string> languages, capture_env_vars, shebangs, log_masks;
  std::string jobs = "1", show_failures = "all", encoding = "utf-8";
  std::string turn_echo_off = "yes", turn_echo_off_on_spawn = "yes";
  // Typed values are converted by validate() so that errors read like argparse's.
  std::string timeout = "2", dfl_timeout = "8", delaybeforesend = "0", delayafterprompt = "0";
  std::string min_rcount = "16", diff = "none", pretty = "all", autocomplete;
};

double parse_float(const std::string& text, const std::string& flag) {
  try {
    std::size_t used = 0;
    double value = std::stod(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  throw UsageError("argument " + flag + ": invalid float value: '" + text + "'");
}

long parse_int(const std::string& text, const std::string& flag) {
  try {
    std::size_t used = 0;
    long value = std::stol(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  throw UsageError("argument " + flag + ": invalid int value: '" + text + "'");
}

std::string parse_choice(const std::string& text, const std::string& flag,
                         const std::vector<std::string>& choices) {
  if (std::find(choices.begin(), choices.end(), text) != choices.end()) return text;
  std::string listed;
  for (const auto& choice : choices) listed += (listed.empty() ? "'" : ", '") + choice + "'";
  throw UsageError("argument " + flag + ": invalid choice: '" + text + "' (choose from " + listed +
                   ")");
}

/// A flag that may be repeated, one value each time (argparse's action='append').
void repeatable(CLI::Option* option) {
  option->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void declare(CLI::App& app, CommandLine& cl, RawFlags& raw) {
  app.set_help_flag();
  // argparse keeps the last value of a repeated scalar option.
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.allow_windows_style_options(false);
  app.add_option("files", cl.files);
  repeatable(app.add_option("-l,--language,--languages", raw.languages));
  app.add_flag("--ff,--fail-fast", cl.fail_fast);
  app.add_option("--timeout", raw.timeout);
  app.add_option("-j,--jobs", raw.jobs);
  app.add_flag("--dry", cl.dry);
  app.add_flag("--discover", cl.discover);
  app.add_flag("--tap", cl.tap);
  app.add_option("--junit", cl.junit);
  app.add_option("--skip", cl.skip)
      ->expected(1, -1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  repeatable(app.add_option("--capture-env-var,--capture-env-vars", raw.capture_env_vars));
  app.add_option("-d,--diff", raw.diff);
  app.add_option("--difftool", cl.difftool);
  app.add_flag("--no-enhance-diff", cl.no_enhance_diff);
  app.add_option("-o,--options", cl.options);
  app.add_flag("--show-options", cl.show_options);
  repeatable(app.add_option("-m,--modules", cl.modules));
  app.add_option("--encoding", raw.encoding);
  app.add_option("--show-failures", raw.show_failures);
  app.add_option("--pretty", raw.pretty);
  app.add_flag("--no-progress-bar", cl.no_progress_bar);
  app.add_flag("-V,--version", cl.version);
  app.add_flag("-v", cl.verbosity);
  app.add_flag("-q,--quiet", cl.quiet);
  app.add_flag("-h,--help", cl.help);
  app.add_flag("--xh", cl.advanced_help);
  repeatable(app.add_option("--x-shebang", raw.shebangs));
  app.add_option("--x-dfl-timeout", raw.dfl_timeout);
  app.add_option("--x-delaybeforesend", raw.delaybeforesend);
  app.add_option("--x-delayafterprompt", raw.delayafterprompt);
  app.add_option("--x-min-rcount", raw.min_rcount);
  app.add_flag("--x-not-recover-timeout", cl.not_recover_timeout);
  repeatable(app.add_option("--x-log-mask", raw.log_masks));
  app.add_option("--x-turn-echo-off", raw.turn_echo_off);
  app.add_option("--x-turn-echo-off-on-spawn", raw.turn_echo_off_on_spawn);
  app.add_option("--x-autocomplete", raw.autocomplete);
  app.add_option("--config", cl.config_file);
  app.add_flag("--no-config", cl.no_config);
  app.allow_extras();  // unknown flags are reported as argparse does, after parsing
}

/// The typed values, checked in the order argparse reports them.
void convert_values(CommandLine& cl, const RawFlags& raw) {
  cl.timeout = parse_float(raw.timeout, "--timeout");
  cl.diff = parse_choice(raw.diff, "-d/--diff", {"none", "unified", "ndiff", "context", "tool"});
  cl.pretty = parse_choice(raw.pretty, "--pretty", {"none", "all"});
  cl.dfl_timeout = parse_float(raw.dfl_timeout, "--x-dfl-timeout");
  cl.delaybeforesend = parse_float(raw.delaybeforesend, "--x-delaybeforesend");
  cl.delayafterprompt = parse_float(raw.delayafterprompt, "--x-delayafterprompt");
  cl.min_rcount = parse_int(raw.min_rcount, "--x-min-rcount");
  if (!raw.autocomplete.empty()) {
    cl.autocomplete = parse_choice(raw.autocomplete, "--x-autocomplete", {"bash"});
  }
}

void validate(CommandLine& cl, const RawFlags& raw) {
  cl.languages = split_commas(raw.languages);
  reject_duplicates(cl.languages, "--languages");
  cl.jobs = parse_jobs(raw.jobs);
  cl.show_failures = parse_show_failures(raw.show_failures);
  for (const auto& text : raw.shebangs) {
    auto [key, value] = split_key_value(text, "--x-shebang");
    if (cl.shebangs.count(key))
      throw UsageError("argument --x-shebang: '" + key + "' is duplicated.");
    cl.shebangs[key] = value;
  }
  // Without -l the languages may come from the project configuration: require_languages().
  if (!cl.languages.empty()) require_languages(cl);
  for (const auto& text : raw.log_masks) {
    auto [key, value] = split_key_value(text, "--x-log-mask");
    log::Level level;
    if (!log::parse_level(value, level)) {
      throw UsageError("argument --x-log-mask: '" + value + "' is an unknown log level.");
    }
    if (cl.log_masks.count(key))
      throw UsageError("argument --x-log-mask: '" + key + "' is duplicated.");
    cl.log_masks[key] = value;
  }
  auto colon = raw.encoding.find(':');
  cl.encoding = raw.encoding.substr(0, colon);
  if (colon != std::string::npos) cl.encoding_errors = raw.encoding.substr(colon + 1);
  if (!is_supported_encoding(cl.encoding)) {
    throw UsageError("argument --encoding: encoding '" + cl.encoding +
                     "' is unknown or unsupported.");
  }
  if (cl.encoding_errors != "strict" && cl.encoding_errors != "ignore" &&
      cl.encoding_errors != "replace") {
    throw UsageError("argument --encoding: error handler '" + cl.encoding_errors +
                     "' is unknown or unsupported.");
  }
  cl.capture_env_vars = split_commas(raw.capture_env_vars);
  reject_duplicates(cl.capture_env_vars, "--captured-env-vars");
  cl.turn_echo_off = parse_yes_no(raw.turn_echo_off, "--x-turn-echo-off");
  cl.turn_echo_off_on_spawn =
      parse_yes_no(raw.turn_echo_off_on_spawn, "--x-turn-echo-off-on-spawn");
  if (cl.verbosity > 0 && cl.quiet)
    throw UsageError("argument -q/--quiet: not allowed with argument -v");
  if (cl.no_config && !cl.config_file.empty())
    throw UsageError("argument --no-config: not allowed with argument --config");
}

/// Records which configurable flags the command line gave.
void record_given(const CLI::App& app, CommandLine& cl) {
  for (const auto& [flag, key] : k_configurable_flags) {
    if (app.get_option(flag)->count() > 0) cl.given.insert(key);
  }
}

}  // namespace

std::optional<int> jobs_from_text(const std::string& text) {
  const long long cpus = std::max(1u, std::thread::hardware_concurrency());
  if (text == "cpu" || text == "auto") return static_cast<int>(cpus);
  const bool per_cpu = text.rfind("cpu", 0) == 0;
  const std::string count = per_cpu ? text.substr(3) : text;
  try {
    std::size_t used = 0;
    long long jobs = std::stoi(count, &used);
    if (used != count.size() || jobs <= 0) return std::nullopt;
    if (per_cpu) jobs *= cpus;
    return static_cast<int>(std::min<long long>(jobs, std::numeric_limits<int>::max()));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

CommandLine parse_command_line(int argc, char** argv) {
  CommandLine cl;
  if (argc > 0) {
    std::string program = argv[0];
    cl.program = program.substr(program.find_last_of('/') + 1);
  }
  std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  args = expand_argument_files(args);
  reject_flag_as_value(args);
  args = normalise_flags(args);

  CLI::App app;
  RawFlags raw;
  declare(app, cl, raw);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& error) {
    throw UsageError(error.what());
  }
  if (cl.help || cl.advanced_help || cl.version) return cl;
  std::string unknown;
  for (const auto& arg : app.remaining()) {
    if (arg != "--") unknown += (unknown.empty() ? "" : " ") + arg;
  }
  if (!unknown.empty()) throw UsageError("unrecognized arguments: " + unknown);
  convert_values(cl, raw);
  if (!cl.autocomplete.empty()) return cl;
  validate(cl, raw);
  record_given(app, cl);
  return cl;
}

void require_languages(const CommandLine& cl) {
  for (const auto& [key, value] : cl.shebangs) {
    if (std::find(cl.languages.begin(), cl.languages.end(), key) == cl.languages.end()) {
      throw UsageError("argument --x-shebang: runner '" + key + "' is unknown.");
    }
  }
  if (cl.languages.empty()) {
    throw UsageError("the following arguments are required: -l/--language/--languages");
  }
}

}  // namespace bx
