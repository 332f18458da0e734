# byexample_add_tests(): the examples written in documents become CTest tests, one test per
# document (one interpreter session per document, as byexample runs them).
#
#   byexample_add_tests(<globs or files>...
#     [LANGUAGES <lang>...]        languages to run, `-l` (default: the project configuration's,
#                                  else python shell)
#     [CONFIG <file>]              the project configuration, `--config` (default: the
#                                  .byexample.yml found from WORKING_DIRECTORY upward)
#     [OPTIONS <option>...]        byexample options for every example, `--options`
#     [EXTRA_ARGS <arg>...]        more driver arguments (the discovery gets them too)
#     [WORKING_DIRECTORY <dir>]    where the driver runs (default: the calling source dir)
#     [BASE_DIR <dir>]             test names are paths relative to it (default: same)
#     [TEST_PREFIX <p>] [TEST_SUFFIX <s>]
#     [LABELS <label>...]          besides `byexample` and one label per language used
#     [TIMEOUT <seconds>]          per document (default: 300)
#     [JOBS <n>]                   jobs granted to the driver, also PROCESSORS (default: 1)
#     [PROPERTIES <name> <value>...]  more test properties; ENVIRONMENT and LABELS are merged
#     [TEST_LIST <var>]            set to the test names (PRE_TEST: only inside ctest)
#     [JUNIT_OUTPUT_DIR <dir>]     `--junit <dir>/<test name>.xml` for every test
#     [DRIVER <target or path>]    default: byexample::byexample, else `byexample` in PATH
#     [DISCOVERY_MODE CONFIGURE|PRE_TEST] [DISCOVERY_TIMEOUT <seconds>])
#
# Globs and files are relative to the calling source dir; `docs/**/*.md` searches
# recursively. A document gets a test only if it has an example of the selected languages
# (or the driver cannot read it: then the test shows why). Test name: TEST_PREFIX + path
# relative to BASE_DIR + TEST_SUFFIX. Every test has SKIP_RETURN_CODE 77 (the driver exits 77
# when an interpreter the document needs is missing) and runs with BYEXAMPLE_BUILD_TOOL=cmake
# and BYEXAMPLE_JOBS=<JOBS>, so the driver runs single-job unless JOBS > 1.
# The discovery and the tests run in WORKING_DIRECTORY, so the driver finds the project
# configuration (docs/project-config.md) as it does from a shell there; editing it re-runs
# the discovery.
#
# Discovery (`byexample --discover`, one process for all the documents of a call):
#   CONFIGURE (default for an installed driver): at configure time; the documents are added
#     to CMAKE_CONFIGURE_DEPENDS, so editing one re-runs CMake at the next build.
#   PRE_TEST (default when the driver is a target of this build): by ctest, through
#     TEST_INCLUDE_FILES, again only when a document or the driver is newer than the last
#     discovery. Tests then exist only inside ctest, not at configure time.
# Globs use CONFIGURE_DEPENDS: a new document is picked up at the next build.
# The variable BYEXAMPLE_TEST_EXTRA_ARGS (e.g. -DBYEXAMPLE_TEST_EXTRA_ARGS=-v) adds driver
# arguments to every test of the project. Generator expressions work in EXTRA_ARGS and
# PROPERTIES, but the discovery sees EXTRA_ARGS unexpanded in CONFIGURE mode.
include_guard(GLOBAL)
cmake_policy(VERSION 3.25)  # for the functions below, whatever the including project's
include(${CMAKE_CURRENT_LIST_DIR}/ByexampleDiscover.cmake)

# Appends `document` to `list_var` once (list(REMOVE_DUPLICATES) would lose `\;` escapes).
macro(_byexample_add_document list_var document)
  string(MD5 _byexample_key "${document}")
  if(NOT DEFINED _byexample_seen_${_byexample_key})
    set(_byexample_seen_${_byexample_key} TRUE)
    _byexample_append(${list_var} "${document}")
  endif()
endmacro()

# The documents named by the list `patterns_var` (globs or files), absolute, in `out`.
function(_byexample_expand_documents out configure_depends patterns_var)
  set(documents "")
  foreach(pattern IN LISTS ${patterns_var})
    get_filename_component(pattern "${pattern}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(EXISTS "${pattern}" AND NOT IS_DIRECTORY "${pattern}")
      _byexample_add_document(documents "${pattern}")
      continue()
    elseif(NOT pattern MATCHES "[*?[]")
      message(FATAL_ERROR "byexample_add_tests(): no such document: ${pattern}")
    endif()
    set(glob GLOB)
    if(pattern MATCHES "^(.*)/\\*\\*/(.*)$")
      set(glob GLOB_RECURSE)
      set(pattern "${CMAKE_MATCH_1}/${CMAKE_MATCH_2}")
    endif()
    set(depends "")
    if(configure_depends)
      set(depends CONFIGURE_DEPENDS)
    endif()
    file(${glob} found LIST_DIRECTORIES false ${depends} "${pattern}")
    if("${found}" STREQUAL "")
      message(WARNING "byexample_add_tests(): no document matches ${pattern}")
    endif()
    # GLOB splits names with a `;`: glue the pieces back until they name a file.
    set(pending "")
    foreach(piece IN LISTS found)
      if("${pending}" STREQUAL "")
        set(pending "${piece}")
      else()
        set(pending "${pending};${piece}")
      endif()
      if(EXISTS "${pending}")
        _byexample_add_document(documents "${pending}")
        set(pending "")
      endif()
    endforeach()
  endforeach()
  set(${out} "${documents}" PARENT_SCOPE)
endfunction()

# The project configuration the driver uses from `directory`: the first .byexample.yml of it
# and its parents, or "".
function(_byexample_find_config out directory)
  set(dir "${directory}")
  while(TRUE)
    if(EXISTS "${dir}/.byexample.yml" AND NOT IS_DIRECTORY "${dir}/.byexample.yml")
      set(${out} "${dir}/.byexample.yml" PARENT_SCOPE)
      return()
    endif()
    get_filename_component(parent "${dir}" DIRECTORY)
    if("${parent}" STREQUAL "${dir}" OR "${parent}" STREQUAL "")
      set(${out} "" PARENT_SCOPE)
      return()
    endif()
    set(dir "${parent}")
  endwhile()
endfunction()

# The driver to run: `out_path` (a path or $<TARGET_FILE:...>) and whether this build makes it.
function(_byexample_driver driver out_path out_built_here)
  if("${driver}" STREQUAL "")
    if(TARGET byexample::byexample)
      set(driver byexample::byexample)
    else()
      find_program(BYEXAMPLE_EXECUTABLE byexample)
      if(NOT BYEXAMPLE_EXECUTABLE)
        message(FATAL_ERROR "byexample_add_tests(): no byexample driver: use "
                "find_package(byexample), add_subdirectory(<byexample>) or DRIVER <path>")
      endif()
      set(driver "${BYEXAMPLE_EXECUTABLE}")
    endif()
  endif()
  set(built_here FALSE)
  if(TARGET "${driver}")
    get_target_property(aliased "${driver}" ALIASED_TARGET)
    if(aliased)
      set(driver "${aliased}")
    endif()
    get_target_property(imported "${driver}" IMPORTED)
    if(imported)
      get_target_property(location "${driver}" IMPORTED_LOCATION)
      if(NOT location)  # only per-configuration locations: take the first
        get_target_property(configs "${driver}" IMPORTED_CONFIGURATIONS)
        list(GET configs 0 config)
        string(TOUPPER "${config}" config)
        get_target_property(location "${driver}" IMPORTED_LOCATION_${config})
      endif()
      set(driver "${location}")
    else()
      set(driver "$<TARGET_FILE:${driver}>")
      set(built_here TRUE)
    endif()
  endif()
  set(${out_path} "${driver}" PARENT_SCOPE)
  set(${out_built_here} ${built_here} PARENT_SCOPE)
endfunction()

# Splits PROPERTIES: ENVIRONMENT and LABELS values go to `env_var` and `labels_var`.
function(_byexample_split_properties properties_var env_var labels_var)
  set(properties "")
  set(environment "${${env_var}}")
  set(labels "${${labels_var}}")
  list(LENGTH ${properties_var} count)
  set(index 0)
  while(index LESS count)
    math(EXPR next "${index} + 1")
    list(GET ${properties_var} ${index} name)
    set(value "")
    if(next LESS count)
      list(GET ${properties_var} ${next} value)
    endif()
    if(name STREQUAL "ENVIRONMENT")
      list(APPEND environment ${value})
    elseif(name STREQUAL "LABELS")
      list(APPEND labels ${value})
    else()
      list(APPEND properties "${name}")
      _byexample_append(properties "${value}")
    endif()
    math(EXPR index "${index} + 2")
  endwhile()
  set(${properties_var} "${properties}" PARENT_SCOPE)
  set(${env_var} "${environment}" PARENT_SCOPE)
  set(${labels_var} "${labels}" PARENT_SCOPE)
endfunction()

# The CMake statements that recreate the spec variables `_bx_<key>` exactly.
function(_byexample_spec_script out)
  set(script "")
  foreach(key IN LISTS ARGN)
    _byexample_bracket(value "${_bx_${key}}")
    string(APPEND script "set(_bx_${key} ${value})\n")
  endforeach()
  set(${out} "${script}" PARENT_SCOPE)
endfunction()

# PRE_TEST: the script ctest includes (through TEST_INCLUDE_FILES) to discover and add the
# tests, one per configuration with multi-config generators.
function(_byexample_pre_test base keys)
  get_property(multi_config GLOBAL PROPERTY GENERATOR_IS_MULTI_CONFIG)
  set(config "")
  if(multi_config)
    set(config "-$<CONFIG>")
  endif()
  set(_bx_OUTPUT "${base}_tests${config}.cmake")
  _byexample_spec_script(spec ${keys} OUTPUT)
  _byexample_bracket(discover "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/ByexampleDiscover.cmake")
  _byexample_bracket(include_file "${base}_include${config}.cmake")
  get_filename_component(counter "${base}" NAME)
  _byexample_bracket(not_built "${_bx_TEST_PREFIX}${counter}_NOT_BUILT")
  file(GENERATE OUTPUT "${base}_include${config}.cmake" CONTENT
"# Generated by byexample_add_tests(): ctest discovers the tests of one call; do not edit.
${spec}if(EXISTS \"\${_bx_DRIVER}\")
  include(${discover})
  byexample_refresh_tests(_bx ${include_file})
  include(\"\${_bx_OUTPUT}\")
else()  # running ctest before building the driver: a test that fails and says so
  add_test(${not_built} byexample_NOT_BUILT)
  set_tests_properties(${not_built} PROPERTIES LABELS byexample)
endif()
")
  if(multi_config)
    file(WRITE "${base}_include.cmake"
"if(CTEST_CONFIGURATION_TYPE)
  include(\"${base}_include-\${CTEST_CONFIGURATION_TYPE}.cmake\")
else()
  message(\"byexample_add_tests(): no configuration for testing specified, use -C <cfg>\")
endif()
")
  endif()
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${base}_include.cmake")
endfunction()

function(byexample_add_tests)
  cmake_parse_arguments(PARSE_ARGV 0 arg ""
    "WORKING_DIRECTORY;BASE_DIR;TEST_PREFIX;TEST_SUFFIX;TIMEOUT;JOBS;TEST_LIST;JUNIT_OUTPUT_DIR;DRIVER;DISCOVERY_MODE;DISCOVERY_TIMEOUT;CONFIG"
    "LANGUAGES;OPTIONS;EXTRA_ARGS;LABELS;PROPERTIES")
  if("${arg_UNPARSED_ARGUMENTS}" STREQUAL "")
    message(FATAL_ERROR "byexample_add_tests(): give the documents (globs or files)")
  endif()
  _byexample_driver("${arg_DRIVER}" _bx_DRIVER built_here)
  set(mode "${arg_DISCOVERY_MODE}")
  if("${mode}" STREQUAL "" AND DEFINED CMAKE_BYEXAMPLE_DISCOVERY_MODE)
    set(mode "${CMAKE_BYEXAMPLE_DISCOVERY_MODE}")
  elseif("${mode}" STREQUAL "")
    set(mode CONFIGURE)
    if(built_here)
      set(mode PRE_TEST)
    endif()
  endif()
  if(NOT mode MATCHES "^(CONFIGURE|PRE_TEST)$")
    message(FATAL_ERROR "byexample_add_tests(): DISCOVERY_MODE is CONFIGURE or PRE_TEST")
  elseif(mode STREQUAL "CONFIGURE" AND built_here)
    message(FATAL_ERROR "byexample_add_tests(): DISCOVERY_MODE CONFIGURE needs an installed "
            "driver; the driver of this build exists only after the build: use PRE_TEST")
  endif()

  foreach(dir WORKING_DIRECTORY BASE_DIR)
    set(_bx_${dir} "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT "${arg_${dir}}" STREQUAL "")
      get_filename_component(_bx_${dir} "${arg_${dir}}" ABSOLUTE
                             BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    endif()
  endforeach()
  set(_bx_JUNIT_OUTPUT_DIR "")
  if(NOT "${arg_JUNIT_OUTPUT_DIR}" STREQUAL "")
    get_filename_component(_bx_JUNIT_OUTPUT_DIR "${arg_JUNIT_OUTPUT_DIR}" ABSOLUTE
                           BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  endif()
  _byexample_expand_documents(_bx_FILES TRUE arg_UNPARSED_ARGUMENTS)

  set(_bx_DISCOVERY_ARGS "")
  if(NOT "${arg_CONFIG}" STREQUAL "")
    get_filename_component(_bx_CONFIG "${arg_CONFIG}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT EXISTS "${_bx_CONFIG}")
      message(FATAL_ERROR "byexample_add_tests(): no such CONFIG file: ${_bx_CONFIG}")
    endif()
    list(APPEND _bx_DISCOVERY_ARGS --config "${_bx_CONFIG}")
  else()
    _byexample_find_config(_bx_CONFIG "${_bx_WORKING_DIRECTORY}")
  endif()
  set(languages ${arg_LANGUAGES})
  if("${languages}" STREQUAL "" AND "${_bx_CONFIG}" STREQUAL "")
    set(languages python shell)
  endif()
  string(REPLACE "," ";" languages "${languages}")
  list(JOIN languages "," _bx_LANGUAGES)  # empty: the configuration's
  set(_bx_JOBS 1)
  if(NOT "${arg_JOBS}" STREQUAL "")
    set(_bx_JOBS "${arg_JOBS}")
  endif()
  if(NOT "${arg_OPTIONS}" STREQUAL "")
    list(JOIN arg_OPTIONS " " options)
    list(APPEND _bx_DISCOVERY_ARGS "--options=${options}")
  endif()
  _byexample_concat(_bx_DISCOVERY_ARGS arg_EXTRA_ARGS)
  set(_bx_TEST_ARGS "")
  if(NOT "${_bx_LANGUAGES}" STREQUAL "")
    set(_bx_TEST_ARGS -l "${_bx_LANGUAGES}")
  endif()
  if(_bx_JOBS GREATER 1)
    list(APPEND _bx_TEST_ARGS --jobs ${_bx_JOBS})
  endif()
  _byexample_concat(_bx_TEST_ARGS _bx_DISCOVERY_ARGS)
  _byexample_concat(_bx_TEST_ARGS BYEXAMPLE_TEST_EXTRA_ARGS)

  set(_bx_ENVIRONMENT "")
  set(_bx_LABELS "${arg_LABELS}")
  set(_bx_PROPERTIES "${arg_PROPERTIES}")
  _byexample_split_properties(_bx_PROPERTIES _bx_ENVIRONMENT _bx_LABELS)
  set(_bx_TIMEOUT 300)
  if(NOT "${arg_TIMEOUT}" STREQUAL "")
    set(_bx_TIMEOUT "${arg_TIMEOUT}")
  endif()
  set(_bx_DISCOVERY_TIMEOUT 60)
  if(NOT "${arg_DISCOVERY_TIMEOUT}" STREQUAL "")
    set(_bx_DISCOVERY_TIMEOUT "${arg_DISCOVERY_TIMEOUT}")
  endif()
  set(_bx_TEST_PREFIX "${arg_TEST_PREFIX}")
  set(_bx_TEST_SUFFIX "${arg_TEST_SUFFIX}")
  set(_bx_TEST_LIST "${arg_TEST_LIST}")
  set(_bx_BUILD_TOOL cmake)
  set(_bx_CMAKE_COMMAND "${CMAKE_COMMAND}")

  # Unique per call in this directory, as GoogleTest's <target>[<n>] files.
  get_property(counter DIRECTORY PROPERTY BYEXAMPLE_ADD_TESTS_COUNTER)
  math(EXPR counter "${counter} + 1")
  set_property(DIRECTORY PROPERTY BYEXAMPLE_ADD_TESTS_COUNTER ${counter})
  set(base "${CMAKE_CURRENT_BINARY_DIR}/byexample_${counter}")

  set(keys DRIVER WORKING_DIRECTORY BASE_DIR FILES LANGUAGES DISCOVERY_ARGS TEST_ARGS
           TEST_PREFIX TEST_SUFFIX LABELS TIMEOUT JOBS ENVIRONMENT PROPERTIES JUNIT_OUTPUT_DIR
           TEST_LIST DISCOVERY_TIMEOUT BUILD_TOOL CMAKE_COMMAND FORM CONFIG)
  if(mode STREQUAL "PRE_TEST")
    set(_bx_FORM CTEST)
    _byexample_pre_test("${base}" "${keys}")
    return()
  endif()
  set(_bx_FORM CONFIGURE)
  set(_bx_OUTPUT "${base}_tests.cmake")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_bx_FILES}" ${_bx_CONFIG})
  byexample_write_tests(_bx)
  include("${_bx_OUTPUT}")
  if(NOT "${_bx_TEST_LIST}" STREQUAL "")
    set(${_bx_TEST_LIST} "${${_bx_TEST_LIST}}" PARENT_SCOPE)
  endif()
endfunction()
