"""``python -m scripts new <id>`` and ``python -m scripts fmt [--check]``: maintainer tools."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..dates import build_date
from ..load.canonical import canonical_bib, canonical_claim
from ..load.strict_yaml import YamlProblem, load_yaml

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

TEMPLATE = """\
# yaml-language-server: $schema=../schema/claim.schema.json
# New claim. Every field is explained below; delete these comment lines when done
# (python -m scripts fmt rewrites the file into canonical form and drops comments).
#
# id        = the file name; lowercase letters, digits and hyphens; it becomes the permalink.
# statement = the claim, in the words of those who made it (media) or as the document states it (policy).
# summary   = the bottom line: one sentence, at most 30 words, shown first everywhere.
# kind      = policy (what official texts or data establish) | media (a claim as it circulates).
# family    = media claims: cases | numbers | places | companies | technology | foreign | politics | law | general.
# status    = confirmed | disputed | unverified (see the rating rules on the methodology page).
# topics    = one or more of the topics in sources/schema/vocabulary.schema.json.
# verdict   = Markdown, no HTML; every sentence ends with the evidence it rests on: [1], [2, 3] or [@key].
#             A sentence that says what is missing starts with No, None, Nothing or Neither.
# evidence  = what the rating rests on. source: a key in sources/references.bib; stance: supports |
#             refutes | context; locator: article, page or paragraph; quote: exact words you read
#             (at most 60; a Chinese character counts half); translation + translated_by.
# missing   = unverified claims: what evidence would settle it.
# parts     = a compound claim's atomic parts, each with statement, status, verdict, evidence (see CONTRIBUTING).
# seen_in   = media claims: where the claim appeared, oldest first (source key, locator, quote).
# related   = ids of related claims.
# reviewed  = the day of the last review.
# history   = every status the claim has had, oldest first, each with a note; the last = status.
id: {id}
statement: State the claim in the words of those who made it.
summary: Write the bottom line in one sentence.
kind: media
family: general
status: unverified
topics: [overview]
verdict: |
  Say what the first evidence item shows [1].
evidence:
- source: replace-with-a-bibtex-key
  stance: context
  locator: para. 1
  quote: the exact words
missing: |
  Say what evidence would settle the claim.
seen_in:
- source: replace-with-a-bibtex-key
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
