"""The extractor against modern articles annotated by hand as a held-out check.

The ten files in tests/fixtures/gold_modern_extra/ (AP, PTI, USA Today, Al
Jazeera, Breaking Belize News, PanARMENIAN, St Kitts & Nevis Observer, City
A.M., NY Daily News, Tico Times) were annotated from the text before the
extractor ran on them and kept out of the rule work on ../shared/gold-modern/.
Scored once at the end of that work (blind): actor F1 0.89, quote F1 0.99,
quote speaker 0.94, attributed P 1.00 R 1.00 speaker 0.85, factual R 0.95,
one forbidden actor (a dateline's city). The general conventions that check
exposed (datelines, bracketed acronyms in credits, -International names) were
then added; the figures here are no longer blind.

Targets: within 0.05 of the shared BBC and modern gold's figures (issue 11),
except the attributed speaker, which is 0.07 below and held at its level.
"""

from pathlib import Path

import pytest

from .test_extraction_gold import scorer  # noqa: F401
from .test_extraction_gold_extra import _score

GOLD = Path(__file__).resolve().parent / "fixtures" / "gold_modern_extra"
TARGETS = {
    "actor_f1": 0.90,
    "quote_f1": 0.93,
    "quote_speaker_acc": 0.91,
    "attributed_p": 0.95,
    "attributed_r": 0.93,
    "attributed_speaker_acc": 0.85,
    "factual_r": 0.89,
}


def _paths():
    return sorted(GOLD.glob("*.json"))


def test_held_out_modern_gold_meets_the_targets(scorer):  # noqa: F811
    assert len(_paths()) >= 10
    summary = _score(scorer, _paths())
    missed = {k: round(summary[k], 3) for k, v in TARGETS.items() if summary[k] < v}
    assert not missed, f"below target: {missed}"
    assert summary["forbidden"] == 0


@pytest.mark.xfail(strict=True, reason="attributed speaker is 0.07 below the shared gold's")
def test_held_out_attributed_speaker_is_within_005_of_the_shared_gold(scorer):  # noqa: F811
    assert _score(scorer, _paths())["attributed_speaker_acc"] >= 0.87
