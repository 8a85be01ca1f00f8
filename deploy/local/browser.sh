#!/usr/bin/env bash
# Makes sure the headless browser of the dashboard test is installed: Debian's chromium and chromium-driver
# (Selenium drives /usr/bin/chromium through /usr/bin/chromedriver; its own driver download cannot work offline).
#   deploy/local/browser.sh ensure
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cmd="${1:-ensure}"
[[ "$cmd" == ensure ]] || die "usage: browser.sh ensure"

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
  die "chromium and chromium-driver are missing; install them with: sudo apt-get install -y chromium chromium-driver"
fi
have apt-get || die "chromium and chromium-driver are missing and this is not a Debian-like system; install them by hand"
info "installing chromium and chromium-driver from the distribution"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium chromium-driver >/dev/null
[[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || die "chromium install did not provide /usr/bin/chromium and /usr/bin/chromedriver"
info "chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}') installed"
