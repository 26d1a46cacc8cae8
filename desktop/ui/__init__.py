"""Tongwen's Qt user interface: widgets, models and background workers, by feature.

* ``app``: the main window (the one place that connects the panes to the core and to
  each other), menus, focus mode, window theme, single instance, About.
* ``library``: the library pane and its table; the trash.
* ``search``: the search pane, its results, the index kept current in the background.
* ``reader``: one document shown: pane, page, toolbar, find, contents, fonts, themes.
* ``annotations``: highlights, notes and bookmarks in the reader, their panel, export.
* ``settings``: the preferences store and the Settings dialog.
* ``common``: what every feature uses: errors, small dialogs, workers, plain text.

Each package is one translation area (``tools/i18n_tools.py`` reads them from here).
The UI reaches files only through ``desktop.core`` objects (Library, views, search,
annotation stores); it never opens a user file itself.
"""
