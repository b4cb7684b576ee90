"""Command line: ``python -m scripts {check,new,fmt,links,bench}``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="archive", description="Social Credit Archive tools")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate sources/ and docs/ citations")
    check.add_argument("root", nargs="?", default=".", type=Path, help="archive root (default: .)")
    new = commands.add_parser("new", help="write a claim skeleton: sources/claims/<id>.yaml")
    new.add_argument("id", help="the claim id (lowercase slug)")
    fmt = commands.add_parser("fmt", help="rewrite claims and references.bib into canonical form")
    fmt.add_argument("--check", action="store_true", help="only list files that are not canonical (exit 1 if any)")
    links = commands.add_parser("links", help="report dead source links (and, with --quotes, changed quotes)")
    links.add_argument("--quotes", action="store_true", help="also check that each evidence quote is still on its page")
    links.add_argument("--timeout", type=float, default=15.0, help="seconds per request (default 15)")
    bench = commands.add_parser("bench", help="benchmark check and build on a synthetic archive")
    bench.add_argument("--claims", type=int, default=5000)
    bench.add_argument("--sources", type=int, default=5000)
    for sub in (new, fmt, links, bench):
        sub.add_argument("--root", type=Path, default=Path("."), help="archive root (default: .)")
    args = parser.parse_args(argv)
    if args.command == "check":
        from .check import run

        return run(args.root)
    if args.command == "new":
        from .maintain import new_claim

        return new_claim(args.root, args.id)
    if args.command == "fmt":
        from .maintain import fmt as run_fmt

        return run_fmt(args.root, args.check)
    if args.command == "links":
        from .links import run as run_links

        return run_links(args.root, quotes=args.quotes, timeout=args.timeout)
    if args.command == "bench":
        from .bench import run as run_bench

        return run_bench(args.claims, args.sources)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
