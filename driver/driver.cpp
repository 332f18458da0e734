#include "driver/driver.hpp"

namespace bx {

int driver_main(int, char**) { return 3; }

}  // namespace bx
