#!/usr/bin/env bash
# No interpreter, and nothing an interpreter started, survives the driver: at the end of a
# file, after a timeout, on SIGTERM, on Ctrl-C (which aborts the running examples and
# reports) and on Ctrl-C twice; nor do the interpreters' private directories.
#   reaping.sh BYEXAMPLE
set -u
bx=$(realpath "$1")
work=$(mktemp -d)
trap 'pkill -f "sleep 3[0-9][0-9]\.4242" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0

survivors() { pgrep -f "sleep $1" || true; }
check_none() {  # $1 = marker, $2 = situation
  sleep 0.3
  if [ -n "$(survivors "$1")" ]; then
    echo "FAIL: processes survived $2:"
    pgrep -af "sleep $1"
    failures=$((failures + 1))
  else
    echo "ok: nothing survived $2"
  fi
}

cat >end.md <<'DOC'
```shell
$ sleep 301.4242 &
[<job>] <pid>

$ (sleep 302.4242 &) ; echo detached
detached
```
DOC
"$bx" -l shell --pretty none end.md >/dev/null
check_none '30[12]\.4242' "the end of a file"

cat >timeout.md <<'DOC'
```shell
$ sleep 303.4242     # byexample: +timeout=0.3
```
DOC
"$bx" -l shell --pretty none -x-not-recover-timeout timeout.md >/dev/null
[ $? = 2 ] || { echo "FAIL: the timeout did not abort the file"; failures=$((failures + 1)); }
check_none '303\.4242' "an unrecovered timeout"

cat >slow.md <<'DOC'
```shell
$ /bin/sleep 304.4242 & /bin/sleep 305.4242     # byexample: +timeout=60
```
DOC
# ksh also has a private directory (its history) that must not be left behind.
mkdir tmp
for shell in bash ksh; do
  for signals in TERM "INT INT" INT; do
    TMPDIR="$work/tmp" "$bx" -l shell --pretty none -o "+shell=$shell" slow.md >out.txt 2>&1 &
    driver=$!
    for _ in $(seq 50); do [ -n "$(survivors '305\.4242')" ] && break; sleep 0.1; done
    if [ -z "$(survivors '305\.4242')" ]; then
      echo "FAIL: the example never started ($shell)"
      failures=$((failures + 1))
    fi
    # Ctrl-C twice comes at once: the first alone already ends the run quickly.
    for signal in $signals; do kill -s "$signal" "$driver" 2>/dev/null; done
    sleep 0.2
    if [ "$signals" = INT ]; then
      # One Ctrl-C aborts the running example (60 s long) and reports it.
      for _ in $(seq 100); do kill -0 "$driver" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$driver" 2>/dev/null; then
        echo "FAIL: the first Ctrl-C did not abort the running example ($shell)"
        failures=$((failures + 1))
      fi
      wait "$driver"
      rc=$?
      if [ "$rc" != 2 ] || ! grep -q "Execution aborted by the user at example 1 of 1" out.txt ||
        ! grep -q "^\[i\] User aborted" out.txt; then
        echo "FAIL: SIGINT ($shell) exited with $rc and printed:"
        cat out.txt
        failures=$((failures + 1))
      fi
    fi
    wait "$driver"
    check_none '30[45]\.4242' "SIG${signals// /+SIG} ($shell)"
    if [ -n "$(ls -A tmp)" ]; then
      echo "FAIL: SIG${signals// /+SIG} ($shell) left $(ls -A tmp) in TMPDIR"
      failures=$((failures + 1))
      rm -rf tmp/*
    fi
  done
done
exit $((failures > 0))
