// A module whose registration takes long: time for a Ctrl-C during the initialisation
// (extension test).
#include <byexample/extension.hpp>
#include <chrono>
#include <thread>

BYEXAMPLE_MODULE(registry) {
  (void)registry;
  std::this_thread::sleep_for(std::chrono::seconds(20));
}
