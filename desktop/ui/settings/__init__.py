"""The reader's preferences: the typed store over ``QSettings`` and the Settings dialog."""
