"""The Social Credit Archive engine: load, validate, render and export claims and sources.

Nothing in this package imports MkDocs except ``hooks.py``, the thin adapter that hands
generated pages to the site generator.
"""

from .check.archive import check_archive, load_archive
from .problems import ArchiveError, Problem

__all__ = ["ArchiveError", "Problem", "check_archive", "load_archive"]
