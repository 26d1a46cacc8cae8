#!/usr/bin/env bash
# Check that the system packages Tongwen needs are installed, before Qt gets a chance to
# abort with "Could not load the Qt platform plugin xcb".  The packages are the rows of
# tools/system-packages.txt, the one list shared by the Makefile, .ci/run and the .deb.
#
#   tools/check-system.sh [--purpose venv|run|test|package|ci] [--dry-run]
#   tools/check-system.sh --print debian|fedora|arch|depends [--purpose ...]
#
# On Debian/Ubuntu: as root, missing packages are installed (apt-get update first);
# otherwise the one install command is printed and the script exits 1.  --dry-run
# never installs.  On Fedora and Arch the package names are printed (they cannot be
# checked from here); on other systems nothing is done.  --print lists the packages
# of a purpose (depends: the runtime rows as a Debian Depends field).
# TONGWEN_SKIP_SYSTEM_CHECK=1 skips the check (for systems that provide Qt's
# libraries some other way).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
table=$here/system-packages.txt
repo=$(dirname "$here")
purpose=run
dry_run=0
print=""

usage() { sed -n '6,7s/^# *//p' "$0" >&2; exit 2; }
while (($#)); do
  case $1 in
    --purpose) purpose=${2:-}; shift 2 || usage ;;
    --dry-run) dry_run=1; shift ;;
    --print) print=${2:-}; shift 2 || usage ;;
    *) usage ;;
  esac
done

# The row tags a purpose covers: `make test` also needs what running needs, and so on.
case $purpose in
  venv) tags=(venv) ;;
  run) tags=(venv run) ;;
  test) tags=(venv run test) ;;
  package) tags=(venv run package) ;;
  ci) tags=(venv run test package) ;;
  *) echo "check-system.sh: unknown purpose '$purpose' (venv, run, test, package or ci)" >&2; exit 2 ;;
esac

column_of() {  # the table's column number of a distribution family
  case $1 in debian) echo 2 ;; fedora) echo 3 ;; arch) echo 4 ;; *) return 1 ;; esac
}

rows() {  # the given column of every row whose purposes meet the selected tags
  local column=$1
  local wanted
  wanted=$(printf '%s,' "${tags[@]}")
  awk -v col="$column" -v wanted=",$wanted" '
    /^[[:space:]]*(#|$)/ { next }
    {
      n = split($1, purposes, ",")
      for (i = 1; i <= n; i++) if (index(wanted, "," purposes[i] ",")) { print $col; break }
    }' "$table"
}

system_python_version() {  # X.Y of the Python .venv uses (or will use) when it is Debian's own
  local py=$repo/.venv/bin/python
  [ -x "$py" ] || py=$(sh "$repo/.ci/find-python" 2>/dev/null) || return 0
  "$py" -c 'import sys; v = sys.version_info
print(f"{v[0]}.{v[1]}" if sys.base_prefix.startswith("/usr") else "")' 2>/dev/null || true
}

with_python() {  # fill in {python}; rows for a Python that is not the system's are dropped
  local rows version
  rows=$(cat)
  if [[ $rows == *"{python}"* ]]; then
    version=$(system_python_version)
    if [ -n "$version" ]; then
      rows=${rows//\{python\}/$version}
    else
      rows=$(grep -v '{python}' <<<"$rows" || true)
    fi
  fi
  [ -z "$rows" ] || echo "$rows"
}

names_for() {  # one distribution's names, without "-" and without repeats, on one line
  rows "$(column_of "$1")" | with_python | awk '$0 != "-" && !seen[$0]++' | tr '\n' ' ' | sed 's/ $//'
}

case $print in
  "") ;;
  depends) tags=(run); rows 2 | sed 's/|/ | /g' | paste -sd, - | sed 's/,/, /g'; exit 0 ;;
  debian | fedora | arch) names_for "$print"; echo; exit 0 ;;
  *) usage ;;
esac

[ "${TONGWEN_SKIP_SYSTEM_CHECK:-}" = 1 ] && exit 0
[ "$(uname -s)" = Linux ] || exit 0  # macOS and Windows: the PySide6 wheels bring Qt whole

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  family=""
  os_release=${TONGWEN_OS_RELEASE:-/etc/os-release}  # another file: for the tests
  if [ -r "$os_release" ]; then
    ids=$(. "$os_release" && echo " ${ID:-} ${ID_LIKE:-} ")
    case $ids in
      *" fedora "* | *" rhel "*) family=fedora; install="sudo dnf install" ;;
      *" arch "*) family=arch; install="sudo pacman -S --needed" ;;
    esac
  fi
  if [ -n "$family" ]; then
    echo "Tongwen needs these $family packages (not checked automatically):" >&2
    echo "  $install $(names_for "$family")" >&2
  fi
  exit 0
fi

installed() {  # the names among the arguments that dpkg reports as installed
  # dpkg-query exits 1 when it knows some names not at all: that is an answer too.
  { dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null || true; } |
    awk '/ install ok installed$/ { sub(/:.*/, "", $1); print $1 }'
}

missing_rows() {  # the rows (alternatives joined by |) none of whose names is installed
  local all have row alt found
  mapfile -t all < <(rows 2 | with_python | awk '!seen[$0]++')
  have=" $(installed $(printf '%s\n' "${all[@]}" | tr '|' '\n') | tr '\n' ' ') "
  for row in "${all[@]}"; do
    found=0
    for alt in ${row//|/ }; do
      [[ $have == *" $alt "* ]] && { found=1; break; }
    done
    ((found)) || echo "$row"
  done
}

installable() {  # the first alternative of a row that apt can install (else the first one)
  local alt
  [[ $1 == *"|"* ]] || { echo "$1"; return; }  # one name: no need to ask apt (slow)
  for alt in ${1//|/ }; do
    apt-cache show --no-all-versions "$alt" >/dev/null 2>&1 && { echo "$alt"; return; }
  done
  echo "${1%%|*}"
}

list_missing() {  # fill the array `missing`; a failing query stops the script
  local text
  text=$(missing_rows) || { echo "check-system.sh: could not query dpkg" >&2; exit 1; }
  missing=()
  [ -z "$text" ] || mapfile -t missing <<<"$text"
}

list_missing
((${#missing[@]})) || exit 0

if [ "$(id -u)" = 0 ] && ((dry_run == 0)); then
  export DEBIAN_FRONTEND=noninteractive
  echo "Installing the system packages Tongwen needs ($purpose): ${missing[*]}"
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  if ! apt-get update -qq >"$log" 2>&1; then
    cat "$log" >&2
    echo "check-system.sh: apt-get update failed; the packages above could not be installed." >&2
    exit 1
  fi
  picks=()
  for row in "${missing[@]}"; do picks+=("$(installable "$row")"); done
  if ! apt-get install -y -qq --no-install-recommends "${picks[@]}" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "check-system.sh: apt-get install ${picks[*]} failed (see above)." >&2
    exit 1
  fi
  list_missing
  ((${#missing[@]})) || exit 0
  echo "check-system.sh: still missing after apt-get install: ${missing[*]}" >&2
  exit 1
fi

picks=()
for row in "${missing[@]}"; do picks+=("$(installable "$row")"); done
{
  echo "Tongwen needs ${#picks[@]} system package(s) that are not installed (checked for: $purpose). Install them with:"
  echo
  echo "  sudo apt-get update && sudo apt-get install --no-install-recommends ${picks[*]}"
  echo
  echo "then run the same command again."
} >&2
exit 1
