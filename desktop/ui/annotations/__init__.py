"""Highlights, notes and bookmarks: painted and made in the reader (the layer), listed in
the panel, exported and imported.
"""
