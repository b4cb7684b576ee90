"""The rating rules, as the methodology page states them, enforced at the claim's lines.

- *confirmed* needs a ``supports`` item from an official or court source, or ``supports``
  items from two independent reliable sources (news, report or scholarly; different publishers);
- *disputed* needs a ``refutes`` item from a reliable source (any class but opinion);
- *unverified* needs ``missing``: what evidence would settle it;
- a claim with parts takes its status from them: disputed if any material part is disputed,
  confirmed if every material part is confirmed, otherwise unverified;
- a policy claim rests on at least one official or court source;
- a claim rated differently from a related claim with the same subject is flagged (warning).

Each scope (a claim without parts, or one part) is rated on its own evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from ..model import Claim, Evidence, Part, Source
from ..problems import Problem, Where

PRIMARY = frozenset({"official", "court"})
RELIABLE_SECONDARY = frozenset({"news", "report", "scholarly"})
RELIABLE = PRIMARY | RELIABLE_SECONDARY

PARTS_RULE = "disputed if any material part is disputed, confirmed if every material part is confirmed, otherwise unverified"


def status_from_parts(parts: Iterable[Part]) -> str:
    statuses = [p.status for p in parts if p.material]
    if "disputed" in statuses:
        return "disputed"
    if statuses and all(s == "confirmed" for s in statuses):
        return "confirmed"
    return "unverified"


def confirms(evidence: Iterable[Evidence], sources: Mapping[str, Source]) -> bool:
    supporting = [sources[e.source] for e in evidence if e.stance == "supports" and e.source in sources]
    if any(s.sourceclass in PRIMARY for s in supporting):
        return True
    publishers = {s.publisher_id for s in supporting if s.sourceclass in RELIABLE_SECONDARY}
    return len(publishers) >= 2


def refutes(evidence: Iterable[Evidence], sources: Mapping[str, Source]) -> bool:
    return any(e.stance == "refutes" and e.source in sources and sources[e.source].sourceclass in RELIABLE for e in evidence)


def _describe(evidence: Iterable[Evidence], sources: Mapping[str, Source], stance: str) -> str:
    found = [sources[e.source] for e in evidence if e.stance == stance and e.source in sources]
    if not found:
        return f"it has no '{stance}' item"
    listed = ", ".join(f"{s.key} ({s.sourceclass}, {s.publisher_id})" for s in found[:4])
    return f"its '{stance}' items are {listed}"


def scope_problems(where: Where, status: str, evidence: tuple[Evidence, ...], missing: str, sources: Mapping[str, Source]) -> Iterator[Problem]:
    """The rules for one rated scope: a claim without parts, or one part."""
    if not all(e.source in sources for e in evidence):
        return  # unknown keys are reported elsewhere; rating them would add noise
    if status == "confirmed" and not confirms(evidence, sources):
        yield where.problem(
            ("status",),
            "confirmed needs a 'supports' item from an official or court source, or 'supports' items from two independent "
            f"reliable sources (news, report or scholarly; different publishers); {_describe(evidence, sources, 'supports')}",
        )
    if status == "disputed" and not refutes(evidence, sources):
        yield where.problem(
            ("status",),
            f"disputed needs a 'refutes' item from a reliable source (not opinion alone); {_describe(evidence, sources, 'refutes')}",
        )
    if status == "unverified" and not missing:
        yield where.problem(("status",), "unverified needs missing: say what evidence would settle it")
    if status == "confirmed" and missing:
        yield where.problem(("missing",), "a confirmed rating leaves nothing missing; move this text into the verdict or change the status")


def claim_rating_problems(claim: Claim, sources: Mapping[str, Source]) -> Iterator[Problem]:
    where = claim.where
    if claim.parts:
        for _i, part in enumerate(claim.parts):
            yield from scope_problems(part.where, part.status, part.evidence, part.missing, sources)
        if not any(p.material for p in claim.parts):
            yield where.problem(("parts",), "at least one part must be material (material: false marks a detail)")
        expected = status_from_parts(claim.parts)
        if claim.status != expected:
            yield where.problem(("status",), f"'{claim.status}' does not follow from the parts ({PARTS_RULE}): it should be '{expected}'")
        if claim.missing and claim.status != "unverified":
            yield where.problem(("missing",), "only an unverified claim says what is missing; parts carry their own missing")
    else:
        if not claim.verdict:
            yield where.problem(("verdict",), "required field is missing (only a claim with parts may leave it out)")
        yield from scope_problems(where, claim.status, claim.evidence, claim.missing, sources)
    if claim.kind == "policy" and all(e.source in sources for e in claim.all_evidence):
        if not any(sources[e.source].sourceclass in PRIMARY for e in claim.all_evidence):
            yield where.problem(("kind",), "a policy claim must rest on at least one official or court source in its evidence")


def subject_warnings(claims: Mapping[str, Claim]) -> Iterator[Problem]:
    """Related claims that assert the same thing (same ``subject``) but are rated differently."""
    for claim in claims.values():
        if not claim.subject:
            continue
        for i, other_id in enumerate(claim.related):
            other = claims.get(other_id)
            if other is not None and other.subject == claim.subject and other.status != claim.status:
                yield claim.where.problem(
                    ("related", i),
                    f"'{other_id}' has the same subject '{claim.subject}' but is rated {other.status}, this claim {claim.status}; "
                    "review both",
                    warning=True,
                )
