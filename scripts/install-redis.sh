#!/usr/bin/env bash
# Installs redis-server from the OS packages when it is missing (the queue tests and .ci/run need it); prints its path.
# Debian/Ubuntu (apt-get) as root or with sudo; elsewhere it says what to install. No binaries from anywhere else.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then command -v redis-server; exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-redis: redis-server is missing and this system has no apt-get; install Redis >= 6.2 from your OS packages" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
# the package's service start fails harmlessly where there is no init system; the tests start their own server
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends redis-server >&2 || true
if ! command -v redis-server >/dev/null 2>&1; then echo "install-redis: apt-get could not install redis-server" >&2; exit 1; fi
command -v redis-server
