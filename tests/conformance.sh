#!/usr/bin/env bash
# Runs the upstream conformance corpus against the built driver.
#   conformance.sh CORPUS_DIR BYEXAMPLE [run.py arguments...]
# Exits 77 (skipped) with the reason when the corpus is not on this machine.
set -u
corpus=$1
driver=$2
shift 2
if [ ! -f "$corpus/run.py" ]; then
  echo "conformance corpus not found at $corpus: skipped"
  exit 77
fi
# The documents compare what the driver prints at -v: it must not see that a build tool
# runs it (it would say it chose the single-job mode).
unset BYEXAMPLE_BUILD_TOOL BYEXAMPLE_JOBS MESON_TEST_ITERATION CTEST_INTERACTIVE_DEBUG_MODE MAKEFLAGS
exec python3 "$corpus/run.py" --driver "$driver" "$@"
