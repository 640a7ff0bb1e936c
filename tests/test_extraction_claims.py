"""Attributed and factual claims, titles, datelines and offsets."""

import datetime as dt

import pytest

from articles.extraction import EXTRACTOR_VERSION, extract
from articles.extraction.preview import article_preview


def claims(text, kind):
    return [c for c in extract(text).claims if c.kind == kind]


@pytest.mark.parametrize(
    "verb",
    [
        "said",
        "told reporters",
        "warned",
        "claimed",
        "argued",
        "insisted",
        "denied",
        "confirmed",
        "acknowledged",
        "revealed",
        "announced",
        "added",
        "stated",
    ],
)
def test_reporting_verb_family_makes_an_attributed_claim(verb):
    found = claims(f"Tony Blair {verb} that the plan would work.", "attributed")
    assert [c.speaker for c in found] == ["Tony Blair"]


def test_according_to_credits_the_actor_after_it():
    found = claims("Growth will slow next year, according to the Bank of England.", "attributed")
    assert [c.speaker for c in found] == ["Bank of England"]


def test_inverted_credit_at_the_end_of_the_sentence():
    text = "Mr Blair spoke first. Labour had broken its promises, argued Mr Howard."
    found = claims(text, "attributed")
    assert found[-1].speaker == "Howard"


def test_appositive_does_not_steal_the_credit():
    text = "Prof Joni Lovenduski, who worked with Margaret Moran MP, said she was shocked."
    assert [c.speaker for c in claims(text, "attributed")] == ["Joni Lovenduski"]


def test_pronoun_subject_of_a_reporting_verb():
    text = "First Minister Jack McConnell spoke. He said fines would be levied."
    assert claims(text, "attributed")[-1].speaker == "Jack McConnell"


def test_generic_speaker_attributed_claim_has_no_speaker():
    found = claims("Critics claim the record is at best patchy.", "attributed")
    assert [c.speaker for c in found] == [None]


def test_factual_claim_with_numbers_and_records():
    found = claims(
        "Title\n\nThe clause has only been invoked once in its history. It rained.", "factual"
    )
    assert [c.text for c in found] == ["The clause has only been invoked once in its history."]
    assert 0 < found[0].checkworthiness <= 1


def test_plain_sentence_is_not_a_claim():
    assert extract("Title\n\nThe sky was grey.").claims == []


def test_claim_text_equals_body_slice():
    art = extract("Title\r\n\r\nTony Blair said 31 members agreed. Mr Howard denied it.")
    assert art.claims
    for c in art.claims:
        assert art.body[c.start : c.end] == c.text


def test_title_is_first_line_when_a_blank_line_follows():
    art = extract("Women MPs reveal sexist taunts\n\nWomen MPs endure abuse, a study shows.\n")
    assert art.title == "Women MPs reveal sexist taunts"
    assert art.body == "Women MPs endure abuse, a study shows."


def test_title_is_derived_when_there_is_no_title_line():
    text = (
        "On Sunday, August 17, 2025, Ukraine and its allies participated in a virtual "
        "meeting as President Volodymyr Zelenskyy prepared for talks. More followed."
    )
    art = extract(text)
    assert art.body == text
    # A headline leaves the dateline out and ends at a word.
    assert art.title == (
        "Ukraine and its allies participated in a virtual meeting as President Volodymyr Zelenskyy…"
    )


def test_dateline_sets_the_date():
    art = extract("On Sunday, August 17, 2025, leaders met.")
    assert art.dateline == dt.date(2025, 8, 17)


def test_no_dateline():
    assert extract("Leaders met on Sunday.").dateline is None


def test_preview_entry_shape():
    art = extract('Title\n\nOn Sunday, August 17, 2025, Tony Blair said: "Yes." Mr Blair left.')
    entry = article_preview("seeds/x.txt", art)
    assert entry["source"] == "seeds/x.txt" and entry["dateline"] == "2025-08-17"
    assert set(entry["actors"][0]) == {"name", "kind", "role", "aliases", "mentions"}
    claim = entry["claims"][0]
    assert set(claim) == {"kind", "text", "quote", "speaker", "start", "end", "checkworthiness"}
    assert claim["quote"] == "Yes."


def test_extractor_version_is_a_string():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


def test_the_company_is_the_firm_the_text_is_about():
    text = (
        "Title\n\nSwiss drugmaker Novartis has announced deals. Novartis said it bought "
        "Hexal. Israel's Teva Pharmaceuticals is a rival. Sales would top $5bn, "
        "the company estimated."
    )
    found = claims(text, "attributed")
    assert found[-1].speaker == "Novartis"


def test_inverted_credit_after_a_full_clause_is_not_a_subject():
    text = "Novartis, which last month forecast record sales, said it had bought Germany's Hexal."
    assert [c.speaker for c in claims(text, "attributed")] == ["Novartis"]


def test_adjective_branded_is_not_a_reporting_verb():
    assert (
        claims("Title\n\nGeneric drugs are identical to their branded rivals.", "attributed") == []
    )


def test_passive_with_adverb_is_not_credited():
    found = claims("The summit is widely expected to mark a long negotiation.", "attributed")
    assert all(c.speaker is None for c in found)


def test_a_book_speaks_for_its_author():
    text = (
        "Title\n\nMPs discussed claims made in journalist Robert Peston's new book. "
        "The new book claims Mr Prescott hosted a dinner in 2003."
    )
    assert claims(text, "attributed")[-1].speaker == "Robert Peston"


def test_quote_sentence_crediting_someone_else_is_also_attributed():
    text = (
        "Title\n\nTim Yeo is a Tory spokesman. But Mr Howard denied Mr Yeo, his "
        'transport spokesman, said the plans "stink".'
    )
    art = extract(text)
    kinds = {(c.kind, c.speaker) for c in art.claims if "stink" in c.text}
    assert (
        ("quote", "Tim Yeo") in kinds
        and ("attributed", "Howard") in kinds
        or ("attributed", "Michael Howard") in kinds
    )


def test_aside_between_dashes_does_not_steal_the_credit():
    quote = (
        '"Prices will fall," Anna Petrova - then an adviser to President Ivan Sokolov - '
        "told a press conference."
    )
    assert [c.speaker for c in claims(quote, "quote")] == ["Anna Petrova"]
    reported = (
        "Anna Petrova - then an adviser to President Ivan Sokolov - told a press "
        "conference that prices would fall."
    )
    assert [c.speaker for c in claims(reported, "attributed")] == ["Anna Petrova"]


def test_organisation_noun_stands_for_the_organisation_named_before():
    text = (
        "An inquiry by the Standards Authority is under way. "
        "The local watchdog also said the complaint was serious. "
        "Staff were often ignored, claimed the union organisation."
    )
    assert [c.speaker for c in claims(text, "attributed")] == [
        "Standards Authority",
        "Standards Authority",
    ]


def test_deeds_named_by_reporting_words_are_not_attributed_claims():
    text = (
        "The carmaker Autoco has rejected a takeover offer worth $2bn. "
        "The car giant is calling back 17,815 vehicles."
    )
    assert claims(text, "attributed") == []
    said = claims("Tony Blair rejected the claims as false.", "attributed")
    assert [c.speaker for c in said] == ["Tony Blair"]


def test_unresolved_pronoun_speaker_is_not_replaced_by_a_later_subject():
    text = (
        "A Labour Party spokesman told the BBC the party followed the rules. "
        "He said the party always asked people first."
    )
    assert [c.speaker for c in claims(text, "attributed")] == [None, None]


def test_according_to_a_book_credits_its_author_not_a_name_in_its_title():
    text = (
        "According to a new book, Smith's Britain, Mr Jones broke a pledge to Mr Smith. "
        "The book, by Sunday Herald journalist Anna Reed, said the pair argued."
    )
    found = claims(text, "attributed")
    assert [c.speaker for c in found] == ["Anna Reed", "Anna Reed"]


def test_according_to_a_statement_from_an_office_credits_its_holder():
    text = "According to a statement from Mr Spitzer's office, the executive will testify."
    assert [c.speaker for c in claims(text, "attributed")] == ["Spitzer"]


def test_said_followed_by_a_clause_is_not_an_inverted_credit():
    text = "The report, by economist Anna Reed, said the plan had failed."
    assert [c.speaker for c in claims(text, "attributed")] == ["Anna Reed"]


def test_thousands_separator_is_not_a_clause_boundary():
    text = "Mr Galloway, who won £150,000 in damages from the Daily Telegraph said he would stand."
    assert [c.speaker for c in claims(text, "attributed")] == ["Galloway"]


def test_expected_to_is_a_forecast_not_reported_speech():
    text = "The party lost a member to a new party, expected to launch on Wednesday."
    assert claims(text, "attributed") == []


def test_possessive_firm_name_before_said_is_the_speaker():
    text = "Brewer Foster's Group made an offer. Foster's said a merger would help both firms."
    assert claims(text, "attributed")[-1].speaker == "Foster's Group"


def test_role_nobody_holds_by_name_is_the_articles_main_person():
    text = (
        "An inquiry into Ken Smith is under way. Mr Smith has refused to apologise. "
        "Anna Reed said she was unhappy. Critics want Mr Smith to resign. "
        'The mayor accused a reporter of "doorstepping" him.'
    )
    assert claims(text, "quote")[-1].speaker == "Ken Smith"


def test_unknown_name_after_an_inverted_verb_is_not_replaced_by_a_guess():
    text = "Parties cannot take UK voters for granted, says Oxfam."
    found = claims(text, "attributed")
    assert [c.speaker for c in found] in (["Oxfam"], [None])


def test_someones_unnamed_advisers_have_no_speaker():
    text = "President George Bush's advisers have repeatedly denied global warming is real."
    assert [c.speaker for c in claims(text, "attributed")] == [None]
    named = "The Green Party's health spokeswoman, Eleanor Scott, said she was pleased."
    assert [c.speaker for c in claims(named, "attributed")] == ["Eleanor Scott"]


def test_countrys_role_holder_is_a_person_not_the_country():
    text = (
        "The UK's top judge has revealed he clashed with ministers. Lord Woolf said he "
        "was determined. Lord Woolf told MPs the rules were unclear. Lord Woolf added more."
    )
    assert claims(text, "attributed")[0].speaker == "Lord Woolf"


def test_sentence_opening_adverb_before_a_role_keeps_the_role_subject():
    text = (
        "Chancellor Gordon Brown spoke. Tony Blair smiled. Meanwhile, the chancellor is "
        "leaving Britain on a tour. But before doing so, he insisted he still trusted Mr Blair."
    )
    assert claims(text, "attributed")[-1].speaker == "Gordon Brown"


def test_the_company_is_the_firm_the_article_is_about():
    text = (
        "Profits at Acme Corporation rose. Acme Corporation said sales were up. "
        "Acme Corporation also bought a stake in Widgetco. "
        "Acme Corporation is under review by the SEC. "
        "The company said it could not estimate its legal costs."
    )
    assert claims(text, "attributed")[-1].speaker == "Acme Corporation"


def test_it_opening_a_sentence_refers_back_to_the_firm_unless_expletive():
    text = (
        "Acme Corporation said sales rose. It has offered to settle, in a deal under review "
        "by the SEC. It intends to restate its results, it said."
    )
    assert claims(text, "attributed")[-1].speaker == "Acme Corporation"
    text = (
        "Acme Corporation said sales rose. It is estimated that rivals lose millions. "
        "They want to keep profits, analysts said."
    )
    assert claims(text, "attributed")[-1].speaker is None


def test_verb_after_but_shares_the_subject_that_opens_the_sentence():
    text = (
        "Robert Kilroy-Silk has quit the party. He plans to stand again but refused to "
        "confirm he is setting up a new party."
    )
    assert claims(text, "attributed")[-1].speaker == "Robert Kilroy-Silk"


def test_a_firm_called_x_is_a_name_not_speech():
    text = "Yukos was seized and sold to a previously unknown firm called Baikal."
    assert claims(text, "attributed") == []


def test_opening_sentences_unnamed_role_is_the_person_the_article_then_names():
    text = (
        "Terrorists may target the election, London's most senior police officer has said. "
        "Sir Ian Blair said groups would remember Madrid. Sir Ian added more. "
        "Sir Ian said it was serious."
    )
    assert claims(text, "attributed")[0].speaker == "Ian Blair"
    later = "Tony Blair spoke. Taxes will rise, a senior government figure has warned."
    assert claims(later, "attributed")[-1].speaker is None


def test_possessive_unnamed_subject_is_not_replaced_by_a_name_in_the_clause():
    text = "Lucy tracked down Mr Pound after her birth mother told her he was her father."
    assert [c.speaker for c in claims(text, "attributed")] == [None]


def test_maintain_without_that_is_keeping_not_stating():
    assert claims("Drug firms want to maintain their profits.", "attributed") == []
    found = claims("Ministers maintain that the plan works.", "attributed")
    assert [c.speaker for c in found] == [None]
