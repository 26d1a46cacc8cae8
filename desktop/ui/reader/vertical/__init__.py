"""The reader's vertical mode (直排): the page widget and its wiring into the reader."""
