#!/usr/bin/env bash
# System packages the test suite needs, installed by the project itself (idempotent).
#
# - chromium: Debian's browser, driven by Playwright in tests/test_web_browser.py
# - fonts-dejavu-core: the Unicode font of PDF reports and briefs (tests/test_pdf.py)
#   (Playwright's own browser downloads are not used: executable_path=/usr/bin/chromium).
#
# Runs apt-get only when something is missing, so repeated `make test` runs cost nothing.
# Needs root (CI runs as root); as another user it prints what to install and fails.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)   # PDF briefs

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-system-deps: missing ${missing[*]}; run as root or: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-system-deps: installing ${missing[*]}" >&2
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
