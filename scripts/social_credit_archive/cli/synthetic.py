"""A synthetic archive for the benchmark: realistic lengths, some Chinese, every field in use.

Each claim draws from its own generator, so claim i is the same whatever N is, and the archive
passes ``check`` (rating rules, markers and all).
"""

from __future__ import annotations

import random
from pathlib import Path

from ..load.canonical import canonical_bib, canonical_claim

ZH = "社会信用体系建设规划纲要失信被执行人名单联合惩戒守信激励信用修复统一社会信用代码征信机构"
WORDS = (
    "court list credit system official document rating evidence policy local pilot score travel restriction "
    "company supervision platform data sharing blacklist defaulter judgment enforcement notice opinion measure"
).split()
CLASSES = ("official", "court", "scholarly", "report", "news", "opinion")
TOPICS = ("overview", "planning", "legislation", "court-blacklists", "joint-punishment", "travel-restrictions", "corporate-credit",
          "financial-credit", "commercial-scores", "local-pilots", "scoring", "surveillance", "credit-repair", "data-sharing")
FAMILIES = ("cases", "numbers", "places", "companies", "technology", "foreign", "politics", "law", "general")


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    if rng.random() < 0.2:
        words.insert(rng.randrange(len(words)), ZH[rng.randrange(0, 30) : rng.randrange(31, 45)])
    return (" ".join(words) + ".").capitalize()


def source_date(i: int) -> str:
    return f"{2000 + i % 26}-0{1 + i % 9}-1{i % 9}"


def write_archive(root: Path, n_claims: int, n_sources: int, seed: int = 0) -> list[str]:
    """Write a valid synthetic archive under ``root/sources``; return the claim ids."""
    rng = random.Random(seed)
    (root / "sources" / "claims").mkdir(parents=True, exist_ok=True)
    keys, entries = [], []
    for i in range(n_sources):
        key, cls = f"src{i:05d}", CLASSES[i % len(CLASSES)]
        year = 2000 + i % 26
        author = "{{State Council}}" if cls in ("official", "court") else f"Writer{i % 97}, Alex"
        entries.append(
            f"@online{{{key},\n  author = {{{author}}},\n  title = {{{sentence(rng, 9)}}},\n"
            f"  origtitle = {{{ZH[i % 20 : i % 20 + 12]}}},\n  journaltitle = {{Example Gazette {i % 50}}},\n"
            f"  number = {{国发〔{year}〕{i % 60}号}},\n  date = {{{source_date(i)}}},\n"
            f"  url = {{https://example.org/doc/{i}}},\n  urldate = {{2026-11-01}},\n"
            f"  translationurl = {{https://example.org/en/{i}}},\n  sourceclass = {{{cls}}},\n  langid = {{english}},\n"
            f"  note = {{{sentence(rng, 8)}}},\n}}\n"
        )
        keys.append(key)
    (root / "sources" / "references.bib").write_text(canonical_bib("\n".join(entries)), encoding="utf-8")
    ids = [f"claim-{i:05d}-" + "-".join(random.Random(f"{seed}:{i}:id").choice(WORDS) for _ in range(3)) for i in range(n_claims)]
    official = [k for i, k in enumerate(keys) if CLASSES[i % len(CLASSES)] in ("official", "court")]
    for i, claim_id in enumerate(ids):
        rng = random.Random(f"{seed}:{i}")
        kind = "policy" if i % 3 == 0 else "media"
        n = rng.randrange(2, 5)
        evidence = [
            {"source": rng.choice(official if j == 0 else keys), "stance": "supports" if j == 0 else rng.choice(["context", "refutes"]),
             "locator": f"Art. {rng.randrange(1, 40)}", "quote": sentence(rng, rng.randrange(12, 36)),
             **({"translation": sentence(rng, 10), "translated_by": "ours"} if j == 1 else {})}
            for j in range(n)
        ]
        verdict = " ".join(sentence(rng, rng.randrange(12, 25))[:-1] + f" [{j + 1}]." for j in range(n))
        seen = sorted(rng.sample(keys, rng.randrange(1, 4)), key=lambda k: source_date(int(k[3:]))) if kind == "media" else []
        data = {
            "id": claim_id,
            "statement": sentence(rng, rng.randrange(10, 25)),
            "summary": sentence(rng, rng.randrange(8, 20)),
            "kind": kind,
            **({"family": FAMILIES[i % len(FAMILIES)]} if kind == "media" else {}),
            "status": "confirmed",
            "topics": rng.sample(TOPICS, rng.randrange(1, 4)),
            "verdict": verdict,
            "evidence": evidence,
            **({"seen_in": [{"source": k, "locator": "para. 2", "quote": sentence(rng, 12)} for k in seen]} if seen else {}),
            "related": sorted({rng.choice(ids[1:]) for _ in range(rng.randrange(0, 4)) if i} - {claim_id}),
            "reviewed": "2026-11-01",
            "history": [
                {"date": "2025-03-01", "status": "unverified", "note": sentence(rng, 8)},
                {"date": "2026-11-01", "status": "confirmed", "note": sentence(rng, 8)},
            ],
        }
        (root / "sources" / "claims" / f"{claim_id}.yaml").write_text(canonical_claim(data), encoding="utf-8")
    return ids
