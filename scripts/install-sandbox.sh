#!/usr/bin/env bash
# Installs bubblewrap (the OS sandbox Ratchet's workers run in on Linux) when it is missing and we are
# root on a Debian-family system. Anything else is a no-op: without bwrap, `execution.sandbox: auto`
# falls back to the process-level sandbox and says so at start. Safe to run any number of times.
set -euo pipefail

if [ "$(uname -s)" != "Linux" ]; then
  echo "install-sandbox: not Linux; nothing to install (workers use the fallback sandbox)" >&2
  exit 0
fi
if command -v bwrap >/dev/null 2>&1; then
  echo "install-sandbox: bwrap already installed ($(bwrap --version 2>/dev/null || echo unknown version))" >&2
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "install-sandbox: bwrap is missing and we are not root; install it with: sudo apt-get install -y bubblewrap" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-sandbox: bwrap is missing and apt-get is not available; install the bubblewrap package with your package manager" >&2
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet; a failing update must not hide a still-usable cache.
apt-get update -qq >/dev/null 2>&1 || echo "install-sandbox: apt-get update failed; trying the cached lists" >&2
if apt-get install -y -qq --no-install-recommends bubblewrap >/dev/null; then
  echo "install-sandbox: installed $(bwrap --version)" >&2
else
  echo "install-sandbox: apt-get install bubblewrap failed; workers will use the fallback sandbox" >&2
fi
exit 0
