"""Small controls built the same way wherever they appear (Settings, the Aa popover)."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox, QWidget

__all__ = ["spin_box"]


def spin_box(parent: QWidget, name: str, low: int, high: int, suffix: str, step: int) -> QSpinBox:
    """A number box from ``low`` to ``high`` in steps of ``step``, its unit after the
    number, named ``name`` for screen readers."""
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setSingleStep(step)
    spin.setAccessibleName(name)
    return spin
