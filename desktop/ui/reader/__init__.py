"""Reading one document: the pane, its page and piece table, the toolbar and its "Aa"
popover, find, contents, chapters, the status line, back and forward, recent documents,
pictures, and the fonts and colour themes of the reading surface.
"""
