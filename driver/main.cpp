#include "driver/driver.hpp"

int main(int argc, char** argv) {
  return bx::driver_main(argc, argv);
}
