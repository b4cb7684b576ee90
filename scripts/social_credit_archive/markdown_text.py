"""Markdown for the archive's short rich-text fields (verdicts, what is missing).

One converter configuration, used by ``check`` (to find every link Markdown would create,
in any syntax) and by the site (to render, then sanitise).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _converter() -> Any:
    import markdown  # imported on first use: most checks never render Markdown

    return markdown.Markdown(extensions=[], output_format="html")


def to_html(text: str) -> str:
    converter = _converter()
    converter.reset()
    return converter.convert(text)
