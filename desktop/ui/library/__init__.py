"""The library pane: the table of documents, its model and filter, and the trash."""
