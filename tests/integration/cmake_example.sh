#!/usr/bin/env bash
# examples/cmake-project as a user builds and tests it, with the driver either installed
# (find_package, discovery at configure time) or built in the same tree (add_subdirectory,
# discovery by ctest).
#
#   cmake_example.sh installed|subdirectory BYEXAMPLE_BUILD_DIR SOURCE_DIR WORK_DIR
source "$(dirname "$0")/common.sh"
mode=$1
build_dir=$(realpath "$2")
source_dir=$(realpath "$3")
work=$4
rm -rf "$work" && mkdir -p "$work"
work=$(realpath "$work")
project=$source_dir/examples/cmake-project
bin=$work/build
expect_snippet "cmake-modules/USAGE.md is what the example does" \
  "$source_dir/cmake-modules/USAGE.md" "$project/CMakeLists.txt"

if [ "$mode" = installed ]; then
  install_driver "$build_dir" "$work/prefix"
  run cmake -S "$project" -B "$bin" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix"
else
  run cmake -S "$project" -B "$bin" -G Ninja -DBYEXAMPLE_SOURCE_DIR="$source_dir"
  expect_eq "$mode: before the build, a placeholder test says the driver is not built" \
    "$(info names "$bin")" "byexample_1_NOT_BUILT
byexample_2_NOT_BUILT
byexample_3_NOT_BUILT"
fi
run cmake --build "$bin"

expect_eq "$mode: one test per document with examples" "$(info names "$bin" | LC_ALL=C sort)" \
"docs/cli.md
docs/irb.md
docs/library.md
docs/powershell.md
docs/tour.md"
for labels in "cli.md byexample;shell" "library.md byexample;python" \
              "tour.md byexample;python;shell" "irb.md byexample;ruby" \
              "powershell.md byexample;pwsh"; do
  read -r doc expected <<<"$labels"
  expect_eq "$mode: labels of $doc" "$(info prop "$bin" "docs/$doc" LABELS)" "$expected"
done

(cd "$bin" && ctest -j8 --output-junit "$work/results.xml" >"$work/ctest.log" 2>&1)
expect_eq "$mode: ctest -j8 passes" "$?" 0
expect_eq "$mode: results, the powershell document skipped" \
  "$(info results "$work/results.xml" | LC_ALL=C sort)" \
"docs/cli.md: passed
docs/irb.md: passed
docs/library.md: passed
docs/powershell.md: skipped
docs/tour.md: passed"

python_log=$(cd "$bin" && ctest -L python 2>&1)
expect_match "$mode: ctest -L python runs the python documents" "$python_log" \
  "100% tests passed, 0 tests failed out of 2"
expect_eq "$mode: ctest -L python selects" "$(info names "$bin" -L python)" \
"docs/library.md
docs/tour.md"

run cmake "$bin" -DBYEXAMPLE_TEST_EXTRA_ARGS=-v
verbose=$(cd "$bin" && ctest -V -R '^docs/cli\.md$' 2>&1)
expect_match "$mode: the driver ran in single-job mode" "$verbose" \
  "single-job mode: running under cmake"
expect_match "$mode: with the project's .byexample.yml" "$verbose" \
  "Project configuration: .byexample.yml"
expect_eq "$mode: and its languages, without LANGUAGES" \
  "$(grep 'Test command:' <<<"$verbose" | grep -c -e '"-l"' -e ' -l ')" 0

run cmake "$bin" -DBYEXAMPLE_TEST_EXTRA_ARGS= -DGREET_FAILING_DOCS=ON
(cd "$bin" && ctest -j8 --output-junit "$work/failing.xml" >"$work/failing.log" 2>&1)
expect_ne "$mode: with GREET_FAILING_DOCS ctest fails" "$?" 0
expect_eq "$mode: results with the failing document" \
  "$(info results "$work/failing.xml" | LC_ALL=C sort)" \
"docs/cli.md: passed
docs/failing/wrong.md: failed
docs/irb.md: passed
docs/library.md: passed
docs/powershell.md: skipped
docs/tour.md: passed"
finish
