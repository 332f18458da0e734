// The extension classes and their instances: the N+1 creation rule (spec §7.1–§7.3, §8.2).
//
// Every registered class is built once in the main thread, each with the sharer and a
// namespace of its own, all before any worker instance; then the namespaces are frozen and
// the sharer closed, and every worker builds every class once more, concurrently, with its
// job number, no sharer and the class' namespace, now read-only.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "include/byexample/extension.hpp"

namespace bx {

/// The registered instances of one thread, in registration order. Classes whose key
/// (target, language) is empty disabled themselves and are not here.
struct ExtensionInstances {
  std::vector<std::unique_ptr<ExampleRunner>> runners;
  std::vector<std::unique_ptr<ExampleFinder>> finders;
  std::vector<std::unique_ptr<ZoneDelimiter>> delimiters;
  std::vector<std::unique_ptr<Concern>> concerns;
};

class Extensions {
 public:
  Extensions();
  ~Extensions();
  Extensions(const Extensions&) = delete;
  Extensions& operator=(const Extensions&) = delete;

  /// Where the built-in classes and the modules register theirs, before instantiate_main.
  Registry& registry() { return m_registry; }

  /// Builds the main-thread instances, validates their keys, freezes the namespaces and
  /// closes the sharer. Throws bx::Error (an initialisation error, exit 3) when a
  /// constructor throws or two module classes have the same key; a module class with the
  /// key of a built-in one replaces it.
  void instantiate_main(const Config& cfg);
  const ExtensionInstances& main() const { return m_main; }
  /// The configuration the main-thread instances received.
  const Config& config() const { return m_cfg; }

  /// Builds the instances of worker `job`, in the calling thread; workers call it
  /// concurrently. `cfg` is the main-thread configuration plus the allowed languages.
  /// Throws bx::Error as instantiate_main does.
  ExtensionInstances instantiate_worker(const Config& cfg, int job) const;

  /// Main thread, after every worker ended: finish_run on the main-thread concerns.
  void finish_run(const RunOutcome& outcome);

 private:
  ExtensionInstances instantiate(const Config& cfg, Sharer* sharer, std::optional<int> job) const;

  Registry m_registry;
  Config m_cfg;
  Sharer m_sharer;
  /// One namespace per class: runners, finders, delimiters, then concerns, as registered.
  std::vector<std::unique_ptr<Namespace>> m_namespaces;
  ExtensionInstances m_main;
};

}  // namespace bx
