"""Rule-based extraction: news text in, plain dataclasses out.

Pure Python over pycountry; it never imports Django's ORM, so it can be tested
and benchmarked without a database.
"""

from .pipeline import EXTRACTOR_VERSION, extract
from .types import ExtractedActor, ExtractedArticle, ExtractedClaim, Mention

__all__ = [
    "EXTRACTOR_VERSION",
    "ExtractedActor",
    "ExtractedArticle",
    "ExtractedClaim",
    "Mention",
    "extract",
]
