// The time budget of an example (spec §4.4): it only runs while waiting for output.
#pragma once

#include <algorithm>
#include <chrono>

namespace bx {

class Countdown {
 public:
  explicit Countdown(double seconds) : m_left(seconds) {}

  /// Seconds left, never negative.
  double left() const { return std::max(m_left, 0.0); }

  /// Runs `wait` and charges its duration to the budget.
  template <class Wait>
  auto measure(Wait&& wait) {
    auto start = std::chrono::steady_clock::now();
    struct Charge {
      Countdown& countdown;
      std::chrono::steady_clock::time_point start;
      ~Charge() {
        countdown.m_left -=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      }
    } charge{*this, start};
    return wait();
  }

 private:
  double m_left;
};

}  // namespace bx
