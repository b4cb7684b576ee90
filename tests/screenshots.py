"""Phone and desktop screenshots of every page type of a built site (not committed).

    python tests/screenshots.py SITE_DIR OUT_DIR [PATH ...]

Serves SITE_DIR on a loopback port, opens each page in Debian's Chromium at 390 x 844 and
1366 x 900, in the light and dark schemes, and writes full-page PNGs to OUT_DIR.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
VIEWPORTS = {"phone": (390, 844), "desktop": (1366, 900)}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def page_types(site: Path) -> list[str]:
    """One page of each type the site has."""
    def first(folder: str) -> str:
        found = sorted(p.parent.name for p in (site / folder).glob("*/index.html") if p.parent.name != "review-queue")
        return f"{folder}/{found[0]}/" if found else ""
    paths = ["", "claims/", "media/", "policy/", "status/", "topics/", "sources/", "timeline/", "glossary/", "corrections/",
             "data/", "survey/", "entities/", "search/?q=flight", "learn/", "learn/blacklists/", "about/", "about/methodology/",
             first("claims"), first("sources"), first("entities")]
    return [p for p in paths if p == "" or (site / p.split("?")[0]).exists() or p in (first("claims"), first("sources"), first("entities"))]


def main(argv: list[str]) -> int:
    site, out = Path(argv[0]), Path(argv[1])
    paths = argv[2:] or page_types(site)
    out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, (width, height) in VIEWPORTS.items():
            for scheme in ("light", "dark"):
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                page = context.new_page()
                for path in paths:
                    page.goto(base + path)
                    page.wait_for_timeout(400 if "search" in path else 100)
                    slug = (path.strip("/").replace("/", "__").replace("?", "_") or "home")
                    page.screenshot(path=str(out / f"{slug}.{name}.{scheme}.png"), full_page=False)
                context.close()
        browser.close()
    server.shutdown()
    print(f"{len(paths) * 4} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
