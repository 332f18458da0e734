#!/usr/bin/env bash
# Loading modules with -m: bad modules are reported (and skipped, or an initialisation
# error for two extensions with one target); a module's zone delimiter, finder, runner
# (replacing the built-in shell one) and concern options work.
#
#   modules.sh BYEXAMPLE MODULES_DIR   (MODULES_DIR/<case>/ holds each case's modules)
set -u
bx=$(realpath "$1")
modules=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
unset BYEXAMPLE_BUILD_TOOL BYEXAMPLE_JOBS MESON_TEST_ITERATION CTEST_INTERACTIVE_DEBUG_MODE MAKEFLAGS

status=0
# expect CASE RC TEXT: the run of CASE exits with RC and its output contains TEXT.
expect() {
  if [ "$rc" != "$2" ] || [[ "$out" != *"$3"* ]]; then
    echo "FAIL ($1): exit code $rc (expected $2), output:"
    printf '%s\n' "$out"
    echo "--- expected to contain:"
    printf '%s\n' "$3"
    status=1
  fi
}

printf '```\n$ echo hi\nhi\n```\n' >doc.md

out=$("$bx" -m "$modules/no_entry" -l shell doc.md 2>&1); rc=$?
expect no_entry 0 "[!] From '$modules/no_entry' loading module 'module_no_entry' failed. Skipping.
The library has no byexample_module_api_version() function: it is not a byexample module.
Define its entry points with BYEXAMPLE_MODULE(registry) { ... } from <byexample/extension.hpp>.
"

out=$("$bx" -m "$modules/other_version" -l shell doc.md 2>&1); rc=$?
expect other_version 0 "[!] From '$modules/other_version' loading module 'module_other_version' failed. Skipping.
The module was built for version 3 of the extension API but this byexample has version 2.
Rebuild it against the headers of this byexample."

out=$("$bx" -m "$modules/same_target" -l shell doc.md 2>&1); rc=$?
expect same_target 3 "[!] Something went wrong initializing byexample:
From '$modules/same_target' module 'module_same_target_b'
The classes A (from '$modules/same_target' module 'module_same_target_a') and B have the same target 'timer': two extensions cannot have one target."

# Ctrl-C while the modules load (spec §8.5): exit code 3, no traceback.
"$bx" -m "$modules/slow_init" -l shell doc.md >init.out 2>&1 &
driver=$!
sleep 0.5
kill -INT "$driver"
wait "$driver"
rc=$?
out=$(cat init.out)
expect ctrl-c-initializing 3 "[i] Execution aborted by the user."

out=$("$bx" -m "$modules/missing" -l shell doc.md 2>&1); rc=$?
expect missing-dir 0 "[w] The modules directory '$modules/missing' does not exist or is not a directory."

printf '> echo hello\nhello\n\n> echo twice\ntwice\n' >doc.toy
cp doc.toy twin.toy
out=$("$bx" -m "$modules/toy" -l shell --jobs 2 doc.toy twin.toy 2>&1); rc=$?
expect toy 0 "File twin.toy, 2/2 test ran in"
printf '> echo hello\nHELLO\n' >loud.toy
out=$("$bx" -m "$modules/toy" -l shell -o +shout loud.toy 2>&1); rc=$?
expect toy-option 0 "[PASS] Pass: 1 Fail: 0 Skip: 0"
out=$("$bx" -m "$modules/toy" -l shell -v doc.toy 2>&1); rc=$?
expect toy-log-events 0 "shout heard: [i] Initializing Toy Runner"
# The hooks come in the order of spec §7.8, after_build_regex with the regex built.
out=$(TOY_TRACE_HOOKS=1 "$bx" -m "$modules/toy" -l shell doc.toy 2>&1 >/dev/null); rc=$?
per_example() {
  for hook in start_parse before_build_regex after_build_regex finish_parse start_example \
    finish_example finally_example success; do
    echo "hook: $hook $1"
  done
}
expect toy-hook-sequence 0 "hook: start 2
$(per_example 1)
$(per_example 4)
hook: finish"
# Ctrl-C while the first example runs: the toy runner sees it and stops, and that example
# is reported aborted by the user.
printf '> wait 30\n\n> echo after\nafter\n' >slow.toy
TOY_TRACE_HOOKS=1 "$bx" -m "$modules/toy" -l shell slow.toy >slow.out 2>slow.err &
driver=$!
sleep 0.4
kill -INT "$driver"
wait "$driver"
rc=$?
out=$(grep '^hook:' slow.err)
expect toy-user-aborted 2 "hook: start_example 1
hook: finally_example 1
hook: user_aborted 1
hook: aborted 1 by the user
hook: finish user_aborted"
out=$(cat slow.out)
expect toy-user-aborted-report 2 "=> Execution aborted by the user at example 1 of 2."
out=$("$bx" -m "$modules/toy" -l shell --show-options 2>&1); rc=$?
expect toy-show-options 3 "shout's specific options
------------------------
options:
  +shout                the toy runner prints in upper case"

[ $status = 0 ] && echo "modules: ok"
exit $status
