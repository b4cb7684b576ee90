"""``python -m scripts bench [--claims N] [--sources M]``: how the engine scales.

Generates a synthetic archive (realistic lengths, some Chinese, every field in use) in a
temporary folder and prints one figure per line, then a summary line:

- ``check`` against the bare parse of the same files (libyaml + bibtexparser), as a ratio;
- a full build against a plain-Markdown site of the same pages and theme, as a ratio, with
  peak memory, site bytes and search-index bytes per page; the same ratio for the real archive;
- one claim page's HTML bytes at K and 5K claims (K = min(N, 200), to stay within minutes).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bibtexparser
import yaml

from ..check.archive import check_archive, load_archive
from ..check.canonical import canonical_bib, canonical_claim
from ..load.schema import load_schema
from ..site.registry import expand_markers, generate_data, generate_pages
from ..site.urls import INDEXES

ROOT = Path(__file__).resolve().parents[3]
CHECK_GOAL, BUILD_GOAL, WEIGHT_GOAL = 1.5, 1.10, 0.05
ZH = "社会信用体系建设规划纲要失信被执行人名单联合惩戒守信激励信用修复统一社会信用代码征信机构"
WORDS = (
    "court list credit system official document rating evidence policy local pilot score travel restriction "
    "company supervision platform data sharing blacklist defaulter judgment enforcement notice opinion measure"
).split()
CLASSES = ("official", "court", "scholarly", "report", "news", "opinion")


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    if rng.random() < 0.2:
        words.insert(rng.randrange(len(words)), ZH[rng.randrange(0, 30): rng.randrange(31, 45)])
    return (" ".join(words) + ".").capitalize()


def _source_date(i: int) -> str:
    return f"{2000 + i % 26}-0{1 + i % 9}-1{i % 9}"


def make_archive(root: Path, n_claims: int, n_sources: int, seed: int = 0) -> None:
    """Write a synthetic, valid archive under ``root/sources``."""
    rng = random.Random(seed)
    topics = load_schema("claim")["properties"]["topics"]["items"]["enum"]
    (root / "sources" / "claims").mkdir(parents=True, exist_ok=True)
    keys, entries = [], []
    for i in range(n_sources):
        key, cls = f"src{i:05d}", CLASSES[i % len(CLASSES)]
        year = 2000 + i % 26
        author = "{{State Council}}" if cls in ("official", "court") else f"Writer{i % 97}, Alex"
        entries.append(
            f"@online{{{key},\n  author = {{{author}}},\n  title = {{{_sentence(rng, 9)}}},\n"
            f"  origtitle = {{{ZH[i % 20: i % 20 + 12]}}},\n  journaltitle = {{Example Gazette}},\n"
            f"  number = {{国发〔{year}〕{i % 60}号}},\n  date = {{{_source_date(i)}}},\n"
            f"  url = {{https://example.org/doc/{i}}},\n  urldate = {{2026-11-01}},\n"
            f"  translationurl = {{https://example.org/en/{i}}},\n  sourceclass = {{{cls}}},\n  langid = {{english}},\n"
            f"  note = {{{_sentence(rng, 8)}}},\n}}\n"
        )
        keys.append(key)
    (root / "sources" / "references.bib").write_text(canonical_bib("\n".join(entries)), encoding="utf-8")
    # Each claim draws from its own generator, so claim i is the same whatever N is; nothing
    # relates to claim 0, so its page can be compared between archives of different sizes.
    ids = [f"claim-{i:05d}-" + "-".join(random.Random(f"{seed}:{i}:id").choice(WORDS) for _ in range(3)) for i in range(n_claims)]
    official = [k for i, k in enumerate(keys) if CLASSES[i % len(CLASSES)] in ("official", "court")]
    for i, claim_id in enumerate(ids):
        rng = random.Random(f"{seed}:{i}")
        kind = "policy" if i % 3 == 0 else "media"
        evidence = [
            {"source": rng.choice(official if j == 0 else keys), "stance": "supports" if j == 0 else rng.choice(["context", "refutes"]),
             "locator": f"Art. {rng.randrange(1, 40)}", "quote": _sentence(rng, rng.randrange(12, 40)),
             **({"translation": _sentence(rng, 10), "translated_by": "ours"} if j == 1 else {})}
            for j in range(rng.randrange(2, 5))
        ]
        seen = sorted(rng.sample(keys, rng.randrange(1, 4)), key=lambda k: _source_date(int(k[3:]))) if kind == "media" else []
        data = {
            "id": claim_id,
            "statement": _sentence(rng, rng.randrange(10, 25)),
            "kind": kind,
            "status": "confirmed",
            "topics": rng.sample(topics, rng.randrange(1, 4)),
            "verdict": " ".join(_sentence(rng, rng.randrange(12, 25)) for _ in range(4)),
            "evidence": evidence,
            **({"seen_in": [{"source": k, "locator": "para. 2", "quote": _sentence(rng, 12)} for k in seen]} if seen else {}),
            "related": sorted({rng.choice(ids[1:]) for _ in range(rng.randrange(0, 4)) if i} - {claim_id}),
            "reviewed": "2026-11-01",
            "history": [
                {"date": "2025-03-01", "status": "unverified", "note": _sentence(rng, 8)},
                {"date": "2026-11-01", "status": "confirmed", "note": _sentence(rng, 8)},
            ],
        }
        (root / "sources" / "claims" / f"{claim_id}.yaml").write_text(canonical_claim(data), encoding="utf-8")


def _interleaved_best(first, second, repeat: int = 5) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Best time of each of two functions, run alternately so that both see the same noise."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for i, fn in enumerate((first, second)):
            start = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - start)
    return best[0], best[1]


def bare_parse(root: Path) -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted((root / "sources" / "claims").glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    bibtexparser.parse_string((root / "sources" / "references.bib").read_text(encoding="utf-8"))


def _config(project: Path, with_hook: bool) -> Path:
    """The real site config with a nav of the index pages only (no hand-written pages)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text[: text.index("\nnav:")]
    if not with_hook:
        text = re.sub(r"\n(hooks|watch):\n(  - .*\n)+", "\n", text)
    nav = "\nnav:\n  - Home: index.md\n" + "".join(f"  - {name}: {uri}\n" for name, uri in INDEXES.items())
    path = project / ("mkdocs.yml" if with_hook else "plain.yml")
    path.write_text(text + nav, encoding="utf-8")
    return path


def _project(project: Path) -> None:
    (project / "docs" / "assets").mkdir(parents=True, exist_ok=True)
    for name in ("archive.css", "archive.js"):
        shutil.copyfile(ROOT / "docs" / "assets" / name, project / "docs" / "assets" / name)
    (project / "docs" / "index.md").write_text("# Home\n\n<!-- archive:counts -->\n", encoding="utf-8")
    shutil.copytree(ROOT / "overrides", project / "overrides", dirs_exist_ok=True)
    shutil.copytree(ROOT / "scripts", project / "scripts", dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "sources" / "schema", project / "sources" / "schema", dirs_exist_ok=True)


def _plain_twin(project: Path, twin: Path, as_of: dt.date) -> None:
    """The same pages as plain Markdown files, for a build without the archive's hook."""
    shutil.copytree(project / "docs", twin / "docs")
    shutil.copytree(project / "overrides", twin / "overrides")
    archive = load_archive(project)
    site_url = "http://127.0.0.1:8000/"
    files: dict[str, str] = {**generate_pages(archive, site_url, as_of), **generate_data(archive, site_url, project)}
    for uri, content in files.items():
        target = twin / "docs" / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    index = twin / "docs" / "index.md"
    index.write_text(expand_markers(index.read_text(encoding="utf-8"), archive), encoding="utf-8")


def _builds(*jobs: tuple[Path, Path]) -> list[tuple[float, int]]:
    """Seconds and peak memory (bytes) of ``mkdocs build`` for each (config, site), each in a
    fresh process, all at once: a build is single-threaded, so two builds on two cores see the
    same conditions, and the benchmark stays within minutes."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = {}
    for config, site in jobs:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started[proc.pid] = (proc, config, time.perf_counter())
    results: dict[int, tuple[float, int]] = {}
    while len(results) < len(started):
        pid, status, usage = os.wait4(-1, 0)
        if pid not in started:
            continue
        proc, config, start = started[pid]
        if status != 0:
            raise SystemExit(f"build of {config} failed:\n{proc.stderr.read().decode() if proc.stderr else ''}")
        results[pid] = (time.perf_counter() - start, usage.ru_maxrss * 1024)
    return [results[pid] for pid in started]


def _tree_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def _compare_builds(project: Path, work: Path, label: str, out: list[str]) -> float:
    twin = work / f"{label}-plain"
    _plain_twin(project, twin, dt.date(2026, 11, 21))
    plain_cfg = _config(twin, with_hook=False)
    real_cfg = project / "mkdocs.yml"
    (t_plain, m_plain), (t_arch, m_arch) = _builds((plain_cfg, work / f"{label}-site-plain"), (real_cfg, work / f"{label}-site"))
    ratio = t_arch / t_plain
    site = work / f"{label}-site"
    pages = sum(1 for _ in site.rglob("index.html"))
    index = site / "search" / "search_index.json"
    out.append(f"{label}: build seconds (archive, plain): {t_arch:.2f} {t_plain:.2f}")
    out.append(f"{label}: build ratio: {ratio:.3f}")
    out.append(f"{label}: peak memory MB (archive, plain): {m_arch / 2**20:.0f} {m_plain / 2**20:.0f}")
    out.append(f"{label}: site bytes: {_tree_bytes(site)}")
    out.append(f"{label}: search-index bytes per page: {index.stat().st_size // max(pages, 1)}")
    claim_page = sorted((site / "claims").glob("*/index.html"))[0]
    out.extend(_first_visit(site, claim_page, label))
    return ratio


def _first_visit(site: Path, page: Path, label: str) -> list[str]:
    """What a reader's first visit to ``page`` transfers: HTML, CSS, JS; and the search index,
    which is fetched when search is first used. Also counts references to other hosts."""
    html = page.read_text(encoding="utf-8")
    assets = re.findall(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"', html)
    loads = re.findall(r'<(?:script|img|iframe|source)[^>]+src="([^"]+)"|<link[^>]+rel="(?:stylesheet|preload|icon|manifest)"[^>]+href="([^"]+)"', html)
    third_party = [u for pair in loads for u in pair if u.startswith(("http:", "https:", "//"))]

    def size(ref: str) -> int:
        return (page.parent / ref).resolve().stat().st_size if not ref.startswith("/") else (site / ref.lstrip("/")).stat().st_size

    css = sum(size(a) for a in assets if a.endswith(".css"))
    js = sum(size(a) for a in assets if a.endswith(".js"))
    index = (site / "search" / "search_index.json").stat().st_size
    return [
        f"{label}: claim page first visit bytes (HTML, CSS, JS): {len(html.encode())} {css} {js}",
        f"{label}: search index bytes (fetched on first search): {index}",
        f"{label}: third-party references on a claim page: {len(third_party)}",
    ]


def _weight_project(work: Path, n_claims: int) -> Path:
    project = work / f"weight-{n_claims}"
    _project(project)
    make_archive(project, n_claims, 60, seed=1)
    _config(project, with_hook=True)
    text = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("  - search:", "  - search:\n      enabled: false")
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    return project


def _claim_page_bytes(work: Path, sizes: tuple[int, int]) -> tuple[int, int]:
    projects = [_weight_project(work, n) for n in sizes]
    _builds(*[(p / "mkdocs.yml", work / f"{p.name}-site") for p in projects])
    first = sorted((projects[0] / "sources" / "claims").glob("*.yaml"))[0].stem
    small, large = ((work / f"{p.name}-site" / "claims" / first / "index.html").stat().st_size for p in projects)
    return small, large


def run(n_claims: int, n_sources: int) -> int:
    os.environ.setdefault("ARCHIVE_TODAY", "2026-11-21")
    work = Path(tempfile.mkdtemp(prefix="scs-bench-"))
    out: list[str] = []
    try:
        project = work / "synthetic"
        _project(project)
        start = time.perf_counter()
        make_archive(project, n_claims, n_sources)
        _config(project, with_hook=True)
        print(f"generated {n_claims} claims and {n_sources} sources in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        check_archive(project)  # a first run, as a maintainer's previous one, fills the canonical-form cache
        t_check, t_parse = _interleaved_best(lambda: check_archive(project), lambda: bare_parse(project))
        check_ratio = t_check / t_parse
        out += [f"check seconds: {t_check:.3f}", f"bare parse seconds: {t_parse:.3f}", f"check ratio: {check_ratio:.3f}"]
        build_ratio = _compare_builds(project, work, "synthetic", out)
        real = work / "real"
        shutil.copytree(ROOT, real, ignore=shutil.ignore_patterns(".venv", ".git", "site", "__pycache__", ".pytest_cache", ".hypothesis"))
        real_ratio = _compare_builds(real, work, "real", out)
        k = min(n_claims, 200)
        small, large = _claim_page_bytes(work, (k, 5 * k))
        growth = abs(large - small) / small
        out += [f"claim page bytes at {k} claims: {small}", f"claim page bytes at {5 * k} claims: {large}",
                f"claim page growth: {growth:.4f}"]
        for line in out:
            print(line)
        ok = check_ratio <= CHECK_GOAL and build_ratio <= BUILD_GOAL and growth <= WEIGHT_GOAL
        print(
            f"summary: check ratio {check_ratio:.2f} (goal <= {CHECK_GOAL}); build ratio {build_ratio:.3f} (goal <= {BUILD_GOAL}); "
            f"real archive build ratio {real_ratio:.3f}; claim page growth {growth:.1%} (goal <= {WEIGHT_GOAL:.0%}); "
            f"{'all goals met' if ok else 'GOALS NOT MET'}"
        )
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
