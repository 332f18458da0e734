# cmake -P discovery_json.cmake: what byexample_write_tests() makes of a discovery answer,
# including what the driver reports but the example projects cannot provoke: a document
# it could not read ("error"), a language with 0 examples, a path outside the working
# directory. The answer comes from a stand-in driver that prints fixed JSON.
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake-modules/ByexampleDiscover.cmake)

set(work ${CMAKE_CURRENT_BINARY_DIR}/discovery_json)  # the build dir when run by ctest
file(REMOVE_RECURSE ${work})
file(MAKE_DIRECTORY ${work}/docs)
foreach(doc docs/ok.md docs/unreadable.md docs/zero.md outside.md)
  file(WRITE ${work}/${doc} "")
endforeach()
file(WRITE ${work}/driver "#!/bin/sh
echo \"$*\" > ${work}/arguments
cat <<'JSON'
{\"files\":[
 {\"path\":\"ok.md\",\"languages\":{\"python\":2,\"shell\":1}},
 {\"path\":\"unreadable.md\",\"languages\":{},\"error\":\"Permission denied\"},
 {\"path\":\"zero.md\",\"languages\":{\"python\":0}},
 {\"path\":\"${work}/outside.md\",\"languages\":{\"shell\":3}}]}
JSON
")
file(CHMOD ${work}/driver PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)

set(t_DRIVER ${work}/driver)
set(t_WORKING_DIRECTORY ${work}/docs)
set(t_BASE_DIR ${work})
set(t_FILES ${work}/docs/ok.md ${work}/docs/unreadable.md ${work}/docs/zero.md
            ${work}/outside.md ${work}/docs/gone.md)
set(t_LANGUAGES python,shell)
set(t_DISCOVERY_ARGS --options=+norm-ws)
set(t_TEST_ARGS -l python,shell)
set(t_TEST_PREFIX "")
set(t_TEST_SUFFIX "")
set(t_LABELS "")
set(t_TIMEOUT 300)
set(t_JOBS 1)
set(t_ENVIRONMENT "")
set(t_PROPERTIES "")
set(t_JUNIT_OUTPUT_DIR "")
set(t_TEST_LIST all_tests)
set(t_DISCOVERY_TIMEOUT 10)
set(t_BUILD_TOOL cmake)
set(t_CMAKE_COMMAND ${CMAKE_COMMAND})
set(t_FORM CTEST)
set(t_OUTPUT ${work}/tests.cmake)
byexample_write_tests(t)

set(failures 0)
function(expect what actual expected)
  if(NOT "${actual}" STREQUAL "${expected}")
    message("FAIL: ${what}\n  expected: ${expected}\n  actual:   ${actual}")
    math(EXPR failures "${failures} + 1")
    set(failures ${failures} PARENT_SCOPE)
  else()
    message("ok: ${what}")
  endif()
endfunction()

file(READ ${work}/arguments arguments)
expect("one discovery for the documents that exist, with the call's arguments"
  "${arguments}"
  "--discover -l python,shell --options=+norm-ws ok.md unreadable.md zero.md ${work}/outside.md\n")
# Run the generated script with add_test() and set_tests_properties() (ctest's commands,
# absent from `cmake -P`) recording what they are given.
function(add_test name)
  list(JOIN ARGN " " command)
  set_property(GLOBAL APPEND PROPERTY recorded "add_test(${name}: ${command})")
endfunction()
function(set_tests_properties name)
  math(EXPR last "${ARGC} - 1")
  foreach(i RANGE 2 ${last} 2)
    math(EXPR value "${i} + 1")
    if(ARGV${i} STREQUAL "LABELS")
      string(REPLACE ";" "," labels "${ARGV${value}}")
      set_property(GLOBAL APPEND PROPERTY recorded "labels(${name}: ${labels})")
    endif()
  endforeach()
endfunction()
include(${t_OUTPUT})
get_property(recorded GLOBAL PROPERTY recorded)
string(REPLACE ";" "\n" recorded "${recorded}")
expect("a test for examples, for an unreadable document, none for 0 examples" "${recorded}"
"add_test(docs/ok.md: ${work}/driver -l python,shell ok.md)
labels(docs/ok.md: byexample,python,shell)
add_test(docs/unreadable.md: ${work}/driver -l python,shell unreadable.md)
labels(docs/unreadable.md: byexample)
add_test(outside.md: ${work}/driver -l python,shell ${work}/outside.md)
labels(outside.md: byexample,shell)")
expect("TEST_LIST" "${all_tests}" "docs/ok.md;docs/unreadable.md;outside.md")

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} check(s) failed")
endif()
