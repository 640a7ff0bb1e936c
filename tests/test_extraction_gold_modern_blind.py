"""The extractor against six modern articles annotated blind.

The files in tests/fixtures/gold_modern_blind/ (NPR, Reuters, Kaieteur News,
NDTV, The Telegraph, The Tribune of Nassau) were annotated by hand from the text
alone on 2026-12-01 by someone who had not seen the extractor's output or code.
They are the only annotated check of how the rules generalise to outlets they
were not shaped on (tests/fixtures/gold_modern_extra/ was, see its test).

Scored blind when they were added: actor F1 0.89 (P 0.96, R 0.83), quote F1
0.93, quote speaker 0.96, attributed P 0.98 R 0.99 speaker 0.93, factual R
0.75, two forbidden outputs (a quoted deal name, "phase one"; an acronym,
"EUA"). The kinds of miss behind the two gaps were then named, without the
files, to the rule work that followed (issue 11): organisation names cut short
or missed ("The X and Y" papers, hyphenated party acronyms, an owner's
lower-case ministry), East Asian names family name first, and crime and
casualty reports below the factual threshold ("two men were killed"). After
it: actor F1 0.92 (P 0.98, R 0.87), quote F1 0.93, quote speaker 0.96,
attributed P 0.98 R 0.99 speaker 0.96, factual R 0.96, the same two forbidden
outputs. So the factual figure is no longer blind; the others moved with rules
shaped on other files. TARGETS holds each figure at the level reached, so that
a change that makes the extractor worse on this text fails here.
"""

from pathlib import Path

from .test_extraction_gold import scorer  # noqa: F401
from .test_extraction_gold_extra import assert_meets

GOLD = Path(__file__).resolve().parent / "fixtures" / "gold_modern_blind"
TARGETS = {  # the figures reached, rounded down
    "actor_f1": 0.91,
    "quote_f1": 0.92,
    "quote_speaker_acc": 0.95,
    "attributed_p": 0.97,
    "attributed_r": 0.98,
    "attributed_speaker_acc": 0.95,
    "factual_r": 0.95,
}


def _paths():
    return sorted(GOLD.glob("*.json"))


def test_blind_modern_gold_holds_its_measured_level(scorer):  # noqa: F811
    assert len(_paths()) == 6
    assert_meets(scorer, _paths(), TARGETS, forbidden=2)
