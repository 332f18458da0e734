#include "driver/run/user_abort.hpp"

#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>

#include "include/byexample/runner.hpp"

namespace bx::user_abort {

namespace {

std::atomic<bool> g_raised{false};

int event_fd() noexcept {
  static const int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  return fd;
}

}  // namespace

void raise() noexcept {
  g_raised = true;
  const std::uint64_t one = 1;
  if (event_fd() >= 0) [[maybe_unused]]
    auto written = write(event_fd(), &one, sizeof(one));
}

bool raised() noexcept {
  return g_raised.load();
}

int fd() noexcept {
  return event_fd();
}

void clear() noexcept {
  g_raised = false;
  std::uint64_t count = 0;
  if (event_fd() >= 0) [[maybe_unused]]
    auto drained = read(event_fd(), &count, sizeof(count));
}

}  // namespace bx::user_abort

namespace bx {

bool user_abort_requested() noexcept {
  return user_abort::raised();
}

}  // namespace bx
