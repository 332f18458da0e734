// The extension API of byexample (spec §7, §8.2, §8.3).
//
// A module is a shared library that byexample loads with `-m/--modules DIR`. It defines its
// entry points with BYEXAMPLE_MODULE and registers extension classes there:
//
//     #include <byexample/extension.hpp>
//
//     class LongestExample : public bx::Concern {
//      public:
//       explicit LongestExample(const bx::CreationContext& ctx)
//           : m_lock(ctx.share<bx::RLock>("lock")) {}
//       std::string target() const override { return "longest-example"; }
//       ...
//     };
//
//     BYEXAMPLE_MODULE(registry) { registry.add<LongestExample>("LongestExample"); }
//
// The N+1 creation rule: every registered class is instantiated once in the main thread,
// with a Sharer and a writable Namespace of its own, and fully before any worker instance;
// then once in every worker, with its job number, no sharer and the same namespace,
// read-only. So a class that needs state shared by every worker makes it in the main
// thread (CreationContext::share does both halves).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "concern.hpp"
#include "example_finder.hpp"
#include "namespace.hpp"
#include "runner.hpp"
#include "sharer.hpp"
#include "zone_delimiter.hpp"

/// The version of this API. A module built against another version is not loaded.
#define BYEXAMPLE_API_VERSION 2

namespace bx {

inline constexpr int k_api_version = BYEXAMPLE_API_VERSION;

/// The configuration every extension receives (spec §7.3); the same values in every
/// instance except `allowed_languages`.
struct Config {
  bool use_progress_bar = false;
  bool use_colors = false;
  bool quiet = false;
  int verbosity = 0;
  std::string encoding = "utf-8";
  std::string enc_error_handler = "strict";
  std::string opts_from_cmdline;  ///< the raw -o string
  bool dry = false;
  int jobs = 1;                              ///< how many workers run files
  std::set<std::string> selected_languages;  ///< the names given to -l
  /// Workers only: the languages that run (after flavour mapping) -> the flavour given.
  std::map<std::string, std::string> allowed_languages;
  /// Writes to byexample's standard output, atomically with respect to every other report
  /// and log line (spec §5.1).
  std::function<void(std::string_view)> output;
};

/// What an extension constructor receives.
class CreationContext {
 public:
  /// Finds the concern of the same thread already built with a target (registration order).
  using ConcernLookup = std::function<Concern*(std::string_view target)>;

  CreationContext(const Config& cfg, Namespace& ns, Sharer* sharer, std::optional<int> job_number,
                  ConcernLookup concerns)
      : m_cfg(cfg),
        m_ns(ns),
        m_sharer(sharer),
        m_job_number(job_number),
        m_concerns(std::move(concerns)) {}

  const Config& cfg() const { return m_cfg; }
  /// The namespace of the class: writable in the main thread, read-only in workers.
  Namespace& ns() const { return m_ns; }
  /// The sharer in the main thread; nullptr in workers.
  Sharer* sharer() const { return m_sharer; }
  bool in_main_thread() const { return !m_job_number.has_value(); }
  /// The worker's job number, 0 .. jobs-1; nullopt in the main thread ("__main__").
  std::optional<int> job_number() const { return m_job_number; }

  /// In the main thread makes a `T` with the sharer (`T(Sharer::Key, args...)`) and stores
  /// it as `name`; in a worker returns the one the main thread stored (`args` are unused).
  template <typename T, typename... Args>
  std::shared_ptr<T> share(const std::string& name, Args&&... args) const {
    if (!in_main_thread()) return m_ns.shared<T>(name);
    auto object = m_sharer->make<T>(std::forward<Args>(args)...);
    m_ns.set(name, object);
    return object;
  }

  /// The concern with `target` already built in this thread, or nullptr.
  Concern* concern(std::string_view target) const {
    return m_concerns ? m_concerns(target) : nullptr;
  }

 private:
  const Config& m_cfg;
  Namespace& m_ns;
  Sharer* m_sharer;
  std::optional<int> m_job_number;
  ConcernLookup m_concerns;
};

template <typename Base>
using ExtensionFactory = std::function<std::unique_ptr<Base>(const CreationContext&)>;

/// The extension classes byexample knows: the built-in ones, then every module's.
class Registry {
 public:
  /// Where a class comes from: empty for the built-in ones.
  struct Origin {
    std::string dir;     ///< the absolute module directory
    std::string module;  ///< the module's file name without ".so"
  };
  template <typename Base>
  struct Entry {
    std::string class_name;
    Origin origin;
    ExtensionFactory<Base> factory;
  };

  /// Registers `T`, built with `T(const CreationContext&)`; `T` derives from one of
  /// Concern, ExampleFinder, ZoneDelimiter or ExampleRunner.
  template <typename T>
  void add(std::string class_name) {
    auto factory = [](const CreationContext& ctx) { return std::make_unique<T>(ctx); };
    if constexpr (std::is_base_of_v<Concern, T>) {
      add_concern(std::move(class_name), factory);
    } else if constexpr (std::is_base_of_v<ExampleFinder, T>) {
      add_finder(std::move(class_name), factory);
    } else if constexpr (std::is_base_of_v<ZoneDelimiter, T>) {
      add_zone_delimiter(std::move(class_name), factory);
    } else {
      static_assert(std::is_base_of_v<ExampleRunner, T>, "not an extension class");
      add_runner(std::move(class_name), factory);
    }
  }
  void add_concern(std::string class_name, ExtensionFactory<Concern> factory) {
    m_concerns.push_back({std::move(class_name), m_origin, std::move(factory)});
  }
  void add_finder(std::string class_name, ExtensionFactory<ExampleFinder> factory) {
    m_finders.push_back({std::move(class_name), m_origin, std::move(factory)});
  }
  void add_zone_delimiter(std::string class_name, ExtensionFactory<ZoneDelimiter> factory) {
    m_delimiters.push_back({std::move(class_name), m_origin, std::move(factory)});
  }
  void add_runner(std::string class_name, ExtensionFactory<ExampleRunner> factory) {
    m_runners.push_back({std::move(class_name), m_origin, std::move(factory)});
  }

  /// Used by the driver: the origin of the classes registered from now on.
  void set_origin(Origin origin) { m_origin = std::move(origin); }
  const std::vector<Entry<Concern>>& concerns() const { return m_concerns; }
  const std::vector<Entry<ExampleFinder>>& finders() const { return m_finders; }
  const std::vector<Entry<ZoneDelimiter>>& zone_delimiters() const { return m_delimiters; }
  const std::vector<Entry<ExampleRunner>>& runners() const { return m_runners; }

 private:
  Origin m_origin;
  std::vector<Entry<Concern>> m_concerns;
  std::vector<Entry<ExampleFinder>> m_finders;
  std::vector<Entry<ZoneDelimiter>> m_delimiters;
  std::vector<Entry<ExampleRunner>> m_runners;
};

}  // namespace bx

/// The entry points of a module, looked up by byexample after dlopen():
/// `byexample_module_api_version()` returns the BYEXAMPLE_API_VERSION the module was built
/// with, `byexample_register(registry)` registers its classes (the body that follows).
#define BYEXAMPLE_MODULE(registry)                                                       \
  extern "C" __attribute__((visibility("default"))) int byexample_module_api_version() { \
    return BYEXAMPLE_API_VERSION;                                                        \
  }                                                                                      \
  extern "C" __attribute__((visibility("default"))) void byexample_register(             \
      ::bx::Registry& registry)
