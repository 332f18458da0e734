// A user header found through +cpp-include-path.
#pragma once

inline const char* shape_unit() { return "cm"; }
