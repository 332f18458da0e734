// A concern with the target "timer", built as two modules (BX_CLASS names the class): two
// extensions with one target (loading test).
#include <byexample/extension.hpp>

namespace {

class Timer : public bx::Concern {
 public:
  explicit Timer(const bx::CreationContext&) {}
  std::string target() const override { return "timer"; }
};

}  // namespace

BYEXAMPLE_MODULE(registry) {
  registry.add<Timer>(BX_CLASS);
}
