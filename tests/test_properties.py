"""Property-based tests: whatever bytes land in sources/, the loader answers with problems,
never an exception; and valid generated archives survive the exports without loss."""

from __future__ import annotations

import csv
import io
import json
import shutil
import string
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from social_credit_archive.check.canonical import canonical_claim

from conftest import FIXTURES
from social_credit_archive.check.archive import check_archive
from social_credit_archive.export.claims import claims_csv, claims_json, sources_csl_json

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40))
yaml_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=5), max_leaves=20)
claim_like = st.fixed_dictionaries(
    {},
    optional={
        "id": st.sampled_from(["x", "X", "../x", "index", ""]) | st.text(max_size=12),
        "statement": st.text(max_size=80),
        "kind": st.sampled_from(["policy", "media", "other"]) | yaml_values,
        "status": st.sampled_from(["confirmed", "disputed", "unverified", "maybe"]),
        "topics": yaml_values,
        "verdict": st.text(max_size=200),
        "evidence": st.lists(st.dictionaries(st.sampled_from(["source", "stance", "quote", "locator", "x"]), scalars, max_size=4), max_size=3),
        "reviewed": st.sampled_from(["2026-11-01", "2026-02-30", "3000-01-01", "yesterday"]),
        "history": yaml_values,
    },
)


def _fresh_root() -> Path:
    root = Path(tempfile.mkdtemp())
    shutil.copytree(FIXTURES / "base" / "sources", root / "sources")
    return root


def _assert_only_problems(root: Path) -> None:
    result = check_archive(root)  # must not raise
    for problem in result.problems:
        assert problem.path and problem.line >= 1 and problem.message


@SETTINGS
@given(st.binary(max_size=600))
def test_any_bytes_as_a_claim_file_give_problems_not_exceptions(raw: bytes) -> None:
    root = _fresh_root()
    (root / "sources/claims/fuzz.yaml").write_bytes(raw)
    _assert_only_problems(root)
    shutil.rmtree(root)


@SETTINGS
@given(claim_like)
def test_claim_shaped_yaml_gives_problems_not_exceptions(data: dict) -> None:  # type: ignore[type-arg]
    root = _fresh_root()
    (root / "sources/claims/fuzz.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _assert_only_problems(root)
    shutil.rmtree(root)


bib_text = st.text(alphabet=string.printable + "{}@,=\"中文é", max_size=300)


@SETTINGS
@given(bib_text)
def test_any_bibtex_text_gives_problems_not_exceptions(extra: str) -> None:
    root = _fresh_root()
    with (root / "sources/references.bib").open("a", encoding="utf-8") as bib:
        bib.write("\n" + extra)
    _assert_only_problems(root)
    shutil.rmtree(root)


words = st.text(alphabet=string.ascii_letters + "  ,.;'’“”-中国信用体系失信éü0123456789", min_size=1, max_size=40).map(str.strip).filter(bool)
sentence = st.lists(words, min_size=3, max_size=12).map(lambda ws: " ".join(ws) + ".").filter(lambda s: len(s) >= 20)


@st.composite
def archives(draw: st.DrawFn) -> tuple[list[dict], list[dict]]:  # type: ignore[type-arg]
    keys = draw(st.lists(st.from_regex(r"[a-z][a-z0-9]{2,10}", fullmatch=True), min_size=1, max_size=4, unique=True))
    sources = [
        {"key": k, "title": draw(sentence), "cls": draw(st.sampled_from(["official", "court", "news", "report", "scholarly", "opinion"])),
         "year": draw(st.integers(1990, 2026))}
        for k in keys
    ]
    ids = draw(st.lists(st.from_regex(r"[a-z][a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True), min_size=1, max_size=5, unique=True))
    claims = []
    for claim_id in ids:
        src = draw(st.sampled_from(sources))
        claims.append({
            "id": claim_id,
            "statement": draw(sentence),
            "kind": "media",
            "status": "unverified",
            "topics": draw(st.lists(st.sampled_from(["overview", "scoring", "planning"]), min_size=1, max_size=3, unique=True)),
            "verdict": draw(sentence) + " " + draw(sentence),
            "evidence": [{"source": src["key"], "stance": "context", "locator": "p. 1", "quote": draw(sentence)}],
            "seen_in": [{"source": src["key"]}],
            "reviewed": "2026-11-01",
            "history": [{"date": "2026-11-01", "status": "unverified", "note": "First review."}],
        })
    return claims, sources


@SETTINGS
@given(archives())
def test_valid_archives_round_trip_through_the_exports(generated: tuple[list[dict], list[dict]]) -> None:  # type: ignore[type-arg]
    claims, sources = generated
    root = Path(tempfile.mkdtemp())
    (root / "sources/claims").mkdir(parents=True)
    bib = []
    for s in sources:
        author = "{{State Council}}" if s["cls"] in ("official", "court") else "Writer, Wanda"
        bib.append(f"@misc{{{s['key']},\n  author = {{{author}}},\n  title = {{{s['title']}}},\n  date = {{{s['year']}}},\n  sourceclass = {{{s['cls']}}},\n}}\n")
    (root / "sources/references.bib").write_text("\n".join(bib), encoding="utf-8")
    for claim in claims:
        (root / "sources/claims" / f"{claim['id']}.yaml").write_text(canonical_claim(claim), encoding="utf-8")
    result = check_archive(root)
    assert result.errors == (), result.errors
    archive = result.archive
    assert archive is not None
    exported = {c["id"]: c for c in json.loads(claims_json(archive, "https://a.example/"))["claims"]}
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(claims_csv(archive, "https://a.example/")))}
    for claim in claims:
        out = exported[claim["id"]]
        assert out["statement"] == claim["statement"] and out["verdict"].strip() == claim["verdict"].strip()
        assert [e["quote"] for e in out["evidence"]] == [e["quote"] for e in claim["evidence"]]
        assert [e["source"]["key"] for e in out["evidence"]] == [e["source"] for e in claim["evidence"]]
        assert rows[claim["id"]]["statement"] == claim["statement"]
        assert rows[claim["id"]]["topics"].split(";") == claim["topics"]
    csl = {item["id"]: item for item in json.loads(sources_csl_json(archive))}
    for s in sources:
        assert csl[s["key"]]["title"] == s["title"] and csl[s["key"]]["issued"] == {"date-parts": [[s["year"]]]}
    shutil.rmtree(root)
