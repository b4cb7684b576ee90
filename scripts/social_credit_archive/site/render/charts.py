"""Pictures built at build time as inline SVG: status charts, the timeline, the blacklist
process. No chart library, nothing fetched; colours come from the stylesheet (so dark mode
works) and every picture has a text alternative beside it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ...model import Claim, Event
from ...vocab import Vocabulary
from ..markup import esc

STATUS_ORDER = ("confirmed", "disputed", "unverified")


def status_chart(claims: Iterable[Claim], title: str, vocab: Vocabulary, chart_id: str, links: dict[str, str] | None = None) -> str:
    """One horizontal bar per status, with its count; each bar links to the filtered list."""
    counts = Counter(c.status for c in claims)
    total = sum(counts.values())
    widest = max(counts.values(), default=0) or 1
    row, label_w, bar_w = 34, 110, 220
    height = row * len(STATUS_ORDER) + 8
    bars = []
    alt = []
    for i, status in enumerate(STATUS_ORDER):
        n = counts.get(status, 0)
        y = 4 + i * row
        width = max(2, round(bar_w * n / widest)) if n else 0
        label = vocab.label("status", status)
        share = f"{round(100 * n / total)} %" if total else "0 %"
        bar = (
            f'<text x="0" y="{y + 20}" class="scs-chart-label">{esc(label)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{width}" height="22" rx="3" class="scs-chart-bar scs-chart-bar--{status}"/>'
            f'<text x="{label_w + width + 6}" y="{y + 20}" class="scs-chart-value">{n} ({share})</text>'
        )
        if links and status in links:
            bar = f'<a href="{esc(links[status])}" aria-label="{esc(label)}: {n} claims">{bar}</a>'
        bars.append(bar)
        alt.append(f"{label}: {n}")
    caption = f"{esc(title)}: {total} claims. " + "; ".join(esc(a) for a in alt) + "."
    return (
        f'<figure class="scs-chart" aria-labelledby="{chart_id}-caption">'
        f'<svg viewBox="0 0 {label_w + bar_w + 90} {height}" width="100%" role="group" aria-labelledby="{chart_id}-title">'
        f'<title id="{chart_id}-title">{caption}</title>{"".join(bars)}</svg>'
        f'<figcaption id="{chart_id}-caption">{caption}</figcaption></figure>'
    )


def timeline_chart(events: Sequence[Event], anchors: Sequence[str]) -> str:
    """Years along the bottom, one dot per event stacked above its year; each dot links to the
    event below the picture. Wider than a phone: it scrolls sideways inside its own box."""
    if not events:
        return ""
    years = [int(e.date[:4]) for e in events]
    first, last = min(years), max(years)
    step, left, base = 26, 16, 0
    per_year: Counter[int] = Counter()
    dots = []
    for event, anchor, year in zip(events, anchors, years, strict=True):
        stack = per_year[year]
        per_year[year] += 1
        x = left + (year - first) * step + step / 2
        y = 14 + stack * 16
        base = max(base, y)
        kind = "document" if event.about or event.claims else "event"
        dots.append(
            f'<a href="#{esc(anchor)}"><circle cx="{x:g}" cy="{y}" r="6" class="scs-dot scs-dot--{kind}">'
            f"<title>{esc(event.date)}: {esc(event.title)}</title></circle></a>"
        )
    axis_y = base + 18
    ticks = []
    for year in range(first, last + 1):
        x = left + (year - first) * step + step / 2
        ticks.append(f'<line x1="{x:g}" y1="{axis_y - 4}" x2="{x:g}" y2="{axis_y + 2}" class="scs-axis"/>')
        if (year - first) % 2 == 0 or year == last:
            ticks.append(f'<text x="{x:g}" y="{axis_y + 16}" text-anchor="middle" class="scs-chart-year">{year}</text>')
    width = left * 2 + (last - first + 1) * step
    height = axis_y + 24
    summary = f"{len(events)} dated events from {first} to {last}; the busiest year is {per_year.most_common(1)[0][0]}."
    return (
        '<figure class="scs-chart scs-chart--wide"><div class="scs-scroll" tabindex="0" role="region" aria-label="Timeline picture, scrolls sideways">'
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="group" aria-labelledby="timeline-title">'
        f'<title id="timeline-title">{esc(summary)}</title>'
        f'<line x1="{left}" y1="{axis_y - 4}" x2="{width - left}" y2="{axis_y - 4}" class="scs-axis"/>{"".join(ticks)}{"".join(dots)}</svg></div>'
        f"<figcaption>{esc(summary)} Filled dots mark events tied to a document or claim; select a dot to jump to the event.</figcaption></figure>"
    )


BLACKLIST_STEPS = (
    ("Judgment", "A court orders a person or company to pay or perform."),
    ("Failure to perform", "The debtor has the means but does not comply, or evades enforcement."),
    ("Listing", "The court adds the debtor to the list of dishonest judgment defaulters, with a period."),
    ("Restrictions", "Listed debtors face limits on high consumption (flights, high-speed trains, hotels) and other joint punishments."),
    ("Removal and repair", "The debtor performs, or the period ends, and the entry is removed; credit repair rules set how."),
)


def blacklist_diagram(step_links: Sequence[str] = ()) -> str:
    """The life of a court blacklist entry, as five boxes joined by arrows (one column, so it
    fits a phone), followed by the same steps as an ordered list."""
    box_h, gap, width = 62, 26, 340
    parts = []
    for i, (title, _detail) in enumerate(BLACKLIST_STEPS):
        y = i * (box_h + gap)
        parts.append(
            f'<rect x="1" y="{y + 1}" width="{width - 2}" height="{box_h}" rx="8" class="scs-step"/>'
            f'<text x="{width / 2:g}" y="{y + 26}" text-anchor="middle" class="scs-step-title">{i + 1}. {esc(title)}</text>'
        )
        if i < len(BLACKLIST_STEPS) - 1:
            ay = y + box_h + 2
            parts.append(
                f'<line x1="{width / 2:g}" y1="{ay}" x2="{width / 2:g}" y2="{ay + gap - 8}" class="scs-arrow"/>'
                f'<path d="M{width / 2 - 6:g} {ay + gap - 10} L{width / 2:g} {ay + gap - 2} L{width / 2 + 6:g} {ay + gap - 10} Z" class="scs-arrowhead"/>'
            )
    # a return arrow from removal back to the start of a clean record is left out on purpose:
    # an entry is removed, not reset to a score
    height = len(BLACKLIST_STEPS) * (box_h + gap) - gap + 2
    items = "".join(
        f"<li><strong>{esc(t)}.</strong> {esc(d)}{(' ' + step_links[i]) if i < len(step_links) and step_links[i] else ''}</li>"
        for i, (t, d) in enumerate(BLACKLIST_STEPS)
    )
    return (
        '<figure class="scs-chart scs-diagram">'
        f'<svg viewBox="0 0 {width} {height}" width="{width}" role="img" aria-labelledby="blacklist-title">'
        '<title id="blacklist-title">How a court blacklist entry works: judgment, failure to perform, listing, restrictions, removal and repair.</title>'
        f'{"".join(parts)}</svg>'
        f'<figcaption><ol class="scs-steps">{items}</ol></figcaption></figure>'
    )
