"""Rule-based extraction: news text in, plain dataclasses out.

Pure Python over pycountry; it never imports Django's ORM, so it can be tested
and benchmarked without a database.

The passes, each over the same body text and the model the one before built
(``pipeline.extract`` runs them in this order):

1. ``quotes`` and ``sentences``: quotation spans, then sentences that never
   end inside a quotation;
2. ``spans``: tokens, runs of capitalised words, name candidates;
3. ``actors``: classification of the candidates, the actor index (surnames,
   first names, organisations named by context, canonical forms) and the
   clustering of variants and aliases;
4. ``claims``: attribution, sentence by sentence (reporting verbs, then who
   their clause credits, which ``speakers`` resolves: subjects, pronouns,
   roles, descriptors, documents), then carried-over speakers;
5. ``checkworthiness``: a score and its reasons for every claim.

Conventions (titles, reporting verbs, organisation words, state
abbreviations ...) are data tables in ``lexicon``.
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
