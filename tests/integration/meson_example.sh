#!/usr/bin/env bash
# examples/meson-project as a user builds and tests it, with the driver either installed (in
# PATH) or built as the subproject `byexample` from meson-modules/byexample.wrap.
#
#   meson_example.sh installed|subproject BYEXAMPLE_BUILD_DIR SOURCE_DIR WORK_DIR
#
# installed:  the driver of BYEXAMPLE_BUILD_DIR, `cmake --install`ed, found in PATH.
# subproject: the wrap, its url pointing at a git snapshot of SOURCE_DIR's working tree;
#             Meson clones it and builds the driver itself.
# Exits 77 (skipped) when meson (or, for the subproject, git) is not installed.
source "$(dirname "$0")/common.sh"
mode=$1
build_dir=$(realpath "$2")
source_dir=$(realpath "$3")
work=$4
command -v meson >/dev/null || { echo "meson is not installed"; exit 77; }
rm -rf "$work" && mkdir -p "$work"
work=$(realpath "$work")
project=$work/project
build=$work/build
cp -r "$source_dir/examples/meson-project" "$project"
expect_snippet "meson-modules/USAGE.md is what the example does" \
  "$source_dir/meson-modules/USAGE.md" "$project/meson.build"

# The working tree (committed or not) as a git repository the wrap can clone.
snapshot() {
  local files
  mkdir -p "$2"
  files=$(cd "$1" && git ls-files -co --exclude-standard | while read -r f; do
    [ -e "$f" ] && printf '%s\n' "$f"; done)
  (cd "$1" && tar -cf - -T - <<<"$files") | tar -xf - -C "$2"
  run git -C "$2" init -q
  run git -C "$2" add -A
  run git -C "$2" -c user.name=integration -c user.email=integration@localhost commit -qm snapshot
}

setup_args=()
if [ "$mode" = installed ]; then
  install_driver "$build_dir" "$work/prefix"
  export PATH=$work/prefix/bin:$PATH
  expected_driver="Program byexample found: YES \($work/prefix/bin/byexample\)"
else
  command -v git >/dev/null || { echo "git is not installed (the wrap clones)"; exit 77; }
  snapshot "$source_dir" "$work/byexample.git"
  mkdir -p "$project/subprojects"
  sed "s|^url = .*|url = $work/byexample.git|" "$source_dir/meson-modules/byexample.wrap" \
    >"$project/subprojects/byexample.wrap"
  setup_args=(--force-fallback-for=byexample -Dbyexample:tests=disabled)
  expected_driver="Program byexample found: YES \(overridden\)"
fi
setup_log=$(meson setup "${setup_args[@]}" "$build" "$project" 2>&1) ||
  { printf 'FAIL: meson setup\n%s\n' "$setup_log"; exit 1; }
expect_match "$mode: the driver" "$setup_log" "$expected_driver"
run meson compile -C "$build"

meson test -C "$build" --num-processes 8 >"$work/test.log" 2>&1
expect_eq "$mode: meson test passes" "$?" 0
expect_eq "$mode: one test per document, the powershell one skipped" \
  "$(info meson-results "$build/meson-logs/testlog.json" | LC_ALL=C sort)" \
"docs/cli.md: OK
docs/irb.md: OK
docs/library.md: OK
docs/powershell.md: SKIP
docs/tour.md: OK"
expect_eq "$mode: one TAP test point per example" \
  "$(info meson-subtests "$build/meson-logs/testlog.junit.xml" | grep '^docs/cli.md: ')" \
"docs/cli.md: 1 - docs/cli.md:6: ok
docs/cli.md: 2 - docs/cli.md:9: ok
docs/cli.md: 3 - docs/cli.md:17: ok
docs/cli.md: 4 - docs/cli.md:24: ok"
expect_eq "$mode: meson test --suite python" \
  "$(meson test -C "$build" --list --suite python 2>/dev/null | grep ' / ' | sed 's|.* / ||')" \
"docs/library.md
docs/tour.md"

# The driver's -v lines are TAP comments: in the log, not on Meson's console.
meson test -C "$build" --test-args=-v docs/cli.md >"$work/verbose.log" 2>&1
expect_match "$mode: the driver ran in single-job mode" \
  "$(cat "$build/meson-logs/testlog.txt")" \
  "single-job mode: running under meson"
expect_match "$mode: with the project's .byexample.yml" \
  "$(cat "$build/meson-logs/testlog.txt")" \
  "Project configuration: .byexample.yml"

run meson configure "$build" -Dfailing_docs=true
meson test -C "$build" --num-processes 8 >"$work/failing.log" 2>&1
expect_ne "$mode: with -Dfailing_docs=true meson test fails" "$?" 0
expect_match "$mode: the failing document fails" \
  "$(info meson-results "$build/meson-logs/testlog.json")" "^docs/failing/wrong.md: FAIL$"
expect_match "$mode: at its example" \
  "$(info meson-subtests "$build/meson-logs/testlog.junit.xml")" \
  "^docs/failing/wrong.md: 1 - docs/failing/wrong.md:7: failed$"
finish
