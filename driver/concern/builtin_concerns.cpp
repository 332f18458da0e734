#include "driver/concern/builtin_concerns.hpp"

#include "driver/concern/progress.hpp"

namespace bx {

namespace {

/// The clipboard of the clipboard concern built before in the same thread; an empty one
/// when the clipboard concern was replaced or disabled.
const Clipboard& clipboard_of(const CreationContext& ctx) {
  static const Clipboard k_empty;
  const auto* clipboard = dynamic_cast<const ClipboardConcern*>(ctx.concern("clipboard"));
  return clipboard != nullptr ? clipboard->clipboard() : k_empty;
}

}  // namespace

void register_builtin_concerns(Registry& registry, const BuiltinConcernSettings& settings) {
  registry.add_concern("Clipboard", [&settings](const CreationContext&) {
    return std::make_unique<ClipboardConcern>(settings.clipboard);
  });
  registry.add_concern("Conditional", [](const CreationContext& ctx) {
    return std::make_unique<ConditionalConcern>(clipboard_of(ctx));
  });
  registry.add_concern("Progress", [&settings](const CreationContext& ctx) {
    return std::make_unique<ProgressConcern>(ctx, settings.reporter, settings.progress_bars,
                                             settings.tap);
  });
  if (settings.outcomes) {
    registry.add_concern("Outcomes", [&settings](const CreationContext&) {
      return std::make_unique<OutcomeConcern>(settings.sinks);
    });
  }
}

}  // namespace bx
