"""Characters that lie: refused in every file and in every text value.

- control characters (except tab, newline and carriage return) break XML (the feed) and
  terminals; NUL truncates strings in C libraries;
- NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR are line breaks to YAML but not to editors,
  so every line number after them would be wrong;
- bidirectional overrides and isolates reorder what a reader sees (a statement can display
  as the opposite of what it says: "Trojan Source");
- zero-width characters hide inside words (a 100-word quote joined by U+200B is one "word")
  and a byte-order mark in the middle of a file is one of them.
"""

from __future__ import annotations

import re
import unicodedata

_NAMED = {
    "\u0085": "NEXT LINE (U+0085)",
    "\u2028": "LINE SEPARATOR (U+2028)",
    "\u2029": "PARAGRAPH SEPARATOR (U+2029)",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE / byte-order mark (U+FEFF)",
}
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u180e"
_CONTROL = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + "\x7f" + "".join(chr(c) for c in range(0x80, 0xA0))
BAD = re.compile("[" + re.escape(_CONTROL + _BIDI + _ZERO_WIDTH + "".join(_NAMED)) + "]")


def describe(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    name = unicodedata.name(char, "")
    code = f"U+{ord(char):04X}"
    if char in _BIDI:
        kind = "bidirectional control"
    elif char in _ZERO_WIDTH:
        kind = "zero-width character"
    else:
        kind = "control character"
    return f"{kind} {name + ' ' if name else ''}({code})"


def bad_character(text: str) -> tuple[int, str] | None:
    """``(line, description)`` of the first refused character in ``text``, else ``None``.

    Lines are counted on ``\\n`` only, as editors and ``path:line`` readers count them.
    """
    match = BAD.search(text)
    if match is None:
        return None
    return text.count("\n", 0, match.start()) + 1, describe(match.group(0))


def message(description: str) -> str:
    return f"contains a {description}; remove it (it can hide or reorder text)"
