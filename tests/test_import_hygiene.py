"""What the importer reads is what readers see: no hidden reordering or
invisible characters in titles, bodies and quotes."""

import pytest

from articles.models import Claim
from articles.services.imports import article_import_file

pytestmark = pytest.mark.django_db

RLO, PDF, ZWSP, ZWJ, LRI, PDI = "\u202e", "\u202c", "\u200b", "\u200d", "\u2066", "\u2069"


def test_bidi_overrides_and_zero_width_characters_are_removed_on_import(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(
        f"Minister{ZWSP} resigns {RLO}evil{PDF}\n\n"
        f'The minister John Smith said: "We will cut{ZWJ} taxes by {LRI}50{PDI} per cent '
        f'next year{ZWSP}." He spoke in London on Monday.\n',
        encoding="utf-8",
    )

    article = article_import_file(path=path).article

    invisible = {RLO, PDF, ZWSP, ZWJ, LRI, PDI}
    assert article.title == "Minister resigns evil"
    assert not invisible & set(article.body)
    for claim in Claim.objects.filter(article=article):
        assert not invisible & set(claim.text + claim.quote)
        assert article.body[claim.start : claim.end] == claim.text
