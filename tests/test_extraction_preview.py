"""The preview JSON: one entry per file, in the shape the shared scorer reads."""

import json

from articles.extraction import extract
from articles.extraction.preview import article_preview, main


def test_entry_has_the_documented_fields(tmp_path):
    art = extract('Tax row\n\nTory leader Michael Howard said: "Taxes will rise."')
    entry = article_preview("bbc-politics/999.txt", art)
    assert set(entry) == {"source", "title", "dateline", "actors", "claims"}
    assert entry["title"] == "Tax row" and entry["dateline"] is None
    howard = next(a for a in entry["actors"] if a["name"] == "Michael Howard")
    assert howard["mentions"] == 1 and howard["role"] == "Tory leader"
    quote = next(c for c in entry["claims"] if c["kind"] == "quote")
    assert quote["quote"] == "Taxes will rise." and quote["speaker"] == "Michael Howard"


def test_non_quote_claims_have_null_quote():
    entry = article_preview("x.txt", extract("Critics claim the record is patchy."))
    assert entry["claims"][0]["kind"] == "attributed"
    assert entry["claims"][0]["quote"] is None


def test_command_prints_one_article_per_file(tmp_path, capsys):
    first = tmp_path / "a.txt"
    first.write_text("Title A\n\nMr Blair said so.", encoding="utf-8")
    status = main([str(first), str(tmp_path / "missing.txt")])
    out = json.loads(capsys.readouterr().out)
    assert status == 1
    assert [a["source"] for a in out["articles"]] == [str(first)]
