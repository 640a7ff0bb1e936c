"""The dry-run preview: one article's extraction as plain JSON data.

``python -m articles.extraction.preview FILE...`` prints ``{"articles": [...]}``
for the files, the document ``shared/tools/score_extraction.py`` reads.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .pipeline import extract
from .types import ExtractedArticle


def article_preview(source: str, art: ExtractedArticle) -> dict:
    """One entry of the preview JSON described in ``shared/gold/README.md``."""
    return {
        "source": source,
        "title": art.title,
        "dateline": art.dateline.isoformat() if art.dateline else None,
        "actors": [
            {
                "name": actor.name,
                "kind": actor.kind,
                "role": actor.role,
                "aliases": list(actor.aliases),
                "mentions": len(actor.mentions),
            }
            for actor in art.actors
        ],
        "claims": [
            {
                "kind": claim.kind,
                "text": claim.text,
                "quote": claim.quote if claim.kind == "quote" else None,
                "speaker": claim.speaker,
                "start": claim.start,
                "end": claim.end,
                "checkworthiness": round(claim.checkworthiness, 2),
            }
            for claim in art.claims
        ],
    }


def main(argv: list[str] | None = None) -> int:
    paths = sys.argv[1:] if argv is None else argv
    if not paths:
        sys.stderr.write("usage: python -m articles.extraction.preview FILE...\n")
        return 2
    articles = []
    status = 0
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            sys.stderr.write(f"{path}: {exc.strerror or exc}\n")
            status = 1
            continue
        articles.append(article_preview(path, extract(text)))
    json.dump({"articles": articles}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
