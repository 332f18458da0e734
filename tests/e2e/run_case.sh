#!/usr/bin/env bash
# Runs one end-to-end case: the real byexample binary on a real document with real
# interpreters, in a scratch copy of the case directory.
#
#   run_case.sh BYEXAMPLE CASE_DIR
#
# CASE_DIR holds `cmd` (the command line, one shell line run from the copy, with `byexample`
# on PATH and also as .bin/byexample), `expected.out` (stdout and
# stderr, with "ran in <n> seconds" written as "ran in X seconds") and `expected.rc`.
# With UPDATE=1 the expectations are rewritten from the actual run (review the diff!).
set -u
bx=$(realpath "$1")
case_dir=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$case_dir"/. "$work"/
cd "$work" || exit 1
mkdir -p .bin
ln -s "$bx" .bin/byexample
export PATH="$work/.bin:$PATH"
# The cases set these themselves when they test the single-job mode.
unset BYEXAMPLE_BUILD_TOOL BYEXAMPLE_JOBS MESON_TEST_ITERATION CTEST_INTERACTIVE_DEBUG_MODE MAKEFLAGS

actual=$(eval "$(cat cmd)" 2>&1)
rc=$?
actual=$(printf '%s\n' "$actual" | sed -E 's/ran in [0-9]+\.[0-9]+ seconds/ran in X seconds/')

if [ "${UPDATE:-0}" = 1 ]; then
  printf '%s\n' "$actual" >"$case_dir/expected.out"
  echo "$rc" >"$case_dir/expected.rc"
  exit 0
fi
status=0
if ! diff -u "$case_dir/expected.out" <(printf '%s\n' "$actual"); then
  echo "FAIL: output differs (- expected, + actual)"
  status=1
fi
if [ "$rc" != "$(cat "$case_dir/expected.rc")" ]; then
  echo "FAIL: exit code $rc, expected $(cat "$case_dir/expected.rc")"
  status=1
fi
exit $status
