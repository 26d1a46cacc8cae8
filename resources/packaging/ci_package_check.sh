#!/usr/bin/env bash
# CI check of the packaged app (Linux): build the bundle and the .deb, run the bundle's
# --self-test, unpack the .deb into a temporary root (dpkg -x) and run the installed
# launcher's --self-test from there, then one real first paint on a virtual display.
#
#   resources/packaging/ci_package_check.sh            build, then check
#   resources/packaging/ci_package_check.sh --no-build check what dist/ holds
#
# Called from .ci/run after the test suite.  Every run uses throw-away library,
# cache, config and log folders; the source tree is not on any path the app sees.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
started=$SECONDS

step() { printf '\n== %s (%ds)\n' "$*" $((SECONDS - started)); }
die() { echo "ci_package_check: $*" >&2; exit 1; }

# binutils (PyInstaller's objdump), xvfb, xauth, desktop-file-utils: the 'package' rows
# of tools/system-packages.txt; as root they are installed, otherwise named.
bash tools/check-system.sh --purpose package

if [ "${1:-}" != "--no-build" ]; then
  step "building the bundle and the .deb (make package)"
  make package
fi

bundle=$repo/dist/tongwen
[ -x "$bundle/tongwen" ] || die "$bundle/tongwen is missing; run make package"
deb=$(ls -t "$repo"/dist/tongwen_*.deb 2>/dev/null | head -n 1 || true)
[ -n "$deb" ] || die "no dist/tongwen_*.deb; make package builds it on Debian/Ubuntu"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

headless() {  # run a command with no display and private Tongwen folders, outside the repo
  (cd / && env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM -u PYTHONPATH \
     TONGWEN_LIBRARY="$work/home/library" TONGWEN_CACHE="$work/home/cache" \
     TONGWEN_CONFIG="$work/home/config" TONGWEN_LOG_DIR="$work/home/log" "$@")
}

step "bundle self-test: $bundle/tongwen --self-test"
headless "$bundle/tongwen" --self-test

step "unpacking $(basename "$deb") into a temporary root"
dpkg-deb -f "$deb" Package Version Depends
dpkg -x "$deb" "$work/root"
link=$(readlink "$work/root/usr/bin/tongwen")
[ "$link" = /opt/tongwen/tongwen ] || die "/usr/bin/tongwen points to '$link', not /opt/tongwen/tongwen"
for f in usr/share/applications/tongwen.desktop usr/share/mime/packages/tongwen.xml \
         usr/share/icons/hicolor/48x48/apps/tongwen.png usr/share/icons/hicolor/scalable/apps/tongwen.svg; do
  [ -f "$work/root/$f" ] || die "the .deb lacks /$f"
done
desktop-file-validate "$work/root/usr/share/applications/tongwen.desktop"

step "installed launcher self-test: /usr/bin/tongwen -> $link (in the unpacked root)"
headless "$work/root$link" --self-test

step "first paint on a virtual X display (xcb platform plugin)"
headless env TONGWEN_EXIT_AFTER_PAINT=1 TONGWEN_NO_SINGLE_INSTANCE=1 \
  xvfb-run -a "$work/root$link" | grep '^first-paint ' || die "no first paint under Xvfb"

step "packaged app checks passed in $((SECONDS - started)) s"
