"""The one way the engine reads the repository: regular files inside the root, size-capped.

A pull request can contain anything a file system can hold: symbolic links to host files
(``/etc/passwd``, ``/proc/self/environ``), FIFOs that block a reader forever, devices,
folders named like files, unreadable files. Every file the engine, the hook or MkDocs reads
is vetted here first, and every refusal is a ``Problem`` at ``path:1``. Files are opened with
``O_NOFOLLOW | O_NONBLOCK`` and checked again after opening, so a file swapped for a link or
a FIFO between the check and the read is refused too.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem

KIB = 1024
MIB = 1024 * KIB

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


@dataclass
class TreeReader:
    """Reads files under ``root``; collects a problem for everything it refuses."""

    root: Path
    problems: list[Problem] = field(default_factory=list)
    _safe_folders: set[Path] = field(default_factory=set, repr=False)
    _vetted: set[str] = field(default_factory=set, repr=False)  # files walk() already vetted

    def __post_init__(self) -> None:
        self.root = self.root.resolve()
        self._prefix = str(self.root) + os.sep

    def rel(self, path: Path) -> str:
        text = str(path)
        if text.startswith(self._prefix):
            return text[len(self._prefix) :].replace(os.sep, "/")
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def refuse(self, path: Path, message: str) -> None:
        self.problems.append(Problem(self.rel(path), 1, message))

    def vet(self, path: Path) -> bool:
        """Whether ``path`` is a regular file inside the root reached without links."""
        why = self._why_not(path)
        if why:
            self.refuse(path, why)
        return not why

    def _why_not(self, path: Path) -> str:
        try:
            relative = path.absolute().relative_to(self.root)
        except ValueError:
            return "is outside the repository"
        current = self.root
        for i, part in enumerate(relative.parts):
            current = current / part
            if i < len(relative.parts) - 1 and current in self._safe_folders:
                continue
            try:
                info = os.lstat(current)
            except FileNotFoundError:
                return "does not exist"
            except OSError as exc:
                return f"cannot be read ({exc.strerror or exc})"
            if stat.S_ISLNK(info.st_mode):
                return "is a symbolic link; the archive reads only regular files inside the repository"
            if i < len(relative.parts) - 1 and stat.S_ISDIR(info.st_mode):
                self._safe_folders.add(current)
        if stat.S_ISDIR(info.st_mode):
            return "is a folder, not a file"
        if not stat.S_ISREG(info.st_mode):
            return "is not a regular file (a FIFO, socket or device); the archive reads only regular files"
        return ""

    def read_bytes(self, path: Path, limit: int) -> bytes | None:
        """The file's bytes, or ``None`` (with a problem recorded) if it is refused.

        The file is opened without following a final symbolic link and checked again after
        opening, so a file that walk() vetted needs no second check of its folders.
        """
        if str(path) not in self._vetted and not self.vet(path):
            return None
        try:
            fd = os.open(path, _OPEN_FLAGS)
        except OSError as exc:
            self.refuse(path, f"cannot be read ({exc.strerror or exc})")
            return None
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                self.refuse(path, "is not a regular file; the archive reads only regular files")
                return None
            if info.st_size > limit:
                self.refuse(path, f"file is {info.st_size:,} bytes; the limit is {limit:,}")
                return None
            data = handle.read(limit + 1)
        if len(data) > limit:
            self.refuse(path, f"file is over {limit:,} bytes; the limit is {limit:,}")
            return None
        return data

    def read_text(self, path: Path, limit: int) -> str | None:
        """UTF-8 text without a byte-order mark, or ``None`` with the reason recorded."""
        raw = self.read_bytes(path, limit)
        if raw is None:
            return None
        text, problem = decode(self.rel(path), raw)
        if problem:
            self.problems.append(problem)
        return text

    def walk(self, folder: Path) -> list[Path]:
        """Every regular file under ``folder`` (sorted), refusing links and special files.

        A linked folder is refused, not followed: MkDocs would follow it and publish
        whatever it points to.
        """
        if not folder.exists() and not folder.is_symlink():
            return []
        if not self.vet_folder(folder):
            return []
        found: list[Path] = []
        for top, dirs, files in os.walk(folder, followlinks=False):
            base = Path(top)
            for name in sorted(dirs):
                if os.path.islink(base / name):
                    self.refuse(base / name, "is a symbolic link; the archive reads only regular files inside the repository")
            dirs[:] = sorted(d for d in dirs if not os.path.islink(base / d))
            for name in sorted(files):
                path = base / name
                if self._why_not(path):
                    self.vet(path)
                else:
                    found.append(path)
                    self._vetted.add(str(path))
        return sorted(found)

    def vet_folder(self, folder: Path) -> bool:
        try:
            relative = folder.absolute().relative_to(self.root)
        except ValueError:
            self.refuse(folder, "is outside the repository")
            return False
        current = self.root
        for part in relative.parts:
            current = current / part
            if current.is_symlink():
                self.refuse(current, "is a symbolic link; the archive reads only regular files inside the repository")
                return False
        if not folder.is_dir():
            self.refuse(folder, "is not a folder")
            return False
        return True


def decode(path: str, raw: bytes) -> tuple[str | None, Problem | None]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, Problem(path, 1, "file starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Problem(path, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
