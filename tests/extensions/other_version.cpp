// A module built for another version of the extension API (loading test).
#include <byexample/extension.hpp>

extern "C" __attribute__((visibility("default"))) int byexample_module_api_version() {
  return BYEXAMPLE_API_VERSION + 1;
}
extern "C" __attribute__((visibility("default"))) void byexample_register(bx::Registry&) {}
