#!/usr/bin/env bash
# Install the .deb with apt into a fresh Debian 13 chroot and run it there: proves that
# its Depends pull in everything the bundle needs on a system that has none of it.
#
#   resources/packaging/check_deb_fresh.sh [DEB]     (default: the newest dist/tongwen_*.deb)
#
# Root only.  Uses a throw-away copy of the minimal chroot tools/check-fresh.sh builds
# and caches ($TONGWEN_FRESH_CACHE, default /var/cache/tongwen-fresh; built here with
# `tools/check-fresh.sh --prepare` when missing).  Steps:
#   1. apt-get install ./tongwen_*.deb (with its Depends, nothing recommended)
#   2. tongwen --self-test as an unprivileged user, without a display (offscreen)
#   3. first paint on a virtual X display (xvfb and xauth are installed for this step
#      only, as the stand-in for a desktop; they are not among the .deb's Depends)
# /proc, /sys and /dev are mounted for the run and always unmounted, even on failure.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cache=${TONGWEN_FRESH_CACHE:-/var/cache/tongwen-fresh}
pristine=$cache/trixie
deb=${1:-$(ls -t "$repo"/dist/tongwen_*.deb 2>/dev/null | head -n 1 || true)}

die() { echo "check_deb_fresh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run me as root (chroot and mounts need it)"
[ -f "$deb" ] || die "no .deb to install (run make package first)"
[ -f "$pristine/.complete" ] || bash "$repo/tools/check-fresh.sh" --prepare

work=$(mktemp -d "$cache/deb.XXXXXX")
root=$work/root
mounted=()
cleanup() {  # unmount in reverse order whatever was mounted, then drop the copy
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -R "${mounted[i]}" 2>/dev/null || umount -lR "${mounted[i]}" || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

cp -a "$pristine" "$root"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc" && mounted+=("$root/proc")
mount --rbind /sys "$root/sys" && mount --make-rslave "$root/sys" && mounted+=("$root/sys")
mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev" && mounted+=("$root/dev")
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  # this machine's network may re-sign TLS: the chroot trusts what the host trusts
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null 2>&1
fi
cp "$deb" "$root/tmp/"

in_chroot() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/bash -c "$1" </dev/null
}

echo "== 1. apt-get install ./$(basename "$deb") into a fresh Debian 13 (minbase)"
in_chroot "apt-get update -qq && apt-get install -y -qq --no-install-recommends /tmp/$(basename "$deb") >/tmp/apt.log 2>&1 || { tail -n 30 /tmp/apt.log; exit 1; }"
in_chroot "dpkg-query -W -f='\${Package} \${Version} \${Status}\n' tongwen"

echo "== 2. tongwen --self-test as a user, no display"
in_chroot "mkdir -p /tmp/u && chown nobody:nogroup /tmp/u && cd /tmp/u &&
  setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp/u tongwen --self-test"

echo "== 3. first paint on a virtual X display"
in_chroot "apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null 2>&1"
in_chroot "cd /tmp/u && setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp/u \
  TONGWEN_EXIT_AFTER_PAINT=1 TONGWEN_NO_SINGLE_INSTANCE=1 xvfb-run -a tongwen" | grep '^first-paint ' ||
  die "no first paint in the chroot"

echo "== the .deb installs and runs on a fresh Debian 13"
