#!/usr/bin/env bash
# Browser tests need Debian's chromium and CJK fonts. As root (CI, these machines) install them; otherwise say how.
set -euo pipefail
have_fonts() { fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || [ -d /usr/share/fonts/opentype/noto ]; }
if [ -x /usr/bin/chromium ] && have_fonts; then exit 0; fi
if [ "$(id -u)" = "0" ]; then
  echo "installing chromium and fonts-noto-cjk with apt-get (browser tests)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  /usr/bin/chromium --version
  exit 0
fi
echo "Browser tests need Debian's chromium and CJK fonts. Run:" >&2
echo "  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk" >&2
exit 1
