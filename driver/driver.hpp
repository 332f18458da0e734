// The whole pipeline in one function (see driver.cpp).
#pragma once

namespace bx {

/// Runs byexample with the given command line; returns the process exit code (§5.8).
int driver_main(int argc, char** argv);

}  // namespace bx
