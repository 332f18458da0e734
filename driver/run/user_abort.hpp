// The first Ctrl-C (spec §8.5, issue 4): the signal watcher raises it once, and from then on
// every wait on an interpreter ends at once as if the interpreter had closed, so the
// examples that are running end now instead of after their output or their timeout.
#pragma once

namespace bx::user_abort {

void raise() noexcept;
bool raised() noexcept;
/// A descriptor that is readable once raised (an eventfd never drained), to poll beside an
/// interpreter's; -1 if it could not be made (then raised() is still seen between waits).
int fd() noexcept;
/// Lowers it again: each schedule of files starts without it.
void clear() noexcept;

}  // namespace bx::user_abort
