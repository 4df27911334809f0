#!/usr/bin/env bash
# The whole suite with the machine's date moved (libfaketime): no test may depend on today's date.
# Usage: scripts/test-dated.sh "2028-02-29 15:58:00" [jest args…]   (UTC; 15:58 UTC is 23:58 in Shanghai)
set -euo pipefail
cd "$(dirname "$0")/.."
when="${1:?usage: scripts/test-dated.sh \"YYYY-MM-DD HH:MM:SS\" [jest args]}"
shift
if ! command -v faketime >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
  else
    echo "faketime is missing: sudo apt-get install -y faketime" >&2
    exit 1
  fi
fi
# The clock starts at $when and runs on; TZ stays UTC like the functions' runtime.
exec env TZ=UTC faketime "$when" node scripts/test.mjs "$@"
