"""The archive's controlled vocabulary: statuses, kinds and source classes, with definitions.

Topics live in the claim JSON Schema (``sources/schema/claim.schema.json``) so that editors
validate them as you type; ``topic_label`` only turns an id into words.
"""

from __future__ import annotations

STATUSES: dict[str, str] = {
    "confirmed": "Strong evidence supports the claim as stated: an official text, court data, "
    "or two independent reliable sources.",
    "disputed": "Reliable evidence contradicts the claim as stated.",
    "unverified": "The evidence available to us does not settle the claim either way; "
    "the verdict says what is missing.",
}

KINDS: dict[str, str] = {
    "policy": "What official texts or official data establish.",
    "media": "A claim as it circulates in articles, posts and commentary.",
}

KIND_LABELS: dict[str, str] = {"policy": "Documented policy", "media": "Media claim"}

STANCES: dict[str, str] = {
    "supports": "Supports",
    "refutes": "Refutes",
    "context": "Context",
}

SOURCE_CLASSES: dict[str, tuple[str, str]] = {
    "official": ("Official documents", "Laws, regulations, Party and government documents, official statements and statistics."),
    "court": ("Court and legal", "Judicial interpretations, court data and judgments."),
    "scholarly": ("Scholarship", "Peer-reviewed and academic work."),
    "report": ("Reports and specialist analysis", "Think-tank, NGO and chamber reports; specialist legal translation and analysis."),
    "news": ("News", "Reporting by news outlets."),
    "opinion": ("Opinion and blogs", "Opinion pieces, blogs, advocacy and marketing posts."),
}

#: Source classes a policy claim must rest on (at least one of its evidence items).
PRIMARY_CLASSES = frozenset({"official", "court"})


def topic_label(topic: str) -> str:
    return topic.replace("-", " ").capitalize()
