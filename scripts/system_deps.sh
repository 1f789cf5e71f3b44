#!/usr/bin/env bash
# System packages the full test suite uses: Debian's chromium + chromium-driver (browser test)
# and postgresql (the store's tests against PostgreSQL). Installed when missing and when we
# may (root with apt-get); otherwise the tests that need them skip and say why.
# Each group is installed on its own, so that one failing install does not block the other.
# No server is started here: the tests start a throwaway PostgreSQL server themselves.
set -u
have_pg() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; }
groups=()
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || groups+=("chromium chromium-driver")
have_pg || groups+=("postgresql")
[ ${#groups[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "system_deps: not root or no apt-get; missing ${groups[*]}: the tests that need them will skip"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
for g in "${groups[@]}"; do
  echo "system_deps: installing $g"
  # shellcheck disable=SC2086 # a group is several package names
  apt-get install -y -qq $g >/dev/null 2>&1 \
    || echo "system_deps: apt-get install $g failed; the tests that need it will skip"
done
have_pg && echo "system_deps: PostgreSQL $(ls -d /usr/lib/postgresql/*/ 2>/dev/null | xargs -n1 basename | tr '\n' ' ')"
exit 0
