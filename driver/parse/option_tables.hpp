// The option tables of byexample (spec §2.5): generic, concern and per-language options.
#pragma once

#include <string_view>

#include "driver/parse/option_parser.hpp"

namespace bx {

/// Generic options (every language), with the built-in defaults. Defaults that come from
/// command-line flags (--timeout, --diff, --ff, --no-enhance-diff, --show-failures) are
/// applied by the driver on top of these.
const OptionParser& generic_options();

/// Concern options: +paste, +if/+on, +unless.
const OptionParser& concern_options();

/// Options specific to `language` ("python", "shell", ...); empty parser if none.
const OptionParser& language_options(std::string_view language);

}  // namespace bx
