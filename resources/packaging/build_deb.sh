#!/usr/bin/env bash
# Build dist/tongwen_<version>_<arch>.deb from the PyInstaller bundle dist/tongwen/.
#
#   resources/packaging/build_deb.sh [BUNDLE_DIR] [OUT_DIR]
#
# Installs the bundle under /opt/tongwen, a /usr/bin/tongwen launcher, a .desktop
# entry with Chinese names, hicolor icons and MIME types.  The desktop database, the
# icon cache and the MIME database are refreshed by dpkg triggers of
# desktop-file-utils, hicolor-icon-theme and shared-mime-info, so no maintainer
# scripts are needed.  The package is zstd-compressed (dpkg >= 1.21.18).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
bundle=${1:-$repo/dist/tongwen}
out=${2:-$repo/dist}

die() { echo "build_deb.sh: $*" >&2; exit 1; }
[ -x "$bundle/tongwen" ] || die "$bundle/tongwen not found; build the bundle first (make package)"
command -v dpkg-deb >/dev/null || die "dpkg-deb not found; a .deb can only be built on Debian/Ubuntu"

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$repo/desktop/__init__.py")
[ -n "$version" ] || die "$repo/desktop/__init__.py: no __version__ line"
arch=$(dpkg --print-architecture)

# Depends: the runtime rows of tools/system-packages.txt, the list make run checks too.
dep_line=$(bash "$repo/tools/check-system.sh" --print depends)
[ -n "$dep_line" ] || die "$repo/tools/system-packages.txt: no runtime packages"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
         "$root/usr/share/mime/packages" "$root/usr/share/doc/tongwen" \
         "$root/usr/share/icons/hicolor/scalable/apps"

cp -a "$bundle" "$root/opt/tongwen"
ln -s /opt/tongwen/tongwen "$root/usr/bin/tongwen"
install -m 644 "$here/tongwen.desktop" "$root/usr/share/applications/tongwen.desktop"
install -m 644 "$here/tongwen.xml" "$root/usr/share/mime/packages/tongwen.xml"
install -m 644 "$repo/resources/icons/tongwen.svg" "$root/usr/share/icons/hicolor/scalable/apps/"
for size in 16 24 32 48 64 128 256 512; do
  dir=$root/usr/share/icons/hicolor/${size}x${size}/apps
  mkdir -p "$dir"
  install -m 644 "$repo/resources/icons/tongwen-$size.png" "$dir/tongwen.png"
done
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: tongwen"
  echo
  echo "Files: *"
  echo "License: MIT"
  sed 's/^$/./; s/^/ /' "$repo/LICENSE"
  echo
  echo "Files: opt/tongwen/_internal/*"
  echo "Comment: bundled components; see Help > About Tongwen for each licence"
  echo "License: LGPL-3.0 (Qt, PySide6), Apache-2.0 (OpenCC), BSD-2-Clause (whoosh), 0BSD (chardet), MIT (platformdirs), PSF-2.0 (Python)"
} > "$root/usr/share/doc/tongwen/copyright"
chmod -R u=rwX,go=rX "$root"

installed_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: tongwen
Version: $version
Architecture: $arch
Maintainer: Tongwen developers <tongwen@localhost>
Installed-Size: $installed_kb
Depends: $dep_line
Section: text
Priority: optional
Description: reader for Chinese documents in Simplified or Traditional script
 Tongwen (同文) imports text files, web pages, Markdown and EPUB books into a
 local library and shows each document in the script the reader prefers
 (OpenCC conversion), with highlights, notes and full-text search across
 scripts.  Works fully offline.
CONTROL

mkdir -p "$out"
deb=$out/tongwen_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zzstd -z19 --build "$root" "$deb" >/dev/null
echo "$deb"
