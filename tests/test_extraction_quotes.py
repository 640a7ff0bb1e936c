"""Quotes: spans, speakers after/before/between, pronouns, roles, continuations."""

from articles.extraction import extract
from articles.extraction.quotes import find_quotes


def quotes(text):
    return [(c.quote, c.speaker) for c in extract(text).claims if c.kind == "quote"]


def spans(text):
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_straight_and_curly_quotes():
    assert spans('He said "yes" and \u201cno\u201d.') == ["yes", "no"]


def test_reopened_quote_gives_one_span_per_sentence():
    text = 'She said: "The time has come. "There is evidence. "But we must listen."'
    assert spans(text) == ["The time has come.", "There is evidence.", "But we must listen."]


def test_quote_running_over_paragraphs_gives_one_span_per_paragraph():
    text = '"First paragraph of the quote.\n\n"Second paragraph," he said.'
    assert spans(text) == ["First paragraph of the quote.", "Second paragraph,"]


def test_single_quotes_stay_inside_the_double_quote():
    text = "\"When I said, 'Look', he said, 'ah but you're all the same'.\""
    assert spans(text) == ["When I said, 'Look', he said, 'ah but you're all the same'."]


def test_unbalanced_quote_ends_with_its_paragraph():
    assert spans('He said "this never closes\n\nNext paragraph.') == ["this never closes"]


def test_speaker_named_after_the_quote():
    found = quotes('Michael Howard spoke. "Taxes will rise under Labour," said Mr Howard.')
    assert found == [("Taxes will rise under Labour", "Michael Howard")]


def test_speaker_named_before_the_quote():
    found = quotes('Tony Blair told the BBC: "We will make commitments on tax."')
    assert found == [("We will make commitments on tax.", "Tony Blair")]


def test_speaker_between_halves():
    text = (
        'Simon Hart of the Countryside Alliance spoke. "The rules are blurred," he said. '
        '"Police cannot judge."'
    )
    assert quotes(text) == [
        ("The rules are blurred", "Simon Hart"),
        ("Police cannot judge.", "Simon Hart"),
    ]


def test_pronoun_respects_gender():
    text = (
        "Mr Brown met Mrs Shepherd. Mr Brown said little. Mrs Shepherd was angry. "
        '"It was a scandal," she said.'
    )
    assert quotes(text) == [("It was a scandal", "Shepherd")]


def test_role_resolves_to_the_person_holding_it():
    text = 'Chancellor Gordon Brown and Tony Blair met. "Growth is strong," the chancellor said.'
    assert quotes(text) == [("Growth is strong", "Gordon Brown")]


def test_unattributed_quote_continues_the_quote_next_to_it():
    text = (
        'Simon Hart of the Countryside Alliance spoke. "The definitions are blurred. '
        '"You can hunt a rat, but not a mouse," he said.'
    )
    found = quotes(text)
    assert [s for _, s in found] == ["Simon Hart", "Simon Hart"]


def test_multi_paragraph_quote_keeps_its_speaker():
    text = (
        'Travellers\n\nAndrew Ryder said: "We welcome the talk.\n\n'
        '"Living on the side of the road is no fun."'
    )
    assert [s for _, s in quotes(text)] == ["Andrew Ryder", "Andrew Ryder"]


def test_short_quoted_speech_is_a_quote():
    text = 'Male MPs jeered "melons" as women spoke, researchers were told.'
    assert [q for q, _ in quotes(text)] == ["melons"]


def test_quoted_name_or_title_is_not_a_quote():
    text = (
        'The meeting involved the "Coalition of the Willing," a coalition. '
        'MPs answered questions for the study "Whose Secretary are You, minister".'
    )
    assert quotes(text) == []


def test_scare_quote_without_speech_is_not_a_quote():
    assert quotes('Officials will be able to serve "temporary stop notices" on sites.') == []


def test_generic_speaker_is_none():
    found = quotes('"This is a disaster," a spokesman said.')
    assert found == [("This is a disaster", None)]


def test_quote_claim_text_is_the_whole_sentence():
    art = extract('Title\n\nIntro line. Mr Blair said: "No more." Then he left.')
    claim = next(c for c in art.claims if c.kind == "quote")
    assert claim.text == 'Mr Blair said: "No more."'
    assert art.body[claim.start : claim.end] == claim.text


def test_inverted_credit_to_a_named_minister():
    text = '"More money is coming," said housing minister Yvette Cooper.'
    assert quotes(text) == [("More money is coming", "Yvette Cooper")]


def test_inverted_credit_to_a_generic_speaker_is_none():
    text = 'Tony Blair spoke. The issue was one Labour "wanted to progress", said a spokesman.'
    assert quotes(text) == [("wanted to progress", None)]


def test_told_a_news_agency_is_not_the_speaker():
    text = (
        '"This is a very expensive deal," Birgit Kuhlhoff, from Sal Oppenheim investment '
        "bank, told Reuters."
    )
    assert quotes(text) == [("This is a very expensive deal", "Birgit Kuhlhoff")]


def test_pronoun_right_before_the_verb_beats_an_earlier_name():
    text = (
        "President Musharraf spoke in London. But standing next to Mr Blair he added that "
        'it was crucial to tackle the "core of what creates terrorists".'
    )
    assert quotes(text) == [("core of what creates terrorists", "Musharraf")]


def test_second_quote_after_and_said_keeps_the_speaker():
    text = (
        'Tory leader Michael Howard told the paper truancy was "very bad" and said '
        '"firm action" was needed.'
    )
    assert [s for _, s in quotes(text)] == ["Michael Howard", "Michael Howard"]


def test_mayor_is_not_the_deputy_mayor():
    text = (
        "Deputy Mayor Nicky Gavron and Mayor Ken Livingstone met. "
        'The mayor said he would not be "doorstepping" anyone.'
    )
    assert quotes(text) == [("doorstepping", "Ken Livingstone")]


def test_nickname_between_names_is_not_a_quote():
    assert quotes('Jimmy "the Whirlwind" White said nothing.') == []


def test_passive_agent_speaks():
    text = (
        "Chancellor Gordon Brown announced cuts - described by one union as a "
        '"bonfire of the quangos".'
    )
    assert quotes(text) == [("bonfire of the quangos", None)]


def test_participle_shares_the_main_subject():
    text = (
        "Paul Boateng served on the council before being elected to Parliament in 1987, "
        'declaring "today Brent South, tomorrow Soweto".'
    )
    assert quotes(text) == [("today Brent South, tomorrow Soweto", "Paul Boateng")]


def test_given_name_tells_the_pronoun_gender():
    text = (
        "Patricia Hewitt met Gordon Brown. Mr Brown left early. "
        '"We have made a firm commitment," she said.'
    )
    assert quotes(text) == [("We have made a firm commitment", "Patricia Hewitt")]


def test_deputy_prime_minister_is_not_the_prime_minister():
    text = (
        "Deputy Prime Minister John Prescott and Tony Blair met. Tony Blair spoke first. "
        '"You do not do deals over jobs," the prime minister told the BBC.'
    )
    assert quotes(text) == [("You do not do deals over jobs", "Tony Blair")]


def test_asked_about_someone_does_not_make_them_the_speaker():
    text = (
        "Sir Ian Blair warned of attacks. Asked about Sir Ian's comments, a spokesman "
        'said: "We believe the threat is real."'
    )
    assert quotes(text) == [("We believe the threat is real.", None)]


def test_unnamed_spokesman_for_an_organisation_is_none_and_stays_so():
    text = (
        "Title\n\nLord Woolf spoke first. A spokeswoman for the Home Office said: "
        '"Their dispute is narrow." "Judges are free to decide."'
    )
    assert [s for _, s in quotes(text)] == [None, None]


def test_nicknames_headlines_and_name_parts_are_not_quotes():
    texts = [
        'Lucy found Mr Pound, who was known as "Precious" at school.',
        'The photo appears in the Sun under the headline: "Harry the Nazi." Mr Howard spoke.',
        'Mr Blair talked about the "New" Labour manifesto on Monday.',
    ]
    for text in texts:
        assert [c for c in extract(text).claims if c.kind == "quote"] == [], text
    told = 'He told the Today programme: "We need more resources."'
    assert [c.quote for c in extract(told).claims if c.kind == "quote"] == [
        "We need more resources."
    ]


def test_person_then_their_organisation_before_said_is_the_person():
    found = quotes(
        '"We are encouraged," Armando Falcon, Office of Federal Housing Enterprise '
        "Oversight director said."
    )
    assert found == [("We are encouraged", "Armando Falcon")]
    found = quotes('Colin Asplin, Blackpool Hotel Association said: "We tried very hard."')
    assert found == [("We tried very hard.", "Colin Asplin")]


def test_document_subject_before_a_lowercase_quote_speaks_for_its_owner():
    text = (
        "Research undertaken for the Electoral Commission suggests most pupils vote. "
        "Commission boss Sam Younger said he was pleased. "
        'The survey of 500 pupils "showed young people care about politics".'
    )
    assert quotes(text)[-1] == ("showed young people care about politics", "Electoral Commission")


def test_remarks_and_commented_are_reporting_verbs():
    found = quotes(
        "The archive holds the warrant of Charles Stuart. "
        'As Mr Prior remarks as we walk by the shelves: "All human life is here."'
    )
    assert found == [("All human life is here.", "Prior")]
    assert quotes('"It is a good deal," Anna Reed commented.') == [
        ("It is a good deal", "Anna Reed")
    ]
