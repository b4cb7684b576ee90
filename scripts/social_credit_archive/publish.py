"""Putting a built site in place: atomically, and only when the strict build succeeded.

MkDocs builds into a fresh temporary folder beside the site folder; ``commit`` swaps it in
with two renames under a lock, so a reader (or a deploy step) sees either the old site or
the new one, never a mix, and two concurrent builds cannot interleave their files. A failed
build leaves the previous site untouched.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class SiteSwap:
    target: Path
    staging: Path

    @classmethod
    def begin(cls, target: Path) -> SiteSwap:
        target = target.resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
        return cls(target, staging)

    def commit(self) -> None:
        lock_path = self.target.parent / f".{self.target.name}.lock"
        with open(lock_path, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            old = None
            if self.target.exists() or self.target.is_symlink():
                old = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.old-", dir=self.target.parent))
                os.rmdir(old)
                os.rename(self.target, old)
            os.rename(self.staging, self.target)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)

    def abandon(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


@dataclass
class PreviewStore:
    """Generated pages as files named by their content, for ``mkdocs serve --dirty``.

    MkDocs rebuilds a page in a dirty build only when its source file is newer than its output.
    Pages handed over as strings always count as changed; written here, a page whose content did
    not change keeps its file and its old mtime, so only the changed claim and the pages that
    show it are rebuilt. The real build never uses this: it hands MkDocs every page in memory.
    """

    folder: Path
    last: dict[str, str] = field(default_factory=dict)  # uri -> digest handed over last time
    handed: dict[str, tuple[str, Path]] = field(default_factory=dict)  # uri -> (content, file) last time

    @classmethod
    def for_root(cls, root: Path) -> PreviewStore:
        from .load.cache import cache_home

        where = hashlib.sha256(str(root).encode("utf-8")).hexdigest()[:12]
        return cls(cache_home() / f"preview-{where}")

    def path_for(self, uri: str, content: str) -> Path:
        handed = self.handed.get(uri)
        if handed is not None and handed[0] is content and handed[1].exists():
            return handed[1]  # the very string handed over last time (a page the engine reused)
        path = self._path_for(uri, content)
        self.handed[uri] = (content, path)
        return path

    def _path_for(self, uri: str, content: str) -> Path:
        digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
        path = self.folder / digest[:2] / f"{digest}{Path(uri).suffix}"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(content, encoding="utf-8")
            os.replace(temporary, path)
        elif self.last.get(uri, digest) != digest:
            os.utime(path)  # content seen before (an undo): newer than the page built since
        self.last[uri] = digest
        return path


def template_cache() -> Path:
    """Where Jinja keeps compiled theme templates (the user's cache folder, not the repository)."""
    from .load.cache import cache_home

    folder = cache_home() / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def strict_warnings(config: Any) -> bool:
    """Whether this strict build has logged warnings (MkDocs aborts right after post-build)."""
    if not config.get("strict"):
        return False
    for handler in logging.getLogger("mkdocs").handlers:
        counts = getattr(handler, "get_counts", None)
        if counts is not None and counts():
            return True
    return False


def index_search(site: Path) -> None:
    """Build the Pagefind index into ``site/pagefind`` (its binary comes from PyPI)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(f"pagefind failed: {done.stderr.strip()[-500:]}")
