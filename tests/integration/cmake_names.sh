#!/usr/bin/env bash
# byexample_add_tests() keyword by keyword, in both discovery modes, on names-project/ with
# documents whose names have spaces, brackets and semicolons; then what makes the tests follow
# the documents (PRE_TEST: ctest re-discovers when a document or the driver is newer;
# CONFIGURE: the next build re-configures).
#
#   cmake_names.sh BYEXAMPLE_BUILD_DIR WORK_DIR
source "$(dirname "$0")/common.sh"
build_dir=$(realpath "$1")
work=$2
rm -rf "$work" && mkdir -p "$work"
work=$(realpath "$work")
install_driver "$build_dir" "$work/prefix"
driver=$work/prefix/bin/byexample
fence='```'

write_documents() {
  mkdir -p "$1/odd names"
  cat >"$1/plain.md" <<DOC
${fence}shell
\$ echo "\$NAMES_GREETING from \$BYEXAMPLE_BUILD_TOOL, jobs: \$BYEXAMPLE_JOBS"
hi there from cmake, jobs: 2
\$ basename "\$PWD"
docs
\$ printf 'spaced     out\n'
spaced out
${fence}
DOC
  printf '# No example here\n' >"$1/none.md"
  printf '%sshell\n$ echo semi\nsemi\n%s\n\n%spython\n>>> 1 + 1\n2\n%s\n' \
    "$fence" "$fence" "$fence" "$fence" >"$1/semi;colon.md"
  printf '%spython\n>>> print("odd")\nodd\n%s\n' "$fence" "$fence" >"$1/odd names/a b [c].md"
  # The same JUnit file name as the one above: JUNIT_OUTPUT_DIR makes them unique.
  printf '%spython\n>>> print("odd")\nodd\n%s\n' "$fence" "$fence" >"$1/odd names/a_b [c].md"
}

sorted() { LC_ALL=C sort; }
mtime() { stat -c %y "$1"; }

for mode in CONFIGURE PRE_TEST; do
  echo "== DISCOVERY_MODE $mode"
  src=$work/$mode/src
  bin=$work/$mode/build
  mkdir -p "$work/$mode"
  cp -r "$here/names-project" "$src"
  write_documents "$src/docs"
  configure_log=$(cmake -S "$src" -B "$bin" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
    -DNAMES_MODE=$mode 2>&1) || { printf 'FAIL: configure\n%s\n' "$configure_log"; exit 1; }
  expect_eq "$mode: configure without warnings" "$(grep -A5 'CMake Warning' <<<"$configure_log")" ""
  expect_eq "$mode: ctest reads the generated scripts without warnings" \
    "$(cd "$bin" && ctest -N 2>&1 >/dev/null)" ""

  expect_eq "$mode: one test per document with examples" "$(info names "$bin" | sorted)" \
"doc: odd names/a b [c].md
doc: odd names/a_b [c].md
doc: plain.md
doc: semi;colon.md
docs/odd names/a b [c].md (python only)
docs/odd names/a_b [c].md (python only)
docs/semi;colon.md (python only)"
  expect_eq "$mode: ctest -L python" "$(info names "$bin" -L python | sorted)" \
"doc: odd names/a b [c].md
doc: odd names/a_b [c].md
doc: semi;colon.md
docs/odd names/a b [c].md (python only)
docs/odd names/a_b [c].md (python only)
docs/semi;colon.md (python only)"
  expect_eq "$mode: labels" "$(info prop "$bin" "doc: semi;colon.md" LABELS)" \
    "byexample;docs;extra;python;shell"
  expect_eq "$mode: labels (python only)" "$(info prop "$bin" "docs/semi;colon.md (python only)" LABELS)" \
    "byexample;python"
  expect_eq "$mode: environment" "$(info prop "$bin" "doc: plain.md" ENVIRONMENT)" \
    "BYEXAMPLE_BUILD_TOOL=cmake;BYEXAMPLE_JOBS=2;NAMES_GREETING=hi there"
  expect_eq "$mode: environment (defaults)" \
    "$(info prop "$bin" "docs/odd names/a b [c].md (python only)" ENVIRONMENT)" \
    "BYEXAMPLE_BUILD_TOOL=cmake;BYEXAMPLE_JOBS=1"
  # ctest lists PROCESSORS only when it is not 1.
  for property in "PROCESSORS 2 " "TIMEOUT 42 300" "SKIP_RETURN_CODE 77 77" \
                  "WORKING_DIRECTORY $src/docs $src"; do
    read -r name value default <<<"$property"
    expect_eq "$mode: $name" "$(info prop "$bin" "doc: plain.md" "$name")" "$value"
    expect_eq "$mode: $name (default)" \
      "$(info prop "$bin" "docs/semi;colon.md (python only)" "$name")" "$default"
  done
  expect_eq "$mode: command" "$(info command "$bin" "doc: semi;colon.md")" \
"$driver
-l
python,shell
--jobs
2
--options=+norm-ws
--timeout
10
--junit
$bin/junit/doc__semi_colon.md.xml
semi;colon.md"
  expect_eq "$mode: command (defaults)" "$(info command "$bin" "docs/semi;colon.md (python only)")" \
"$driver
-l
python
docs/semi;colon.md"

  (cd "$bin" && ctest -j4 --output-junit "$bin/results.xml" >"$bin/ctest.log" 2>&1)
  expect_eq "$mode: results" "$(info results "$bin/results.xml" | sorted)" \
"doc: odd names/a b [c].md: passed
doc: odd names/a_b [c].md: passed
doc: plain.md: passed
doc: semi;colon.md: passed
docs/odd names/a b [c].md (python only): passed
docs/odd names/a_b [c].md (python only): passed
docs/semi;colon.md (python only): passed"
  expect_eq "$mode: JUNIT_OUTPUT_DIR" "$(cd "$bin/junit" && ls | sorted)" \
"doc__odd_names_a_b__c_.md-2.xml
doc__odd_names_a_b__c_.md.xml
doc__plain.md.xml
doc__semi_colon.md.xml"
  expect_match "$mode: one testcase per example in the JUnit file" \
    "$(cat "$bin/junit/doc__plain.md.xml")" "<testcase [^>]*line=\"6\""
  expect_eq "$mode: TEST_LIST (names with brackets left out)" "$(cat "$bin/test_list.txt")" \
    'doc: plain.md;doc: semi\;colon.md'

  cache=$(mtime "$bin/CMakeCache.txt")
  if [ $mode = PRE_TEST ]; then
    tests_file=$bin/byexample_1_tests.cmake
    before=$(mtime "$tests_file")
    info names "$bin" >/dev/null
    expect_eq "$mode: nothing newer, no new discovery" "$(mtime "$tests_file")" "$before"
    printf '%sshell\n$ echo now\nnow\n%s\n' "$fence" "$fence" >>"$src/docs/none.md"
    expect_match "$mode: an edited document is re-discovered by ctest" \
      "$(info names "$bin" -L shell)" "^doc: none.md$"
    expect_eq "$mode: without re-configuring" "$(mtime "$bin/CMakeCache.txt")" "$cache"
    before=$(mtime "$tests_file")
    touch "$driver"
    info names "$bin" >/dev/null
    expect_ne "$mode: a newer driver is asked again" "$(mtime "$tests_file")" "$before"
  else
    touch "$src/docs/semi;colon.md"
    expect_match "$mode: a document with a ; in its name re-configures too" \
      "$(cmake --build "$bin" 2>&1)" "Re-running CMake"
    printf '%sshell\n$ echo now\nnow\n%s\n' "$fence" "$fence" >>"$src/docs/none.md"
    expect_match "$mode: an edited document re-configures at the next build" \
      "$(cmake --build "$bin" 2>&1)" "Re-running CMake"
    expect_match "$mode: and its test appears" "$(info names "$bin" -L shell)" "^doc: none.md$"
  fi
  # A driver that cannot discover: the configure (CONFIGURE) or ctest (PRE_TEST) goes on.
  cp "$driver" "$work/driver.good"
  printf '#!/bin/sh\necho "no discovery today"\nexit 3\n' >"$driver"
  [ $mode = PRE_TEST ] || run cmake "$bin"
  expect_eq "$mode: a failed discovery is a failing test, per call" \
    "$(info names "$bin" | sorted)" "byexample_2_DISCOVERY_FAILED
doc: byexample_1_DISCOVERY_FAILED"
  expect_match "$mode: which tells why" \
    "$(cd "$bin" && ctest -R DISCOVERY_FAILED --output-on-failure 2>&1)" "no discovery today"
  cp "$work/driver.good" "$driver"
  [ $mode = PRE_TEST ] || run cmake "$bin"
  expect_match "$mode: and is tried again" "$(info names "$bin")" "^doc: plain.md$"

  printf '%sshell\n$ echo new\nnew\n%s\n' "$fence" "$fence" >"$src/docs/new.md"
  run cmake --build "$bin"
  expect_match "$mode: a new document gets a test after the next build" \
    "$(info names "$bin")" "^doc: new.md$"
done
finish
