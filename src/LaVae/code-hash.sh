#!/usr/bin/env bash
# Prints one SHA-256 over the source files (names and contents, in a fixed order) of the folders
# given after the project folder. LaVae.csproj stamps the result into the assembly: artifact keys
# carry it, so weights or results made by other code are never taken for this code's.
set -euo pipefail
cd "$1"
shift
find "$@" -type f \( -name '*.cs' -o -name '*.sh' -o -name '*.ttf' \) \
    -not -path '*/obj/*' -not -path '*/bin/*' -print0 \
  | LC_ALL=C sort -z \
  | while IFS= read -r -d '' file; do printf '%s %s\n' "$file" "$(sha256sum < "$file" | cut -c1-64)"; done \
  | sha256sum | cut -c1-64
