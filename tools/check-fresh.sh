#!/usr/bin/env bash
# Prove that the README's two commands and .ci/run work on a fresh machine: a minimal
# Debian 13 (trixie) chroot that has only python3, git, make and ca-certificates, as the
# issue's CI machine does, and nothing Qt needs.  Everything else must come from our own
# scripts (tools/check-system.sh and the list tools/system-packages.txt).
#
#   tools/check-fresh.sh              run every step (make check-fresh)
#   tools/check-fresh.sh --prepare    only build the cached chroot
#   tools/check-fresh.sh --keep       keep the used copy of the chroot for inspection
#
# Root only (debootstrap, chroot, mounts).  The pristine chroot is built once with
# debootstrap --variant=minbase and cached in $TONGWEN_FRESH_CACHE (default
# /var/cache/tongwen-fresh); every run works in a throw-away copy of it, with a clean
# clone of this repository's HEAD at /work/main and a copy of ../shared beside it, as
# CI lays them out.  Steps, each timed:
#   0. make run as an unprivileged user: prints the one apt-get command and stops
#   1. make run without a display: installs the run packages and .venv, then says it
#      needs a display (and never "Could not load the Qt platform plugin")
#   2. ldd on PySide6's xcb platform plugin: every library it needs is there
#   3. make run on a virtual X display (xvfb and xauth are installed for this step only,
#      as the stand-in for a desktop, and removed after it): the window paints
#      (TONGWEN_EXIT_AFTER_PAINT=1)
#   4. make test
#   5. .ci/run (with CI=true, no standard input)
# The log is written to $TONGWEN_FRESH_CACHE/check-fresh.log as well as shown.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${TONGWEN_FRESH_CACHE:-/var/cache/tongwen-fresh}
suite=trixie
mirror=${TONGWEN_FRESH_MIRROR:-http://deb.debian.org/debian}
pristine=$cache/$suite
basics=python3,git,make,ca-certificates
prepare_only=0
keep=0
for arg in "$@"; do
  case $arg in
    --prepare) prepare_only=1 ;;
    --keep) keep=1 ;;
    *) sed -n '7,10s/^# *//p' "$0" >&2; exit 2 ;;
  esac
done

die() { echo "check-fresh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run me as root (debootstrap, chroot and mounts need it)"
[ "$(uname -s)" = Linux ] || die "Linux only"
mkdir -p "$cache"
exec > >(tee "$cache/check-fresh.log") 2>&1
started=$SECONDS

build_pristine() {  # debootstrap the minimal chroot once; a half-built one is thrown away
  [ -f "$pristine/.complete" ] && return 0
  if ! command -v debootstrap >/dev/null; then
    echo "== installing debootstrap on this machine"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  fi
  echo "== debootstrap --variant=minbase $suite ($basics) into $pristine"
  rm -rf "$pristine"
  debootstrap --variant=minbase --include="$basics" "$suite" "$pristine" "$mirror"
  rm -rf "$pristine"/var/lib/apt/lists/* "$pristine"/var/cache/apt/archives/*.deb
  touch "$pristine/.complete"
}

build_pristine
((prepare_only)) && { echo "chroot ready in $pristine"; exit 0; }

work=$(mktemp -d "$cache/run.XXXXXX")
root=$work/root
mounted=()
cleanup() {  # unmount whatever was mounted, in reverse order, even after a failure
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -R "${mounted[i]}" 2>/dev/null || umount -lR "${mounted[i]}" || true
  done
  if ((keep)); then echo "the chroot used is kept in $root"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== copying the pristine chroot ($(du -sh "$pristine" | cut -f1))"
cp -a "$pristine" "$root"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
for fs in proc sys dev; do
  mkdir -p "$root/$fs"
  case $fs in
    proc) mount -t proc proc "$root/proc" ;;
    sys) mount --rbind /sys "$root/sys" && mount --make-rslave "$root/sys" ;;
    dev) mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev" ;;
  esac
  mounted+=("$root/$fs")
done

# This machine's network may re-sign TLS with an authority of its own (the certificates
# in /usr/local/share/ca-certificates, and variables such as PIP_CERT pointing at the
# system bundle).  The chroot is on the same network, so it trusts the same authorities:
# network set-up, not one of Tongwen's packages.
trust_env=()
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  echo "== trusting this machine's extra certificate authorities in the chroot"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null 2>&1
  for var in SSL_CERT_FILE PIP_CERT REQUESTS_CA_BUNDLE CURL_CA_BUNDLE; do
    [ -n "${!var:-}" ] && trust_env+=("$var=/etc/ssl/certs/ca-certificates.crt")
  done
fi

echo "== a clean clone of $(git -C "$repo" rev-parse --short HEAD) at /work/main, ../shared beside it"
mkdir -p "$root/work"
git clone --quiet --no-hardlinks "$repo" "$root/work/main"
if [ -d "$repo/../shared" ]; then
  cp -a "$repo/../shared" "$root/work/shared"
  chmod -R a-w "$root/work/shared"  # CI's copy has no write bits
fi

results=()
in_chroot() {  # run a shell snippet as root in the chroot, in the clone, with a bare environment
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb ${trust_env[@]+"${trust_env[@]}"} \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -c "cd /work/main && $1" </dev/null
}
step() {  # step NAME SNIPPET: run it, time it, remember the result; stop at the first failure
  local name=$1 began=$SECONDS status=0
  printf '\n== %s\n' "$name"
  in_chroot "$2" || status=$?
  results+=("$(printf '%-58s %s in %ds' "$name" "$([ $status = 0 ] && echo passed || echo "FAILED ($status)")" $((SECONDS - began)))")
  if [ $status != 0 ]; then summary; exit 1; fi
}
summary() {
  printf '\n== check-fresh summary (%s, %ds in all)\n' "$suite minbase + $basics" $((SECONDS - started))
  printf '%s\n' "${results[@]}"
}

qt_abort='Could not load the Qt platform plugin|This application failed to start'

step "0. make run as a user, not root: names the packages, stops" '
  cp -r /work/main /tmp/as-user && chown -R nobody:nogroup /tmp/as-user
  out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp/as-user \
        make -C /tmp/as-user run 2>&1) && status=0 || status=$?
  printf "%s\n" "$out"
  rm -rf /tmp/as-user
  [ $status != 0 ] && printf "%s" "$out" | grep -q "sudo apt-get install --no-install-recommends .*libxcb-icccm4" &&
    ! printf "%s" "$out" | grep -Eq "'"$qt_abort"'"'

step "1. make run, no display: installs, then asks for one" '
  out=$(make run 2>&1) && status=0 || status=$?
  printf "%s\n" "$out" | grep -v "^ " || true
  if printf "%s" "$out" | grep -Eq "'"$qt_abort"'"; then echo "Qt aborted"; exit 1; fi
  printf "%s" "$out" | grep -q "Tongwen needs a display" && [ $status != 0 ]'

step "2. ldd: PySide6's xcb plugin finds every library" '
  plugin=$(.venv/bin/python -c "import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent / \"Qt\")")
  missing=$(ldd "$plugin/plugins/platforms/libqxcb.so" "$plugin/lib/libQt6XcbQpa.so.6" | grep "not found" | sort -u || true)
  [ -z "$missing" ] || { echo "missing: $missing"; exit 1; }'

step "3. make run on Xvfb: the window paints" '
  echo "(installing xvfb and xauth: the stand-in for a desktop, not one of our packages)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null
  out=$(TONGWEN_EXIT_AFTER_PAINT=1 TONGWEN_NO_SINGLE_INSTANCE=1 timeout 300 xvfb-run -a make run 2>&1) && status=0 || status=$?
  printf "%s\n" "$out" | tail -n 15
  if printf "%s" "$out" | grep -Eq "'"$qt_abort"'"; then echo "Qt aborted"; exit 1; fi
  [ $status = 0 ] && printf "%s" "$out" | grep -q "^first-paint " || { echo "no first paint"; exit 1; }
  echo "(removing xvfb and xauth again: .ci/run must install them from our list)"
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq --autoremove xvfb xauth >/dev/null'

step "4. make test" 'make test'

step "5. .ci/run" 'CI=true bash .ci/run'

summary
