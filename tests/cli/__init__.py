"""Tests of tongwen-cli: its commands, in-process and as a real console script."""
