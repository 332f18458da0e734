#!/usr/bin/env bash
# The MeasureTime module (examples/measure_time) with --jobs 1, 2 and 4: one line
# `longest example: <s> s`, last, with the longest example of all workers, and N+1 instances
# of the class (main first).
#
#   measure_time.sh BYEXAMPLE MODULE_DIR
set -u
bx=$(realpath "$1")
modules=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
unset BYEXAMPLE_BUILD_TOOL BYEXAMPLE_JOBS MESON_TEST_ITERATION CTEST_INTERACTIVE_DEBUG_MODE MAKEFLAGS

# The longest example sleeps 1.2 s, in b.md; whichever worker runs it, it is the maximum.
for doc in a:0.1 b:1.2 c:0.5 d:0.3; do
  printf '```\n$ sleep %s  # byexample: +timeout=10\n\n$ echo %s\n%s\n```\n' \
    "${doc#*:}" "${doc%%:*}" "${doc%%:*}" >"${doc%%:*}.md"
done

fail() {
  echo "FAIL (--jobs $jobs): $*"
  printf '%s\n' "$out"
  exit 1
}

for jobs in 1 2 4; do
  out=$("$bx" -v -m "$modules" -l shell --jobs "$jobs" a.md b.md c.md d.md 2>&1)
  rc=$?
  [ "$rc" = 0 ] || fail "exit code $rc"
  lines=$(printf '%s\n' "$out" | grep -c '^longest example: ')
  [ "$lines" = 1 ] || fail "$lines 'longest example' lines"
  last=$(printf '%s\n' "$out" | tail -n 1)
  [[ "$last" =~ ^longest\ example:\ ([0-9]+\.[0-9]{3})\ s$ ]] || fail "last line: $last"
  awk -v s="${BASH_REMATCH[1]}" 'BEGIN { exit !(s >= 1.2 && s < 2.5) }' ||
    fail "longest ${BASH_REMATCH[1]} s, expected about 1.2 s"
  instances=$(printf '%s\n' "$out" | grep '^\[i\] MeasureTime instance: ')
  [ "$(printf '%s\n' "$instances" | wc -l)" = $((jobs + 1)) ] ||
    fail "expected $((jobs + 1)) instances"
  [ "$(printf '%s\n' "$instances" | head -n 1)" = "[i] MeasureTime instance: main" ] ||
    fail "the main-thread instance is not the first one"
  workers=$(printf '%s\n' "$instances" | tail -n +2 | sed 's/.*worker //' | sort -n | tr '\n' ' ')
  [ "$workers" = "$(seq -s ' ' 0 $((jobs - 1))) " ] || fail "worker instances: $workers"
done

# Without -v: the report, then the one line.
out=$("$bx" -m "$modules" -l shell --jobs 2 a.md d.md 2>&1)
jobs=2
[ "$(printf '%s\n' "$out" | grep -c -e 'longest example' -e 'instance')" = 1 ] || fail "extra lines"
echo "measure_time: ok"
