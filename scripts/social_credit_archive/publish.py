"""Putting a built site in place: atomically, and only when the strict build succeeded.

MkDocs builds into a fresh temporary folder beside the site folder; ``commit`` swaps it in
with two renames under a lock, so a reader (or a deploy step) sees either the old site or
the new one, never a mix, and two concurrent builds cannot interleave their files. A failed
build leaves the previous site untouched.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
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
