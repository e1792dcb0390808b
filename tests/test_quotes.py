"""Quotes (storyline.quotes): every direct quotation, with its speaker.

Runs spaCy's English model on invented articles (tests/fixtures/analysis/ and texts written
in the tests).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.entities import find_entities
from storyline.nlp import parse
from storyline.quotes import find_quotes
from storyline.types import Article, Quote

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"


def quotes_of(*texts: str) -> tuple[Quote, ...]:
    articles = tuple(Article(id=f"a{i}", text=t) for i, t in enumerate(texts))
    docs = parse(articles)
    quotes = find_quotes(articles, docs, find_entities(articles, docs))
    check_spans(articles, quotes)
    return quotes


def check_spans(articles, quotes) -> None:
    by_id = {a.id: a for a in articles}
    for quote in quotes:
        for citation in (quote.citation, *quote.also_in):
            text = by_id[citation.article_id].text
            assert 0 <= citation.start < citation.end <= len(text)
        assert by_id[quote.citation.article_id].text[
            quote.citation.start:quote.citation.end] == quote.text


def by_text(quotes, start: str) -> Quote:
    [quote] = [q for q in quotes if q.text.startswith(start)]
    return quote


@pytest.fixture(scope="module")
def water():
    records = json.loads((FIXTURES / "varn-water.json").read_text(encoding="utf-8"))
    articles = tuple(Article(id=r["id"], text=r["text"], source=r["source"],
                             date=dt.date.fromisoformat(r["date"])) for r in records)
    docs = parse(articles)
    quotes = find_quotes(articles, docs, find_entities(articles, docs))
    check_spans(articles, quotes)
    return articles, quotes


def test_quotes_citation_spans_the_words_inside_the_marks(water):
    articles, quotes = water
    by_id = {a.id: a for a in articles}
    for quote in quotes:
        text = by_id[quote.citation.article_id].text
        assert text[quote.citation.start - 1] in "\"“'‘"
        assert quote.citation.end == len(text) or text[quote.citation.end] in "\"”'’\n"


def test_quotes_in_reading_order(water):
    articles, quotes = water
    order = {a.id: i for i, a in enumerate(articles)}
    keys = [(order[q.citation.article_id], q.citation.start) for q in quotes]
    assert keys == sorted(keys)


def test_quotes_curly_and_straight_marks_with_speaker_after(water):
    _, quotes = water
    assert by_text(quotes, "They decided this").speaker == "Tomas Ilves"  # curly, "he said"
    assert by_text(quotes, "I am not sure").speaker == "Hanna Reuss"  # straight, "Reuss said"


def test_quotes_over_several_paragraphs_are_one_per_paragraph_same_speaker(water):
    _, quotes = water
    first = by_text(quotes, "We have no choice")
    second = by_text(quotes, "The cuts will last")
    third = by_text(quotes, "Nobody will go without")
    assert first.speaker == second.speaker == third.speaker == "Marta Ilves"
    assert not second.is_partial and second.text.endswith("rains.")


def test_quotes_split_by_he_said_are_two_quotes_same_speaker(water):
    _, quotes = water
    before, after = by_text(quotes, "They decided"), by_text(quotes, "without asking")
    assert before.speaker == after.speaker == "Tomas Ilves"
    assert not before.is_partial and not after.is_partial


def test_quotes_said_x_after_the_quote(water):
    _, quotes = water
    quote = by_text(quotes, "We will stand on that road")
    assert quote.speaker == "Jon Feld" and quote.speaker_role == "spokesman for the brigade"


def test_quotes_pronoun_after_colon_resolves_to_the_last_speaker(water):
    _, quotes = water
    quote = by_text(quotes, "No village will be left dry")
    assert quote.speaker == "Pavel Orlick"
    assert quote.speaker_role == "head of the Varn Regional Guard"


def test_quotes_role_reference_resolves_through_entities(water):
    _, quotes = water
    assert by_text(quotes, "Nobody blocks a public road").speaker == "Pavel Orlick"  # the general
    assert by_text(quotes, "done everything").speaker == "Marta Ilves"  # The minister told


def test_quotes_unnamed_source_is_unattributed_with_description(water):
    _, quotes = water
    quote = by_text(quotes, "The dam is older")
    assert quote.speaker is None and quote.speaker_role == "senior engineer"
    assert not quote.is_partial


def test_quotes_partial_quotes_are_flagged_and_attributed(water):
    _, quotes = water
    quote = by_text(quotes, "a disaster for every grower")
    assert quote.is_partial and quote.speaker == "Tomas Ilves"
    assert by_text(quotes, "the lowest since records").is_partial


def test_quotes_partial_quote_speaker_is_the_reported_speech_subject():
    quotes = quotes_of("Water Minister Marta Ilves said in a statement that Pavel Orlick "
                       "\"has been clear about the trucks and the drivers.\"")
    [quote] = quotes
    assert quote.is_partial and quote.speaker == "Marta Ilves"


def test_quotes_scare_quotes_without_attribution_are_dropped():
    quotes = quotes_of("The so-called \"reform\" of the harbour board was shelved in March. "
                       "Critics of the \"plan\" were pleased.")
    assert quotes == ()


def test_quotes_short_attributed_partial_quote_is_kept():
    [quote] = quotes_of("Dana Kirsch said the trucks would come back \"very soon\".")
    assert quote.text == "very soon" and quote.is_partial and quote.speaker == "Dana Kirsch"


def test_quotes_same_words_in_two_outlets_once_with_also_in(water):
    articles, quotes = water
    copies = [q for q in quotes if q.text.startswith("We have no choice")]
    assert len(copies) == 1
    assert [c.article_id for c in copies[0].also_in] == [articles[1].id]


def test_quotes_single_marks_as_outer_marks_and_possessive(water):
    articles, quotes = water
    third = [q for q in quotes if q.citation.article_id == articles[2].id]
    assert [q.text for q in third] == ["The growers' patience has run out.",
                                       "We are sorry for the trouble,"]
    assert third[0].speaker == "Tomas Ilves"
    assert third[1].speaker is None and third[1].speaker_role == "spokeswoman for the authority"


def test_quotes_nested_single_quotes_stay_inside():
    [quote] = quotes_of("“She told me ‘go home’ and walked off,” Rita Vance said.")
    assert quote.text == "She told me ‘go home’ and walked off,"
    assert quote.speaker == "Rita Vance"


def test_quotes_stray_opening_mark_splits_the_quote():
    quotes = quotes_of("One dock worker said: “We waited all night. \"Nobody came to help us.”")
    assert [q.text for q in quotes] == ["We waited all night.", "Nobody came to help us."]
    assert all(q.speaker is None for q in quotes)


def test_quotes_pronoun_prefers_the_last_speaker_over_a_later_name():
    text = ("Mayor Lena Ortiz said in a statement that Tom Reyes \"has done nothing for the town.\""
            "\n\"We will rebuild the bridge before winter,\" she said.")
    quote = by_text(quotes_of(text), "We will rebuild")
    assert quote.speaker == "Lena Ortiz"


def test_quotes_unattributed_quote_has_no_speaker():
    quotes = quotes_of("The ferry left at noon.\n\"Nobody knows when it will come back.\"")
    assert [q.speaker for q in quotes] == [None]


def test_quotes_empty_texts_and_a_quote_at_the_end_of_the_text():
    assert quotes_of("", "   ", "\"") == ()
    [quote] = quotes_of("Ada Brill said: \"We are not done")
    assert quote.text == "We are not done" and quote.speaker == "Ada Brill"


def test_quotes_unbalanced_marks_never_crash():
    texts = ["\"", "”“", "“”", "a \" b \" c \"", "the workers' union and the bosses' club",
             "“One. ”Two“ three”", "«Non» dit-il. “x", "\"\"\"\"", "He said ' and ‘ and ’"]
    quotes_of(*texts)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["“", "”", "\"", "'", "‘", "’", " ", "\n", "Ann Lee", "said",
                                 "she", ".", ",", ":", "We go", "the workers'", "Mr Lee"]),
                max_size=30))
def test_quotes_any_mix_of_marks_and_words_gives_valid_spans(pieces):
    quotes_of(" ".join(pieces), "".join(pieces))


def test_quotes_speaker_before_an_apposition_with_commas():
    quotes = quotes_of("Foreign Minister Martin Hale, attending the forum in Varna, Bulgaria, "
                       "said his cabinet \"honours the rulings handed down by the judges.\"")
    assert [q.speaker for q in quotes] == ["Martin Hale"]


def test_quotes_speaker_named_in_the_apposition():
    [quote] = quotes_of("Its chief executive, retired Gen. Aldo Brandt, said the plan had been "
                        "\"discussed openly for two years.\"")
    assert quote.speaker == "Aldo Brandt"


def test_quotes_person_of_an_organisation_and_relative_clause():
    quotes = quotes_of(
        "Professor Mira Olsen of Yale said: \"The court has every right to hear the case.\"\n"
        "Rolf Dahl of the rights group Amnesty International, which has long criticised "
        "Marco Vell, said the government was \"under obligation to act against him.\"")
    assert [q.speaker for q in quotes] == ["Mira Olsen", "Rolf Dahl"]


def test_quotes_person_after_organisation_and_role_after_the_verb():
    [quote] = quotes_of("\"We are sending food and water today,\" said United Nations "
                        "spokeswoman Stephanie Bunker.")
    assert quote.speaker == "Stephanie Bunker"


def test_quotes_quoted_as_saying():
    [quote] = quotes_of("\"We could have saved more people,\" Omar Haddad was quoted as saying "
                        "by the newspaper.")
    assert quote.speaker == "Omar Haddad"


def test_quotes_unnamed_speaker_keeps_the_pronoun_unattributed():
    quotes = quotes_of("Lena Ortiz left the meeting early.\nAn analyst for the bank in Denver "
                       "commented that the losses could grow. \"There could be many more,\" he "
                       "said.")
    assert [q.speaker for q in quotes] == [None]


def test_quotes_the_organisation_named_before():
    quotes = quotes_of("The Harbour Workers Union held a vote on Monday.\n"
                       "In a statement, the union said: \"The strike goes on until the port "
                       "listens.\"")
    assert [q.speaker for q in quotes] == ["Harbour Workers Union"]


def test_quotes_passive_is_not_an_attribution():
    [quote] = quotes_of("Desmond Kaye said the plan was \"never explained to us\" and no worker "
                        "would be dismissed.")
    assert quote.speaker == "Desmond Kaye"


def test_quotes_single_marks_inside_a_double_mark_article():
    quotes = quotes_of("Ana Ruiz said: \"We are glad.\"\nState media said the sailors "
                       "'shouted for joy' at the news, and the crew's families' hopes rose.")
    assert [q.text for q in quotes] == ["We are glad.", "shouted for joy"]


def test_quotes_speaker_named_after_a_relation_noun():
    quotes = quotes_of('Police detained Tao Wenjie on Monday.\n"My husband has done nothing '
                       'wrong," said his wife, Ruan Meiling. "They cannot keep him."')
    assert [q.speaker for q in quotes] == ["Ruan Meiling", "Ruan Meiling"]


def test_quotes_statement_from_an_organisation_after_the_quote():
    [quote] = quotes_of('Officials in Dunmore broke their silence.\n"The detained man is '
                        'suspected of harming national security," said a statement from the '
                        'Interior Ministry, which had declined to comment on Monday.')
    assert quote.speaker == "Interior Ministry"


def test_quotes_pronounced_and_a_subject_with_a_relative_clause():
    [quote] = quotes_of('Varnland earns most of its money from timber.\nBut Varnland, which has '
                        'few hotels, has nevertheless lately pronounced ferries to be "the trade '
                        'of the future."')
    assert quote.speaker == "Varnland" and quote.is_partial


def test_quotes_apposition_left_open_before_told():
    [quote] = quotes_of('The march went ahead.\nTom Bexley, 30, a teacher carrying a banner told '
                        'Reuters: "It is only the start."')
    assert quote.speaker == "Tom Bexley"


def test_quotes_who_after_a_person_is_that_person_but_not_after_a_preposition():
    [quote] = quotes_of('The route was changed, according to Dunmore Mayor Alan Preece, who told '
                        'reporters that it was because of "a crowd far larger than anyone '
                        'expected."')
    assert quote.speaker == "Alan Preece"
    [quote] = quotes_of('Reports say the sailors are held.\n"As soon as the three drivers are '
                        'freed, the Danes can sail back," an anonymous source close to the '
                        'command of Zarif Force, who also said that the chief approved.')
    assert quote.speaker is None


def test_quotes_person_with_a_particle_surname_before_an_organisation_role():
    [quote] = quotes_of('Tourism may grow.\n"Our message is simple: come and see," Salah '
                        'el-Marouni, the director of the Varn Museum, said during a tour.')
    assert quote.speaker == "Salah el-Marouni"


def test_quotes_outlet_quoting_a_person_gives_the_person():
    quotes = quotes_of(
        "Interior Minister Dara Okonkwo spoke to parliament on Friday. Okonkwo said the "
        'talks would go on. "Our patience has an end," Radio Kestrel quoted him as saying.')
    assert by_text(quotes, "Our patience").speaker == "Dara Okonkwo"


def test_quotes_passive_quoted_by_an_outlet_keeps_the_subject():
    quotes = quotes_of(
        "Mayor Ilse Brandt was quoted Saturday by the daily Morgenpost as saying, "
        '"the ferry will sail again."')
    assert by_text(quotes, "the ferry").speaker == "Ilse Brandt"


def test_quotes_read_a_statement_of_an_organisation():
    quotes = quotes_of(
        "The Harbour Workers Union walked out on Monday.\n"
        '"We have waited long enough," read a Harbour Workers Union statement. '
        '"The port will stay closed until the talks resume."')
    assert by_text(quotes, "We have waited").speaker == "Harbour Workers Union"
    assert by_text(quotes, "The port will").speaker == "Harbour Workers Union"


def test_quotes_said_role_words_that_hold_an_organisation_then_the_person():
    quotes = quotes_of(
        '"Closing the border is out of the question," said Portuguese Defense Minister '
        'Rui Tavares. But he said, "we will not wait for ever."')
    assert by_text(quotes, "Closing the border").speaker == "Rui Tavares"
    assert by_text(quotes, "we will not").speaker == "Rui Tavares"


def test_quotes_person_with_a_role_at_an_organisation_before_the_verb():
    quotes = quotes_of(
        'Lena Fischer, researcher at Coastal Watch said "the nets were cut on purpose."')
    assert by_text(quotes, "the nets").speaker == "Lena Fischer"


def test_quotes_the_president_after_a_sentence_ending_in_a_capitalised_word():
    quotes = quotes_of(
        "President Alma Reyes praised the deal with the Moravians.\n"
        "The president said the deal was \"the best way to peace for everyone in the "
        'valley."')
    assert by_text(quotes, "the best way").speaker == "Alma Reyes"


def test_quotes_second_verb_of_a_sentence_takes_its_named_subject():
    quotes = quotes_of(
        "Norway's fisheries council met on Wednesday. The Coastal Fisheries Council of "
        "Norway discussed the quotas on Wednesday, and announced afterward that it would "
        'seek "a complete ban on trawling" in the fjord.')
    assert by_text(quotes, "a complete ban").speaker == "Coastal Fisheries Council of Norway"


def test_quotes_and_after_a_verb_is_not_the_object_speaking():
    quotes = quotes_of(
        'Police arrested Tomas Berg and said he had "no papers at all" when stopped.')
    assert by_text(quotes, "no papers").speaker is None


def test_quotes_a_publication_citing_words():
    quotes = quotes_of(
        "The Lisbon Courier also cites \"the ministry's refusal to publish the report\" "
        "as a reason for the delay.")
    assert by_text(quotes, "the ministry").speaker == "Lisbon Courier"


def test_quotes_said_a_tearful_person():
    quotes = quotes_of(
        'Her brother is missing. "He only went there to fix the lines," said a tearful '
        "Maria Lindqvist, 24.")
    assert by_text(quotes, "He only went").speaker == "Maria Lindqvist"


def test_quotes_said_the_aged_person_named_before():
    quotes = quotes_of(
        "Peter Kowalski has slept at the shelter since March. "
        '"The cold comes after midnight," said the 46-year-old Kowalski, who sleeps near '
        "the station.")
    assert by_text(quotes, "The cold comes").speaker == "Peter Kowalski"


def test_quotes_an_age_makes_a_name_spacy_calls_an_organisation_a_person():
    quotes = quotes_of(
        "Imre Varga has slept at the shelter since March. "  # spaCy: an organisation
        '"The cold comes after midnight," said the 52-year-old Varga.\n'
        'Tamas Varga, 34, a cook there, agreed. "We run out of soup by ten," he said.')
    assert by_text(quotes, "The cold comes").speaker == "Imre Varga"
    assert by_text(quotes, "We run out").speaker == "Tamas Varga"


def test_quotes_said_the_relative_of_a_person_is_not_that_person():
    quotes = quotes_of(
        "Anna Berg was not at the hearing. "
        '"We will keep asking," said the mother of Anna Berg.')
    assert by_text(quotes, "We will keep").speaker != "Anna Berg"


def test_quotes_surname_spacy_takes_for_a_noun_is_still_the_speaker():
    quotes = quotes_of(
        "The ferry company hired Marc Tort last year to fix its timetable. "
        '"Nobody reads a timetable," Tort said, "they read the sky."')
    assert by_text(quotes, "Nobody reads").speaker == "Marc Tort"
    assert by_text(quotes, "they read the sky").speaker == "Marc Tort"


def test_quotes_the_congress_said_is_the_congress_named_before():
    quotes = quotes_of(
        "The Harbour Workers Congress rejected the port's offer on Tuesday.\n"
        '"No one will be bought with promises," the congress said in a statement.')
    assert by_text(quotes, "No one will").speaker == "Harbour Workers Congress"


def test_quotes_the_radio_said_is_the_broadcaster_named_before():
    quotes = quotes_of(
        "Voters in Marand waited in the rain on Friday. Marand radio said the polls would "
        'stay open late. "The halls are full," the radio said.')
    assert by_text(quotes, "The halls are full").speaker == "Marand radio"


def test_quotes_he_is_the_later_subject_of_the_paragraph_before_not_its_first_speaker():
    quotes = quotes_of(
        "While Paul Weber, an engineer, said he expected no trouble, Tom Lund is worried.\n"
        '"We will lose a satellite this winter," he said.')
    assert by_text(quotes, "We will lose").speaker == "Tom Lund"


def test_quotes_a_name_spacy_misses_after_a_closing_quote_is_the_speaker():
    quotes = quotes_of(
        "Families lined up for the payments on Monday.\n"
        '"This is nothing," Esperanza Dalu said, waving the letter.')  # spaCy: a work of art
    assert by_text(quotes, "This is nothing").speaker == "Esperanza Dalu"


def test_quotes_retorted_is_a_speech_verb():
    quotes = quotes_of(
        'The lawyer called the story invented. "I was in the room," Neil Ambrose retorted.')
    assert by_text(quotes, "I was in the room").speaker == "Neil Ambrose"


def test_quotes_he_is_not_a_person_named_inside_what_the_paragraph_before_reported():
    quotes = quotes_of(
        "Senator Paul Price told reporters he was worried that Governor Tom Hale wanted a "
        "veto.\n"
        '"We are concerned about the timing," he said.')
    assert by_text(quotes, "We are concerned").speaker == "Paul Price"


def test_quotes_the_senator_after_anonymity_is_the_unnamed_senator():
    quotes = quotes_of(
        "Senator Ruth Okafor leads the committee.\n"
        "One veteran senator put it bluntly, speaking on the condition of anonymity. "
        '"We have never been this divided," the senator said.')
    assert by_text(quotes, "We have never").speaker is None


def test_quotes_a_person_named_by_a_first_name_only_is_the_speaker():
    quotes = quotes_of(
        "Dr. Omar Rask runs the ward. A nurse who gave only her first name, Adaeze, said the "
        "beds were full.\n"
        '"We sleep in shifts now," she said.')
    assert by_text(quotes, "We sleep in shifts").speaker == "Adaeze"


def test_quotes_the_statement_said_is_the_organisation_named_before():
    quotes = quotes_of(
        "The Coastal Water Board published new rules on Thursday. Its announcement was blunt. "
        '"Draining marshes," the statement said, "raises the risk of floods."')
    assert by_text(quotes, "Draining marshes").speaker == "Coastal Water Board"
    assert by_text(quotes, "raises the risk").speaker == "Coastal Water Board"


def test_quotes_a_speaker_recalling_what_a_poll_asked_is_the_speaker():
    quotes = quotes_of(
        "Mara Lind recalled a survey of runners that asked whether they would take a pill "
        'for a medal: "Half of them said yes, and that scared me."')
    assert by_text(quotes, "Half of them").speaker == "Mara Lind"


def test_quotes_says_name_colon_opening_a_sentence():
    quotes = quotes_of(
        "The commission's chair, Lena Holt, said the rule was fair. Says Ivo Brandt: "
        '"They want it fast, and so do we."')
    assert by_text(quotes, "They want it fast").speaker == "Ivo Brandt"


def test_quotes_says_an_organisations_person_is_the_person():
    quotes = quotes_of(
        'Fans queued for hours. "Nobody queues for a trailer," says CNN\'s Dora Vale.')
    assert by_text(quotes, "Nobody queues").speaker == "Dora Vale"


def test_quotes_says_an_occupation_then_a_name_is_that_person():
    quotes = quotes_of(
        'Clinics now offer needle facelifts. "The skin tightens in weeks," says acupuncturist '
        "Lian Cho of Irvine.")
    assert by_text(quotes, "The skin tightens").speaker == "Lian Cho"


def test_quotes_said_the_reports_coauthor_comma_name_is_that_person():
    quotes = quotes_of(
        "Forests will move north, a report found. "
        '"Many trees cannot migrate fast enough," said the report\'s co-author, Ada Brun, '
        "a botanist.")
    assert by_text(quotes, "Many trees").speaker == "Ada Brun"


def test_quotes_a_sentence_quote_after_one_about_a_person_is_theirs():
    quotes = quotes_of(
        "Maria Lopez, the mayor, opened the clinic on Monday. Because patients fear needles, "
        'David Chen plays soft music in every room. "I want them to forget where they are."')
    assert by_text(quotes, "I want them").speaker == "David Chen"


def test_quotes_the_commission_said_names_the_commission_named_paragraphs_before():
    quotes = quotes_of(
        "The Harbour Inquiry Commission published its findings on Friday.\n"
        "The port's owners rejected them.\n"
        "Unions welcomed the report.\n"
        'In its report, the commission called the old managers the "main culprits" of the '
        "collapse.")
    assert by_text(quotes, "main culprits").speaker == "Harbour Inquiry Commission"


def test_quotes_name_weekday_verb_and_a_report_owner_and_answered():
    quotes = quotes_of(
        'Envoy Martin Sorel Sunday repeated that Paris is "worried" about the camps.\n'
        "The Foreign Office's annual report said the talks had \"gone nowhere at all.\"\n"
        'Would she stay? "Not for a day longer," Rita Vance answered.')
    assert by_text(quotes, "worried").speaker == "Martin Sorel"
    assert by_text(quotes, "gone nowhere").speaker == "Foreign Office"
    assert by_text(quotes, "Not for a day").speaker == "Rita Vance"


def test_quotes_the_memo_said_is_its_writers():
    quotes = quotes_of(
        "The memo, from Karl Oster, a senior engineer, was sent to the board.\n"
        'Its first point, the memo said, was to "stop the leaks before spring."')
    assert by_text(quotes, "stop the leaks").speaker == "Karl Oster"


def test_quotes_an_outlet_named_before_newspaper_and_a_ruling_drafted_by_a_board():
    quotes = quotes_of(
        "Two aid workers were seized on Sunday.\n"
        "London's Guardian newspaper said on Monday that the kidnappings \"cast fresh doubt on "
        "official claims.\"\n"
        "The disclaimer drafted by the Brenford School Board was read aloud. The disclaimer "
        'said: "Each student forms an opinion of his or her own."\n'
        "A reporter for the Al Nour news agency said the roads were cut. \"No one knows how "
        "to get the aid in,\" the reporter said.")
    assert by_text(quotes, "cast fresh doubt").speaker == "Guardian"
    assert by_text(quotes, "No one knows").speaker is None  # the reporter, not the agency
    assert by_text(quotes, "Each student").speaker == "Brenford School Board"


def test_quotes_a_first_name_spacy_missed_that_the_text_uses_again():
    quotes = quotes_of(
        "When the neighbours' kids drop in, Annika sprawls out on the rug with a puzzle.\n"
        '"I have already done all of their work," Annika said.')
    assert by_text(quotes, "I have already").speaker == "Annika"


def test_quotes_she_is_not_a_person_named_as_the_object_of_her_own_sentence():
    # "Rep." ends no sentence, and "As much as she would not object to watching McClure leave
    # office, she frets" is about "she", not McClure.
    quotes = quotes_of(
        "WASHINGTON _ Rep. Susan Walsh has not been a fan of her fellow Democrat Colin McClure. "
        "She thinks he cost the party the last election.\n"
        "But as the House gets ready to vote, Ms. Walsh finds herself uneasy. As much as she would "
        "not object to watching Colin McClure leave office, she frets about the precedent.\n"
        '"I\'m not interested in what happens to Colin McClure," she said.')
    assert by_text(quotes, "I'm not interested").speaker == "Susan Walsh"


def test_quotes_an_organisations_statement_and_radio_after_the_verb_and_before_it():
    quotes = quotes_of(
        "Two officials were seized on Friday.\n"
        "The two were touring and \"told villagers to give up their rifles,\" said a VLF "
        "statement carried in the daily Dita e Re.\n"
        "Nordland Broadcasting Corp. radio said it had been handed a \"draft "
        "report\" that condemns the party.")
    assert by_text(quotes, "told villagers").speaker == "VLF"
    assert by_text(quotes, "draft report").speaker == "Nordland Broadcasting Corp."


def test_quotes_she_is_not_a_man_named_without_a_title():
    quotes = quotes_of(
        "Their mother, Laura Finch, spoke from Leeds. Peter Dowd had been to Kosovo "
        "twice.\nShe did not fault Dowd. \"Peter is grown up enough to choose his own path,\" "
        "she said.")
    assert by_text(quotes, "Peter is grown up").speaker == "Laura Finch"


def test_quotes_said_a_name_then_the_quote_reports_on_that_name():
    quotes = quotes_of(
        "The ban will stay, the ministry said.\n"
        "Earlier, the prime minister's spokesman, speaking on condition of anonymity, said "
        "Colin McClure \"has clearly offensive views.\"\n"
        "The diplomat, who spoke on condition of anonymity, said Hanoi had acted against the "
        "sect because of \"the threat it presented to our nation.\"")
    assert by_text(quotes, "has clearly offensive").speaker is None  # the unnamed spokesman
    assert by_text(quotes, "the threat it presented").speaker is None  # the diplomat's words


def test_quotes_a_signs_words_are_no_ones_and_no_place_speaks_for_it():
    quotes = quotes_of(
        "Colin McClure visited Pine Ridge on Wednesday. At Pine Ridge, a marquee at a gas "
        "station showed both joy and wariness: \"Welcome, Governor. Remember our treaties,\" "
        "the sign read.",
        "RIVERHEAD, N.Y. _ The lane into the camp is not a friendly one: The sign "
        "marking the gate reads, \"Trespassers will be prosecuted.\"")
    assert by_text(quotes, "Welcome, Governor").speaker is None
    assert by_text(quotes, "Trespassers").speaker is None


def test_quotes_he_is_a_fighter_who_only_identified_himself_by_a_name():
    quotes = quotes_of(
        "A militia fighter, who only identified himself as Avarani, said Monday the rebels "
        "needed time to rest.\nAvarani came to Varnsk in neighbouring Ostria with 9 "
        "injured men. He said they were preparing \"a series of raids\" later in the month.")
    assert by_text(quotes, "a series of raids").speaker == "Avarani"


def test_quotes_a_thing_called_by_a_lowercase_name_says_nothing():
    quotes = quotes_of(
        "For autism, this is the first clear marker found so early, said Colin McClure, president "
        "of Varn Labs Corp. The firm is trialling a peptide called lumatrin as a remedy.\n"
        '"I am going to look for this in our own trials," he said.')
    assert by_text(quotes, "I am going to look").speaker == "Colin McClure"


def test_quotes_the_report_and_the_advisory_are_their_issuers():
    quotes = quotes_of(
        "LONDON _ Warming could kill off many species, the Global Fund for Wetlands said in a "
        "report released here Thursday.\nThe fund paints a bleak picture.\n"
        '"Rapid warming is likely to increase habitat loss," the report says.\n'
        "Carmakers reacted coolly to the advisory from the Varn Road Safety Administration.\n"
        '"Buyers should be told of the risk," the advisory said.')
    assert by_text(quotes, "Rapid warming").speaker == "Global Fund for Wetlands"
    assert by_text(quotes, "Buyers should").speaker == "Varn Road Safety Administration"


def test_quotes_quoted_as_saying_after_an_apposition_a_statement_released_by_and_a_ministry():
    quotes = quotes_of(
        "Libya rejected the plan on Tuesday. Teams were invited to the games.\n"
        '"We will wait for their reply," it quoted Colin McClure, head of the technical '
        "committee, as saying.\n"
        '"The Union deplores the arrests," said the statement released by the European Union.\n'
        "The Libyan foreign ministry said it was puzzled by the \"unity\" of the two "
        "texts.\nAccording to the BBC, \"large waves\" have struck the islands.")
    assert by_text(quotes, "We will wait").speaker == "Colin McClure"
    assert by_text(quotes, "The Union deplores").speaker == "European Union"
    assert by_text(quotes, "unity").speaker == "Libya"
    assert by_text(quotes, "large waves").speaker == "BBC"


def test_quotes_agreed_to_is_no_speech_and_a_time_phrase_before_the_verb_is_skipped():
    quotes = quotes_of(
        "Colin McClure met both ministers on Friday.\n"
        "Madrid and Manila have agreed to study the draft, which was \"worded in legal "
        "language\" and could be the basis of a charter, McClure said.\n"
        "The Nordic League, which last month condemned the talks, issued a statement Sunday "
        "saying that the clashes were \"a flagrant danger to the region.\"")
    assert by_text(quotes, "worded in legal").speaker == "Colin McClure"
    assert by_text(quotes, "a flagrant danger").speaker == "Nordic League"


def test_quotes_the_airlines_chief_executive_is_the_chief_executive_the_story_names():
    quotes = quotes_of(
        "ZURICH _ Varnair \"did everything correctly\" in fitting the system, the airline's "
        "chief executive said in a newspaper interview Sunday.\nVarnair switched the system "
        "off.\nChief executive Colin McClure told the paper it had been certified.")
    assert by_text(quotes, "did everything").speaker == "Colin McClure"


def test_quotes_a_companys_note_some_weeks_later_is_the_companys():
    quotes = quotes_of(
        "Colin McClure wrote to the chipmaker in March.\n"
        "A Varnell note a few weeks later said, \"McClure made vague threats about supporting\" "
        "its competitors.")
    assert by_text(quotes, "McClure made vague").speaker == "Varnell"


def test_quotes_an_opening_gerund_is_no_part_of_a_name_and_said_org_pollster_x():
    quotes = quotes_of(
        "Nora Blake chairs the county party.\n"
        "Joining Blake at the convention was Paul Reyes, a city commissioner.\n"
        '"We are not apathetic," Blake said.\n'
        '"They vote when someone asks them," said Harvard pollster Reyes.')
    assert by_text(quotes, "We are not apathetic").speaker == "Nora Blake"
    assert by_text(quotes, "They vote").speaker == "Paul Reyes"


def test_quotes_any_verb_right_after_the_name_after_a_quote_and_aide_of_a_person():
    quotes = quotes_of(
        "Nora Blake chairs the county party.\n"
        '"We have a hundred members. They have three," Blake sniffed.\n'
        '"Numbers are not everything," said Reyes aide Tom Hill.')
    assert by_text(quotes, "We have a hundred").speaker == "Nora Blake"
    assert by_text(quotes, "Numbers are not").speaker == "Tom Hill"


def test_quotes_lamented_x_after_a_quote_is_x():
    quotes = quotes_of(
        'Nobody marched on Saturday. "People just want their holidays," lamented Marc Roy, a '
        "columnist.")
    assert by_text(quotes, "People just want").speaker == "Marc Roy"


def test_quotes_name_who_said_without_a_comma():
    quotes = quotes_of(
        "The meeting upset some members, including former candidate Gary Bauer who said it "
        '"rewarded the wrong people."')
    assert by_text(quotes, "rewarded the wrong").speaker == "Gary Bauer"


def test_quotes_his_report_said_and_denounced_as():
    quotes = quotes_of(
        "Judge Alan Moss wrote the inquiry's findings.\n"
        'His report said, "The force must change at every level."\n'
        'Senator Ruth Dale denounced the plan as "a gift to the tobacco lobby."')
    assert by_text(quotes, "The force must change").speaker == "Alan Moss"
    assert by_text(quotes, "a gift to the tobacco").speaker == "Ruth Dale"


def test_quotes_organisation_name_ending_is_never_a_person_speaker():
    quotes = quotes_of(
        "Engineers of Halvard Telecom, a Norwegian company, were freed on Sunday. "
        '"We are relieved," Halvard Telecom said in a statement.',
        "The chief executive of Halvard Telecom, Ola Brekke, said on Monday that the firm "
        'had "never stopped talking to the captors."\n'
        'He said the company would "send no one back this year."')
    assert by_text(quotes, "never stopped").speaker == "Ola Brekke"
    assert by_text(quotes, "send no one").speaker == "Ola Brekke"


def test_quotes_said_lowercase_body_and_role_before_the_name():
    quotes = quotes_of(
        '"This is a disgrace," said tribunal president Ada Vukovic of Croatia.')
    assert by_text(quotes, "This is a disgrace").speaker == "Ada Vukovic"


def test_quotes_reported_newspaper_after_the_quote():
    quotes = quotes_of(
        '"The pier was full of people when the wave came," reported the Boston Herald, '
        "the largest newspaper of the region.")
    assert by_text(quotes, "The pier").speaker == "Boston Herald"


def test_quotes_blamed_with_a_short_quote_is_kept_and_attributed():
    quotes = quotes_of('Governor Peter Walsh blamed "outside forces" for the fires.')
    assert by_text(quotes, "outside forces").speaker == "Peter Walsh"


def test_quotes_address_after_the_organisation_is_not_the_speaker():
    quotes = quotes_of(
        '"The wave is spreading out," Peter Holm, professor of earth sciences at the '
        "University of Texas, El Paso said.")
    assert by_text(quotes, "The wave").speaker == "Peter Holm"


def test_quotes_relative_clause_naming_someone_else_keeps_the_subject():
    quotes = quotes_of(
        "Sarah Collins, whose cousin, James Miller, died in the crash, said the site "
        '"felt strange from the start."')
    assert by_text(quotes, "felt strange").speaker == "Sarah Collins"


def test_quotes_organisation_of_a_country_said():
    quotes = quotes_of(
        "The Marine Safety Board of Iceland said in a statement that the blaze was "
        '"simply the outcome of earlier failures."')
    assert by_text(quotes, "simply the outcome").speaker.startswith("Marine Safety Board")


def test_quotes_the_filing_of_an_organisation_said():
    quotes = quotes_of(
        "The venture is controlled by Motorola Inc.\n"
        '"There is no experience we can use," the Motorola filing said.')
    assert by_text(quotes, "There is no experience").speaker == "Motorola Inc."


def test_quotes_place_before_comma_said_gives_the_one_after():
    quotes = quotes_of(
        'He would face "harsh" punishment if he were sent back to Oman, said one Arab '
        "official.")
    quote = by_text(quotes, "harsh")
    assert quote.speaker is None and quote.speaker_role == "Arab official"


def test_quotes_he_opening_a_sentence_whose_second_verb_speaks():
    quotes = quotes_of(
        "The committee is watching the race, said a spokesman for the committee, Mike Jordan. "
        "He declined to speculate about the money, but acknowledged that \"it's clearly a "
        'contest where cash could decide it."')
    assert by_text(quotes, "it's clearly").speaker == "Mike Jordan"


def test_quotes_question_then_speaker_and_verb():
    quotes = quotes_of(
        'Pensioners like Paulo Ferreira fear the reform.\n"Is there any way to keep calm in this '
        'town?" Ferreira asked. "It is only the rich and the poor."')
    assert by_text(quotes, "Is there any way").speaker == "Paulo Ferreira"
    assert by_text(quotes, "It is only").speaker == "Paulo Ferreira"


def test_quotes_appealed_to_with_quoted_words_and_a_regnal_name():
    quotes = quotes_of(
        "Pope John Paul II visited Split on Saturday. John Paul appealed to the crowd "
        '"to forgive and reconcile."')
    assert by_text(quotes, "to forgive").speaker == "John Paul II"


def test_quotes_he_after_a_paragraph_of_description_is_the_last_speaker():
    quotes = quotes_of(
        "The sculptor Halvard Brennick, 71, still works every morning.\n"
        '"I carve until lunch," he says.\n'
        "His studio smells of cedar. He pauses often, and looks out at the fjord for minutes "
        "at a time.\n"
        '"Nobody buys wood any more," he says.')
    assert by_text(quotes, "Nobody buys").speaker == "Halvard Brennick"


def test_quotes_he_is_not_a_group_named_in_the_plural():
    quotes = quotes_of(
        "Ollie Marsh, a baker, is 34.\n"
        "Deserted by the big chains, Xers had no choice but to bake their own bread, he says.\n"
        '"They will queue for an hour," he jokes.')
    assert by_text(quotes, "They will queue").speaker == "Ollie Marsh"


def test_quotes_present_tense_verb_before_the_speaker():
    quotes = quotes_of(
        "Rents rose again in Tildon this spring.\n"
        '"Families cannot keep up," complains Dr. Ingrid Vasko, a Tildon economist.')
    assert by_text(quotes, "Families cannot").speaker == "Ingrid Vasko"


def test_quotes_surname_that_spacy_takes_for_a_company_keeps_its_person():
    quotes = quotes_of(
        "Home schooling has grown, said Helen Lines, a researcher at the Tildon Institute.\n"
        '"Their motivation has shifted," Lines said. Such pupils now total half a million, '
        "according to Lines, or a million, according to Dr. Ivo Berg.")
    assert by_text(quotes, "Their motivation").speaker == "Helen Lines"


def test_quotes_role_word_before_a_surname_is_the_person():
    quotes = quotes_of(
        "Tom Harrow grows pears near Tildon.\n"
        'When Farmer Harrow talks about frost, he frowns. "One night can ruin a year," he says.')
    assert by_text(quotes, "One night").speaker == "Tom Harrow"


def test_quotes_organisation_and_role_words_before_a_person_are_not_the_name():
    quotes = quotes_of(
        "Many schools have resorted to scare signs.\n"
        '"This is the way it is now," Elmwood Principal Dan Ferris says with a sigh, by way of '
        "justifying the signs.")
    assert by_text(quotes, "This is the way").speaker == "Dan Ferris"


def test_quotes_surname_that_is_also_a_modal_verb():
    quotes = quotes_of(
        "The navy wants to discharge Lt. Colin May, a pilot from Tildon.\n"
        '"I hope the minister will meet me," May said.')
    assert by_text(quotes, "I hope").speaker == "Colin May"


def test_quotes_person_of_a_place_in_an_apposition_before_said():
    quotes = quotes_of(
        "The task force met on Monday. The other co-chair, Rep. Ilse Haverty of Oregon, said, "
        '"We will try again next year."')
    assert by_text(quotes, "We will try").speaker == "Ilse Haverty"


def test_quotes_surname_that_spacy_takes_for_a_month():
    quotes = quotes_of(
        "The navy wants to discharge Tom August, a pilot.\n"
        '"I hope he will meet me," August said. August flew for ten years.')
    assert by_text(quotes, "I hope").speaker == "Tom August"


def test_quotes_pronounced_before_the_speaker():
    quotes = quotes_of(
        "The vote is due next week.\n"
        '"The mayor is going to stay," pronounced Rep. Ansel Curwen, a Tildon Democrat.')
    assert by_text(quotes, "The mayor is going").speaker == "Ansel Curwen"


def test_quotes_in_the_words_of():
    quotes = quotes_of(
        "The city says the new filing is an effort to \"move the goalposts,\" in the words of "
        "Petra Holm, the city's lawyer.")
    assert by_text(quotes, "move the goalposts").speaker == "Petra Holm"


def test_quotes_role_with_the_person_named_after_it_is_that_person():
    quotes = quotes_of(
        "Vera Ostrand, the director of the Tildon Arts Council, called the cuts unfair.",
        "The clinic stayed closed on Monday, said the director, Greta Hallin. "
        '"We needed a day to grieve," she said.')
    assert by_text(quotes, "We needed").speaker == "Greta Hallin"


def test_quotes_editors_note_line_does_not_speak_for_the_quote_after_it():
    quotes = quotes_of(
        "The drills take place every month.\n"
        "(Story can end here. Optional adds follow)\n"
        '"A drill for a fire is like any other drill," said Lena Moss, a pupil in Tildon.')
    assert by_text(quotes, "A drill for a fire").speaker == "Lena Moss"


def test_quotes_said_name_after_a_clause_ending_in_a_comma():
    quotes = quotes_of(
        "Nadia Berg believes every machine has a maker.\n"
        "All intricate machines are designed by someone, so nature has a designer, too, said Berg, "
        "of Tildon.\n"
        '"Nobody is saying who that designer is," she said.')
    assert by_text(quotes, "Nobody is saying").speaker == "Nadia Berg"


def test_quotes_second_quote_of_a_paragraph_is_its_first_speakers_despite_trailing_junk():
    quotes = quotes_of(
        "Nadia Berg wants the board to change the rules.\n"
        '"I trust people to think," Berg said. "I do not want them misled." &LR; brk:Rules '
        "and more rules Some on the ten-member Tildon School Board agreed with Berg, and the "
        "board voted in May.")
    assert by_text(quotes, "I do not want").speaker == "Nadia Berg"


def test_quotes_sport_and_its_player_before_a_name_are_not_the_name():
    quotes = quotes_of(
        "Pro Golfer Ray Denton, who plays on the seniors' tour, tried the treatment too.\n"
        '"I had trouble lifting a glass," he said.')
    assert by_text(quotes, "I had trouble").speaker == "Ray Denton"


def test_quotes_she_is_not_the_person_named_in_a_sentence_about_her():
    quotes = quotes_of(
        "Nadia Berg has a son with autism.\n"
        '"You know it is not just a phase," she said.\n'
        "Berg was one of the lucky ones. She found a therapist to work with Elliot.\n"
        '"The therapy has been wonderful," she said.')
    assert by_text(quotes, "The therapy").speaker == "Nadia Berg"


def test_quotes_he_is_the_person_named_since_the_last_speaker():
    quotes = quotes_of(
        "Tildon may ban smoking in cafes. "
        '"I will still come here," said Ivo Brandt, a student. That worries Ansel Curwen, '
        'a cafe owner who fears for his trade. "Smokers stay for three coffees," he says.')
    assert by_text(quotes, "Smokers stay").speaker == "Ansel Curwen"


def test_quotes_agreed_opening_a_sentence_with_the_speaker_and_a_colon():
    quotes = quotes_of(
        '"The virus is here to stay," said Vera Ostrand of the health board. Agreed Dr. Ilse '
        'Haverty, a Tildon '
        'specialist in tropical fevers: "It will not go away."')
    assert by_text(quotes, "It will not go away").speaker == "Ilse Haverty"


def test_quotes_noun_after_a_determiner_is_not_a_speech_verb():
    quotes = quotes_of(
        "Nadia Berg spoke at the club.\n"
        'The protests "had grown into an attempt to topple the council," Berg said.')
    assert by_text(quotes, "had grown").speaker == "Nadia Berg"


def test_quotes_report_of_an_organisation_named_inside_a_longer_subject():
    quotes = quotes_of(
        "Released before the summit, at a time when the mayor was criticized for being soft on "
        "the council in Tildon, the Interior Ministry's annual report on policing said that "
        'officers had decided to "nip the protests in the bud" last year.')
    assert by_text(quotes, "nip the protests").speaker == "Interior Ministry"


def test_quotes_as_x_put_it():
    quotes = quotes_of(
        "Nadia Berg, a former adviser to the mayor, studies the vote.\n"
        "Surveys show that most voters condemn the plan but dislike "
        '"city values in the villages," as Berg put it.')
    assert by_text(quotes, "city values").speaker == "Nadia Berg"


def test_quotes_named_speaker_after_beats_a_speakerless_verb_before():
    quotes = quotes_of(
        "Ivo Marten leads the council's Liberal group.\n"
        "The Liberals vowed to accuse nobody of seeking \"the easy way out of this mess,\" said "
        "Ivo Marten, the group's leader.")
    assert by_text(quotes, "the easy way").speaker == "Ivo Marten"


def test_quotes_speaker_who_gave_only_a_first_name():
    quotes = quotes_of(
        "Mourners filled the church on Sunday.\n"
        '"I do not go to church, but I came today," said a teenager who gave his name only as '
        'Tarek. "We lost a friend."')
    assert by_text(quotes, "I do not go").speaker == "Tarek"
    assert by_text(quotes, "We lost").speaker == "Tarek"


def test_quotes_shot_back_is_speech():
    quotes = quotes_of(
        "Nadia Berg, a former finance minister, shot back on Saturday that the proposals "
        '"would not convince anyone unless the money is paid."')
    assert by_text(quotes, "would not convince").speaker == "Nadia Berg"


def test_quotes_said_by_an_agent():
    quotes = quotes_of(
        "Nadia Berg runs the archive. Her deputy is said by Berg to be an "
        '"extraordinarily careful reader."')
    assert by_text(quotes, "extraordinarily careful").speaker == "Nadia Berg"


def test_quotes_a_countrys_president_named_later():
    quotes = quotes_of(
        'VARNHOLM (AP) _ Norland\'s president says there is "almost nobody" who trusts the '
        "harbour deal.\n"
        "In an interview on Saturday, President Ilse Haverty said the talks had failed.")
    assert by_text(quotes, "almost nobody").speaker == "Ilse Haverty"


def test_quotes_person_before_an_apposition_ending_in_who():
    quotes = quotes_of(
        "At the Tildon clinic, Dr. Nadia Berg, a heart surgeon who describes herself as "
        '"the high priest of machines," is surprised to be testing herbs.')
    assert by_text(quotes, "the high priest").speaker == "Nadia Berg"


def test_quotes_said_an_aged_person_and_an_aged_role():
    quotes = quotes_of(
        'ELMWOOD _ The school has changed.\n'
        '"No one throws insults anymore," said 16-year-old Helen Lines. "It feels like ours."\n'
        '"We talked about feelings," said 16-year-old junior Nadia Berg.')
    assert by_text(quotes, "No one throws").speaker == "Helen Lines"
    assert by_text(quotes, "It feels like").speaker == "Helen Lines"
    assert by_text(quotes, "We talked").speaker == "Nadia Berg"


def test_quotes_a_message_from_an_organisation_is_its():
    quotes = quotes_of(
        '"Evolution," says the message from the Norland State Board of Education, '
        '"is a disputed theory."')
    assert {q.speaker for q in quotes} == {"Norland State Board of Education"}


def test_quotes_a_towns_supervisor_named_after_the_role():
    quotes = quotes_of(
        'The reservation has no water.\n'
        '"The authority will not run the pipes," said the Southampton town supervisor, '
        'Colin May.')
    assert by_text(quotes, "The authority").speaker == "Colin May"


def test_quotes_asked_for_is_a_request_not_speech():
    quotes = quotes_of(
        "WASHINGTON _ The governor defended the decision on Wednesday.\n"
        'The strategist, Tom August, said the leaders have asked for meetings with the governor '
        '"with the stated purpose of explaining why he is wrong" on adoption.')
    assert by_text(quotes, "with the stated purpose").speaker == "Tom August"


def test_quotes_bare_surname_is_not_the_one_called_by_first_name():
    quotes = quotes_of(
        "ELMWOOD _ Their mother, Nadia Ferris, teaches them at home. Nine-year-old Helen Ferris "
        "plays a sailor in the school play, and Helen loves it.\n"
        '"I am the teacher and the principal," Ferris said.')
    assert by_text(quotes, "I am the teacher").speaker == "Nadia Ferris"


def test_quotes_bare_surname_is_not_the_relative_introduced_as_one():
    quotes = quotes_of(
        "SONOMA _ Colin Berg, 29, started the club with friends. The winery is owned by his "
        "parents, Tom and Nadia Berg.\n"
        '"We are not stopping," said Berg.')
    assert by_text(quotes, "We are not stopping").speaker == "Colin Berg"


def test_quotes_group_named_like_a_person_is_not_the_spokesmans_speaker():
    quotes = quotes_of(
        "TULSA _ The governor would not meet the Oak Cabin Republicans. The group had asked for "
        "talks (Oak Cabin said so on Monday).\n"
        "Martin Hale, spokesman for the Oak Cabin Republicans, the biggest gay Republican club, "
        'called the remarks "deeply disappointing."')
    assert by_text(quotes, "deeply disappointing").speaker == "Martin Hale"


def test_quotes_party_and_state_in_parentheses_after_the_name():
    quotes = quotes_of(
        "AUSTIN _ The record is open to reading.\n"
        '"He is not a villain," Helen Lines (D-Dallas) said in an allusion to the senator.')
    assert by_text(quotes, "He is not a villain").speaker == "Helen Lines"


def test_quotes_three_describing_words_before_the_name_and_remembers():
    quotes = quotes_of(
        "BALTIMORE _ The store is busy.\n"
        '"I was there before it was cool," says local twentysomething bohemian Tom August.\n'
        "Tom August found a jacket there.\n"
        '"It was a leather jacket," he remembers fondly.')
    assert by_text(quotes, "I was there").speaker == "Tom August"
    assert by_text(quotes, "It was a leather jacket").speaker == "Tom August"


def test_quotes_office_of_the_exchequer_and_a_then_title():
    quotes = quotes_of(
        "LONDON _ The ministers met in Washington.\n"
        '"A third of the planet is in a slump," said Britain\'s Chancellor of the Exchequer '
        "Martin Hale.\n"
        '"Some days I truly feel worn out," said then-Oneida Chief Laura Finch to '
        "other leaders in 1994.")
    assert by_text(quotes, "A third of the planet").speaker == "Martin Hale"
    assert by_text(quotes, "Some days I truly").speaker == "Laura Finch"


def test_quotes_a_son_with_his_fathers_names_is_not_the_father():
    quotes = quotes_of(
        "SANTIAGO _ Carlos Medina was arrested in London.\n"
        "The programme featured an interview with Carlos Medina Soto, Medina's son.\n"
        '"Nations have lost wars," he said, "but that is not what occurred here."')
    assert {q.speaker for q in quotes} == {"Carlos Medina Soto"}


def test_quotes_partial_quote_without_a_speech_verb_is_the_subjects():
    quotes = quotes_of(
        "AUSTIN _ The campaign met on Monday.\n"
        "Furthermore, Colin May believes that the governor has conservative views "
        '"deep in his heart" about the issue.\n'
        "According to their mission statement, the Adventists' goal was to "
        '"find comfort, hope and a fresh start" for the orphans.')
    assert by_text(quotes, "deep in his heart").speaker == "Colin May"
    assert by_text(quotes, "find comfort").speaker is None


def test_quotes_analyst_named_after_a_firm_with_a_particle():
    quotes = quotes_of(
        "MONTREAL _ Quebecers are steamed at hospital closures.\n"
        '"People are unhappy with the basic services," said political analyst Jean-Paul Morin '
        "of the Ontario polling firm Le Groupe Morin & Morin.\n"
        '"They want services first," Morin said.')
    assert {q.speaker for q in quotes} == {"Jean-Paul Morin"}


def test_quotes_he_is_the_person_named_after_a_sentence_ending_in_a_quote():
    quotes = quotes_of(
        "ATLANTA _ Guns were the talk of the meeting.\n"
        "In a speech to the Ohio Republican Party last Friday, Colin May, the rifle "
        'association\'s vice president, deplored "a collapse of firearms law enforcement." '
        "At the same meeting, contender Tom August ridiculed the record on schools. "
        '"In 1997," he said, "they prosecuted five."')
    assert by_text(quotes, "a collapse of firearms").speaker == "Colin May"
    assert by_text(quotes, "In 1997").speaker == "Tom August"


def test_quotes_a_reports_writer_is_not_the_source_of_its_data():
    quotes = quotes_of(
        "WASHINGTON _ Schools are safe, a report concludes.\n"
        "The Justice Policy Institute (JPI), a think tank with offices in Washington, said the "
        'fear of school violence is "greatly overblown."\n'
        "The report drew on figures from the U.S. Education Department and the FBI.\n"
        'Officials "reacted abruptly to what they perceived," the JPI report said.\n'
        'The report called all these reactions "needless and harmful."')
    assert by_text(quotes, "greatly overblown").speaker == "Justice Policy Institute"
    assert by_text(quotes, "reacted abruptly").speaker == "Justice Policy Institute"
    assert by_text(quotes, "needless and harmful").speaker == "Justice Policy Institute"


def test_quotes_then_he_makes_a_joke_and_summarized():
    quotes = quotes_of(
        "TIJUANA _ Enrique Ceballos grows chard.\n"
        '"See the holes?" he asked.\n'
        'Then he cracks a small joke: "If you are lucky, you get free protein from the beetles."\n'
        '"This whole battle is hotting up," Ceballos summarized amid the rows.')
    assert {q.speaker for q in quotes} == {"Enrique Ceballos"}


def test_quotes_a_freshman_spacy_took_for_a_title_after_quotes():
    quotes = quotes_of(
        "ELMWOOD _ The group prayed.\n"
        'The group prayed for a "safe school year."\n'
        'Freshman Colin McClure said he joined the vigil "to help everyone stand as a witness."')
    quote = by_text(quotes, "to help everyone")
    assert quote.speaker == "Colin McClure" and quote.speaker_role == "Freshman"


def test_quotes_surname_opening_a_sentence_spacy_took_for_a_noun():
    quotes = quotes_of(
        "WASHINGTON _ Barry Lines, a spokesman for the Oak Cabin Republicans, praised the "
        "convention.\n"
        'Lines said that the "old religious conservative model" in the party "is crumbling."')
    assert by_text(quotes, "is crumbling").speaker == "Barry Lines"


def test_quotes_he_later_in_a_sentence_whose_participle_speaks():
    quotes = quotes_of(
        "AUSTIN _ Tom August at first refused to meet with the groups.\n"
        "But in April, he met with the groups, saying afterwards that he felt "
        '"a wiser man" for it.')
    assert by_text(quotes, "a wiser man").speaker == "Tom August"


def test_quotes_as_x_with_an_apposition_put_it():
    quotes = quotes_of(
        "LOS ANGELES _ Officials met with the secretary.\n"
        "School security officials said they believed that incidents like the shooting are "
        '"an aberration," as Colin May, police chief of the district, put it.')
    assert by_text(quotes, "an aberration").speaker == "Colin May"


def test_quotes_he_is_not_the_person_whose_aide_the_sentence_names():
    quotes = quotes_of(
        "MADISON _ Governor Tom Berg met the group earlier this month.\n"
        "Berg's spokesman, Colin May, did not hold out much hope. "
        '"It all comes down to the delegates," he said.')
    assert by_text(quotes, "It all comes down").speaker == "Colin May"


def test_quotes_she_is_not_the_person_a_sentence_compares_her_with():
    quotes = quotes_of(
        "ELMWOOD _ Many parents teach at home, among them Nadia Berg, a mother of four.\n"
        "Like Berg, Susan Walsh sent her oldest girl to a state school for a year.\n"
        '"Our local school is quite good," she said.')
    assert by_text(quotes, "Our local school").speaker == "Susan Walsh"


def test_quotes_an_aside_before_the_verb_and_a_name_someone_uses():
    quotes = quotes_of(
        "ELMWOOD _ Students at the school wear uniforms.\n"
        "Melrose High senior Susan Walsh on the other hand said that if made to wear a "
        'blazer, "I would not feel like myself anymore."\n'
        '"To keep safe we had to stick together," said a 22-year-old Hopi crew member who '
        "uses the name Sparrow.")
    assert by_text(quotes, "I would not feel").speaker == "Susan Walsh"
    assert by_text(quotes, "To keep safe").speaker == "Sparrow"


def test_quotes_a_quote_after_a_sentence_about_someone_new_in_its_paragraph():
    quotes = quotes_of(
        "PORT-AU-PRINCE _ The quake struck on Tuesday.\n"
        '"We cannot reach anyone anymore. All radio links are down," said Helen Lines, a '
        "charity worker.\n"
        "Colin May, a photographer for Reuters, was in the town when the shaking began. "
        '"Everything started shaking, people were screaming."')
    assert by_text(quotes, "Everything started shaking").speaker == "Colin May"


def test_quotes_the_statement_read_is_its_issuers():
    quotes = quotes_of(
        "ATLANTA _ Senators faulted the agency.\n"
        "In a prepared statement Monday, the Centers for Disease Control said the report helps.\n"
        '"As noted in the report, we have made progress," the statement read.')
    assert by_text(quotes, "As noted").speaker == "Centers for Disease Control"


def test_quotes_the_pontiff_is_the_pope_the_story_names():
    quotes = quotes_of(
        "LJUBLJANA _ The pope did not hand his host a free pass. At the mass, Pope John Paul II "
        'called on Slovenes to make "their courts more independent" in a country rarely '
        'called free.\n"After decades of one-party rule," the pontiff said at the harbour, "it '
        'is now time to build a democracy."')
    assert by_text(quotes, "After decades").speaker == "John Paul II"
    assert by_text(quotes, "it is now time").speaker == "John Paul II"


def test_quotes_rather_between_the_speaker_and_the_verb():
    quotes = quotes_of(
        "LJUBLJANA _ At the mass, and later at the harbour, Pope John Paul II rather pointedly "
        'called on Slovenes to keep "their courts and their press independent" in a country '
        "rarely called free.")
    assert by_text(quotes, "their courts and").speaker == "John Paul II"


def test_quotes_a_definite_description_is_the_person_the_text_is_about():
    quotes = quotes_of(
        "CLEVELAND _ Susan Walsh had gout for years. Last spring, her physician asked her to "
        "try an experimental pill called Celandra. Now she hikes and cycles with no pain. \"A "
        "friend can squeeze my hand "
        "and I'm not hurting,\" the Lakewood, Ohio, resident said.\n"
        "Colin McClure has been mentored for a year. \"When I need to talk a problem through, "
        'my mentor\'s there," says the 13-year-old.\n'
        "In Ottawa, a Foreign Ministry official said that Canada could not "
        'confirm reports. "How you count voters makes a huge difference," the official said.')
    # "asked her to try" is a request and "a pill called Celandra" a name: neither speaks
    assert by_text(quotes, "A friend can squeeze").speaker == "Susan Walsh"
    assert by_text(quotes, "When I need").speaker == "Colin McClure"
    # "the official" is the unnamed official of "a Foreign Ministry official"
    assert by_text(quotes, "How you count").speaker is None


def test_quotes_a_surname_that_is_also_a_city_is_the_person_who_spoke():
    quotes = quotes_of(
        "TOPEKA _ The group met in Boston last week. Rob Boston, a spokesman for Americans "
        'United, called the plan dangerous.\n"If they do not want to abolish the schools, then '
        'they want to change them," Boston said.')
    assert by_text(quotes, "If they do not want").speaker == "Rob Boston"


def test_quotes_he_is_not_the_person_the_quoted_words_are_about():
    quotes = quotes_of(
        "QUEBEC _ During the race, Hale attacked Dowd without pause, Ward "
        'Connolly said.\nDowd "often looked short-tempered and grumpy against the man many '
        'see as a hero," he said.')
    assert by_text(quotes, "often looked").speaker == "Ward Connolly"


def test_quotes_he_goes_on_from_the_sentence_before_past_a_name_in_a_clause():
    quotes = quotes_of(
        "Pro golfer Colin McClure, who works for a sports channel, is amazed by the relief. He "
        "thought he needed surgery on his elbow. But after a few treatments with Barry Lines "
        "in the past month, he is putting off the operation.\n"
        '"I had trouble picking up a glass without pain," he said.')
    assert by_text(quotes, "I had trouble").speaker == "Colin McClure"


def test_quotes_a_name_modifying_a_noun_is_not_he():
    quotes = quotes_of(
        "PHOENIX _ If any of this fazed Colin McClure, he did not let it show. When the Dole "
        'campaign considered hiring him, "they did not say we cannot have you do it," he '
        'said in a brief interview. "The fact that it is a non-issue is positive."')
    assert by_text(quotes, "they did not say").speaker == "Colin McClure"
    assert by_text(quotes, "The fact that").speaker == "Colin McClure"


def test_quotes_he_after_an_unnamed_speaker_is_the_person_named_since():
    quotes = quotes_of(
        "DENVER _ Colin McClure could not walk. His surgeon told him nothing would help. "
        "McClure limped to a library. There he found a manual. McClure followed its "
        'advice. "Within days, I saw it was making a huge difference," he said.')
    assert by_text(quotes, "Within days").speaker == "Colin McClure"


def test_quotes_a_subject_after_an_opening_clause_and_a_progressive_verb():
    quotes = quotes_of(
        "MIAMI _ The storm hit Jamaica. Still, by the time Mireille left Cuba three days later, "
        "even the normally calm National Storm Centre was calling Mireille \"the hurricane "
        "that simply won't quit.\"\n"
        "By the time Mireille left Cuba, the National Storm Centre feared the storm would "
        'go on being "the one storm that does not end."')
    assert by_text(quotes, "the hurricane that").speaker == "National Storm Centre"
    assert by_text(quotes, "the one storm").speaker == "National Storm Centre"


def test_quotes_a_person_of_an_organisation_based_somewhere():
    quotes = quotes_of(
        "WASHINGTON _ The shootings shook the town.\nPeter Dowd of the Oregon-based "
        "National Campus Safety Institute told a Senate panel after the shootings: \"It "
        'should not take an act of bravery for parents to send their kids to class."')
    assert by_text(quotes, "It should not take").speaker == "Peter Dowd"


def test_quotes_an_editorial_is_its_newspapers():
    quotes = quotes_of(
        "BEIJING _ The government denounced the group on Thursday.\n\"We must fully recognize "
        "the grave threat,\" said the editorial prepared for Saturday's People's Daily.")
    assert by_text(quotes, "We must fully").speaker == "People's Daily"


def test_quotes_the_report_is_its_writers_named_after_a_description():
    quotes = quotes_of(
        "LONDON _ The government released the report on Wednesday. The report by retired judge "
        'Sir Colin McClure also said that an internal inquiry was "flawed and indefensible."\n'
        '"It can be seen in processes and attitudes," the report said.')
    assert by_text(quotes, "It can be seen").speaker == "Colin McClure"


def test_quotes_she_is_the_person_of_the_clause_opening_her_sentence():
    quotes = quotes_of(
        'CLEVELAND _ Many patients do not take their pills. "They forget," said Susan Walsh, a '
        "doctor. Patients do better if they stay on the drugs. When Mrs. Helen Lines was "
        'prescribed the usual pills that upset her stomach, she conceded, "I was not a very '
        'obedient patient."')
    assert by_text(quotes, "I was not a very").speaker == "Helen Lines"


def test_quotes_an_anonymous_aide_introducing_a_quote_is_unattributed():
    quotes = quotes_of(
        "WASHINGTON _ The Republican Party wants to stay and work, said Rep. Colin McClure of "
        "Ohio.\nA senior Republican staffer who spoke on the condition of anonymity bluntly put "
        'the point in plain English: "We are not going to hand them the chance to say it is our '
        'fault."')
    assert by_text(quotes, "We are not going").speaker is None


def test_quotes_a_partial_quote_goes_on_from_the_sentence_before():
    quotes = quotes_of(
        "NEAH BAY _ Colin McClure hopes the hunt will inspire the tribe.\n"
        '"It is a holy way of living that sets a noble example," he said. Sealing '
        '"involves so much focus, so much planning, that anyone who took part '
        'would change."\nThe crew boarded the boat on Sunday.')
    assert by_text(quotes, "involves so much").speaker == "Colin McClure"


def test_quotes_the_report_is_the_body_that_a_sentence_opening_in_a_report_names():
    quotes = quotes_of(
        "SEATTLE _ In a report released Tuesday, the Tacoma, Wash-based Coastal Reef "
        "Biology Institute and the Global Ocean Fund declare that heating endangers sea "
        'life.\nThe report says that trout suffer. "Researchers predict that warmer water will '
        'harm the fish," the report says.')
    assert by_text(quotes, "Researchers predict").speaker == (
        "Coastal Reef Biology Institute")


def test_quotes_a_role_and_a_name_spacy_took_for_an_organisation():
    quotes = quotes_of(
        "SACRAMENTO _ A plan by UC Regent Ward Wetherly drew fire from the party.\n"
        '"I support two adults having the freedom to do whatever they wish to do," said '
        "Wetherly.\nWetherly also said Republicans are hurt by their public image.\n"
        '"We may have a harder time than the Democrats," he said.')
    assert by_text(quotes, "I support two adults").speaker == "Ward Wetherly"
    assert by_text(quotes, "We may have").speaker == "Ward Wetherly"


def test_quotes_quoted_by_an_agency_as_saying_is_the_one_quoted():
    quotes = quotes_of(
        "LONDON _ Labour MP Colin McClure condemned the deal.\n"
        '"It is a scandal of vast proportions," McClure was quoted by Reuters as saying. '
        '"It undermines the very idea of the service."\n'
        "\"Our spokesman will comment,\" said Zuma's spokesman Tom Hollander.")
    assert by_text(quotes, "It is a scandal").speaker == "Colin McClure"
    assert by_text(quotes, "It undermines").speaker == "Colin McClure"
    assert by_text(quotes, "Our spokesman").speaker == "Tom Hollander"


def test_quotes_the_person_a_name_and_a_role_describe_introduces_a_quote():
    quotes = quotes_of(
        "WACO _ Scientists at Baylor University see the crowd as seeking to stop inquiry. "
        "Baylor said nothing.\nBaylor associate psychology Professor Colin McClure derides it "
        'as the "God card" played by the car sticker meant to annoy any biologist: "Scripture '
        'says so; I accept it; end of debate."\n'
        'Susan Walsh told reporters Colin McClure was wrong: "He never read it."')
    assert by_text(quotes, "Scripture says so").speaker == "Colin McClure"
    assert by_text(quotes, "He never read it").speaker == "Susan Walsh"


def test_quotes_a_datelines_agency_is_no_subject_and_a_handbook_speaks_for_its_owner():
    quotes = quotes_of(
        "ISLAMABAD, Pakistan (AP) _ An Islamist militant group on Tuesday threatened to "
        'retaliate if the dissident is arrested, and described him as a "hero to Muslims '
        "worldwide.\"\nThe teachers' unions do not like it either. The National Tutors "
        'Association handbook declares that "home study courses cannot offer a '
        'rounded education."')
    assert by_text(quotes, "hero to Muslims").speaker is None
    assert by_text(quotes, "home study courses").speaker == (
        "National Tutors Association")


def test_quotes_a_misspelt_surname_a_new_verb_and_a_role_noun():
    quotes = quotes_of(
        "NEW YORK _ The virus spread. What is certain, Bob McLean says, is that the virus had "
        'spread.\n"It had already reached more than half the local ducks," McClean says.\n'
        "The Global Fund for Wetlands (GFW) today called for tougher action.\n"
        '"The GFW will act," the GFW reaffirmed.\n'
        "Gov. Martin Hale of Texas met home schoolers on Friday. \"In Texas, we think home "
        'schooling is a right worth defending," the Republican presidential front-runner '
        "told the meeting.")
    assert by_text(quotes, "It had already").speaker == "Bob McLean"
    assert by_text(quotes, "The GFW will act").speaker == "Global Fund for Wetlands"
    assert by_text(quotes, "In Texas").speaker == "Martin Hale"


def test_quotes_the_speaker_named_right_after_a_quote_ending_in_a_comma():
    quotes = quotes_of(
        "WASHINGTON _ Home schoolers met on Friday.\nThe best thing Reid could say about the "
        'tax is "nothing," said Peter Dowd, 51, of New Jersey.')
    assert by_text(quotes, "nothing").speaker == "Peter Dowd"


def test_quotes_subjects_past_a_preposition_and_an_apposition():
    quotes = quotes_of(
        "MONTPELIER _ About 30 people demonstrated outside the courthouse Tuesday.\n"
        "An editorial last Monday in The Tildon Courier said cases like hers reach "
        '"beyond the question of home schooling to the rights of parents."\n'
        "But Martin Hale of the Bureau of Animal Health and Safety in Atlanta told "
        'New Scientist: "Broad testing of wild ducks would not be cost-effective."\n'
        "Ali Reza Farahani, the deputy chairman of the Majlis of Oman has stated that "
        'Norway should apologize.\n"If it is shown that an error has been made the matter '
        'will be settled," he said.\n'
        "Peter Dowd, deputy legal counsel to Vermont Gov. Anna Kowal, who has been involved "
        'in talks on tribal gaming, said that "the worry that governors have is not with '
        'the money casinos bring to tribes."')
    assert by_text(quotes, "beyond the question").speaker == "The Tildon Courier"
    assert by_text(quotes, "Broad testing").speaker == "Martin Hale"
    assert by_text(quotes, "If it is shown").speaker == "Ali Reza Farahani"
    assert by_text(quotes, "the worry that").speaker == "Peter Dowd"


def test_quotes_according_to_an_agency_and_a_banner_after_a_partial_quote():
    quotes = quotes_of(
        "GROZNY _ The republic may strike back.\nAslan Bekov said he was not issuing an "
        'ultimatum "but a final caution," according to Interfax.\n'
        'A ceremony was canceled "by Chinese officials" according to the mayor, Colin McClure. '
        'A banner with "Rome defends free speech across the globe" was hung on the City '
        'Hall.\nEmpty logic, says Colin McClure. Natural selection is the "slow pile-up '
        'of accident and luck."')
    assert by_text(quotes, "but a final caution").speaker == "Aslan Bekov"
    assert by_text(quotes, "Rome defends").speaker is None
    assert by_text(quotes, "slow pile-up").speaker == "Colin McClure"


def test_quotes_a_surname_tagged_a_common_noun_an_accented_name_and_a_person_called_an_agency():
    quotes = quotes_of(
        "Vogtschalt recalled that in 1979, when she was 16, she left the village school and went "
        "down to work at the sorting sheds. Other troubles followed: a bad back, a cough that "
        "never left. Vogtschalt believes the dust of the sheds did the damage. As the years went "
        "by and her anger grew, she wondered what the company had known.\n"
        '"I didn\'t think anybody would ever listen to someone like me," she said.\n'
        "Things changed last spring when Vogtschalt received a letter from a lawyer, Colin "
        "McClure, who had read about the sheds.",
        'The monument was built by local stonemasons. "We wanted something that would outlast '
        'all of us," Joaquín Prado Elgueta said.',
        '"We know a little more, so there is a little more hope," Paul-Henri Vasselian, the head '
        'of the regional accident office, said. However, he added that "it is far too early to '
        'say what happened."')
    # spaCy tags "Vogtschalt" a common noun where it opens a sentence and finds no name in
    # the first paragraph: the surname is still the person the story names later
    assert by_text(quotes, "I didn't think").speaker == "Vogtschalt"
    assert by_text(quotes, "We wanted something").speaker == "Joaquín Prado Elgueta"
    # spaCy calls "Paul-Henri Vasselian" an organisation; "the head of" makes him a person
    assert by_text(quotes, "it is far too early").speaker == "Paul-Henri Vasselian"


def test_quotes_a_relative_the_article_names_speaks_as_his_mother_or_his_dad():
    quotes = quotes_of(
        "Evan was three when the doctors gave his parents the word autism. Evan's mother, Susan "
        "Walsh, gave up her job as a nurse to teach him at home.\n"
        "Evan can now catch a ball thrown from across the room.\n"
        '"It took us a month to learn that," his mother says.\n'
        'Barry Walsh, his father, works nights at the bakery. "We take turns sleeping," his dad '
        'said.\n'
        '"Can I have juice?" his sister asks.\n'
        "Across the street, Sean lines up his toy cars on the porch.\n"
        '"He likes things in rows," his mother says.')
    assert by_text(quotes, "It took us").speaker == "Susan Walsh"
    assert by_text(quotes, "We take turns").speaker == "Barry Walsh"
    assert by_text(quotes, "Can I have juice").speaker is None  # no sister is named
    # Susan Walsh is Evan's mother, not the mother of the boy across the street
    assert by_text(quotes, "He likes things").speaker is None


def test_quotes_the_one_a_witness_quotes_as_saying_spoke():
    quotes = quotes_of(
        "Colin McClure met the buyers in May, led by Nadia Berg. McClure quotes Berg as saying, "
        '"It certainly isn\'t a gift."')
    assert by_text(quotes, "It certainly").speaker == "Nadia Berg"


def test_quotes_the_newspaper_and_an_organisations_statement_and_verbs_of_boasting():
    quotes = quotes_of(
        "BEIJING (AP) _ China's swimmers will aim for five gold medals, the Norland Youth Daily "
        "said Monday.\nThe diving team will travel without two veterans, the Norland Youth Daily "
        'said. "This shows the team trusts its young divers," the newspaper said.\n'
        '"The evidence for the warming of the bay is overwhelming," said a WWF statement.\n'
        '"It\'s a miracle," crowed Susan Walsh, the manager of a harbour hotel.\n'
        '"Let there be no doubt about it," said Nobel laureate Martin Hale.')
    assert by_text(quotes, "This shows").speaker == "Norland Youth Daily"
    assert by_text(quotes, "The evidence").speaker == "WWF"
    assert by_text(quotes, "It's a miracle").speaker == "Susan Walsh"
    assert by_text(quotes, "Let there be").speaker == "Martin Hale"


def test_quotes_letters_after_a_name_are_no_part_of_the_subject():
    quotes = quotes_of(
        'Summing up for the prosecution, Colin McClure QC claimed that "the men planned every '
        'step for months."')
    assert by_text(quotes, "the men planned").speaker == "Colin McClure"


def test_quotes_a_stray_comma_after_said():
    quotes = quotes_of(
        '"In some villages the sea took three women for every man," said, Nadia Berg, the '
        "charity's policy director.")
    assert by_text(quotes, "In some villages").speaker == "Nadia Berg"


def test_quotes_a_place_or_outlet_opening_the_sentence_is_not_the_speaker():
    quotes = quotes_of(
        "The flood bill passed on Monday.\n"
        'In Boston, the senator said the vote was "a sham."\n'
        'In an interview with Fox News, the governor called the plan "a start."\n'
        'In a post on Facebook, the president wrote that the bill was "the best in decades."')
    # no senator, governor or president is named: not the place or outlet either
    assert by_text(quotes, "a sham").speaker is None
    assert by_text(quotes, "a start").speaker is None
    assert by_text(quotes, "the best in decades").speaker is None
    quotes = quotes_of(
        "Senator Ann Price toured the flooded valley on Monday.\n"
        'In Leeds, the senator said the response was "far too slow."')
    assert by_text(quotes, "far too slow").speaker == "Ann Price"


def test_quotes_posted_and_tweeted_attribute_like_said():
    quotes = quotes_of(
        "Councillor Maud Ferreira and the mayor, Rhys Pennant, clashed over the budget.\n"
        '"This is not over," Ferreira posted on Facebook late on Monday.\n'
        '"Nobody will be left behind," tweeted Pennant.')
    assert by_text(quotes, "This is not over").speaker == "Maud Ferreira"
    assert by_text(quotes, "Nobody will be").speaker == "Rhys Pennant"


def test_quotes_the_one_named_after_a_possessive_introduces_the_quote():
    quotes = quotes_of(
        '"This happens every winter," complained Jan Hruska, a baker by the station.\n'
        "Hruska's neighbour, Eva Mala, was less angry: \"They are doing their best.\"\n"
        "Hruska's answer to the mayor was short: \"Fix it.\"")
    assert by_text(quotes, "They are doing").speaker == "Eva Mala"
    assert by_text(quotes, "Fix it").speaker == "Jan Hruska"


def test_quotes_the_company_is_the_business_just_named():
    quotes = quotes_of(
        "Shares in Brightwater Energy fell 14 per cent on Tuesday after a profit warning.\n"
        'The company said in a statement that it would cut 800 jobs. "These decisions are '
        'never easy," it said.')
    assert by_text(quotes, "These decisions").speaker == "Brightwater Energy"


def test_quotes_a_name_the_model_misses_after_a_role_and_before_said():
    quotes = quotes_of(
        "Wildfires forced 12,000 people from their homes on Saturday.\n"
        'Fire chief Renata Oyelaran said crews were "stretched to the limit." She told a local '
        'station that 400 firefighters were at work, adding: "We need rain, and we need it now."\n'
        'Asked whether the town could be rebuilt, Oyelaran paused. "I hope so," she said.')
    assert by_text(quotes, "stretched to the limit").speaker == "Renata Oyelaran"
    assert by_text(quotes, "We need rain").speaker == "Renata Oyelaran"
    assert by_text(quotes, "I hope so").speaker == "Renata Oyelaran"


def test_quotes_he_is_the_one_an_apposition_makes_the_later_subject():
    quotes = quotes_of(
        "Former premier Greta Lindqvist said a No vote would be \"a disaster\". Her successor, "
        "Anders Bohm, disagreed sharply.\n"
        '"Greta has always exaggerated," he said.')
    assert by_text(quotes, "Greta has always").speaker == "Anders Bohm"


def test_quotes_the_company_opening_a_sentence_speaks_through_saying():
    quotes = quotes_of(
        "Tech maker Orbix unveiled a folding phone on Tuesday.\n"
        "Its shares rose 3 percent. The company declined to give sales targets, saying only "
        'that it expected the phone to be "a meaningful part" of its business.')
    assert by_text(quotes, "a meaningful part").speaker == "Orbix"


def test_quotes_a_nationality_describes_the_one_just_named():
    quotes = quotes_of(
        "Ostervik manager Mikel Santos praised his side's spirit. \"At 2-0 down, a lot of teams "
        'would give up," the Spaniard said.')
    assert by_text(quotes, "At 2-0 down").speaker == "Mikel Santos"


def test_quotes_a_quote_after_a_m_opens_its_own_sentence():
    quotes = quotes_of(
        "Jenny Marsh, 34, left her house with her three children at 2 a.m. \"The water was up "
        'to the second step when we left," she said.')
    assert not by_text(quotes, "The water was up").is_partial
    assert by_text(quotes, "The water was up").speaker == "Jenny Marsh"


def test_quotes_a_name_and_any_verb_after_the_quote_then_as():
    quotes = quotes_of(
        "The school run is the hardest hour of the day.\n"
        '"What\'s going to set them off?" Karen Holby wonders as she waits for her two boys.')
    assert by_text(quotes, "What's going").speaker == "Karen Holby"


def test_quotes_an_office_is_not_given_to_the_last_person_named_with_another():
    quotes = quotes_of(
        "The bill passed the Senate on Monday.\n"
        "Press secretary Lena Ortiz later told reporters the president was \"fully confident\" "
        'in the bill.\n"He\'s read every page," she said.\n'
        "In a post on Facebook, the president wrote that the bill was \"the best in decades.\"")
    assert by_text(quotes, "He's read every page").speaker == "Lena Ortiz"
    assert by_text(quotes, "the best in decades").speaker is None


def test_quotes_a_missed_name_after_its_title_and_before_where_they_work():
    quotes = quotes_of(
        "Two sisters who ran a fake charity have been jailed.\n"
        "Detective Constable Laura Finch of the Metropolitan Police said outside court: \"These "
        'women preyed on the kindness of strangers."')
    assert by_text(quotes, "These women").speaker == "Laura Finch"
