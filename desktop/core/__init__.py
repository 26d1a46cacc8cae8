"""Tongwen's engine: library, import, views, search and annotations.

Nothing below this package imports PySide6; the UI talks to it through the public
names of its modules.
"""
