"""Status of an event from the cues that govern its trigger (sentences written for these tests)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.extract.status import status_of


def trigger(nlp: Language, text: str, word: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Egypt delivered grain to Sudan last week.", "delivered", "asserted"),
        ("Egypt will deliver grain to Sudan next week.", "deliver", "planned"),
        ("The minister is set to visit Ankara in May.", "visit", "planned"),
        ("Canada plans to send tanks to Poland.", "send", "planned"),
        ("Brazil intends to sign the accord.", "sign", "planned"),
        ("Kenya could send troops to Haiti.", "send", "possible"),
        ("The envoy may travel to Cairo.", "travel", "possible"),
        ("Peru is considering buying jets from Sweden.", "buying", "possible"),
        ("Chile asked Argentina to return the vessel.", "return", "requested"),
        ("Oslo urged Moscow to release the crew.", "release", "requested"),
        ("Spain wants Morocco to stop the boats.", "stop", "requested"),
        ("The council tasked the envoy with securing the release of the sailors.", "release", "requested"),
        ("The envoy tried to leave Lima after the bombing of the consulate.", "bombing", "asserted"),
        ("Bolivia hopes to rejoin the bloc, ten years after quitting it.", "quitting", "asserted"),
        ("Peru will reopen the border after the talks in Quito.", "talks", "planned"),
        ("Dozens of Chileans volunteered to fight against the rebels.", "fight", "planned"),
        ("Bolivian troops must leave the disputed valley.", "leave", "requested"),
        ("Bolivian troops are poised to storm the rebel town.", "storm", "planned"),
        ("Lima could have known about the raid on the consulate.", "raid", "asserted"),
        ("Quito will respond if a Peruvian raid on the border post takes place.", "raid", "hypothetical"),
        ("Chile must have known about the raid.", "raid", "asserted"),
        ("Lima wants Quito to free the sailors detained last week.", "detained", "asserted"),
        ("Peru will not meet the envoys expelled by Chile.", "expelled", "asserted"),
        ("Spain wants to stop the boats.", "stop", "planned"),
        ("A promised storming of the town drew near.", "storming", "planned"),
        ("The army was told to plan for the withdrawal of its troops.", "withdrawal", "planned"),
        ("Lisbon called for the release of the crew.", "release", "requested"),
        ("The envoy would like to visit Rabat.", "visit", "planned"),
        ("Malta is ready to host the talks.", "host", "planned"),
        ("Tunisia is unwilling to return the migrants.", "return", "negated"),
        ("Tunisia is not ready to return the migrants.", "return", "negated"),
        ("Libya is likely to expel the diplomats.", "expel", "possible"),
        ("Norway did not send weapons to the rebels.", "send", "negated"),
        ("Austria has not yet delivered the helicopters.", "delivered", "negated"),
        ("Greece refused to extradite the suspect.", "extradite", "negated"),
        # asked of someone named by a preposition, the to-clause parsed as adverbial or not
        ("The envoy pleaded with Ecuador to free the fishermen.", "free", "requested"),
        ("The envoy appealed to Ecuador to free the fishermen.", "free", "requested"),
        # an option not excluded is left open; one excluded is not taken
        ("Ecuador did not rule out expelling the envoy.", "expelling", "possible"),
        ("Ecuador is not excluding a blockade of the port.", "blockade", "possible"),
        ("Ecuador ruled out expelling the envoy.", "expelling", "negated"),
        ("Ecuador called off expelling the envoy.", "expelling", "negated"),  # not the "call" of a request
        # a noun's to-infinitive is its purpose, still to come; a ranking's is done
        ("The coalition to expel the rebels met in Quito.", "expel", "planned"),
        ("Ecuador was the first state to expel the rebels from the border.", "expel", "asserted"),
        # what a report or an inquiry is about is not under the verb's modal
        ("Peru will publish its own report into the Ecuadorian border attack.", "attack", "asserted"),
        ("Italy failed to deliver the vaccines.", "deliver", "negated"),
        ("Belgium never supplied arms to the militia.", "supplied", "negated"),
        ("If Serbia attacks, Croatia will respond.", "attacks", "hypothetical"),
        ("They discussed the possibility of selling drones to Qatar.", "selling", "possible"),
        ("Jordan abandoned plans of buying the aircraft.", "buying", "planned"),
        ("The talks were reportedly held in Doha.", "held", "possible"),
        ("A planned meeting between the two ministers was postponed.", "meeting", "planned"),
        ("The invasion was driven by Lima's wish to punish Quito.", "punish", "planned"),
        ("Chile's desire to expel the envoy was well known.", "expel", "planned"),
        ("She imagined Peruvian jets bombing the port.", "bombing", "possible"),
        ("Peru agreed to a withdrawal of its troops.", "withdrawal", "planned"),
        ("Neither Chile nor Peru attacked the convoy.", "attacked", "negated"),
        # an act averted or thwarted did not happen; one feared may
        ("Peru averted a Chilean blockade of the port.", "blockade", "negated"),
        ("The Aymara fear a crackdown by the Bolivian police.", "crackdown", "possible"),
        ("Bolivia is looking to expand its navy.", "expand", "planned"),
        # the future however it is spelt; a plan under a condition or a modal is no more than that
        ("“We’ll expel the envoy,” the Peruvian minister said.", "expel", "planned"),
        ("“We’d expel the envoy,” the Peruvian minister said.", "expel", "planned"),
        ("Peru is going to expel the envoy.", "expel", "planned"),
        ("If Peru is going to expel the envoy, Chile will respond.", "expel", "hypothetical"),
        ("Peru may decide to expel the envoy.", "expel", "possible"),
        # the cause of what may happen may come too
        ("Thousands of civilians might be killed by a Chilean attack.", "attack", "possible"),
        # a cleft's negation denies its focus (a time), not its clause; "not true that" denies it
        ("It was not until March that Chile withdrew its troops.", "withdrew", "asserted"),
        ("It was not long ago that Chile expelled the envoy.", "expelled", "asserted"),
        ("It is not true that Chile expelled the envoy.", "expelled", "negated"),
        ("It is not clear that Chile expelled the envoy.", "expelled", "possible"),
        # "asked if" asks, as "asked whether": open, not a condition
        ("The judge asked Peru if it had expelled the envoy.", "expelled", "possible"),
        ("If Peru expels the envoy, Chile will respond.", "expels", "hypothetical"),
        ("Neither the Chilean withdrawal nor the cuts were preceded by any talks.", "withdrawal", "asserted"),
        ("The port is on the verge of being captured by Peruvian forces.", "captured", "possible"),
        ("Captured Peruvian fighters would often be beaten.", "beaten", "asserted"),  # a past habit
        ("A Chilean withdrawal from Tacna would leave Peru exposed.", "withdrawal", "possible"),
        ("The Chilean parliament held a vote to attack the Peruvian government.", "attack", "planned"),
        ("A Chilean attack on Peru could trigger a regional war.", "attack", "possible"),
        ("Chile did not take part in the attack on the convoy.", "attack", "negated"),
        ("Peru put its navy on alert in the event of a Chilean strike.", "strike", "hypothetical"),
        ("Chile was not involved in Peru's attack on the convoy.", "attack", "asserted"),  # Peru's, made
        ("Chile did not attend the talks, citing the attacks on its ships.", "citing", "asserted"),
        ("The Chilean attack on Peru killed ten soldiers.", "attack", "asserted"),
        ("Peru did not agree to a withdrawal of its troops.", "withdrawal", "negated"),
        # the alternative not taken; a token of speech quantified to nothing; holding off; "not only"
        ("Chile chose to negotiate rather than attack Peru.", "attack", "negated"),
        ("Bolivia chose to fine, rather than jail, the striking miners.", "jail", "negated"),
        ("Chile imposed sanctions on Peru instead of attacking it.", "attacking", "negated"),
        ("Chile imposed sanctions on Peru instead of attacking it.", "sanctions", "asserted"),
        ("Chile attacked Peru rather than Bolivia.", "attacked", "asserted"),
        ("The coup went ahead with hardly a murmur of criticism from Brazil.", "criticism", "negated"),
        ("There was no sign of condemnation from Chile.", "condemnation", "negated"),
        ("Peru jailed them without a word of criticism from Chile.", "criticism", "negated"),
        ("Chile voiced a word of criticism of Peru.", "criticism", "asserted"),
        ("Brazil urged Bolivia to hold off on imposing new tariffs.", "tariffs", "negated"),
        ("Peru held off on attacking Chile.", "attacking", "negated"),
        ("The raid was not only an attack on Peru but on the whole region.", "attack", "asserted"),
        ("The raid was not an attack on Peru.", "attack", "negated"),
    ],
)
def test_status_cues(bare_nlp: Language, text: str, word: str, expected: str) -> None:
    assert status_of(trigger(bare_nlp, text, word)) == expected


def test_negation_in_another_clause_does_not_negate(bare_nlp: Language) -> None:
    tok = trigger(bare_nlp, "Hungary sold the rifles to Serbia, although officials did not confirm it.", "sold")
    assert status_of(tok) == "asserted"


def test_modal_in_reporting_clause_does_not_change_status(bare_nlp: Language) -> None:
    tok = trigger(bare_nlp, "Officials would say only that Poland had shipped the tanks.", "shipped")
    assert status_of(tok) == "asserted"


def test_open_question_is_possible(bare_nlp: Language) -> None:
    tok = trigger(bare_nlp, "Officials would not say whether Poland had shipped the tanks.", "shipped")
    assert status_of(tok) == "possible"


def test_denial_negates_the_reported_event(bare_nlp: Language) -> None:
    tok = trigger(bare_nlp, "Minsk denied that it had sent troops to the border.", "sent")
    assert status_of(tok) == "negated"


def test_denial_negates_a_reported_future_act_too(bare_nlp: Language) -> None:
    assert status_of(trigger(bare_nlp, "The Bolivian minister denied he would resign.", "resign")) == "negated"
    assert status_of(trigger(bare_nlp, "The Bolivian minister said he would resign.", "resign")) == "planned"


def test_attempted_speech_act_is_asserted_but_attempted_deed_is_possible(bare_nlp: Language) -> None:
    text = "The envoy flew to Hanoi to try to persuade Vietnam to buy rice."
    assert status_of(trigger(bare_nlp, text, "persuade"), "REQUEST") == "asserted"
    assert status_of(trigger(bare_nlp, "Laos tried to buy rice from Thailand.", "buy"), "AID") == "possible"


def test_would_like_is_a_present_desire(bare_nlp: Language) -> None:
    assert status_of(trigger(bare_nlp, "Fiji would like Japan to fund the port.", "like"), "REQUEST") == "asserted"


def test_conjoined_clause_keeps_its_own_status(bare_nlp: Language) -> None:
    text = "Qatar has not sent troops but has delivered food to the refugees."
    assert status_of(trigger(bare_nlp, text, "delivered")) == "asserted"
    assert status_of(trigger(bare_nlp, text, "sent")) == "negated"


def test_shared_modal_carries_to_bare_conjunct(bare_nlp: Language) -> None:
    assert status_of(trigger(bare_nlp, "The envoy will fly to Rome and meet the pope.", "meet")) == "planned"


def test_infinitive_after_a_plan_noun_is_planned(bare_nlp: Language) -> None:
    tok = trigger(bare_nlp, "The president's decision to withdraw troops from Mali surprised Paris.", "withdraw")
    assert status_of(tok) == "planned"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Few if any weapons from Iran reached the rebels.", "reached", "negated"),
        ("Kenya has sent few, if any, troops to Haiti.", "sent", "negated"),
        ("Hardly any shells arrived at the front.", "arrived", "negated"),
        ("Egypt sent no troops to Somalia.", "sent", "negated"),
        ("Egypt sent no fewer than 500 troops to Somalia.", "sent", "asserted"),
        ("Egypt sent a few troops to Somalia.", "sent", "asserted"),
    ],
)
def test_negative_quantifier_on_an_argument(bare_nlp: Language, text: str, word: str, expected: str) -> None:
    assert status_of(trigger(bare_nlp, text, word)) == expected


def test_negative_quantifier_in_another_clause_does_not_negate(bare_nlp: Language) -> None:
    text = "Oman delivered fuel to Yemen, although few if any officials confirmed it."
    assert status_of(trigger(bare_nlp, text, "delivered")) == "asserted"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The envoy flew to Hanoi without informing Beijing.", "informing", "negated"),
        ("Instead of warning Ankara, Washington praised it.", "warning", "negated"),
        ("Moscow sent tanks rather than sending troops.", "sending", "negated"),
        ("Officials could not give a timeline for the withdrawal of the troops.", "withdrawal", "asserted"),
    ],
)
def test_negating_prepositions_and_adjuncts(bare_nlp: Language, text: str, word: str, expected: str) -> None:
    assert status_of(trigger(bare_nlp, text, word)) == expected


def test_no_longer_negates(bare_nlp: Language) -> None:
    assert status_of(trigger(bare_nlp, "Russia no longer supplies gas to Poland.", "supplies")) == "negated"


def test_gerund_subject_of_a_modal_clause_takes_its_status(bare_nlp: Language) -> None:
    assert status_of(trigger(bare_nlp, "Sending troops to Mali could provoke Algeria.", "Sending")) == "possible"


def test_hoping_to_act_is_a_plan_whatever_the_lemmatiser_says(nlp) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from newsgraph.extract import extract_events
    from newsgraph.records import Article

    doc = nlp("Uruguay is hoping to hold talks with Paraguay.")
    assert [t.lemma_ for t in doc if t.lower_ == "hoping"] == ["hope"]  # the model alone says "hop"
    (talks,) = extract_events(doc, Article(id="t", text=doc.text, published=date(2024, 3, 6)))
    assert talks.status == "planned"



def test_a_negative_quantifier_on_an_argument_does_not_deny_the_purpose(nlp: Language) -> None:
    text = "Bolivian officials said no ransom was paid to secure the release of the miners."
    assert status_of(trigger(nlp, text, "release")) == "asserted"
    assert status_of(trigger(nlp, "Peru did not send troops to attack Chile.", "attack")) == "negated"


def test_an_in_case_clause_is_a_condition(bare_nlp: Language) -> None:
    tok = trigger(bare_nlp, "The soldiers wrote letters in case they were captured by the rebels.", "captured")
    assert status_of(tok, "COERCE") == "hypothetical"


def test_the_danger_of_an_act_makes_it_possible(bare_nlp: Language) -> None:
    tok = trigger(bare_nlp, "Diplomats warned of the danger of a naval clash with China.", "clash")
    assert status_of(tok, "ASSAULT") == "possible"


def test_every_status_cue_row_names_a_known_kind_and_status() -> None:
    from newsgraph.extract.lexicon import read_table

    kinds = {"modal", "hedge", "governing_verb", "governing_noun", "governing_adjective", "noun_modifier"}
    statuses = {"planned", "possible", "requested", "negated", "hypothetical", "-"}
    rows = read_table("status.tsv")
    assert rows and all(r["cue"] in kinds and r["status"] in statuses and r["words"].strip() for r in rows)


def test_a_time_clause_is_not_denied_by_its_main_clause(bare_nlp: Language) -> None:
    text = "Last time when Chile attacked Peru with missiles, it did not wait for any endorsement."
    assert status_of(trigger(bare_nlp, text, "attacked")) == "asserted"
    assert status_of(trigger(bare_nlp, "Chile did not attack Peru.", "attack")) == "negated"


def test_a_past_time_clause_keeps_its_own_tense_under_a_future_main_clause(bare_nlp: Language) -> None:
    text = "Bolivia says it will stand by Peru, as an adviser to its president met the Peruvian leader on Monday."
    assert status_of(trigger(bare_nlp, text, "met")) == "asserted"
    text = "Bolivia will sign the treaty when its president visits Peru."
    assert status_of(trigger(bare_nlp, text, "visits")) == "planned"


def test_asking_who_would_act_makes_the_act_only_possible(bare_nlp: Language) -> None:
    assert status_of(trigger(bare_nlp, "Who would attack Peru now?", "attack")) == "possible"
    assert status_of(trigger(bare_nlp, "Who attacked the Peruvian embassy on Monday?", "attacked")) == "asserted"


def test_readiness_asked_about_is_only_possible(bare_nlp: Language) -> None:
    text = "Peru has not said whether it is prepared to withdraw its troops."
    assert status_of(trigger(bare_nlp, text, "withdraw")) == "possible"
    assert status_of(trigger(bare_nlp, "Peru is prepared to withdraw its troops.", "withdraw")) == "planned"


def test_an_in_ing_adjunct_is_not_denied_by_its_main_clause(bare_nlp: Language) -> None:
    text = "In criticising the Chilean withdrawal, the minister won't admit that the policy failed."
    assert status_of(trigger(bare_nlp, text, "criticising")) == "asserted"


def test_neither_nor_negates_the_act(nlp: Language) -> None:
    assert status_of(trigger(nlp, "Neither the Peruvian army nor Bolivia will accept the plan.", "accept")) == "negated"


def test_a_planned_act_someone_will_not_allow_is_denied(nlp: Language) -> None:
    text = "Chile's president said he won't allow Peru's leader to make a planned visit to Santiago."
    assert status_of(trigger(nlp, text, "visit")) == "negated"
    assert status_of(trigger(nlp, "Peru's leader will make a planned visit to Santiago.", "visit")) == "planned"


def test_what_is_answered_has_happened(nlp: Language) -> None:
    text = "Peru vowed to respond to the Chilean attack on its embassy."
    assert status_of(trigger(nlp, text, "attack")) == "asserted"
    assert status_of(trigger(nlp, "Peru vowed to launch an attack on Chile.", "attack")) == "planned"


def test_a_measure_aimed_at_an_end_is_in_force(nlp: Language) -> None:
    text = "The Bolivian tariffs on Chile are aimed at cutting smuggling."
    assert status_of(trigger(nlp, text, "tariffs")) == "asserted"
    assert status_of(trigger(nlp, "The Bolivian sanctions are intended to deter Chile.", "sanctions")) == "asserted"
    assert status_of(trigger(nlp, "Talks with Chile are planned for Monday.", "Talks")) == "planned"


def test_an_act_warned_against_has_not_happened(nlp: Language) -> None:
    assert status_of(trigger(nlp, "Chile warned Bolivia against attacking the town.", "attacking")) == "negated"
    text = "The Bolivian government warned the miners against holding the rally."
    assert status_of(trigger(nlp, text, "rally")) == "negated"
    assert status_of(trigger(nlp, "Chile fought against the Bolivian attack.", "attack")) == "asserted"


def test_what_one_speaks_ahead_of_is_still_to_come(nlp: Language) -> None:
    text = "The Bolivian president spoke to reporters ahead of talks with Chile."
    assert status_of(trigger(nlp, text, "talks")) == "planned"
    assert status_of(trigger(nlp, "The Bolivian president held talks with Chile.", "talks")) == "asserted"


def test_not_only_is_no_negation(bare_nlp: Language) -> None:
    tok = trigger(bare_nlp, "Chile kept troops there, not only to fight the rebels but to deter Bolivia.", "fight")
    assert status_of(tok) != "negated"


@pytest.mark.parametrize(("text", "word", "event_type", "expected"), [
    ("Their attempt to assassinate the Bolivian mayor failed.", "assassinate", "ASSAULT", "possible"),
    ("Chile made efforts to persuade Peru to withdraw.", "persuade", "REQUEST", "asserted"),
    ("Bolivia cut gas exports in an effort to force Chile to give up the port.", "give", "REJECT", "possible"),
])
def test_an_act_attempted_by_a_noun_is_possible_a_speech_act_made(bare_nlp: Language, text: str, word: str,
                                                                   event_type: str, expected: str) -> None:
    assert status_of(trigger(bare_nlp, text, word), event_type) == expected


def test_an_act_hoped_or_expected_to_do_something_is_not_reported(bare_nlp: Language) -> None:
    text = "Opposition leaders hope the new sanctions will hit the Bolivian elite."
    assert status_of(trigger(bare_nlp, text, "sanctions"), "SANCTION") == "planned"
    text = "Brazil said the sanctions would continue."
    assert status_of(trigger(bare_nlp, text, "sanctions"), "SANCTION") == "asserted"



def test_an_act_asked_about_is_a_question_not_a_request(bare_nlp: Language) -> None:
    def status(text: str, word: str) -> str:
        doc = bare_nlp(text)
        return status_of(next(t for t in doc if t.text == word), "SANCTION")

    assert status("Uruguay asked why Argentina had expelled its ambassador.", "expelled") == "asserted"
    assert status("Uruguay asked whether Argentina would expel its ambassador.", "expel") == "possible"
    assert status("Uruguay asked Argentina to expel the spy.", "expel") == "requested"


def test_a_denied_plan_through_a_preposition_is_negated(bare_nlp: Language) -> None:
    doc = bare_nlp("Uruguay does not plan on withdrawing its troops from the border.")
    assert status_of(next(t for t in doc if t.text == "withdrawing"), "RETREAT") == "negated"
    doc = bare_nlp("Uruguay plans on withdrawing its troops from the border.")
    assert status_of(next(t for t in doc if t.text == "withdrawing"), "RETREAT") == "planned"


def test_any_act_is_no_act_reported(bare_nlp: Language) -> None:
    doc = bare_nlp("Paraguay vowed to respond to any Bolivian incursion across the river.")
    assert status_of(next(t for t in doc if t.text == "incursion"), "ASSAULT") == "hypothetical"
    doc = bare_nlp("Paraguay denied any role in the raid.")
    assert status_of(next(t for t in doc if t.text == "role"), "ASSAULT") != "asserted"
    doc = bare_nlp("Paraguay responded to the Bolivian incursion across the river.")
    assert status_of(next(t for t in doc if t.text == "incursion"), "ASSAULT") == "asserted"


def test_an_act_ordered_or_told_is_requested(bare_nlp: Language) -> None:
    assert status_of(trigger(bare_nlp, "Bolivia ordered its troops to withdraw.", "withdraw")) == "requested"
    assert status_of(trigger(bare_nlp, "The Bolivian troops were told to withdraw.", "withdraw")) == "requested"
    assert status_of(trigger(bare_nlp, "The minister told reporters Peru had withdrawn.", "withdrawn")) == "asserted"
