#include "driver/concern/extensions.hpp"

#include <algorithm>
#include <map>

#include "driver/model/errors.hpp"
#include "driver/util/log.hpp"

namespace bx {

namespace {

/// `From '<abs dir>' module '<name>'\n` for a module class, nothing for a built-in one.
std::string origin_prefix(const Registry::Origin& origin) {
  if (origin.module.empty()) return "";
  return "From '" + origin.dir + "' module '" + origin.module + "'\n";
}

std::vector<std::string> keys_of(const ExampleRunner& runner) {
  std::string key = runner.language();
  return key.empty() ? std::vector<std::string>{} : std::vector<std::string>{key};
}
std::vector<std::string> keys_of(const ExampleFinder& finder) {
  std::string key = finder.target();
  return key.empty() ? std::vector<std::string>{} : std::vector<std::string>{key};
}
std::vector<std::string> keys_of(const ZoneDelimiter& delimiter) {
  return delimiter.targets();
}
std::vector<std::string> keys_of(const Concern& concern) {
  std::string key = concern.target();
  return key.empty() ? std::vector<std::string>{} : std::vector<std::string>{key};
}

const char* key_name(const ExampleRunner*) {
  return "language";
}
const char* key_name(const void*) {
  return "target";
}

template <typename Base>
std::unique_ptr<Base> construct(const Registry::Entry<Base>& entry, const CreationContext& ctx) {
  std::unique_ptr<Base> instance;
  try {
    instance = entry.factory(ctx);
  } catch (const std::exception& error) {
    throw Error(origin_prefix(entry.origin) + "Instantiation of " + entry.class_name +
                " failed: " + error.what());
  }
  if (instance == nullptr) {
    throw Error(origin_prefix(entry.origin) + "Instantiation of " + entry.class_name +
                " failed: its factory returned no object.");
  }
  return instance;
}

/// What one thread builds, kind by kind.
struct Building {
  const Config& cfg;
  Sharer* sharer;
  std::optional<int> job;
  std::vector<std::unique_ptr<Namespace>>::const_iterator next_namespace;
  CreationContext::ConcernLookup concerns;

  /// Builds every class of one kind in registration order and registers the instances
  /// whose keys are not empty: a module class replaces a built-in one with the same key
  /// (in its place); two module classes with one key are an error.
  template <typename Base>
  void build(const std::vector<Registry::Entry<Base>>& entries,
             std::vector<std::unique_ptr<Base>>& registered) {
    std::vector<const Registry::Entry<Base>*> entry_of;  // aligned with `registered`
    std::map<std::string, std::size_t> by_key;
    for (const auto& entry : entries) {
      CreationContext ctx(cfg, **next_namespace++, sharer, job, concerns);
      std::unique_ptr<Base> instance = construct(entry, ctx);
      std::optional<std::size_t> replaced;
      const std::vector<std::string> keys = keys_of(*instance);
      for (const std::string& key : keys) {
        auto it = by_key.find(key);
        if (it == by_key.end()) continue;
        const Registry::Entry<Base>& previous = *entry_of[it->second];
        if (!previous.origin.module.empty()) {
          throw Error(origin_prefix(entry.origin) + "The classes " + previous.class_name +
                      " (from '" + previous.origin.dir + "' module '" + previous.origin.module +
                      "') and " + entry.class_name + " have the same " + key_name(instance.get()) +
                      " '" + key + "': two extensions cannot have one " + key_name(instance.get()) +
                      ".");
        }
        replaced = it->second;
      }
      if (keys.empty()) continue;
      if (replaced) {
        if (!job) {
          log::chat("", "The class " + entry.class_name + " replaces the built-in " +
                            entry_of[*replaced]->class_name + ".");
        }
        registered[*replaced] = std::move(instance);
        entry_of[*replaced] = &entry;
      } else {
        registered.push_back(std::move(instance));
        entry_of.push_back(&entry);
      }
      for (const std::string& key : keys) by_key[key] = replaced.value_or(registered.size() - 1);
    }
  }
};

}  // namespace

Extensions::Extensions() = default;
Extensions::~Extensions() = default;

ExtensionInstances Extensions::instantiate(const Config& cfg, Sharer* sharer,
                                           std::optional<int> job) const {
  ExtensionInstances built;
  auto concern_lookup = [&built](std::string_view target) -> Concern* {
    for (const auto& concern : built.concerns) {
      if (concern->target() == target) return concern.get();
    }
    return nullptr;
  };
  Building building{cfg, sharer, job, m_namespaces.begin(), concern_lookup};
  building.build(m_registry.runners(), built.runners);
  building.build(m_registry.finders(), built.finders);
  building.build(m_registry.zone_delimiters(), built.delimiters);
  building.build(m_registry.concerns(), built.concerns);
  if (cfg.quiet) {  // -q removes the concern registered as progress (spec §7.2)
    std::erase_if(built.concerns,
                  [](const auto& concern) { return concern->target() == "progress"; });
  }
  return built;
}

void Extensions::instantiate_main(const Config& cfg) {
  m_cfg = cfg;
  auto add_namespaces = [this](const auto& entries) {
    for (const auto& entry : entries)
      m_namespaces.push_back(std::make_unique<Namespace>(entry.class_name));
  };
  add_namespaces(m_registry.runners());
  add_namespaces(m_registry.finders());
  add_namespaces(m_registry.zone_delimiters());
  add_namespaces(m_registry.concerns());
  m_main = instantiate(m_cfg, &m_sharer, std::nullopt);
  for (auto& ns : m_namespaces) ns->freeze();
  m_sharer.close();
}

ExtensionInstances Extensions::instantiate_worker(const Config& cfg, int job) const {
  return instantiate(cfg, nullptr, job);
}

void Extensions::finish_run(const RunOutcome& outcome) {
  for (auto& concern : m_main.concerns) concern->finish_run(outcome);
}

}  // namespace bx
