// Modules: extension classes in shared libraries loaded with -m/--modules (spec §7.1).
#pragma once

#include <string>
#include <vector>

#include "include/byexample/extension.hpp"

namespace bx {

/// Loads every shared library (`*.so`) of every directory, directories in command-line
/// order and files alphabetically inside one, and registers their classes. A module whose
/// name was already loaded from an earlier directory is skipped. A library that cannot be
/// loaded, lacks the entry points of BYEXAMPLE_MODULE, was built for another API version or
/// whose registration throws is reported
/// (`[!] From '<dir>' loading module '<name>' failed. Skipping.` + the reason) and skipped.
/// Modules stay loaded until the process ends.
void load_modules(const std::vector<std::string>& dirs, Registry& registry);

}  // namespace bx
