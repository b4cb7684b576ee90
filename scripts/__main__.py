"""Command line: ``python -m scripts {check,new,fmt,links,bench}``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description="Social Credit Archive tools")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate sources/ and docs/ citations")
    check.add_argument("root", nargs="?", default=".", type=Path, help="archive root (default: .)")
    args = parser.parse_args(argv)
    if args.command == "check":
        from .cli_check import run

        return run(args.root)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    sys.exit(main())
