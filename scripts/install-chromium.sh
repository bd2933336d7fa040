#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (playwright-core drives it) when it is missing.
# Playwright's own download CDN is not reachable from CI: the apt package is the browser we test with.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
  echo "install-chromium: /usr/bin/chromium is missing and this user cannot install packages" >&2
  exit 1
fi
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version 2>/dev/null | grep -i chromium >/dev/null
