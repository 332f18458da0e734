# Finds the driver's dependencies, all from Debian packages. A missing one stops the
# configure with the package to install. Each becomes a dep::<name> target.
find_package(PkgConfig QUIET)
find_package(Threads REQUIRED)

function(byexample_missing what package)
  message(FATAL_ERROR "byexample: ${what} was not found. On Debian/Ubuntu install it with:\n"
                      "    apt-get install ${package}")
endfunction()

if(NOT PkgConfig_FOUND)
  byexample_missing("pkg-config" "pkg-config")
endif()

pkg_check_modules(PCRE2 QUIET IMPORTED_TARGET libpcre2-8)
if(NOT PCRE2_FOUND)
  byexample_missing("PCRE2 (libpcre2-8)" "libpcre2-dev")
endif()
add_library(dep::pcre2 ALIAS PkgConfig::PCRE2)

pkg_check_modules(VTERM QUIET IMPORTED_TARGET vterm)
if(NOT VTERM_FOUND)
  byexample_missing("libvterm" "libvterm-dev")
endif()
add_library(dep::vterm ALIAS PkgConfig::VTERM)

find_package(CLI11 CONFIG QUIET)
if(NOT CLI11_FOUND)
  byexample_missing("CLI11" "libcli11-dev")
endif()
add_library(dep::cli11 ALIAS CLI11::CLI11)

find_package(fmt CONFIG QUIET)
if(NOT fmt_FOUND)
  byexample_missing("fmt" "libfmt-dev")
endif()
add_library(dep::fmt ALIAS fmt::fmt)

find_package(nlohmann_json CONFIG QUIET)
if(NOT nlohmann_json_FOUND)
  byexample_missing("nlohmann-json" "nlohmann-json3-dev")
endif()
add_library(dep::json ALIAS nlohmann_json::nlohmann_json)

pkg_check_modules(YAMLCPP QUIET IMPORTED_TARGET yaml-cpp)
if(NOT YAMLCPP_FOUND)
  byexample_missing("yaml-cpp" "libyaml-cpp-dev")
endif()
add_library(dep::yaml ALIAS PkgConfig::YAMLCPP)

if(BYEXAMPLE_TESTS)
  find_package(GTest CONFIG QUIET)
  if(NOT GTest_FOUND)
    byexample_missing("GoogleTest" "libgtest-dev libgmock-dev")
  endif()
endif()
