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

/// The clipboard concern's own options (+paste): what --show-options lists for it (§6.4);
/// the conditional concern's +if/+on/+unless are not listed there.
const OptionParser& clipboard_options();

/// Options specific to `language` ("python", "shell", ...); empty parser if none.
/// For python this includes the doctest flags (+ELLIPSIS, ...), as --show-options lists them.
const OptionParser& language_options(std::string_view language);

/// Same, for parsing an option comment: outside doctest mode (§2.11) the python doctest
/// flags are unknown options, so a strict parse rejects them.
const OptionParser& language_options(std::string_view language, bool doctest_mode);

}  // namespace bx
