"""How check-worthiness sorts claims: ``python -m articles.extraction.calibration``.

Two figures at the publish threshold (``NEWSROOM_PUBLISH_THRESHOLD``, 0.5 by
default), read by ``make eval``: the share of all claims extracted from the
corpora that reach it (the desk's workload: at most 30%), and the share of the
gold's required factual claims that reach it (what must not be lost: at least
90%). A gold claim reaches the threshold when a claim extracted from its
sentence does.

    python -m articles.extraction.calibration --corpus DIR... --gold DIR...
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from pathlib import Path

from .pipeline import extract

DEFAULT_THRESHOLD = float(os.environ.get("NEWSROOM_PUBLISH_THRESHOLD", "0.5"))


def _norm(text: str) -> str:
    """The scorer's normal form: NFKC, straight quotes, one space, lower case."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split()).lower().strip(" \t\"'.,;:!?")


def corpus_share(paths: list[Path], threshold: float) -> tuple[int, int]:
    """(claims reaching ``threshold``, all claims) over the texts at ``paths``."""
    reached = total = 0
    for path in paths:
        for claim in extract(path.read_text(encoding="utf-8-sig")).claims:
            total += 1
            reached += claim.checkworthiness >= threshold
    return reached, total


def gold_factual_share(golds: list[tuple[dict, Path]], threshold: float) -> tuple[int, int]:
    """(required factual gold claims reaching ``threshold``, all of them)."""
    reached = total = 0
    for gold, source in golds:
        claims = [(_norm(c.text), c.checkworthiness) for c in extract(source.read_text()).claims]
        for want in gold["claims"]:
            if want["kind"] != "factual" or not want.get("required", True):
                continue
            anchor = _norm(want["anchor"])
            total += 1
            reached += any(anchor in text and score >= threshold for text, score in claims)
    return reached, total


def gold_source(shared: Path, source: str) -> Path:
    folder, _, name = source.rpartition("/")
    if not folder:
        return shared / "seeds" / name
    if folder == "modern":
        return shared / "modern" / name
    return shared / "corpus" / folder / name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--corpus", type=Path, nargs="+", required=True)
    parser.add_argument("--gold", type=Path, nargs="+", required=True)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    args = parser.parse_args(argv)
    texts = sorted(p for folder in args.corpus for p in folder.rglob("*.txt"))
    golds = []
    for folder in args.gold:
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            golds.append((gold, gold_source(args.shared, gold["source"])))
    hit, total = corpus_share(texts, args.threshold)
    kept, wanted = gold_factual_share(golds, args.threshold)
    print(
        f"check-worthiness >= {args.threshold:.2f}: {hit}/{total} corpus claims "
        f"({hit / max(total, 1):.1%}, at most 30%) | {kept}/{wanted} required gold "
        f"factual claims ({kept / max(wanted, 1):.0%}, at least 90%)"
    )
    return 0 if hit <= 0.3 * total and kept >= 0.9 * wanted else 1


if __name__ == "__main__":
    sys.exit(main())
