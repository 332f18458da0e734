// From the command line to what every worker needs (spec §0.1 step 2, §1.5, §2.4).
#pragma once

#include "driver/cli/command_line.hpp"
#include "driver/concern/builtin_concerns.hpp"
#include "driver/concern/extensions.hpp"
#include "driver/jobs/worker_setup.hpp"
#include "driver/parse/option_parser.hpp"

namespace bx {

/// The configuration every extension instance receives (spec §7.3); `jobs` is the number
/// of workers.
Config extension_config(const CommandLine& command_line, bool colors, int jobs);

/// What the built-in concerns need from the command line (the sinks are left empty).
BuiltinConcernSettings builtin_concern_settings(const CommandLine& command_line, bool colors);

/// Resolves the languages (built-in runners and the modules' ones of `extensions`) and
/// layers the options (with the options of the module concerns). Throws bx::Error (an
/// initialisation error, exit 3) for unknown languages, flavour clashes and invalid -o
/// values.
WorkerSetup make_worker_setup(const CommandLine& command_line,
                              const ExtensionInstances& extensions);

/// One option's entry of --show-options, in argparse's layout.
std::string format_option_help(const OptionSpec& spec);

/// The --show-options text (§6.4) for the selected languages.
std::string show_options_text(const WorkerSetup& setup);

}  // namespace bx
