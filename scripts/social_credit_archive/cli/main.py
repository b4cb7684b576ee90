"""Command line: ``archive {check,new,fmt,links,bench,generate}`` (also ``python -m scripts ...``)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="archive", description="Social Credit Archive tools")
    commands = main.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check sources/ and docs/: every problem as path:line: message")
    check.add_argument("root", nargs="?", default=".", type=Path, help="archive root (default: .)")
    new = commands.add_parser("new", help="write a claim skeleton: sources/claims/<id>.yaml")
    new.add_argument("id", help="the claim id (lowercase slug)")
    fmt = commands.add_parser("fmt", help="rewrite claims and references.bib into canonical form")
    fmt.add_argument("--check", action="store_true", help="only list files that are not canonical (exit 1 if any)")
    links = commands.add_parser("links", help="report dead source links (and, with --quotes, changed quotes)")
    links.add_argument("--quotes", action="store_true", help="also check that each evidence quote is still on its page")
    links.add_argument("--timeout", type=float, default=15.0, help="seconds per request (default 15)")
    bench = commands.add_parser("bench", help="benchmark check, build and preview on a synthetic archive")
    bench.add_argument("--claims", type=int, default=5000)
    bench.add_argument("--sources", type=int, default=5000)
    bench.add_argument("--quick", action="store_true", help="skip the large builds (for a smoke test)")
    generate = commands.add_parser("generate", help="write every generated page to a folder, for engines without hooks")
    generate.add_argument("out", type=Path, help="the folder to write (replaced)")
    # the same values, from the same environment variables, as mkdocs.yml's !ENV defaults
    generate.add_argument("--site-url", default=os.environ.get("SITE_URL", "http://127.0.0.1:8000/"))
    generate.add_argument("--repo-url", default=os.environ.get("REPO_URL", ""), help="the repository (for 'Suggest a correction' links)")
    for sub in (new, fmt, links, bench, generate):
        sub.add_argument("--root", type=Path, default=Path("."), help="archive root (default: .)")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "check":
        from .check import run

        return run(args.root)
    if args.command == "new":
        from .maintain import new_claim

        return new_claim(args.root, args.id)
    if args.command == "fmt":
        from .maintain import fmt

        return fmt(args.root, args.check)
    if args.command == "links":
        from .links import run as run_links

        return run_links(args.root, quotes=args.quotes, timeout=args.timeout)
    if args.command == "bench":
        from .bench import run as run_bench

        return run_bench(args.claims, args.sources, quick=args.quick)
    if args.command == "generate":
        from .generate import run as run_generate

        return run_generate(args.root, args.out, args.site_url, args.repo_url)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
