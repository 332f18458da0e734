# Discovery for byexample_add_tests(): runs `byexample --discover` once for all the documents
# of one call and writes a CMake script with one add_test() per document that has examples
# of the selected languages. Used at configure time (DISCOVERY_MODE CONFIGURE) and by ctest
# itself through TEST_INCLUDE_FILES (DISCOVERY_MODE PRE_TEST), so it only uses commands that
# work in both (no targets, no generator expressions: those are resolved before we get here).
#
# A call is described by variables sharing a prefix <p> (see byexample_add_tests()):
#   <p>_DRIVER <p>_WORKING_DIRECTORY <p>_BASE_DIR <p>_FILES <p>_LANGUAGES <p>_DISCOVERY_ARGS
#   <p>_TEST_ARGS <p>_TEST_PREFIX <p>_TEST_SUFFIX <p>_LABELS <p>_TIMEOUT <p>_JOBS
#   <p>_ENVIRONMENT <p>_PROPERTIES <p>_JUNIT_OUTPUT_DIR <p>_TEST_LIST <p>_DISCOVERY_TIMEOUT
#   <p>_BUILD_TOOL <p>_CMAKE_COMMAND <p>_CONFIG (the project configuration or "") <p>_OUTPUT (the script to write) <p>_FORM (CONFIGURE: add_test(NAME ...),
#   CTEST: the add_test(name ...) of CTestTestfile scripts).
# Lists keep CMake's `\;` escapes, so file names and values may contain semicolons.

include_guard(GLOBAL)
# ctest reads this with CMake's oldest policies; the functions keep the ones set here.
cmake_policy(VERSION 3.25)

# `value` as one CMake argument: as is when plain, else a bracket argument `[=[value]=]` with
# enough `=` that the closing sequence cannot occur inside the value.
function(_byexample_bracket out value)
  if(value MATCHES "^[-A-Za-z0-9_./:=,+]+$")
    set(${out} "${value}" PARENT_SCOPE)
    return()
  endif()
  set(eq "=")
  string(LENGTH "${value}" length)
  while(TRUE)
    string(FIND "${value}]${eq}]" "]${eq}]" at)
    if(at EQUAL length)
      break()
    endif()
    string(APPEND eq "=")
  endwhile()
  set(${out} "[${eq}[${value}]${eq}]" PARENT_SCOPE)
endfunction()

# Appends `value` to the list variable `list_var` as one element, even if it has a `;`.
macro(_byexample_append list_var value)
  string(REPLACE ";" "\\;" _byexample_escaped "${value}")
  list(APPEND ${list_var} "${_byexample_escaped}")
endmacro()

# Appends the list variable `other` to `list_var`; unlike list(APPEND) keeps `\;` escapes.
macro(_byexample_concat list_var other)
  if(NOT "${${other}}" STREQUAL "")
    if("${${list_var}}" STREQUAL "")
      set(${list_var} "${${other}}")
    else()
      string(APPEND ${list_var} ";${${other}}")
    endif()
  endif()
endmacro()

# The elements of the list variables named in ARGN as CMake arguments, space-separated, in `out`.
function(_byexample_words out)
  set(text "")
  foreach(word IN LISTS ${ARGN})
    _byexample_bracket(quoted "${word}")
    string(APPEND text " ${quoted}")
  endforeach()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The path the driver is given for `file`: relative to the working directory when the file
# is below it (the driver prints it in its reports), absolute otherwise.
function(_byexample_driver_path out file working_directory)
  file(RELATIVE_PATH relative "${working_directory}" "${file}")
  if(relative MATCHES "^\\.\\./" OR IS_ABSOLUTE "${relative}")
    set(relative "${file}")
  endif()
  set(${out} "${relative}" PARENT_SCOPE)
endfunction()

# A file name made of the test name: what JUNIT_OUTPUT_DIR files are called.
function(_byexample_file_name out name)
  string(REGEX REPLACE "[^A-Za-z0-9_.+-]" "_" safe "${name}")
  set(${out} "${safe}" PARENT_SCOPE)
endfunction()

# Runs `driver --discover` on the files that exist; sets `out_json` in the caller, or
# `out_failure` to what went wrong.
function(_byexample_run_discovery p out_json out_failure)
  set(files "")
  foreach(file IN LISTS ${p}_FILES)
    if(EXISTS "${file}")
      _byexample_driver_path(path "${file}" "${${p}_WORKING_DIRECTORY}")
      _byexample_append(files "${path}")
    endif()
  endforeach()
  set(languages "")
  if(NOT "${${p}_LANGUAGES}" STREQUAL "")  # else the project configuration's
    set(languages -l "${${p}_LANGUAGES}")
  endif()
  set(${out_failure} "" PARENT_SCOPE)
  if("${files}" STREQUAL "")
    set(${out_json} "{\"files\":[]}" PARENT_SCOPE)
    return()
  endif()
  execute_process(
    COMMAND "${${p}_DRIVER}" --discover ${languages} ${${p}_DISCOVERY_ARGS} ${files}
    WORKING_DIRECTORY "${${p}_WORKING_DIRECTORY}"
    TIMEOUT ${${p}_DISCOVERY_TIMEOUT}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE error)
  if(result EQUAL 0)
    string(JSON count ERROR_VARIABLE json_error LENGTH "${output}" files)
  endif()
  if(NOT result EQUAL 0 OR json_error)
    string(CONCAT failure
      "byexample_add_tests(): the discovery of the examples failed.\n"
      "  Driver: ${${p}_DRIVER}\n  Working directory: ${${p}_WORKING_DIRECTORY}\n"
      "  Exit code: ${result} (timeout: ${${p}_DISCOVERY_TIMEOUT} s)\n"
      "  Output: ${output}\n  Errors: ${error}\n  ${json_error}\n")
    set(${out_failure} "${failure}" PARENT_SCOPE)
  endif()
  set(${out_json} "${output}" PARENT_SCOPE)
endfunction()

# When the tests of a call cannot be discovered: a test that fails with the reason, so that
# the build and the other calls' tests still run; `ctest -L <language>` shows it too.
function(_byexample_failure_script p out failure)
  string(REGEX REPLACE "\\.cmake$" "-error.txt" error_file "${${p}_OUTPUT}")
  file(WRITE "${error_file}" "${failure}")
  get_filename_component(call "${${p}_OUTPUT}" NAME_WE)
  string(REGEX REPLACE "_tests.*$" "" call "${call}")
  _byexample_bracket(name "${${p}_TEST_PREFIX}${call}_DISCOVERY_FAILED")
  string(REPLACE "," ";" labels "${${p}_LANGUAGES}")
  list(PREPEND labels byexample)
  list(APPEND labels ${${p}_LABELS})
  _byexample_bracket(labels "${labels}")
  _byexample_bracket(cmake "${${p}_CMAKE_COMMAND}")
  _byexample_bracket(error_file "${error_file}")
  set(add_test "add_test(${name} ${cmake}")
  if(${p}_FORM STREQUAL "CONFIGURE")
    set(add_test "add_test(NAME ${name} COMMAND ${cmake}")
  endif()
  set(${out} "# discovery failed
${add_test} -E cat ${error_file})
set_tests_properties(${name} PROPERTIES LABELS ${labels} FAIL_REGULAR_EXPRESSION discovery)
" PARENT_SCOPE)
endfunction()

# From the discovery of entry `index`: `out_path`, `out_languages` (those with examples) and
# `out_error` (empty unless the driver could not read or parse the document).
function(_byexample_entry json index out_path out_languages out_error)
  string(JSON path GET "${json}" files ${index} path)
  string(JSON error ERROR_VARIABLE no_error GET "${json}" files ${index} error)
  if(no_error)
    set(error "")
  endif()
  set(languages "")
  string(JSON count ERROR_VARIABLE no_languages LENGTH "${json}" files ${index} languages)
  if(NOT no_languages AND count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(k RANGE ${last})
      string(JSON language MEMBER "${json}" files ${index} languages ${k})
      string(JSON examples GET "${json}" files ${index} languages "${language}")
      if(examples GREATER 0)
        list(APPEND languages "${language}")
      endif()
    endforeach()
  endif()
  set(${out_path} "${path}" PARENT_SCOPE)
  set(${out_languages} "${languages}" PARENT_SCOPE)
  set(${out_error} "${error}" PARENT_SCOPE)
endfunction()

# The add_test() and set_tests_properties() lines of one document.
function(_byexample_test_script p out name path languages junit_file)
  set(command "")
  _byexample_append(command "${${p}_DRIVER}")
  _byexample_concat(command ${p}_TEST_ARGS)
  if(NOT "${junit_file}" STREQUAL "")
    list(APPEND command --junit "${junit_file}")
  endif()
  _byexample_append(command "${path}")
  _byexample_bracket(quoted_name "${name}")
  _byexample_words(words command)
  if(${p}_FORM STREQUAL "CONFIGURE")
    set(text "add_test(NAME ${quoted_name} COMMAND${words})\n")
  else()
    set(text "add_test(${quoted_name}${words})\n")
  endif()
  set(labels byexample ${languages} ${${p}_LABELS})
  list(REMOVE_DUPLICATES labels)
  set(environment "BYEXAMPLE_BUILD_TOOL=${${p}_BUILD_TOOL}" "BYEXAMPLE_JOBS=${${p}_JOBS}")
  _byexample_concat(environment ${p}_ENVIRONMENT)
  # One list element per property value, so list values (labels, environment) stay whole.
  set(properties LABELS)
  _byexample_append(properties "${labels}")
  list(APPEND properties SKIP_RETURN_CODE 77 PROCESSORS ${${p}_JOBS} WORKING_DIRECTORY)
  _byexample_append(properties "${${p}_WORKING_DIRECTORY}")
  list(APPEND properties ENVIRONMENT)
  _byexample_append(properties "${environment}")
  if(NOT "${${p}_TIMEOUT}" STREQUAL "")
    list(APPEND properties TIMEOUT ${${p}_TIMEOUT})
  endif()
  _byexample_words(words properties ${p}_PROPERTIES)
  string(APPEND text "set_tests_properties(${quoted_name} PROPERTIES${words})\n")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Discovers and writes ${p}_OUTPUT: the tests, then `set(<TEST_LIST> <names>)` when asked.
function(byexample_write_tests p)
  _byexample_run_discovery(${p} json failure)
  set(script "# Generated by byexample_add_tests() from `byexample --discover`; do not edit.\n")
  if(NOT "${failure}" STREQUAL "")
    if(${p}_FORM STREQUAL "CONFIGURE")
      message(WARNING "${failure}")
    endif()
    _byexample_failure_script(${p} script "${failure}")
    set(json "{\"files\":[]}")
  endif()
  string(JSON count LENGTH "${json}" files)
  set(names "")
  set(junit_names "")
  if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(index RANGE ${last})
      _byexample_entry("${json}" ${index} path languages error)
      if("${languages}" STREQUAL "" AND "${error}" STREQUAL "")
        continue()  # no example of the selected languages: no test
      endif()
      get_filename_component(file "${path}" ABSOLUTE BASE_DIR "${${p}_WORKING_DIRECTORY}")
      file(RELATIVE_PATH relative "${${p}_BASE_DIR}" "${file}")
      set(name "${${p}_TEST_PREFIX}${relative}${${p}_TEST_SUFFIX}")
      set(junit_file "")
      if(NOT "${${p}_JUNIT_OUTPUT_DIR}" STREQUAL "")
        _byexample_file_name(junit_name "${name}")
        set(unique "${junit_name}")
        set(n 1)
        while("${unique}" IN_LIST junit_names)
          math(EXPR n "${n} + 1")
          set(unique "${junit_name}-${n}")
        endwhile()
        list(APPEND junit_names "${unique}")
        file(MAKE_DIRECTORY "${${p}_JUNIT_OUTPUT_DIR}")
        set(junit_file "${${p}_JUNIT_OUTPUT_DIR}/${unique}.xml")
      endif()
      _byexample_test_script(${p} text "${name}" "${path}" "${languages}" "${junit_file}")
      string(APPEND script "${text}")
      if(NOT name MATCHES "[][]")  # brackets cannot be list elements (as in GoogleTest)
        _byexample_append(names "${name}")
      endif()
    endforeach()
  endif()
  if(NOT "${${p}_TEST_LIST}" STREQUAL "")
    _byexample_bracket(quoted "${names}")
    string(APPEND script "set(${${p}_TEST_LIST} ${quoted})\n")
  endif()
  # Write then rename: a concurrent ctest never includes a half-written file.
  string(RANDOM LENGTH 8 token)
  file(WRITE "${${p}_OUTPUT}.${token}.tmp" "${script}")
  file(RENAME "${${p}_OUTPUT}.${token}.tmp" "${${p}_OUTPUT}")
endfunction()

# PRE_TEST: rewrites ${p}_OUTPUT when the driver, a document or `stamp` (the script that
# describes the call, rewritten by CMake when the call changes) is newer, or a document is gone.
function(byexample_refresh_tests p stamp)
  set(stale FALSE)
  if(NOT EXISTS "${${p}_OUTPUT}")
    set(stale TRUE)
  else()
    file(STRINGS "${${p}_OUTPUT}" first_line LIMIT_COUNT 1)
    if(first_line STREQUAL "# discovery failed")  # maybe a timeout: try again
      set(stale TRUE)
    endif()
  endif()
  foreach(input IN LISTS ${p}_FILES ${p}_CONFIG ITEMS "${${p}_DRIVER}" "${stamp}")
    if(stale)
      break()
    endif()
    if(NOT EXISTS "${input}" OR NOT "${${p}_OUTPUT}" IS_NEWER_THAN "${input}")
      set(stale TRUE)
    endif()
  endforeach()
  if(stale)
    byexample_write_tests(${p})
  endif()
endfunction()
