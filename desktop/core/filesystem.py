"""Where the library folder lives: a network file system or a cloud-synced folder.

Tongwen's locks (``fcntl.flock`` / ``msvcrt.locking``) keep two processes on one
computer from losing each other's saves.  On NFS, SMB/CIFS, sshfs and other network
file systems such locks may be ignored or hold only per computer, and a folder
synced by Dropbox, OneDrive, iCloud, Google Drive or Syncthing is changed by the
sync tool behind every lock.  Neither is refused (that is how people read on two
machines), but the reader is told once, when the library opens.

The file-system type comes from what the platform tells: ``/proc/self/mountinfo`` on
Linux (the longest mount point that holds the folder), ``mount``'s output on macOS
and the BSDs, ``GetDriveTypeW`` on Windows.  Where none answers, nothing is said.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

__all__ = [
    "NETWORK_FSTYPES",
    "Mount",
    "cloud_folder",
    "filesystem_type",
    "is_network_fstype",
    "location_warning",
    "mount_for",
    "parse_bsd_mount",
    "parse_mountinfo",
]

log = logging.getLogger(__name__)

#: File-system types (as Linux and macOS name them) whose locks may not hold.
NETWORK_FSTYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "ncpfs",
        "coda",
        "davfs",
        "webdav",
        "afpfs",
        "fuse.sshfs",
        "fuse.rclone",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.s3fs",
        "fuse.gcsfuse",
        "fuse.cephfs",
        "osxfuse",
        "macfuse",
    }
)

#: Names of folders that cloud sync clients create, and the tool each belongs to.
_CLOUD_FOLDER_NAMES = (
    (re.compile(r"^Dropbox( \(.+\))?$"), "Dropbox"),
    (re.compile(r"^OneDrive( - .+)?$"), "OneDrive"),
    (re.compile(r"^(Google Drive|GoogleDrive|My Drive)$"), "Google Drive"),
    (re.compile(r"^(iCloud Drive|iCloudDrive|Mobile Documents)$"), "iCloud Drive"),
)
#: Files or folders a sync tool puts at the top of the folder it syncs.
_CLOUD_MARKERS = (
    (".stfolder", "Syncthing"),
    (".dropbox", "Dropbox"),
    (".dropbox.cache", "Dropbox"),
)


@dataclass(frozen=True)
class Mount:
    """One mounted file system: where it is mounted and its type."""

    mount_point: str
    fstype: str


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash as ``\\040`` and so on."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts listed in Linux's ``/proc/self/mountinfo`` text.

    A line is ``id parent major:minor root mount-point options [optional...] - fstype
    source super-options``; the fstype follows the lone ``-``.
    """
    mounts = []
    for line in text.splitlines():
        fields = line.split(" ")
        if "-" not in fields[6:] or len(fields) < 5:
            continue
        dash = fields.index("-", 6)
        if dash + 1 >= len(fields):
            continue
        mounts.append(Mount(_unescape(fields[4]), fields[dash + 1]))
    return mounts


_BSD_MOUNT = re.compile(r"^(?P<source>.+?) on (?P<point>.+) \((?P<type>[^,()]+)(?:,[^()]*)?\)$")


def parse_bsd_mount(text: str) -> list[Mount]:
    """The mounts in the output of ``mount`` on macOS and the BSDs.

    Lines read ``//user@server/share on /Volumes/share (smbfs, nodev, nosuid)``.
    """
    mounts = []
    for line in text.splitlines():
        match = _BSD_MOUNT.match(line.strip())
        if match:
            mounts.append(Mount(match.group("point"), match.group("type").strip()))
    return mounts


def mount_for(path: str, mounts: list[Mount]) -> Mount | None:
    """The mount holding ``path`` (absolute, POSIX): the longest mount point above it."""
    target = PurePosixPath(path)
    best: Mount | None = None
    for mount in mounts:
        point = PurePosixPath(mount.mount_point)
        if (target == point or point in target.parents) and (
            best is None or len(point.parts) >= len(PurePosixPath(best.mount_point).parts)
        ):
            best = mount
    return best


def is_network_fstype(fstype: str) -> bool:
    fstype = fstype.lower()
    return fstype in NETWORK_FSTYPES or fstype.startswith(("nfs", "smb", "cifs", "fuse.sshfs"))


def _system_mounts() -> list[Mount]:
    if sys.platform.startswith("linux"):
        try:
            return parse_mountinfo(Path("/proc/self/mountinfo").read_text("utf-8", "replace"))
        except OSError:
            return []
    try:
        out = subprocess.run(
            ["mount"], capture_output=True, text=True, errors="replace", timeout=5, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return parse_bsd_mount(out)


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    anchor = path.anchor
    if anchor.startswith("\\\\") and not anchor.startswith("\\\\?\\"):
        return True  # a UNC path: \\server\share
    drive_remote = 4
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return bool(kernel32.GetDriveTypeW(ctypes.c_wchar_p(anchor)) == drive_remote)


def filesystem_type(path: Path) -> str | None:
    """The type of file system ``path`` is on ("nfs4", "ext4", "remote"), or None."""
    if sys.platform == "win32":
        try:
            return "remote" if _windows_drive_is_remote(path) else None
        except (OSError, AttributeError, ValueError):
            return None
    mount = mount_for(str(path), _system_mounts())
    return mount.fstype if mount else None


def cloud_folder(path: Path) -> str | None:
    """The sync tool whose folder holds ``path`` (``"Dropbox"``, ``"Syncthing"`` …)."""
    for folder in (path, *path.parents):
        for pattern, tool in _CLOUD_FOLDER_NAMES:
            if pattern.match(folder.name):
                return tool
        for marker, tool in _CLOUD_MARKERS:
            try:
                if (folder / marker).exists():
                    return tool
            except OSError:
                continue
    return None


@dataclass(frozen=True)
class LocationRisk:
    """Why locks in the library folder may not hold: on a ``network`` file system
    (``name`` is its type, or "remote") or inside a ``cloud`` sync folder (``name`` is
    the tool)."""

    kind: str
    name: str


def location_risk(root: Path) -> LocationRisk | None:
    """Whether the library folder's locks may not hold, and why (None: they hold)."""
    try:
        resolved = root.resolve()
        fstype = filesystem_type(resolved)
        tool = cloud_folder(resolved)
    except OSError as exc:
        log.info("could not tell the file system of %s: %s", root, exc)
        return None
    if fstype and (fstype == "remote" or is_network_fstype(fstype)):
        return LocationRisk("network", fstype)
    if tool:
        return LocationRisk("cloud", tool)
    return None


def location_warning(root: Path, risk: LocationRisk | None = None) -> str | None:
    """One sentence for the reader when the library folder's locks may not hold."""
    risk = risk or location_risk(root)
    if risk is None:
        return None
    if risk.kind == "network":
        kind = (
            "a network drive" if risk.name == "remote" else f"a network file system ({risk.name})"
        )
        return (
            f"{root}: the library is on {kind}; file locks may not hold there, so "
            "do not change it from two computers at the same time"
        )
    return (
        f"{root}: the library is inside a {risk.name} folder; locks do not reach the "
        "other computers, so an edit made on two of them at once becomes a "
        "conflict copy (Tongwen merges or reports those)"
    )
