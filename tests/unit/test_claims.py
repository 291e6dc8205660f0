"""Claim records (issue 11, first step), on sentences written for these tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from spacy.language import Language
from typer.testing import CliRunner

from newsgraph.extract import extract_events
from newsgraph.extract.claims import extract_claims
from newsgraph.records import Article, Claim


def claims_of(nlp: Language, text: str) -> list[Claim]:
    article = Article(id="t", text=text, published=date(2024, 3, 6))
    doc = nlp(text)
    return extract_claims(doc, article, extract_events(doc, article))


def test_a_reported_clause_is_a_claim_of_its_speaker_with_the_events_inside(nlp: Language) -> None:
    text = "Chilean officials said that Peru had sent troops to the border."
    (claim,) = claims_of(nlp, text)
    record = claim.to_dict()
    assert record["source"]["text"] == "Chilean officials" and record["source"]["country"] == "CHL"
    assert not record["source"]["named"] and record["cue"]["lemma"] == "say"
    assert record["content"]["text"] == "that Peru had sent troops to the border"
    assert (record["form"], record["stance"]) == ("indirect", "assert")
    assert len(record["events"]) == 1
    for part in ("source", "cue", "content"):  # offsets slice the text
        assert text[record[part]["start"] : record[part]["end"]] == record[part]["text"]


def test_a_quotation_and_its_speaker_is_a_direct_claim(nlp: Language) -> None:
    (claim,) = claims_of(nlp, '"We will close the border," the Bolivian minister warned.')
    assert claim.form == "direct" and claim.stance == "warn"
    assert claim.content.text == "We will close the border" and claim.source is not None
    assert claim.source.country == "BOL"


def test_according_to_takes_the_rest_of_the_sentence(nlp: Language) -> None:
    first, last = (claims_of(nlp, text)[0] for text in (
        "According to the Peruvian navy, two Chilean ships entered its waters.",
        "Two Chilean ships entered Peruvian waters, according to the Peruvian navy."))
    assert first.form == last.form == "according_to"
    assert first.content.text == "two Chilean ships entered its waters"
    assert last.content.text == "Two Chilean ships entered Peruvian waters"
    assert first.source is not None and first.source.country == "PER"


def test_denials_beliefs_and_unattributed_claims(nlp: Language) -> None:
    (denial,) = claims_of(nlp, "Ecuador denied that it had sold rifles to the rebels.")
    assert denial.stance == "deny" and denial.source is not None and denial.source.country == "ECU"
    (belief,) = claims_of(nlp, "It is believed that Ecuador sold rifles to the rebels.")
    assert belief.stance == "believe" and belief.source is None and belief.to_dict()["source"] is None


def test_a_claim_noun_and_a_speakers_colon(nlp: Language) -> None:
    (noun,) = claims_of(nlp, "Bolivia's claim that Chile had moved troops was rejected.")
    assert noun.content.text == "that Chile had moved troops" and noun.source is not None
    assert noun.source.country == "BOL"
    colon = claims_of(nlp, "MORALES: We will not give up the sea.\n\nThe talks ended.")
    assert [(c.cue.text, c.content.text) for c in colon] == [(":", "We will not give up the sea")]


def test_claim_ids_are_stable_and_differ_between_claims(nlp: Language) -> None:
    text = "Peru said Chile had moved troops. Chile said Peru had."
    ids = [c.id for c in claims_of(nlp, text)]
    assert len(set(ids)) == 2 and ids == [c.id for c in claims_of(nlp, text)]


def test_the_claims_command_prints_json_lines(tmp_path: Path) -> None:
    from newsgraph.cli.app import app

    path = tmp_path / "a.jsonl"
    text = ("Chilean officials said that Peru had sent troops to the border, in a statement released "
            "on Monday after a meeting of the cabinet in Santiago.")
    path.write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["claims", str(path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r["cue"]["text"] for r in lines] == ["said"] and lines[0]["schema_version"] == 1


def test_a_quotation_running_on_is_one_claim_in_pieces(nlp: Language) -> None:
    text = ('"We will close the border," the Bolivian minister said. "We are ready for anything."\n\n'
            "Chile has not answered.")
    (claim,) = claims_of(nlp, text)
    record = claim.to_dict()
    assert record["content"]["spans"] == [[1, 25], [text.index("We are"), text.index("anything") + 8]]
    assert text[record["content"]["start"] : record["content"]["end"]] == record["content"]["text"]
    assert record["source"]["text"] == "the Bolivian minister"


def test_a_quotation_after_said_and_a_colon(nlp: Language) -> None:
    text = 'The Chilean president said: "We will not give up. The sea is ours." Then he left.'
    claims = claims_of(nlp, text)
    said = next(c for c in claims if c.cue.text == "said")
    assert said.content.text == "We will not give up. The sea is ours" and said.form == "direct"


def test_an_anonymous_source_takes_the_country_of_the_same_officials_described_later(nlp: Language) -> None:
    text = "Peru will send troops, officials say\n\nPeruvian officials said on Monday that troops would go north."
    first, second = claims_of(nlp, text)
    assert first.source is not None and second.source is not None
    assert (first.source.country, second.source.country) == ("PER", "PER")


def test_what_someone_calls_for_cites_or_calls_something_is_a_claim(nlp: Language) -> None:
    def said(text: str) -> list[tuple[str, str, str]]:
        return [(c.source.text if c.source else "", c.cue.text, c.content.text) for c in claims_of(nlp, text)]

    assert said("The Bolivian senator called the charges fabricated.") == [
        ("Bolivian senator", "called", "the charges fabricated")]
    assert said("Peruvian unions called for a general strike.") == [
        ("Peruvian unions", "called", "a general strike")]  # what is called for, not the preposition
    assert said("The Chilean unions marched in Santiago and called for early elections.") == [
        ("Chilean unions", "called", "early elections")]  # a conjoined verb speaks for its subject
    assert said("Morales cited the ruling as proof of a plot.") == [
        ("Morales", "cited", "the ruling as proof of a plot")]
    # a passive parsed as active keeps its agent out of the source
    assert said("Chile, warned by Peru not to close the border, has closed it.") == []


def test_a_quotation_signed_with_a_dash_or_before_its_speaker_is_theirs(nlp: Language) -> None:
    text = "“We will not give up our land.” ― Ana Quispe\n“The mine must close.” ― Juan Mamani\n"
    signed = [(c.source.text if c.source else "", c.content.text, c.form) for c in claims_of(nlp, text)]
    assert signed == [("Ana Quispe", "We will not give up our land", "direct"),
                      ("Juan Mamani", "The mine must close", "direct")]
    (asked,) = claims_of(nlp, "“Who will pay for the road?” the Bolivian mayor asked. Nobody answered.")
    assert asked.content.text == "Who will pay for the road" and asked.form == "direct"
    (recalled,) = claims_of(nlp, 'The mayor recalled, "Nobody came to help us."')
    assert recalled.content.text == "Nobody came to help us"


def test_i_think_inside_a_quotation_is_the_speakers_own_stance_not_a_claim(nlp: Language) -> None:
    claims = claims_of(nlp, '"I think the border will close soon," the Bolivian minister said.')
    assert [(c.source.country if c.source else None, c.cue.text) for c in claims] == [("BOL", "said")]


def test_ingest_stores_claims_and_claims_db_queries_them(tmp_path: Path) -> None:
    from newsgraph.cli.app import app

    path = tmp_path / "a.jsonl"
    rows = [
        {"id": "a", "text": "Chilean officials said that Peru had sent troops to the border on Monday, in a "
                            "statement released after a meeting of the cabinet in Santiago."},
        {"id": "b", "text": "The Bolivian foreign minister said that Chile had closed its embassy in La Paz on "
                            "Tuesday, after weeks of talks between the two governments broke down."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = str(tmp_path / "n.db")
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    assert "2 claims" in ingested.output

    def stored(*args: str) -> list[dict]:  # type: ignore[type-arg]
        result = runner.invoke(app, ["claims", "--db", db, *args])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]

    assert [r["article_id"] for r in stored()] == ["a", "b"]
    assert [r["article_id"] for r in stored("--anonymous")] == ["a"]
    assert [r["article_id"] for r in stored("--source", "bolivian")] == ["b"]
    assert [r["article_id"] for r in stored("--about", "PER")] == ["a"]
    both = runner.invoke(app, ["claims", str(path), "--db", db])
    assert both.exit_code == 2 and "not both" in both.output


def test_a_hedge_is_a_claim_with_no_source_unless_someone_says_it(nlp: Language) -> None:
    (hedged,) = claims_of(nlp, "Bolivia has reportedly shipped grain to Peru.")
    assert hedged.source is None and hedged.cue.text == "reportedly"
    assert hedged.content.text == "Bolivia has reportedly shipped grain to Peru" and len(hedged.events) == 1
    (said,) = claims_of(nlp, "Bolivia has reportedly shipped grain to Peru, the newspaper wrote.")
    assert said.cue.text == "wrote"


def test_a_report_interrupting_its_clause_claims_the_clause_in_two_pieces(nlp: Language) -> None:
    text = "Acts of protest, the Bolivian minister said on Monday, are acts of patriotism."
    (claim,) = claims_of(nlp, text)
    assert claim.cue.text == "said" and claim.source is not None and claim.source.country == "BOL"
    assert [text[a:b] for a, b in claim.content_spans] == ["Acts of protest", "are acts of patriotism"]


def test_a_quotation_its_tag_interrupts_is_one_claim_in_two_pieces(nlp: Language) -> None:
    text = '"We will not sign this deal," the Bolivian minister said, "unless the border is reopened."'
    said = [c for c in claims_of(nlp, text) if c.cue.text == "said"]
    assert len(said) == 1
    assert [text[a:b] for a, b in said[0].content_spans] == [
        "We will not sign this deal", "unless the border is reopened"]


def test_nested_claims_are_separate_records_and_the_event_names_the_outermost(nlp: Language) -> None:
    text = "The Bolivian ministry said officials believed Chile had sent troops to the border."
    article = Article(id="t", text=text, published=date(2024, 3, 6))
    doc = nlp(text)
    events = extract_events(doc, article)
    claims = extract_claims(doc, article, events)
    assert [(c.cue.text, c.stance, c.content.text) for c in claims] == [
        ("said", "assert", "officials believed Chile had sent troops to the border"),
        ("believed", "believe", "Chile had sent troops to the border")]
    (sent,) = [e for e in events if e.trigger.text == "sent"]
    assert [c.name for c in sent.attribution] == ["Bolivian ministry"]
    assert all(sent.id in c.events for c in claims)  # the event lies in both contents


def test_a_that_clause_misread_as_a_relative_clause_of_the_hearers_is_what_was_told(nlp: Language) -> None:
    (told,) = claims_of(nlp, "In La Paz, the Bolivian minister told a meeting of farmers that few people "
                             "understood the drought.")
    assert told.content.text == "that few people understood the drought"
    assert claims_of(nlp, "The Bolivian minister told the farmers who had gathered there about the plan.") == []
    (aside,) = claims_of(nlp, "The difference now, the Bolivian minister told me, is that the rains came late.")
    assert len(aside.content_spans) == 2


def test_a_time_phrase_before_the_verb_is_not_what_is_said(nlp: Language) -> None:
    (claim,) = claims_of(nlp, "On Thursday, the Bolivian spokesman repeated the government's position.")
    assert claim.content.text == "the government's position"


def test_any_verb_a_colon_and_a_quotation_follow_introduces_words(nlp: Language) -> None:
    (claim,) = claims_of(nlp, 'The Bolivian minister continued: "We will close the border."')
    assert claim.cue.text == "continued" and claim.content.text == "We will close the border"
    assert claims_of(nlp, 'The Bolivian minister left, "a sad day" for the party.') == []


def test_a_quotation_in_the_paragraph_after_said_colon_is_the_speakers(nlp: Language) -> None:
    text = ('The Chilean minister took questions in Santiago.\n\nShe said:\n\n'
            '"We will not send troops to Peru. The border is calm."\n\nThe briefing ended at noon.')
    claims = extract_claims(nlp(text), Article(id="t", text=text))
    quoted = [c for c in claims if c.content.text.startswith("We will not send troops")]
    assert quoted and quoted[0].source is not None and quoted[0].source.text == "She"
    assert quoted[0].form == "direct" and quoted[0].content.text.endswith("The border is calm")


def test_an_unnamed_spokesman_for_a_state_is_of_its_country(nlp: Language) -> None:
    text = "A spokesman for the Bolivian president said Chile had closed the border."
    claims = extract_claims(nlp(text), Article(id="t", text=text))
    assert [(c.source.kind, c.source.country) for c in claims if c.source] == [("anonymous", "BOL")]


def test_a_quotation_of_several_sentences_before_its_speaker_is_one_direct_claim(nlp: Language) -> None:
    text = '"The port is closed. The ships cannot leave," the Uruguayan minister said.'
    (claim,) = claims_of(nlp, text)
    assert claim.content.text == "The port is closed. The ships cannot leave"
    assert claim.form == "direct" and claim.source is not None and claim.source.country == "URY"


def test_double_single_quotes_open_and_close_a_quotation_that_runs_on(nlp: Language) -> None:
    text = "''We expect the harvest to fall,'' the Bolivian farm minister said. ''Prices will rise in March.''"
    (claim,) = claims_of(nlp, text)
    assert claim.form == "direct"
    assert [text[s:e] for s, e in claim.content_spans] == ["We expect the harvest to fall", "Prices will rise in March"]


def test_a_speaker_after_the_verb_is_the_source_not_a_subject_inside_the_quotation(nlp: Language) -> None:
    text = ('"If the army does not have the drones yet, it will at some point, probably soon," '
            'said Marta Quiroga, an analyst in La Paz.')
    (claim,) = claims_of(nlp, text)
    assert claim.source is not None and claim.source.text == "Marta Quiroga"
    assert claim.content.text.startswith("If the army") and claim.content.text.endswith("probably soon")


def test_a_report_inside_a_running_quotation_neither_ends_it_nor_takes_its_words(nlp: Language) -> None:
    text = ('"This is a sad day," said Senator Ana Ruiz. "The governor is a fraud. '
            'He began this years ago by saying the judges were corrupt. We will not forget."')
    outer, inner = claims_of(nlp, text)
    assert outer.source is not None and outer.source.text == "Senator Ana Ruiz"
    assert outer.content.text.endswith("We will not forget")
    assert inner.content.text == "the judges were corrupt"
    assert inner.source is not None and inner.source.text == "He"


def test_a_participle_or_infinitive_of_saying_speaks_for_the_clause_subject(nlp: Language) -> None:
    for text, speaker in [
        ("The Peruvian minister criticised the plan, saying it would fail.", "Peruvian minister"),
        ("Chile responded by saying the border would stay open.", "Chile"),
    ]:
        said = [c for c in claims_of(nlp, text) if c.cue_lemma == "say"]
        assert said and said[0].source is not None and said[0].source.text.endswith(speaker)


def test_what_was_said_names_no_speaker(nlp: Language) -> None:
    text = "The decision contradicts what was said in Lima last month."
    assert all(c.source is None or c.source.text.lower() != "what" for c in claims_of(nlp, text))


def test_what_is_praised_ends_before_a_relative_clause_after_a_comma(nlp: Language) -> None:
    (claim,) = [c for c in claims_of(nlp, "Economists praised the Bolivian proposals, which include a new export tax.")
                if c.cue_lemma == "praise"]
    assert claim.content.text == "the Bolivian proposals"


def test_a_report_interrupting_a_sentence_after_a_fronted_clause(nlp: Language) -> None:
    text = "Although the harvest was poor, the minister said, food prices in Lima would stay low."
    (claim,) = claims_of(nlp, text)
    pieces = [text[s:e] for s, e in claim.content_spans]
    assert pieces == ["Although the harvest was poor", "food prices in Lima would stay low"]


def test_a_partial_quotation_runs_on_in_its_paragraph_only(nlp: Language) -> None:
    text = ('The summit achieved "too little," the Chilean minister said. "Without reform, the region risks a lot."'
            '\n\n"We are leaving," a delegate from Peru told reporters later.')
    first = claims_of(nlp, text)[0]
    assert first.form == "mixed" and first.content.text.endswith("the region risks a lot")
    assert "leaving" not in first.content.text


def test_any_verb_tagging_a_quotation_says_who_spoke(nlp: Language) -> None:
    text = ('"We will not leave the border," the Peruvian minister said. "It is ours."\n\n'
            '"We will need more time to study the offer," she continued.')
    claims = claims_of(nlp, text)
    assert [(c.cue.text, c.source.text if c.source else None) for c in claims] == [
        ("said", "Peruvian minister"), ("continued", "she")]
    assert "offer" not in claims[0].content.text  # the first quotation stops where the next speaker starts
    assert claims_of(nlp, '"The talks were long", Ramos recalled.')[0].cue.text == "recalled"


def test_a_verb_after_a_quotation_that_ends_a_sentence_tags_nothing(nlp: Language) -> None:
    text = 'Ramos spoke of "a long war." The gap between the two armies began to grow.'
    assert all(c.cue.text != "began" for c in claims_of(nlp, text))


def test_a_second_clause_after_the_first_is_said_too(nlp: Language) -> None:
    text = "Lopez said Bolivia had “no intention” of closing the border and the new checkpoints were only temporary."
    (claim,) = claims_of(nlp, text)
    assert claim.content.text.endswith("the new checkpoints were only temporary")  # "were" hangs from "said"


def test_a_relative_pronoun_speaker_keeps_its_text_and_takes_its_antecedents_name(nlp: Language) -> None:
    text = "Paraguay's interior minister, who denied any link to the ranchers, flew to Asunción on Friday."
    (claim,) = [c for c in claims_of(nlp, text) if c.cue.text == "denied"]
    assert claim.source is not None and claim.source.text == "who" and claim.source.country == "PRY"
    assert claim.source.name != "who" and claim.stance == "deny"
    assert claim.content.text == "any link to the ranchers"
    text = "The farmers, who said the dam had dried their wells, marched to the capital."
    (claim,) = [c for c in claims_of(nlp, text) if c.cue.text == "said"]
    assert claim.source is not None and claim.source.text == "who" and claim.source.name == "farmers"


def test_what_a_thing_a_clause_describes_does_is_no_claim(nlp: Language) -> None:
    text = "The loans that the bank offers carry high interest."
    assert [c for c in claims_of(nlp, text) if c.cue.text == "offers"] == []


def test_an_as_report_claims_the_clause_it_hangs_on(nlp: Language) -> None:
    text = "As the Chilean finance minister had predicted, copper prices fell sharply in May."
    (claim,) = claims_of(nlp, text)
    assert claim.cue.text == "predicted" and claim.source is not None and claim.source.country == "CHL"
    assert claim.content.text == "copper prices fell sharply in May" and claim.stance == "believe"
    text = "The copper mine closed in June, as expected."
    (claim,) = claims_of(nlp, text)
    assert claim.source is None and claim.content.text == "The copper mine closed in June"
    text = "Copper exports, as the Peruvian ministry noted on Tuesday, have doubled since 2019."
    (claim,) = claims_of(nlp, text)
    assert [text[a:b] for a, b in claim.content_spans] == ["Copper exports", "have doubled since 2019"]
    assert claims_of(nlp, "As the harvest ended, farmers sold their grain.") == []


def test_what_is_said_of_someone_in_the_passive_is_a_claim_of_the_by_phrase(nlp: Language) -> None:
    text = "The new mining code has been criticized by several Bolivian economists."
    (claim,) = claims_of(nlp, text)
    assert claim.cue.text == "criticized" and claim.content.text == "The new mining code"
    assert claim.source is not None and claim.source.country == "BOL"
    text = "Paraguay has been accused of smuggling cattle into Brazil."
    (claim,) = claims_of(nlp, text)
    assert claim.source is None and claim.cue.text == "accused"
    assert [text[a:b] for a, b in claim.content_spans] == ["Paraguay", "of smuggling cattle into Brazil"]
    assert claims_of(nlp, "The vote was called for Tuesday.") == []
    assert claims_of(nlp, "She was asked.") == []


def test_an_intention_is_its_holders_claim(nlp: Language) -> None:
    (claim,) = claims_of(nlp, "The Chilean government plans to build a second port near Arica.")
    assert claim.stance == "intend" and claim.content.text == "to build a second port near Arica"
    assert claim.source is not None and claim.source.country == "CHL"
    (claim,) = claims_of(nlp, "Peruvian farmers want lower tariffs on fertiliser.")
    assert claim.stance == "intend" and claim.content.text == "lower tariffs on fertiliser"


def test_speaking_about_something_and_evidence_showing_something_are_claims(nlp: Language) -> None:
    (claim,) = claims_of(nlp, "On Monday the Peruvian minister spoke about the drought in the south.")
    assert claim.cue.text == "spoke" and claim.content.text == "the drought in the south"
    assert claims_of(nlp, "The Peruvian minister spoke to reporters in Lima.") == []  # no topic
    (claim,) = claims_of(nlp, "A new poll shows the Chilean president with a narrow lead.")
    assert claim.content.text == "the Chilean president with a narrow lead" and claim.source is not None
    assert claims_of(nlp, "The Chilean army showed restraint.") == []  # no evidence, no finding


def test_an_attitude_voiced_with_a_light_verb_is_a_claim_about_its_object(nlp: Language) -> None:
    (claim,) = claims_of(nlp, "Bolivian farmers have expressed deep concern about the new water law.")
    assert claim.cue.text == "expressed" and claim.content.text == "the new water law"
    assert claim.source is not None and claim.source.country == "BOL"
    (claim,) = claims_of(nlp, "The Chilean minister made the case that tariffs would hurt exporters.")
    assert claim.content.text == "that tariffs would hurt exporters"
    assert claims_of(nlp, "The Chilean minister made a visit to the port.") == []


def test_characterising_comparing_and_downplaying_are_claims(nlp: Language) -> None:
    (claim,) = claims_of(nlp, "The Peruvian president likened the Chilean tariffs to a blockade.")
    assert claim.cue.text == "likened" and claim.content.text == "the Chilean tariffs to a blockade"
    (claim,) = claims_of(nlp, "The Bolivian minister downplayed the risk of floods in the capital.")
    assert claim.content.text == "the risk of floods in the capital"


def test_the_writers_own_first_person_claims_count_outside_quotation_marks(nlp: Language) -> None:
    (claim,) = claims_of(nlp, "I know the Chilean tariffs will hurt Peruvian farmers.")
    assert claim.source is not None and claim.source.text == "I"
    assert claim.content.text == "the Chilean tariffs will hurt Peruvian farmers"
    claims = claims_of(nlp, '"I know the tariffs will hurt farmers," the Peruvian minister said.')
    assert [c.cue.text for c in claims] == ["said"]  # inside the quotation: the minister's own words


def test_a_clause_after_a_reporting_verb_is_what_was_said_however_it_is_parsed(nlp: Language) -> None:
    (claim,) = claims_of(nlp, "The Peruvian minister said after the summit he would not accept the offer.")
    assert claim.content.text.endswith("he would not accept the offer")


def test_an_attitude_held_as_a_predicate_is_a_claim(nlp: Language) -> None:
    (claim,) = claims_of(nlp, "Paraguay has been critical of the Brazilian dam since May.")
    assert claim.cue.text == "critical" and claim.content.text == "the Brazilian dam" and claim.stance == "believe"
    (claim,) = claims_of(nlp, "It is clear that the Brazilian tariffs have failed.")
    assert claim.source is None and claim.content.text == "that the Brazilian tariffs have failed"
    assert claims_of(nlp, "The Paraguayan minister was confident in himself.") == []


def test_what_a_poll_shows_is_its_claim_and_a_report_keeps_its_that_clause(nlp: Language) -> None:
    (claim,) = claims_of(nlp, "In the latest poll, the Paraguayan president leads by five points.")
    assert claim.source is not None and claim.source.text == "the latest poll"
    assert claim.content.text == "the Paraguayan president leads by five points"
    assert claims_of(nlp, "In Asunción, farmers marched to the congress.") == []
    (claim,) = claims_of(nlp, "The Paraguayan ministry said in a report that exports fell.")
    assert claim.cue.text == "said" and claim.content.text == "that exports fell"


def test_a_text_someone_issued_says_what_its_participle_says_and_the_issuer_is_the_source(nlp: Language) -> None:
    (claim,) = claims_of(nlp, "The Paraguayan ministry issued a statement calling the dam a clear violation.")
    assert claim.cue.text == "calling" and claim.content.text == "the dam a clear violation"
    assert claim.source is not None and claim.source.text == "Paraguayan ministry"
    (claim,) = claims_of(nlp, "The Paraguayan ministry released a statement saying that the border would close.")
    assert claim.source is not None and claim.source.text == "Paraguayan ministry"


def test_the_writers_concession_or_parenthesis_after_a_content_is_not_said(nlp: Language) -> None:
    claims = claims_of(nlp, "The Chilean minister claimed that the tariffs were fair, although he refused "
                            "to publish the figures.")
    assert [c.content.text for c in claims if c.cue.text == "claimed"] == ["that the tariffs were fair"]
    (claim,) = claims_of(nlp, "The Chilean minister said that Senator Juan Ortega (Valparaíso) would lead the talks.")
    assert claim.content.text == "that Senator Juan Ortega (Valparaíso) would lead the talks"


def test_a_quotation_opened_by_a_colon_after_the_hearers_is_one_claim(nlp: Language) -> None:
    text = 'The Chilean minister told reporters on Friday: “The answer is simple. Peru sent ships to our waters.”'
    (claim,) = claims_of(nlp, text)
    assert claim.form == "direct" and claim.content.text == "The answer is simple. Peru sent ships to our waters"


def test_an_article_cut_off_after_a_verb_and_a_preposition_is_read_to_its_end(nlp: Language) -> None:
    text = "Peru and Chile said they were able to discuss a truce between"  # a feed's truncated text
    claims = claims_of(nlp, text)
    assert all(c.content.end <= len(text) for c in claims)


def test_a_clause_in_someones_words_is_their_claim(nlp: Language) -> None:
    (claim,) = claims_of(nlp, "In the words of the Paraguayan minister, the dam deal is dead.")
    assert claim.source is not None and claim.source.country == "PRY"
    assert claim.content.text == "the dam deal is dead"


def test_a_time_or_a_channel_is_not_what_someone_spoke_about(nlp: Language) -> None:
    assert claims_of(nlp, "The Chilean and Peruvian presidents spoke on the phone on Thursday evening.") == []
    assert claims_of(nlp, "The Chilean president spoke on Tuesday night.") == []
    (claim,) = claims_of(nlp, "The Chilean president spoke on foreign policy.")
    assert claim.content.text == "foreign policy"


def test_a_quoted_title_after_the_verb_is_no_speaker_the_name_after_the_quotation_is(nlp: Language) -> None:
    from spacy.tokens import Doc

    from newsgraph.extract.claims import _speaker_subject

    # the parse the model sometimes gives: the name hung inside the quotation, the title as subject
    words = ["“", "It", "is", "wrong", ",", "”", "Rivas", ",", "an", "ally", ",", "said", "on", "Radio",
             "Sur", "’s", "“", "Coffee", "and", "Friends", ".", "”"]
    heads = [2, 2, 11, 2, 3, 6, 3, 6, 9, 6, 11, 11, 11, 14, 12, 14, 11, 11, 17, 17, 11, 11]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "appos", "punct", "det", "appos", "punct",
            "ROOT", "prep", "compound", "pobj", "case", "punct", "nsubj", "cc", "conj", "punct", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB",
           "ADP", "PROPN", "PROPN", "PART", "PUNCT", "PROPN", "CCONJ", "PROPN", "PUNCT", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    speaker = _speaker_subject(doc[11])
    assert speaker is not None and speaker.text == "Rivas"
    # a subject after the verb with no quotation between stays the speaker
    (claim,) = claims_of(nlp, "“It is over,” said Jim Acker on Radio Sur’s “Coffee Time.”")
    assert claim.source is not None and claim.source.text == "Jim Acker"
