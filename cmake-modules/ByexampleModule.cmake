# byexample_add_module(): builds a byexample extension module, a shared library that
#
#     byexample -m <its directory> ...
#
# loads (spec §7.1; the API is <byexample/extension.hpp>). In a few lines:
#
#     include(ByexampleModule)      # or find_package(byexample CONFIG), which includes it
#     byexample_add_module(measure_time measure_time.cpp)
#
#   byexample_add_module(<name> [OUTPUT_DIRECTORY <dir>] <source>...)
#
# makes the MODULE library target <name>, written as <dir>/<name>.so (default dir:
# ${CMAKE_CURRENT_BINARY_DIR}/byexample-modules, one directory for every module of the
# project). The module is not linked against the driver: it calls into the byexample
# executable that loads it.
#
# The headers come from the target byexample::extension_api, defined here when missing:
# from the source tree this file is in, or from an installation where this file is in
# <prefix>/share/cmake/byexample and the headers in <prefix>/include/byexample.

if(NOT TARGET byexample::extension_api)
  get_filename_component(_byexample_tree "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
  get_filename_component(_byexample_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
  if(EXISTS "${_byexample_tree}/include/byexample/extension.hpp")
    # The public headers include the model headers by their path in the tree.
    set(_byexample_includes "${_byexample_tree}/include" "${_byexample_tree}")
  elseif(EXISTS "${_byexample_prefix}/include/byexample/extension.hpp")
    set(_byexample_includes "${_byexample_prefix}/include" "${_byexample_prefix}/include/byexample")
  else()
    message(FATAL_ERROR "byexample_add_module: byexample/extension.hpp was not found next to "
                        "${CMAKE_CURRENT_LIST_FILE}")
  endif()
  add_library(byexample::extension_api INTERFACE IMPORTED GLOBAL)
  set_target_properties(byexample::extension_api PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${_byexample_includes}"
    INTERFACE_COMPILE_FEATURES cxx_std_20)
  unset(_byexample_tree)
  unset(_byexample_prefix)
  unset(_byexample_includes)
endif()

function(byexample_add_module name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT_DIRECTORY" "")
  if(NOT arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "byexample_add_module(${name}): no source files given")
  endif()
  if(NOT arg_OUTPUT_DIRECTORY)
    set(arg_OUTPUT_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/byexample-modules")
  endif()
  add_library(${name} MODULE ${arg_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE byexample::extension_api)
  # The generator expression keeps multi-config generators from adding a per-config folder:
  # -m takes one directory.
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    SUFFIX ".so"
    CXX_EXTENSIONS OFF
    LIBRARY_OUTPUT_DIRECTORY "$<1:${arg_OUTPUT_DIRECTORY}>")
endfunction()
