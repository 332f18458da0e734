# Shared by the integration scripts: checks that report what differs and keep going, and the
# installed copy of the driver. Source it; call `finish` last.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
info() { python3 "$here/ctest_info.py" "$@"; }
failures=0

# expect_eq WHAT ACTUAL EXPECTED
expect_eq() {
  if [ "$2" != "$3" ]; then
    printf 'FAIL: %s\n--- expected\n%s\n--- actual\n%s\n---\n' "$1" "$3" "$2"
    failures=$((failures + 1))
  else
    printf 'ok: %s\n' "$1"
  fi
}

# expect_ne WHAT ACTUAL UNEXPECTED
expect_ne() {
  if [ "$2" = "$3" ]; then
    printf 'FAIL: %s: still %s\n' "$1" "$2"
    failures=$((failures + 1))
  else
    printf 'ok: %s\n' "$1"
  fi
}

# expect_match WHAT TEXT EXTENDED-REGEX
expect_match() {
  if ! grep -Eq -- "$3" <<<"$2"; then
    printf 'FAIL: %s: no line matches /%s/ in\n%s\n---\n' "$1" "$3" "$2"
    failures=$((failures + 1))
  else
    printf 'ok: %s\n' "$1"
  fi
}

# expect_snippet WHAT USAGE_MD FILE: the code block of USAGE_MD is verbatim in FILE.
expect_snippet() {
  local snippet
  snippet=$(awk '/^```/ { inside = !inside; next } inside' "$2")
  if [ -z "$snippet" ] || [[ "$(cat "$3")" != *"$snippet"* ]]; then
    printf 'FAIL: %s: the snippet of %s is not in %s\n' "$1" "$2" "$3"
    failures=$((failures + 1))
  else
    printf 'ok: %s\n' "$1"
  fi
}

# run CMD...: runs a step that must succeed, stopping the script with its output if it fails.
run() {
  local output
  if ! output=$("$@" 2>&1); then
    printf 'FAIL: %s\n%s\n' "$*" "$output"
    exit 1
  fi
}

# install_driver BYEXAMPLE_BUILD_DIR PREFIX: `cmake --install` of the driver's build.
install_driver() {
  rm -rf "$2"
  run cmake --install "$1" --prefix "$2"
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
  fi
  echo "all checks passed"
}
