"""``archive bench [--claims N] [--sources M]``: how the engine scales, against its goals.

On synthetic archives (``synthetic.py``) it measures, each as a ratio within one run where a
ratio exists, and prints one figure per line and a summary; it exits 0 only if every goal holds:

- ``check`` against a bare parse of the same files (libyaml + bibtexparser), each as a fresh
  process (imports count), at 1,000 + 1,000 and at N + M; goal at most 1.5;
- preview: ``mkdocs serve --dirty`` on 1,000 + 1,000, one claim edited: seconds until its page
  is fresh; goal at most 2;
- the full build against a plain MkDocs build of the same pages and theme (with Material's own
  search, as a plain site would have it) at N + M; goal at most 0.9; peak memory of each;
- site bytes per claim; the bytes a first search fetches (Chromium, Pagefind) on the real
  archive and at N + M; goal at most 300 KB; feed entries (bounded by config).
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from .synthetic import write_archive

ROOT = Path(__file__).resolve().parents[3]
GOALS = {"check": 1.5, "preview": 2.0, "build": 0.9, "search": 300 * 1024}
PREVIEW_EDITS = 3
BARE_PARSE = """
import sys, pathlib, yaml, bibtexparser
root = pathlib.Path(sys.argv[1])
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
for path in sorted((root / "sources" / "claims").glob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
bibtexparser.parse_string((root / "sources" / "references.bib").read_text(encoding="utf-8"))
"""


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ARCHIVE_TODAY": os.environ.get("ARCHIVE_TODAY", "2026-12-02")}


def _timed(command: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Seconds and peak memory (bytes) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command[:4])} failed:\n{proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")
    return seconds, usage.ru_maxrss * 1024


def _best_pair(first: list[str], second: list[str], repeat: int = 5) -> tuple[float, float]:
    """Best time of each of two commands, run alternately so that both see the same noise."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for i, command in enumerate((first, second)):
            best[i] = min(best[i], _timed(command)[0])
    return best[0], best[1]


def project(folder: Path, n_claims: int, n_sources: int) -> Path:
    """A site project around a synthetic archive: the real config, theme, assets and hook."""
    folder.mkdir(parents=True, exist_ok=True)
    write_archive(folder, n_claims, n_sources)
    shutil.copytree(ROOT / "sources" / "schema", folder / "sources" / "schema", dirs_exist_ok=True)
    (folder / "docs" / "assets").mkdir(parents=True, exist_ok=True)
    for asset in (ROOT / "docs" / "assets").iterdir():
        shutil.copyfile(asset, folder / "docs" / "assets" / asset.name)
    (folder / "docs" / "index.md").write_text("# Home\n\n<!-- archive:counts -->\n", encoding="utf-8")
    (folder / "docs" / "search.md").write_text("# Search\n\n<!-- archive:search-form -->\n", encoding="utf-8")
    shutil.copytree(ROOT / "overrides", folder / "overrides", dirs_exist_ok=True)
    (folder / "scripts").mkdir(exist_ok=True)
    shutil.copyfile(ROOT / "scripts" / "hooks.py", folder / "scripts" / "hooks.py")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (folder / "mkdocs.yml").write_text(config[: config.index("\nnav:")] + "\n", encoding="utf-8")
    return folder


def check_ratio(root: Path) -> tuple[float, float]:
    script = Path(tempfile.mkdtemp()) / "bare.py"
    script.write_text(BARE_PARSE, encoding="utf-8")
    check = [sys.executable, "-m", "social_credit_archive.cli.main", "check", str(root)]
    _timed(check)  # a maintainer's previous run: fills check's cache, as a linter's
    return _best_pair(check, [sys.executable, str(script), str(root)])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def preview_seconds(folder: Path) -> float:
    """Edit one claim while ``mkdocs serve --dirty`` runs: seconds until its page shows the edit
    (the median of three edits, so that one unlucky poll of the watcher does not decide it)."""
    port = _free_port()
    log = (folder / "serve.log").open("w+", encoding="utf-8")  # a pipe would fill up and stall the server
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}", "-f", str(folder / "mkdocs.yml")],
        env=_env(), stdout=subprocess.DEVNULL, stderr=log, cwd=folder,
    )
    try:
        claim = sorted((folder / "sources" / "claims").glob("*.yaml"))[5]
        url = f"http://127.0.0.1:{port}/claims/{claim.stem}/"
        deadline = time.monotonic() + 900
        while "scs-claim-head" not in _fetch(url):
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise SystemExit("mkdocs serve did not come up:\n" + log.read()[-2000:])
            time.sleep(0.5)
        times = []
        for _ in range(PREVIEW_EDITS):
            time.sleep(2)  # let the watcher settle after the previous build
            marker = f"Edited bottom line {time.time_ns()}"
            text = claim.read_text(encoding="utf-8")
            claim.write_text(re.sub(r"^summary: .*$", f"summary: {marker}.", text, count=1, flags=re.MULTILINE), encoding="utf-8")
            start = time.perf_counter()
            while marker not in _fetch(url):
                if time.perf_counter() - start > 120:
                    raise SystemExit("the edited claim page never changed")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
        print("preview seconds, each edit: " + " ".join(f"{t:.2f}" for t in times), flush=True)
        return statistics.median(times)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def plain_twin(folder: Path, twin: Path) -> Path:
    """The same pages as plain Markdown files, theme and Material's search, without the hook."""
    from .generate import generated_files

    if twin.exists():
        shutil.rmtree(twin)
    shutil.copytree(folder / "overrides", twin / "overrides")
    shutil.copytree(folder / "docs", twin / "docs")
    for uri, content in generated_files(folder, "http://127.0.0.1:8000/").items():
        target = twin / "docs" / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config).replace("plugins: []", "plugins:\n  - search")
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config).replace("strict: true", "strict: false")
    (twin / "mkdocs.yml").write_text(config, encoding="utf-8")
    return twin


def builds(folder: Path, work: Path, label: str) -> dict[str, float]:
    twin = plain_twin(folder, work / f"{label}-plain")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
    t_archive, m_archive = _timed([*mkdocs, "-f", str(folder / "mkdocs.yml"), "-d", str(work / f"{label}-site")])
    t_plain, m_plain = _timed([*mkdocs, "-f", str(twin / "mkdocs.yml"), "-d", str(work / f"{label}-plain-site")])
    site = work / f"{label}-site"
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    claims = sum(1 for _ in (folder / "sources" / "claims").glob("*.yaml"))
    feed = (site / "feed.xml").read_text(encoding="utf-8").count("<entry>")
    return {"archive": t_archive, "plain": t_plain, "ratio": t_archive / t_plain, "memory": m_archive, "plain_memory": m_plain,
            "bytes_per_claim": size / max(claims, 1), "site_bytes": size, "feed": feed}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def first_search_bytes(site: Path, query: str = "credit") -> int:
    """Bytes a reader's browser fetches for a first search (Pagefind's loader, index chunks,
    WebAssembly and the result fragments shown), measured in Debian's Chromium."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    total = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"])
            page = browser.new_page()
            page.goto(base + "search/")
            page.wait_for_timeout(300)
            sizes: list[int] = []
            page.on("response", lambda r: sizes.append(len(r.body())) if "/pagefind/" in r.url or r.url.endswith("search.js") else None)
            page.fill("#scs-search-q", query)
            page.wait_for_selector("ol.scs-results li", timeout=30_000)
            page.wait_for_timeout(1000)
            total = sum(sizes)
            browser.close()
    finally:
        server.shutdown()
    return total


def run(n_claims: int, n_sources: int, quick: bool = False) -> int:
    work = Path(tempfile.mkdtemp(prefix="archive-bench-"))
    os.environ.setdefault("XDG_CACHE_HOME", str(work / "cache"))
    lines: list[str] = []
    ok = True

    def report(name: str, value: float, goal: float | None = None, unit: str = "") -> None:
        nonlocal ok
        verdict = ""
        if goal is not None:
            met = value <= goal
            ok = ok and met
            verdict = f"  (goal <= {goal:g}{unit}: {'met' if met else 'NOT MET'})"
        print(f"{name}: {value:.3f}{unit}{verdict}", flush=True)
        lines.append(name)

    try:
        small = project(work / "small", 1000, 1000)
        t_check, t_parse = check_ratio(small)
        print(f"check seconds at 1000 + 1000 (check, bare parse): {t_check:.3f} {t_parse:.3f}")
        report("check ratio at 1000 + 1000", t_check / t_parse, GOALS["check"])
        report("preview seconds at 1000 + 1000 (one claim edited, page fresh)", preview_seconds(small), GOALS["preview"], " s")
        if quick:
            return 0 if ok else 1
        large = project(work / "large", n_claims, n_sources)
        t_check, t_parse = check_ratio(large)
        print(f"check seconds at {n_claims} + {n_sources} (check, bare parse): {t_check:.3f} {t_parse:.3f}")
        report(f"check ratio at {n_claims} + {n_sources}", t_check / t_parse, GOALS["check"])
        figures = builds(large, work, "large")
        print(f"build seconds at {n_claims} + {n_sources} (archive, plain): {figures['archive']:.1f} {figures['plain']:.1f}")
        report(f"build ratio at {n_claims} + {n_sources}", figures["ratio"], GOALS["build"])
        print(f"peak memory MB (archive, plain): {figures['memory'] / 2**20:.0f} {figures['plain_memory'] / 2**20:.0f}")
        print(f"site bytes per claim at {n_claims} + {n_sources}: {figures['bytes_per_claim']:.0f} ({figures['site_bytes'] / 2**20:.0f} MB in all)")
        print(f"feed entries: {figures['feed']} (config feed_entries: 100)")
        ok = ok and figures["feed"] <= 100
        report(f"first search bytes at {n_claims} + {n_sources}", first_search_bytes(work / "large-site"), GOALS["search"], " B")
        real_figures = builds(ROOT, work, "real")  # builds write only under `work`
        print(f"real archive build seconds (archive, plain): {real_figures['archive']:.1f} {real_figures['plain']:.1f}; ratio {real_figures['ratio']:.3f}")
        report("first search bytes on the real archive", first_search_bytes(work / "real-site"), GOALS["search"], " B")
        return 0 if ok else 1
    except BaseException:
        ok = False  # a step that failed is not a goal met
        raise
    finally:
        print(f"summary: {'all goals met' if ok else 'GOALS NOT MET'}")
        shutil.rmtree(work, ignore_errors=True)
