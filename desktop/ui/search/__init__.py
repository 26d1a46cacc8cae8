"""Full-text search in the window: the search pane, its results model and the index kept
current in the background.
"""
