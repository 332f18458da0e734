// Concerns: observers of every step of a file's execution (spec §7.8).
//
// Hooks are called on every concern in registration order. A hook that throws during parsing
// makes the parse fail; elsewhere it makes the file fail with an error.
#pragma once

#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "driver/model/errors.hpp"
#include "driver/model/example.hpp"
#include "driver/model/options.hpp"

namespace bx {

/// How a file ended (spec §4.8), given to Concern::finish.
struct FileOutcome {
  bool failed = false;
  bool user_aborted = false;
  bool crashed = false;
  bool broken = false;    ///< a parse failure
  bool timedout = false;  ///< timed out without recovery
};

/// Renders the difference of a failing example (spec §5.3); given to success/failure hooks.
class Differ {
 public:
  virtual ~Differ() = default;
  virtual std::string output_difference(const Example& example, const std::string& got,
                                        const OptionStack& options, bool use_colors) const = 0;
};

class Concern {
 public:
  virtual ~Concern() = default;
  /// Unique name: "clipboard", "conditional", "progress".
  virtual std::string target() const = 0;

  virtual void start(std::vector<Example>& /*examples*/, const std::string& /*filepath*/,
                     OptionStack& /*options*/) {}
  virtual void start_parse(Example& /*example*/, OptionStack& /*options*/) {}
  virtual void before_build_regex(Example& /*example*/, OptionStack& /*options*/) {}
  /// `error` is null after a successful parse.
  virtual void finish_parse(Example& /*example*/, OptionStack& /*options*/,
                            const std::exception* /*error*/) {}
  virtual void skip_example(Example& /*example*/, OptionStack& /*options*/) {}
  virtual void start_example(Example& /*example*/, OptionStack& /*options*/) {}
  virtual void finish_example(Example& /*example*/, OptionStack& /*options*/) {}
  /// After every run attempt; `example.got` is valid only when `has_got`.
  virtual void finally_example(Example& /*example*/, OptionStack& /*options*/, bool /*has_got*/) {}
  virtual void timedout(Example& /*example*/, const TimeoutError& /*error*/) {}
  virtual void crashed(Example& /*example*/, const std::exception& /*error*/) {}
  virtual void aborted(Example& /*example*/, bool /*by_the_user*/, OptionStack& /*options*/) {}
  virtual void success(Example& /*example*/, const std::string& /*got*/, const Differ& /*differ*/,
                       OptionStack& /*options*/) {}
  virtual void failure(Example& /*example*/, const std::string& /*got*/, const Differ& /*differ*/,
                       OptionStack& /*options*/) {}
  virtual void finish(const FileOutcome& /*outcome*/) {}
};

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
