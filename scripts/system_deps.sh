#!/usr/bin/env bash
# System packages the full test suite uses: Debian's chromium + chromium-driver (browser test)
# and postgresql (the store's tests against PostgreSQL). Installed when missing and when we
# may (root with apt-get); otherwise the tests that need them skip and say why.
set -u
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "system_deps: not root or no apt-get; missing ${need[*]}: the tests that need them will skip"
  exit 0
fi
echo "system_deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 || echo "system_deps: apt-get install ${need[*]} failed; those tests will skip"
exit 0
