"""A frozen copy of desktop/core/views as it was before the speed work (test code only).

The equivalence test builds every view with both this copy and the live pipeline and
requires the same text, offset map, hidden ranges and ruby spans.  Do not edit these
modules to follow the live code: they are the reference the live code must match.
"""
