#!/usr/bin/env bash
# One entry point for a fresh Debian/Ubuntu machine: installs what is missing, configures,
# builds, then either runs the driver on examples/ (the main job) or the whole test suite.
#
#   scripts/dev.sh examples     # set up, build, run byexample on examples/*.md
#   scripts/dev.sh test         # set up, build, run every test (unit, end-to-end, conformance),
#                               # then the ThreadSanitizer build's (scripts/dev.sh tsan)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build pkg-config libpcre2-dev libcli11-dev libfmt-dev libvterm-dev nlohmann-json3-dev
          libyaml-cpp-dev libgtest-dev libgmock-dev meson python3 bash ksh bsdextrautils clang-format time
          # the interpreters the end-to-end tests drive (issue 6)
          ruby nodejs gdb clang-tools-22 yaegi elixir php-cli default-jdk-headless lua5.4 bc)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
    missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build=${BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DBYEXAMPLE_WERROR=ON
cmake --build "$build"

case "${1:-test}" in
  examples)
    "$build/byexample" -l python,shell --pretty none examples/*.md
    ;;
  test)
    ctest --test-dir "$build" --output-on-failure -j2
    "$0" tsan
    ;;
  tsan)
    # ThreadSanitizer: the unit tests and the end-to-end runs that use several jobs.
    tsan=${TSAN_BUILD_DIR:-build-tsan}
    cmake -S . -B "$tsan" -G Ninja -DBYEXAMPLE_WERROR=ON -DBYEXAMPLE_SANITIZE=thread
    cmake --build "$tsan"
    TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
      ctest --test-dir "$tsan" --output-on-failure -j2 \
      -R '^[A-Z]|^e2e[.](cli-jobs|jobs-run-at-once|measure-time|reaping)$'
    ;;
  *)
    echo "usage: $0 examples|test|tsan" >&2
    exit 2
    ;;
esac
