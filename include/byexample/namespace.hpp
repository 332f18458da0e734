// The namespace of an extension class (spec §8.3): where its main-thread instance stores
// the shared objects and constants that its worker instances read.
#pragma once

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "sharer.hpp"

namespace bx {

/// A write to a read-only namespace, a private name, a missing name or a wrong type.
class NamespaceError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// One per extension class. Writable while the main-thread instance is being built; frozen
/// (read-only) before any worker instance exists, so workers read it without locking.
class Namespace {
 public:
  /// Immutable values, or a handle to an object made by the Sharer.
  using Value = std::variant<bool, long, double, std::string, std::shared_ptr<SharedObject>>;

  /// `owner` is the extension class name, used in messages.
  explicit Namespace(std::string owner) : m_owner(std::move(owner)) {}

  /// Stores `value` under `name`. Throws NamespaceError when the namespace is read-only
  /// (a worker instance, or after the main-thread set-up) or when `name` starts with '_'.
  void set(const std::string& name, Value value) {
    if (m_frozen) {
      throw NamespaceError("The namespace of " + m_owner +
                           " is read-only: only the instance in "
                           "the main thread (the one that receives a sharer) can store '" +
                           name + "', in its constructor; worker instances only read it.");
    }
    if (!name.empty() && name.front() == '_') {
      throw NamespaceError(
          "You cannot store 'private' attributes (the ones that starts with underscore).");
    }
    m_values.insert_or_assign(name, std::move(value));
  }

  /// The shared object stored under `name`, as a `T`. Throws NamespaceError when there is
  /// none or it is not a `T`.
  template <typename T>
  std::shared_ptr<T> shared(const std::string& name) const {
    const auto* handle = std::get_if<std::shared_ptr<SharedObject>>(&at(name));
    auto object = handle != nullptr ? std::dynamic_pointer_cast<T>(*handle) : nullptr;
    if (object == nullptr) throw wrong_type(name);
    return object;
  }
  /// The immutable value stored under `name` (bool, long, double or std::string).
  template <typename T>
  const T& get(const std::string& name) const {
    const T* value = std::get_if<T>(&at(name));
    if (value == nullptr) throw wrong_type(name);
    return *value;
  }
  /// Throws NamespaceError when `name` was not stored.
  const Value& at(const std::string& name) const {
    auto it = m_values.find(name);
    if (it == m_values.end()) {
      throw NamespaceError("The namespace of " + m_owner + " has no attribute '" + name + "'.");
    }
    return it->second;
  }
  bool contains(const std::string& name) const { return m_values.count(name) > 0; }
  bool empty() const { return m_values.empty(); }
  std::vector<std::string> names() const {
    std::vector<std::string> names;
    for (const auto& [name, value] : m_values) names.push_back(name);
    return names;
  }
  bool read_only() const { return m_frozen; }
  const std::string& owner() const { return m_owner; }

  /// Called by the driver after the main-thread instance is built.
  void freeze() { m_frozen = true; }

 private:
  NamespaceError wrong_type(const std::string& name) const {
    return NamespaceError("The attribute '" + name + "' of the namespace of " + m_owner +
                          " is of another type.");
  }

  std::string m_owner;
  std::map<std::string, Value> m_values;
  bool m_frozen = false;
};

}  // namespace bx
