"""Actors: canonical names, roles, aliases, kinds; what is not an actor."""

from articles.extraction import extract


def actors(text):
    return {a.name: a for a in extract(text).actors}


def test_title_and_name_make_one_person_with_a_role():
    found = actors(
        "Tory leader Michael Howard said taxes would rise. Mr Howard spoke in the Commons."
    )
    howard = found["Michael Howard"]
    assert howard.kind == "person"
    assert howard.role == "Tory leader"
    assert "Howard" in howard.aliases
    assert len(howard.mentions) == 2


def test_capitalised_title_is_a_role_not_a_name():
    found = actors("Chancellor Gordon Brown said the economy was strong. Mr Brown smiled.")
    assert "Gordon Brown" in found
    assert found["Gordon Brown"].role == "Chancellor"
    assert "Chancellor" not in found and "Chancellor Gordon Brown" not in found


def test_surname_alone_joins_the_full_name():
    found = actors("President Volodymyr Zelenskyy met allies. Later Zelenskyy spoke to reporters.")
    assert list(n for n in found if "Zelenskyy" in n) == ["Volodymyr Zelenskyy"]
    assert len(found["Volodymyr Zelenskyy"].mentions) == 2


def test_honorific_and_surname_without_full_name():
    found = actors("Mrs Smith said the plan was flawed.")
    assert found["Smith"].kind == "person"


def test_prime_minister_alone_is_not_an_actor():
    found = actors("The Prime Minister said nothing. Prime Minister Mark Carney said more.")
    assert "Prime Minister" not in found
    assert "Mark Carney" in found


def test_party_short_forms_use_canonical_names():
    found = actors(
        "Labour and the Tories clashed with the Lib Dems. "
        "The Conservative Party and Liberal Democrats disagreed."
    )
    assert {"Labour Party", "Conservative Party", "Liberal Democrats"} <= set(found)
    assert len([a for a in found.values() if a.name == "Conservative Party"]) == 1


def test_demonym_before_a_state_role_is_the_country():
    found = actors("Russian President Vladimir Putin arrived.")
    assert found["Russia"].kind == "country"
    assert found["Vladimir Putin"].kind == "person"


def test_short_country_names():
    found = actors("The UK and the US signed a deal with Britain's allies in Scotland and Wales.")
    assert found["United Kingdom"].kind == "country"
    assert found["United States"].kind == "country"
    assert found["Scotland"].kind == "country" and found["Wales"].kind == "country"
    assert len([a for a in found.values() if a.name == "United Kingdom"]) == 1


def test_cities_are_places_not_actors():
    found = actors("Talks in Brussels and London were followed by a meeting in Alaska.")
    assert not ({"Brussels", "London", "Alaska"} & set(found))


def test_organisation_by_suffix_and_of_tail():
    found = actors(
        "Researchers from Birkbeck College spoke to the Institute for Fiscal Studies "
        "and the House of Commons."
    )
    assert {"Birkbeck College", "Institute for Fiscal Studies", "House of Commons"} <= set(found)
    assert all(found[n].kind == "organization" for n in ("Birkbeck College", "House of Commons"))


def test_acronym_is_an_organisation_and_joins_its_full_form():
    found = actors(
        "The Securities and Exchange Commission (SEC) opened a probe. The SEC said little. "
        "He told CNN about it."
    )
    assert "CNN" in found and found["CNN"].kind == "organization"
    assert "SEC" not in found


def test_sentence_initial_words_weekdays_months_are_not_actors():
    found = actors("However, on Sunday in August nothing happened. Details were scarce.")
    assert not ({"However", "Sunday", "August", "Details"} & set(found))


def test_article_number_is_not_an_actor():
    found = actors("NATO's Article 5 says an attack on one is an attack on all.")
    assert "NATO" in found
    assert not any(name.startswith("Article") for name in found)


def test_shouting_inside_quotes_is_not_an_actor():
    found = actors('Donald Trump wrote, "BIG PROGRESS ON RUSSIA. STAY TUNED!"')
    assert not ({"BIG PROGRESS", "STAY TUNED", "RUSSIA"} & set(found))


def test_quoted_nickname_is_not_a_person():
    found = actors('Barbara Follet, one of the so-called "Blair Babes", told researchers nothing.')
    assert "Blair Babes" not in found
    assert "Barbara Follet" in found


def test_name_particles_stay_in_the_name():
    found = actors(
        "European Commission President Ursula von der Leyen welcomed it. Von der Leyen later left."
    )
    assert "Ursula von der Leyen" in found
    assert "European Commission" in found


def test_administration_of_a_named_leader_is_an_organisation():
    found = actors(
        "President Donald Trump spoke. A member of the Trump administration told CNN more."
    )
    assert found["Trump administration"].kind == "organization"


def test_mentions_are_offsets_into_the_body():
    art = extract("Title here\n\nTony Blair said so. Mr Blair left.")
    for actor in art.actors:
        for m in actor.mentions:
            assert art.body[m.start : m.end] == m.text


def test_sir_and_first_name_is_the_knight():
    found = actors("Former minister Sir Nicholas Scott has died. Sir Nicholas was 70.")
    assert len(found["Nicholas Scott"].mentions) == 2
    assert "Nicholas" not in found


def test_party_inside_a_longer_name_stays_separate():
    found = actors("Labour MPs met at the Parliamentary Labour Party. Labour said little.")
    assert "Parliamentary Labour Party" in found
    assert found["Labour Party"].mentions[0].text == "Labour"


def test_department_name_with_and():
    found = actors("Officials at the Department for Work and Pensions said so.")
    assert "Department for Work and Pensions" in found
    assert "Pensions" not in found


def test_organisation_runs_to_its_last_keyword():
    found = actors("The money went to the Energy Savings Trust last year.")
    assert "Energy Savings Trust" in found


def test_weekday_is_not_part_of_an_organisation():
    found = actors("He told the Scottish Parliament on Wednesday that a ban was coming.")
    assert "Scottish Parliament" in found
    assert not any("Wednesday" in name for name in found)


def test_law_is_not_an_actor():
    found = actors("It is part of the Health Service (Miscellaneous Provisions) Bill, MPs said.")
    assert not any("Health Service" in n or "Provisions" in n for n in found)


def test_capitalised_common_noun_phrase_is_not_an_actor():
    found = actors(
        "National Insurance will be raised, Mr Howard said. He spoke of national insurance."
    )
    assert "National Insurance" not in found


def test_product_names_without_a_person_cue_are_not_people():
    found = actors("Fiat plans to bring Maserati and Alfa Romeo closer together, the paper said.")
    assert "Alfa Romeo" not in found


def test_newspaper_named_by_its_title():
    found = actors("According to the Times, the prime minister wants a deal.")
    assert found["Times"].kind == "organization"


def test_common_given_name_makes_a_person_without_other_cues():
    found = actors("Voters remember Margaret Thatcher and the miners' strike.")
    assert found["Margaret Thatcher"].kind == "person"


def test_number_ten_is_downing_street():
    found = actors("No 10 said an error was made.")
    assert found["Downing Street"].kind == "organization"


def test_name_written_two_ways_is_one_person():
    found = actors("President George W Bush spoke. Later George Bush said more. Mr Bush left.")
    people = [a for a in found.values() if a.kind == "person"]
    assert [a.name for a in people] == ["George W Bush"]
    assert len(people[0].mentions) == 3


def test_company_with_a_whose_clause_is_not_a_person():
    found = actors(
        "Australian winemaker Zentacorp has rejected an offer. Zentacorp, whose brands "
        "include several wines, said the offer was too low."
    )
    assert [(a.name, a.kind) for a in found.values() if "Zentacorp" in a.name] == [
        ("Zentacorp", "organization")
    ]


def test_role_before_a_name_does_not_run_over_a_sentence_end():
    found = actors(
        '"We are pleased," said Jane Doe, the firm\'s chief executive officer. '
        "Plexor's shares rose 3%. Plexor said the deal was good."
    )
    assert all(a.kind != "person" for a in found.values() if "Plexor" in a.name)


def test_media_and_named_firms_are_organisations():
    found = actors(
        "Economy minister Ivan Petrov told the Vedomosti newspaper that prices rose. "
        "Jane Doe, editor of Hazmat magazine, agreed. The unit was sold to a firm called "
        "Tarkal. He told the Times Educational Supplement that schools were failing."
    )
    for name in ("Vedomosti", "Hazmat", "Tarkal", "Times Educational Supplement"):
        assert found[name].kind == "organization", name


def test_name_that_opens_a_longer_quote_is_a_person():
    found = actors('"Tony Meo and me used to spend all our time there," Mr White said.')
    assert found["Tony Meo"].kind == "person"


def test_one_word_before_of_is_not_a_person():
    found = actors(
        "Records are held for both Houses of Parliament. He fought over In Place of "
        "Strife in 1968, he said."
    )
    assert "Houses" not in found and "Place" not in found


def test_acronyms_side_by_side_are_one_organisation():
    found = actors('"Prices will fall," said John Brady of ABN AMRO.')
    assert "ABN AMRO" in found and "ABN" not in found and "AMRO" not in found


def test_misspelt_surname_with_a_title_joins_the_full_name():
    found = actors(
        "Adviser Andrei Illarionov attacked the sale. Mr Gref distanced himself "
        "from Mr Iliaronov's comments."
    )
    assert "Iliaronov" not in found
    assert "Mr Iliaronov" in found["Andrei Illarionov"].aliases


def test_different_short_surnames_are_not_merged():
    found = actors("Gordon Brown spoke. Mr Browne disagreed.")
    assert "Browne" in found and "Gordon Brown" in found


def test_sentence_initial_role_or_firm_noun_is_not_part_of_the_name():
    found = actors("Economist Anna Reed said rates would rise. Carmaker Autoco has cut jobs.")
    assert found["Anna Reed"].role == "Economist"
    assert "Economist Anna Reed" not in found and "Carmaker Autoco" not in found


def test_firm_named_with_a_possessive_keeps_it():
    found = actors(
        "Southcorp rejected an offer from brewing giant Foster's Group. Foster's said the "
        "offer was fair. Foster's shares fell."
    )
    assert found["Foster's Group"].kind == "organization"
    assert "Foster" not in found


def test_full_name_is_the_same_actor_at_every_mention():
    art = extract(
        "Parties cannot take voters for granted, says Age Concern. Age Concern says the "
        "over-55s will vote."
    )
    named = [a for a in art.actors if a.name == "Age Concern"]
    assert len(named) == 1 and len(named[0].mentions) == 2
    assert art.claims[0].speaker == "Age Concern"


def test_organisation_after_person_of_is_an_actor():
    found = actors("Laura Brownlees of Save the Children said there were grave concerns.")
    assert found["Save the Children"].kind == "organization"
    found = actors("President Musharraf of Pakistan, speaking in London, said he was pleased.")
    assert "Pakistan" in found and found["Pakistan"].kind == "country"


def test_business_cues_make_a_lone_name_a_firm():
    found = actors(
        "Ferrari could be listed on the market. Fiat owns a 56% stake in Ferrari. "
        "Shares in Zentek rose."
    )
    assert found["Fiat"].kind == "organization"
    assert found["Ferrari"].kind == "organization"
    assert found["Zentek"].kind == "organization"


def test_firm_qualified_by_a_country_is_the_firm_named_last():
    from articles.extraction import extract as run

    art = run("Fiat ended its alliance with General Motors. The US firm said it would pay $2bn.")
    assert [c.speaker for c in art.claims if c.kind == "attributed"] == ["General Motors"]


def test_possessive_institution_names_are_whole():
    found = actors("He trained at Guy's Hospital Medical School, University of London.")
    assert found["Guy's Hospital Medical School"].kind == "organization"
    assert "Hospital Medical School" not in found
    found = actors("Britain's Royal College of Nursing said pay was too low.")
    assert "Britain's Royal College" not in found


def test_rank_word_before_an_institution_is_not_part_of_its_name():
    found = actors("Deputy High Court Judge Richard Mawrey told the hearing it was serious.")
    assert "Deputy High Court" not in found
    assert found["Richard Mawrey"].kind == "person"


def test_a_persons_named_work_is_not_a_person():
    found = actors(
        "Others compared it to the character Fagin in Charles Dickens' Oliver Twist. "
        "Critics cited Shakespeare's Merchant of Venice."
    )
    assert "Charles Dickens" in found
    assert "Oliver Twist" not in found and "Merchant" not in found


def _mention_texts(actor):
    return [m.text for m in actor.mentions]


def test_president_of_a_first_lady_story_is_not_the_first_lady():
    found = actors(
        "Karen Voss said the country had lost hope. The first lady said so on Friday. "
        "President Voss's term ends in January, and Voss will leave the White House."
    )
    karen = found["Karen Voss"]
    assert karen.role != "President"
    assert _mention_texts(karen) == ["Karen Voss"]
    husband = next(a for a in found.values() if a.role == "President")
    assert husband.name != "Karen Voss" and len(husband.mentions) == 2


def test_mr_and_mrs_go_to_the_man_and_the_woman_of_one_surname():
    found = actors(
        "Susan Hartwell and David Hartwell run the farm. "
        "Mrs Hartwell said it was hard. Mr Hartwell said it was worth it."
    )
    assert "Mrs Hartwell" in found["Susan Hartwell"].aliases
    assert "Mr Hartwell" in found["David Hartwell"].aliases
    assert "Mr Hartwell" not in found["Susan Hartwell"].aliases


def test_mr_is_not_the_knight_of_the_same_surname():
    found = actors(
        "Tony Crayford defended the plan. Later Sir Alan Crayford warned of risks. "
        "But Mr Crayford insisted it was needed."
    )
    assert "Mr Crayford" in found["Tony Crayford"].aliases
    assert "Mr Crayford" not in found["Alan Crayford"].aliases


def test_mr_joins_a_knight_when_nobody_else_has_the_surname():
    found = actors("Sir Keith Dunmore wrote to her. Mr Dunmore said she was wrong.")
    assert "Mr Dunmore" in found["Keith Dunmore"].aliases


def test_title_goes_to_the_namesake_who_holds_it():
    found = actors(
        "Rep. Mark Stanholm will retire. A Scott Stanholm, his brother, registered the site. "
        '"He was respected," Miller said of Congressman Stanholm.'
    )
    assert "Congressman Stanholm" in found["Mark Stanholm"].aliases
    assert len(found["Scott Stanholm"].mentions) == 1


def test_surname_two_people_share_equally_is_nobodys():
    found = actors("Peter Quayle and Simon Quayle founded the firm. Quayle said it grew.")
    assert len(found["Peter Quayle"].mentions) == 1
    assert len(found["Simon Quayle"].mentions) == 1


def test_surname_stays_with_the_person_it_named_before_a_namesake_came():
    found = actors(
        "Ann Velden has led the tribe for years. Velden, 75, says the sea is sick. "
        "Velden and her son, Tom Velden, were called in. Velden wept."
    )
    assert len(found["Ann Velden"].mentions) == 4
    assert len(found["Tom Velden"].mentions) == 1


def test_appositive_role_of_a_possessor_is_not_the_names_role():
    found = actors("Debra Lanning, the congressman's wife, founded the group.")
    assert found["Debra Lanning"].role == ""


def test_the_first_lady_speaks_for_the_woman_just_named_not_her_husband():
    result = extract(
        "Karen Voss sees despair in the country. The first lady said the election had "
        "drained its hope. President Voss leaves office in January."
    )
    assert [c.speaker for c in result.claims if c.kind == "attributed"] == ["Karen Voss"]


def test_paper_named_x_and_y_is_one_outlet():
    found = actors("The Post and Courier newspaper reported on the closing argument.")
    assert found["Post and Courier"].kind == "organization"
    assert "Courier" not in found


def test_two_parties_joined_by_and_stay_two():
    found = actors("The Tories and Labour said no.")
    assert {"Conservative Party", "Labour Party"} <= set(found)


def test_party_name_with_capitals_after_a_hyphen_is_an_organisation():
    found = actors("She rose through the ranks of the ruling Zanu-PF in two years.")
    assert found["Zanu-PF"].kind == "organization"


def test_hyphenated_states_and_led_are_no_organisation():
    found = actors("The ANC-led government backed China-UK talks.")
    assert not [a for a in found.values() if "-" in a.name]


def test_plural_people_noun_opens_an_organisations_name():
    found = actors(
        "Doctors Without Borders said the clinic was hit. Ann Roe, founder of the "
        "association Friends of Elm Park, said no."
    )
    assert found["Doctors Without Borders"].kind == "organization"
    assert found["Friends of Elm Park"].kind == "organization"
    assert "Elm Park" not in found


def test_ministry_named_by_portfolio_after_a_state():
    found = actors("China's commerce ministry said the tariffs must go.")
    assert found["China's commerce ministry"].kind == "organization"


def test_family_name_first_with_a_reporting_verb_is_a_person():
    found = actors('Liu Heng said talks went well. "We agree," said Wang Yu.')
    assert found["Liu Heng"].kind == "person"
    assert found["Wang Yu"].kind == "person"


def test_family_name_first_with_a_role_at_the_sentence_end_is_a_person():
    found = actors("Talks were led by Liu Heng, the vice premier.")
    assert found["Liu Heng"].kind == "person"


def test_family_name_alone_is_the_person_named_family_name_first():
    found = actors("Officials said Zhou Keming would visit. Mr Zhou was glad. Zhou said so.")
    assert list(found) == ["Zhou Keming"]
    assert len(found["Zhou Keming"].mentions) == 3


def test_korean_name_with_a_hyphenated_given_name():
    found = actors("Moon Jae-ho was impeached on Friday. Moon denied wrongdoing.")
    assert found["Moon Jae-ho"].kind == "person"
    assert "Moon" in found["Moon Jae-ho"].aliases


def test_family_name_without_a_person_cue_is_not_enough():
    assert "Sun Park" not in actors("Visitors crowded into Sun Park on Monday.")


def test_organisation_name_with_for_a_is_whole():
    found = actors("said Ann Cole, director at the Committee for a Balanced Budget, a think-tank.")
    assert found["Committee for a Balanced Budget"].kind == "organization"
    assert "Balanced Budget" not in found


def test_two_letter_known_acronym_needs_capitals():
    found = actors("North Korean leader Kim Jong Un said so, the UN reported.")
    assert found["Kim Jong Un"].kind == "person"
    assert found["United Nations"].aliases == ["UN"]


def test_body_named_after_the_people_it_serves_keeps_their_possessive():
    found = actors(
        "The plan includes the National Women's Institute. The Workers' Party said no."
    )
    assert found["National Women's Institute"].kind == "organization"
    assert found["Workers' Party"].kind == "organization"
    assert "Party" not in found


def test_vietnamese_name_is_known_by_its_last_word_too():
    found = actors("Prime Minister Nguyen Xuan Thanh said so. Thanh added more.")
    assert list(found) == ["Nguyen Xuan Thanh"]
    assert "Thanh" in found["Nguyen Xuan Thanh"].aliases
