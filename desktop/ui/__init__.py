"""Tongwen's Qt user interface: widgets, models and background workers.

The UI reaches files only through ``desktop.core`` objects (Library, views, search,
annotation stores); it never opens a user file itself.
"""
