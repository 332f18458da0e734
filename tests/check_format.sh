#!/usr/bin/env bash
# The C and C++ sources follow .clang-format (CI runs this as the test style.clang-format).
#
#   check_format.sh SOURCE_DIR
set -u
cd "$1" || exit 1
command -v clang-format >/dev/null || { echo "clang-format is not installed"; exit 77; }
mapfile -t files < <(find driver include tests examples \
  \( -name '*.cpp' -o -name '*.hpp' -o -name '*.c' -o -name '*.h' \) -not -path '*/build*' \
  -not -path 'tests/e2e/cases/*' | sort)
clang-format --dry-run -Werror "${files[@]}"
