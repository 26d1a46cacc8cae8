"""Format handlers added beyond plain text, by file name suffix."""

from __future__ import annotations

from desktop.core.formats import Handler

__all__ = ["handlers"]


def handlers() -> dict[str, Handler]:
    """Suffix (lower case, with the dot) to ``extract`` function."""
    from desktop.core.formats import epub, html, markdown

    return {
        ".html": html.extract,
        ".htm": html.extract,
        ".xhtml": html.extract,
        ".epub": epub.extract,
        ".md": markdown.extract,
        ".markdown": markdown.extract,
    }
