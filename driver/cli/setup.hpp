// From the command line to what every worker needs (spec §0.1 step 2, §1.5, §2.4).
#pragma once

#include "driver/cli/command_line.hpp"
#include "driver/jobs/worker_setup.hpp"

namespace bx {

/// Resolves the languages and layers the options. Throws bx::Error (an initialisation
/// error, exit 3) for unknown languages, flavour clashes and invalid -o values.
WorkerSetup make_worker_setup(const CommandLine& command_line, bool colors);

/// The --show-options text (§6.4) for the selected languages.
std::string show_options_text(const WorkerSetup& setup);

}  // namespace bx
