"""The plain data the extractor hands to the importer.

Nothing here knows about the ORM: the importer (``articles.services``) turns
these into rows, and the dry-run preview turns them into JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the body where an actor is named (``body[start:end]``)."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class ExtractedActor:
    """A person, organisation or country named in one article."""

    name: str  # canonical, fullest form found ("Volodymyr Zelenskyy")
    kind: str  # "person" | "organization" | "country"
    role: str = ""  # "President", "Prime Minister", "Tory leader" ...
    aliases: list[str] = field(default_factory=list)  # other forms seen in the text
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class ExtractedClaim:
    """A quote, an attributed statement or a check-worthy fact in one sentence."""

    kind: str  # "quote" | "attributed" | "factual"
    text: str  # the whole sentence, exactly body[start:end]
    start: int
    end: int
    quote: str = ""  # the quoted words only, for quotes
    speaker: str | None = None  # canonical actor name, or None
    checkworthiness: float = 0.0  # 0..1
    #: why it scored that: "number", "comparison", "first/only/never", "named speaker" ...
    checkworthiness_reasons: tuple[str, ...] = ()


@dataclass(slots=True)
class ExtractedArticle:
    """Everything the extractor found in one news text."""

    title: str
    body: str  # the text the offsets refer to
    dateline: dt.date | None = None
    actors: list[ExtractedActor] = field(default_factory=list)
    claims: list[ExtractedClaim] = field(default_factory=list)
