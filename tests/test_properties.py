"""Property-based tests (hypothesis): whatever lands in sources/, check answers with problems at
real lines, never an exception; random Unicode of every category and random nesting in any
free-text field is either refused at that field's line or reaches the page inert."""

from __future__ import annotations

import datetime as dt
import string
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import elements, make_archive

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Every Unicode category: letters, marks, numbers, punctuation, symbols, separators, controls,
# format characters (bidi, zero-width), surrogates excluded (not encodable), private use.
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
markupish = st.sampled_from(["<script>x</script>", "<img src=x onerror=y>", "[a](javascript:b)", "\n---\n", "--8<--", "{: onclick=x}",
                             "<!-- c -->", "&lt;b&gt;", "`code`", "[1]", "\u202e", "\u200b", "\x00", "\u0085", "</p><p>"])
hostile = st.lists(st.one_of(any_text, markupish), min_size=1, max_size=6).map("".join)
nested = st.recursive(st.text(max_size=5), lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=30)

#: Free-text fields of the base fixture's claim file, and of its sources, that a value can replace.
CLAIM_FIELDS = ("statement", "summary", "verdict", "evidence.0.locator", "evidence.0.quote", "seen_in.0.locator", "history.0.note", "title")
ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "code", "dd", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "li", "ol",
    "p", "pre", "section", "span", "strong", "table", "tbody", "td", "th", "thead", "time", "tr", "ul", "header", "nav", "script", "svg",
    "title", "rect", "text", "line", "circle", "path", "g", "form", "label", "input", "select", "option", "button",
}
ALLOWED_ATTRIBUTES = {"class", "href", "id", "title", "lang", "datetime", "data-label", "data-pagefind-weight", "data-pagefind-ignore", "data-pagefind-filter",
                      "data-pagefind-meta", "data-pagefind-sort", "data-pagefind-index-attrs", "data-terms", "hidden", "rel", "type",
                      "aria-label", "aria-labelledby", "start", "scope", "role", "viewbox", "width", "height", "x", "y", "rx", "x1", "x2",
                      "y1", "y2", "cx", "cy", "r", "d", "text-anchor", "tabindex", "data-copy-label", "data-filter", "data-status",
                      "data-kind", "data-topics", "data-family", "data-reviewed", "data-title", "download"}


def _set(data: dict, dotted: str, value: str) -> None:  # type: ignore[type-arg]
    *path, last = dotted.split(".")
    target = data
    for part in path:
        target = target[int(part)] if part.isdigit() else target[part]
    target[int(last) if last.isdigit() else last] = value




def _span(text: str, field: str) -> range:
    """The lines a field's value occupies in the file (its key line to the next sibling key)."""
    lines = text.splitlines()
    parents, key = field.split(".")[:-1], field.split(".")[-1]
    start = 0
    for part in parents:  # walk down: a mapping key, then the first list item under it
        if not part.isdigit():
            start = next(i for i in range(start, len(lines)) if lines[i].lstrip("- ").startswith(part + ":"))
    first = next(i for i in range(start, len(lines)) if lines[i].lstrip("- ").startswith(key + ":"))
    indent = len(lines[first]) - len(lines[first].lstrip("- "))
    end = first + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    return range(first + 1, end + 1)


@SETTINGS
@given(st.binary(max_size=600))
def test_any_bytes_as_a_claim_file_give_problems_not_exceptions(raw: bytes) -> None:
    from social_credit_archive.check.archive import check_archive

    with tempfile.TemporaryDirectory() as tmp:
        root = make_archive(Path(tmp))
        (root / "sources/claims/fuzz.yaml").write_bytes(raw)
        result = check_archive(root)
        assert result.archive is None
        for problem in result.problems:
            assert problem.path and problem.line >= 1 and problem.message


@SETTINGS
@given(st.text(alphabet=string.printable + "{}@,=\"中文é\u202e", max_size=300))
def test_any_bibtex_text_gives_problems_not_exceptions(extra: str) -> None:
    from social_credit_archive.check.archive import check_archive

    with tempfile.TemporaryDirectory() as tmp:
        root = make_archive(Path(tmp))
        with (root / "sources/references.bib").open("a", encoding="utf-8") as bib:
            bib.write("\n" + extra)
        for problem in check_archive(root).problems:
            assert problem.path and problem.line >= 1


@SETTINGS
@given(nested)
def test_random_nesting_in_any_field_gives_problems_not_exceptions(value: object) -> None:
    from social_credit_archive.check.archive import check_archive

    with tempfile.TemporaryDirectory() as tmp:
        root = make_archive(Path(tmp))
        path = root / "sources/claims/outline-sets-2020-target.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["statement"] = value
        data["evidence"][0]["locator"] = value
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        for problem in check_archive(root).problems:
            assert problem.path.startswith("sources/") and problem.line >= 1


@SETTINGS
@given(st.sampled_from(CLAIM_FIELDS), hostile)
def test_hostile_text_is_refused_at_its_line_or_rendered_inert(field: str, value: str) -> None:
    """Either check refuses the file with a problem at the line of the field, or every page
    rendered from the archive holds only allow-listed elements and attributes."""
    from social_credit_archive.check.archive import check_archive
    from social_credit_archive.site.context import SiteContext
    from social_credit_archive.site.registry import generate_pages

    with tempfile.TemporaryDirectory() as tmp:
        root = make_archive(Path(tmp))
        path = root / "sources/claims/every-citizen-gets-one-score.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        _set(data, field, value)
        text = "# yaml-language-server: $schema=../schema/claim.schema.json\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
        path.write_text(text, encoding="utf-8")
        result = check_archive(root)
        if result.archive is None:
            mine = [p for p in result.errors if p.path == "sources/claims/every-citizen-gets-one-score.yaml"]
            assert mine, [str(p) for p in result.errors]
            span = _span(text, field)
            assert any(p.line in span for p in mine), ([str(p) for p in mine], span)
            return
        for uri, page in generate_pages(result.archive, SiteContext("https://x.example/", dt.date(2026, 12, 2))).items():
            body = page.split("---\n", 2)[2]
            for tag, attrs in elements(body).elements:
                assert tag in ALLOWED_TAGS, (uri, tag)
                assert set(attrs) <= ALLOWED_ATTRIBUTES, (uri, tag, set(attrs) - ALLOWED_ATTRIBUTES)
                if tag == "script":
                    assert attrs.get("type") == "application/ld+json"
                assert not (attrs.get("href") or "").strip().lower().startswith(("javascript:", "data:"))


