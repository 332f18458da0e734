#include "driver/concern/module_loader.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <system_error>

#include "driver/util/log.hpp"

namespace bx {

namespace {

namespace fs = std::filesystem;

constexpr const char* k_version_symbol = "byexample_module_api_version";
constexpr const char* k_register_symbol = "byexample_register";

/// The `*.so` files of `dir`, sorted by name.
std::vector<fs::path> shared_libraries(const fs::path& dir) {
  std::vector<fs::path> found;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.path().extension() == ".so" && entry.is_regular_file(error)) {
      found.push_back(entry.path());
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

/// Loads one library and registers its classes into `into`; throws std::runtime_error
/// with the reason of a failure.
void register_module(const fs::path& path, Registry& into) {
  // Never closed: the module's classes are in use until the process ends.
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) throw std::runtime_error(dlerror());
  auto* version = reinterpret_cast<int (*)()>(dlsym(handle, k_version_symbol));
  auto* entry = reinterpret_cast<void (*)(Registry&)>(dlsym(handle, k_register_symbol));
  if (version == nullptr || entry == nullptr) {
    throw std::runtime_error(
        "The library has no " +
        std::string(version == nullptr ? k_version_symbol : k_register_symbol) +
        "() function: it is not a byexample module.\nDefine its entry points with "
        "BYEXAMPLE_MODULE(registry) { ... } from <byexample/extension.hpp>.");
  }
  if (version() != k_api_version) {
    throw std::runtime_error("The module was built for version " + std::to_string(version()) +
                             " of the extension API but this byexample has version " +
                             std::to_string(k_api_version) +
                             ".\nRebuild it against the headers of this byexample.");
  }
  entry(into);
}

/// Appends every class of `from` to `to` (whose origin is already set).
void merge(const Registry& from, Registry& to) {
  for (const auto& entry : from.runners()) to.add_runner(entry.class_name, entry.factory);
  for (const auto& entry : from.finders()) to.add_finder(entry.class_name, entry.factory);
  for (const auto& entry : from.zone_delimiters()) {
    to.add_zone_delimiter(entry.class_name, entry.factory);
  }
  for (const auto& entry : from.concerns()) to.add_concern(entry.class_name, entry.factory);
}

}  // namespace

void load_modules(const std::vector<std::string>& dirs, Registry& registry) {
  std::set<std::string> loaded;
  for (const std::string& dir : dirs) {
    std::error_code error;
    const fs::path absolute = fs::absolute(dir, error).lexically_normal();
    if (!fs::is_directory(absolute, error)) {
      log::warn("", "The modules directory '" + dir + "' does not exist or is not a directory.");
      continue;
    }
    for (const fs::path& path : shared_libraries(absolute)) {
      const std::string name = path.stem().string();
      if (!loaded.insert(name).second) {
        log::chat("", "From '" + absolute.string() + "' module '" + name +
                          "' skipped: a module with that name was already loaded.");
        continue;
      }
      Registry::Origin origin{absolute.string(), name};
      Registry module;
      module.set_origin(origin);
      try {
        register_module(path, module);
      } catch (const std::exception& failure) {
        log::error("", "From '" + origin.dir + "' loading module '" + name +
                           "' failed. Skipping.\n" + failure.what());
        continue;
      }
      log::chat("", "From '" + origin.dir + "' loaded module '" + name + "'.");
      registry.set_origin(origin);
      merge(module, registry);
    }
  }
  registry.set_origin({});
}

}  // namespace bx
