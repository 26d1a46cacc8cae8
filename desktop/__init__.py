"""Tongwen (同文): a desktop reader for Chinese documents in either script."""

__version__ = "0.1.0"
APP_NAME = "Tongwen"
APP_ID = "tongwen"
