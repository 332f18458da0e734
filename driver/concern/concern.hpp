// Concerns: observers of every step of a file's execution (spec §7.8). The interface is the
// public one of include/byexample/concern.hpp; this adds the fan-out used by the executor.
#pragma once

#include <memory>
#include <vector>

#include "include/byexample/concern.hpp"

namespace bx {

/// Fans each hook out to the registered concerns, in order.
class ConcernList {
 public:
  void add(std::unique_ptr<Concern> concern) { m_concerns.push_back(std::move(concern)); }
  const std::vector<std::unique_ptr<Concern>>& all() const { return m_concerns; }

  template <typename Hook, typename... Args>
  void notify(Hook hook, Args&&... args) {
    for (auto& concern : m_concerns) ((*concern).*hook)(args...);
  }

 private:
  std::vector<std::unique_ptr<Concern>> m_concerns;
};

}  // namespace bx
