"""``python -m scripts new <id>`` and ``python -m scripts fmt [--check]``: maintainer tools."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..check.canonical import canonical_bib, canonical_claim
from ..dates import build_date
from ..load.strict_yaml import YamlProblem, load_yaml

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

TEMPLATE = """\
# yaml-language-server: $schema=../schema/claim.schema.json
# New claim. Every field is explained below; delete these comment lines when done
# (python -m scripts fmt rewrites the file into canonical form and drops comments).
#
# id        = the file name; lowercase letters, digits and hyphens; it becomes the permalink.
# statement = the claim, in the words of those who made it (media) or as the document states it (policy).
# kind      = policy (what official texts or data establish) | media (a claim as it circulates).
# status    = confirmed (strong evidence supports it as stated) | disputed (reliable evidence
#             contradicts it as stated) | unverified (not settled; the verdict says what is missing).
# topics    = one or more of the topics in sources/schema/claim.schema.json.
# verdict   = Markdown, 2-5 sentences, no HTML: what is true, what is not, what is unknown.
# evidence  = what the rating rests on. source: a key in sources/references.bib; stance: supports |
#             refutes | context; locator: article, page or paragraph; quote: exact words you read
#             (at most 60); translation + translated_by (ours, the source, or a named translator).
# seen_in   = media claims: where the claim appeared, oldest first (source key, locator, quote).
# related   = ids of related claims.
# reviewed  = the day of the last review.
# history   = every status the claim has had, oldest first, each with a note; the last = status.
id: {id}
statement: TODO state the claim.
kind: media
status: unverified
topics: [overview]
verdict: |
  TODO what the evidence shows, then the conclusion.
evidence:
- source: TODO-bibtex-key
  stance: context
  locator: TODO
  quote: TODO exact words
seen_in:
- source: TODO-bibtex-key
related: []
reviewed: {today}
history:
- date: {today}
  status: unverified
  note: First review.
"""


def new_claim(root: Path, claim_id: str) -> int:
    if not SLUG.match(claim_id):
        print(f"'{claim_id}' is not a valid id: use lowercase letters, digits and single hyphens", file=sys.stderr)
        return 1
    path = root / "sources" / "claims" / f"{claim_id}.yaml"
    if path.exists():
        print(f"{path.relative_to(root)}: a claim with id '{claim_id}' exists already", file=sys.stderr)
        return 1
    path.write_text(TEMPLATE.format(id=claim_id, today=build_date().isoformat()), encoding="utf-8")
    print(f"wrote {path.relative_to(root)}: fill in every TODO, then run python -m scripts check")
    return 0


def fmt(root: Path, check_only: bool) -> int:
    """Rewrite (or, with ``check_only``, list) files that are not in canonical form."""
    changed: list[str] = []
    failed = False
    for path in sorted((root / "sources" / "claims").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        try:
            data, _ = load_yaml(text)
        except YamlProblem as exc:
            print(f"{path.relative_to(root)}:{exc.line}: {exc.message}", file=sys.stderr)
            failed = True
            continue
        if isinstance(data, dict) and (new := canonical_claim(data)) != text:
            changed.append(str(path.relative_to(root)))
            if not check_only:
                path.write_text(new, encoding="utf-8")
    bib = root / "sources" / "references.bib"
    text = bib.read_text(encoding="utf-8")
    try:
        new_bib = canonical_bib(text)
    except ValueError as exc:
        print(f"{bib.relative_to(root)}:1: {exc}", file=sys.stderr)
        return 1
    if new_bib != text:
        changed.append(str(bib.relative_to(root)))
        if not check_only:
            bib.write_text(new_bib, encoding="utf-8")
    verb = "not in canonical form" if check_only else "reformatted"
    for name in changed:
        print(f"{name}: {verb}")
    if check_only and changed:
        print("run: python -m scripts fmt", file=sys.stderr)
    return 1 if failed or (check_only and changed) else 0
