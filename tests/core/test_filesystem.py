"""Telling a library on a network file system or in a cloud-synced folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import filesystem
from desktop.core.filesystem import (
    Mount,
    cloud_folder,
    is_network_fstype,
    location_warning,
    mount_for,
    parse_bsd_mount,
    parse_mountinfo,
)
from desktop.core.library import Library

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
25 22 0:21 / /proc rw,nosuid - proc proc rw
40 22 0:35 / /home rw,relatime shared:20 - ext4 /dev/sda2 rw
61 40 0:52 / /home/anna/nas rw,relatime shared:33 - nfs4 server:/export rw,vers=4.2
62 40 0:53 / /home/anna/My\\040Books rw,relatime - cifs //nas/books rw,vers=3.0
63 40 0:54 / /home/anna/remote rw,nosuid,nodev shared:40 master:3 - fuse.sshfs anna@host: rw
64 22 0:55 / /mnt/9p rw - 9p hostshare rw
"""

MACOS_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//anna@nas._smb._tcp.local/Books on /Volumes/Books (smbfs, nodev, nosuid, mounted by anna)
nas:/export on /Volumes/export (nfs, asynchronous)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)
"""


def test_mountinfo_is_parsed_with_escapes() -> None:
    mounts = parse_mountinfo(MOUNTINFO)
    assert Mount("/home/anna/nas", "nfs4") in mounts
    assert Mount("/home/anna/My Books", "cifs") in mounts
    assert Mount("/home/anna/remote", "fuse.sshfs") in mounts  # two optional fields
    assert parse_mountinfo("garbage\n\n1 2 3\n") == []


@pytest.mark.parametrize(
    ("path", "fstype"),
    [
        ("/home/anna/nas/library", "nfs4"),
        ("/home/anna/nas", "nfs4"),
        ("/home/anna/nasty/library", "ext4"),  # a prefix of the name is not a parent
        ("/home/anna/My Books/tongwen", "cifs"),
        ("/home/anna/remote/x", "fuse.sshfs"),
        ("/mnt/9p/lib", "9p"),
        ("/srv/library", "ext4"),
    ],
)
def test_longest_mount_point_wins(path: str, fstype: str) -> None:
    mount = mount_for(path, parse_mountinfo(MOUNTINFO))
    assert mount is not None and mount.fstype == fstype


def test_macos_mount_output() -> None:
    mounts = parse_bsd_mount(MACOS_MOUNT)
    found = mount_for("/Volumes/Books/Tongwen", mounts)
    assert found is not None and found.fstype == "smbfs"
    assert (mount_for("/Users/anna", mounts) or Mount("", "")).fstype == "apfs"


def test_network_types() -> None:
    for fstype in ("nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "NFS"):
        assert is_network_fstype(fstype), fstype
    for fstype in ("ext4", "btrfs", "apfs", "xfs", "tmpfs", "fuse.portal", "overlay"):
        assert not is_network_fstype(fstype), fstype


def test_cloud_folders(tmp_path: Path) -> None:
    synced = tmp_path / "shared"
    (synced / "deep" / "library").mkdir(parents=True)
    (synced / ".stfolder").mkdir()
    assert cloud_folder(synced / "deep" / "library") == "Syncthing"
    assert cloud_folder(tmp_path / "Dropbox" / "Tongwen") == "Dropbox"
    assert cloud_folder(tmp_path / "OneDrive - Contoso" / "lib") == "OneDrive"
    assert cloud_folder(tmp_path / "plain" / "lib") is None


def test_network_library_is_warned_about_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "library"
    monkeypatch.setattr(
        filesystem, "_system_mounts", lambda: [Mount("/", "ext4"), Mount(str(tmp_path), "nfs4")]
    )
    monkeypatch.setattr(filesystem.sys, "platform", "linux")
    warning = location_warning(root)
    assert warning and "nfs4" in warning and "locks" in warning
    lib = Library.open(root)
    assert lib.location_warning == warning
    assert lib.location_risk == filesystem.LocationRisk("network", "nfs4")
    assert warning not in lib.warnings  # the problems found in files, counted apart


def test_local_library_has_no_warning(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "library")
    assert lib.location_warning is None


def test_synced_library_is_warned_about(tmp_path: Path) -> None:
    (tmp_path / ".stfolder").mkdir()
    lib = Library.open(tmp_path / "library")
    assert lib.location_warning and "Syncthing" in lib.location_warning
