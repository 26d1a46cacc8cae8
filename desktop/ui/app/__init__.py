"""The application shell: the main window (the one place that connects panes to the core),
its menus, focus mode, the whole-window theme, the single-instance hand-over, About, the
folder check in the background and the close-time question about unsaved annotations.
"""
