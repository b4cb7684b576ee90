"""The Social Credit Archive engine: load, check, render and export claims and sources.

Stages, each a subpackage: ``load`` (read the tree safely, strict YAML and BibTeX, schemas,
records), ``check`` (every rule, all problems at once), ``site`` (pure page renderers),
``export`` (data files), ``cli`` (commands). ``build`` joins them for the MkDocs hook, the
``generate`` command and the benchmark. Nothing imports MkDocs except ``scripts/hooks.py``.

Imports are lazy, so that ``archive check`` does not pay for the renderers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .check.archive import check_archive, load_archive
    from .problems import ArchiveError, Problem

__all__ = ["ArchiveError", "Problem", "check_archive", "load_archive"]


def __getattr__(name: str) -> Any:
    if name in ("check_archive", "load_archive"):
        from .check import archive

        return getattr(archive, name)
    if name in ("ArchiveError", "Problem"):
        from . import problems

        return getattr(problems, name)
    raise AttributeError(name)
