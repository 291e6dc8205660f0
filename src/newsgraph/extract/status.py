"""Status: is the event reported as done, planned, possible, requested, denied or conditional?

Only cues that govern the trigger in the dependency tree count, never cues that
merely share the sentence. From the trigger upwards, the nearest cue decides:

1. the trigger's own clause: negation ("not", "never", "has not yet"), modals
   ("will", "would" → planned; "could", "may", "might" → possible), hedges
   ("possibly", "reportedly"), a negative quantifier on its subject or object ("no troops",
   "few if any weapons"), conditionals ("if", "unless", "would have" →
   hypothetical), and for nouns their modifiers ("a planned meeting", "a possible deal");
2. a governing verb of which the trigger is the complement: plan/intend/aim/agree
   → planned; want/seek/ask/urge → requested; consider/weigh/reconsider → possible;
   fail/refuse/decline/deny → negated; a wish for one's own act ("wants to visit", "would like
   to meet") is an intention → planned; a governing adjective: ready/willing/prepared to → planned,
   likely to → possible, unable/unwilling to → negated;
3. a governing noun: "plans of", "the possibility of", "a request for";
4. purpose clauses, conjoined verbs and light-verb objects take the status of the
   verb they hang from; a reporting verb ("said") is a boundary, except "denied that".
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.lexicon import (
    agreed_in,
    answers_accusation,
    aux_form,
    called_as,
    convened,
    deadline_acts,
    read_table,
    subjunctive,
    trigger_for,
    word_list,
)

ASSERTED, PLANNED, POSSIBLE, REQUESTED, NEGATED, HYPOTHETICAL = (
    "asserted", "planned", "possible", "requested", "negated", "hypothetical",
)


def _cues(kind: str) -> dict[str, str]:
    """Word → status for one kind of cue in ``data/lexicon/status.tsv`` ("-": a word that sets none)."""
    return {w.strip(): r["status"].strip() for r in read_table("status.tsv") if r["cue"].strip() == kind
            for w in r["words"].split("|") if w.strip()}


MODALS: dict[str, str | None] = {w: (None if s == "-" else s) for w, s in _cues("modal").items()}
HEDGES = _cues("hedge")
GOVERNING_VERBS = _cues("governing_verb")
GOVERNING_NOUNS = _cues("governing_noun")  # "plans of", "the possibility of", "a request for"
GOVERNING_ADJECTIVES = _cues("governing_adjective")  # "is ready to talk", "likely to attack", "unwilling to pay"
NOUN_MODIFIERS = _cues("noun_modifier")  # "a planned visit"
NEGATORS = word_list("negators")
REACTING_VERBS = word_list("reacting_verbs")  # what they answer is presupposed ("will respond to the attack")
# Wishing verbs: a wish for one's own act is an intention ("wants to visit"); for another's act
# ("wants Iran to stop") a request.
WISHING = word_list("wishing_verbs")
QUESTIONING = word_list("questioning_verbs")
# Reporting verbs end the climb: what someone says does not change the event's status…
REPORTING_BOUNDARY = word_list("reporting_boundary")
# …except a denial.
DENIAL = word_list("denial_verbs")
REASON_PREPS = frozenset({"for", "despite"})
LIGHT_VERB_DEPS = ("dobj", "nsubjpass", "attr", "pobj")
INHERITING_DEPS = ("advcl", "conj", "xcomp", "ccomp", "csubj")
TEMPORAL_MARKS = frozenset({"when", "after", "before", "since", "while", "as", "once", "until", "whenever"})
DESIRE_WITH_WOULD = word_list("desire_with_would")
# Verbs whose negation affirms their complement ("will not hesitate to", "never failed to").
NOT_HESITATE = word_list("not_hesitate_verbs")
# Attempting a speech act performs it ("tried to persuade" is persuading); an attempted deed is only possible.
ATTEMPT = word_list("attempt_verbs")
SPEECH_ACT_TYPES = frozenset({"REQUEST", "CONSULT", "ACCUSE", "THREATEN", "REJECT", "PROTEST", "SUPPORT"})


# A negative quantifier on the subject or object denies the event: "sent no troops",
# "few if any weapons reached the front", "hardly any shells arrived".
NEGATIVE_QUANTIFIERS = (("few", "if", "any"), ("little", "if", "any"), ("hardly", "any"), ("barely", "any"),
                        ("scarcely", "any"), ("no",), ("none", "of"))
TOKEN_DENIALS = frozenset({("barely", "a"), ("hardly", "a"), ("scarcely", "a"), ("not", "a"), ("nary", "a"),
                           ("without", "a"), ("without", "any")})
NOT_NEGATING_AFTER_NO = frozenset({"fewer", "less", "more", "longer", "later", "sooner"})
ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj")


def _words_before(noun: Token) -> list[str]:
    """The words just before a noun phrase's head, skipping its adjectives, compounds and commas."""
    words: list[str] = []
    i = noun.i - 1
    start = noun.sent.start
    while i >= start and len(words) < 4:
        tok = noun.doc[i]
        if tok.lower_ == "," or (not words and tok.dep_ in ("amod", "compound", "nummod") and tok.head == noun):
            i -= 1
            continue
        words.insert(0, tok.lower_)
        i -= 1
    return words


def _negatively_quantified(noun: Token) -> bool:
    if any(c.dep_ in ("preconj", "det") and c.lower_ == "neither" for c in noun.children):
        # "neither Iran nor Turkey will accept", "neither side attacked"; not an act noun ("neither the
        # withdrawal nor the cuts were discussed": what is denied is the predicate)
        return trigger_for(noun) is None
    words = _words_before(noun)
    for pattern in NEGATIVE_QUANTIFIERS:
        n = len(pattern)
        if tuple(words[-n:]) == pattern:
            return not (pattern == ("no",) and noun.doc[noun.i - 1].lower_ in NOT_NEGATING_AFTER_NO)
    return False


def _denied_token(noun: Token) -> bool:
    """"barely a word", "not a whisper", "without a sign", "no word": a token of speech or action
    quantified to nothing."""
    return _negatively_quantified(noun) or tuple(_words_before(noun)[-2:]) in TOKEN_DENIALS


def _negates(child: Token, tok: Token) -> bool:
    """The child negates the token's own act: "not", "never", "no"; "neither" only a verb's ("neither
    is X willing": also as a preconjunct), as an act noun's it denies the predicate (see
    _negatively_quantified); a preconjunct "not" does not ("not only … but")."""
    if child.dep_ == "neg":
        # "is not only the first …, but also": "not only" adds, it denies nothing
        after = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
        return after is None or after.lower_ not in ("only", "merely", "just", "simply")
    if child.lower_ == "neither":
        return child.dep_ in ("advmod", "det", "preconj") and tok.pos_ != "NOUN"
    return child.dep_ in ("advmod", "det") and child.lower_ in NEGATORS


def _has_negated_argument(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ARGUMENT_DEPS and c.pos_ in ("NOUN", "PROPN", "PRON") and _negatively_quantified(c)
        for c in tok.children
    )


def _is_negating_prep(prep: Token) -> bool:
    """"without", "instead of", "rather than" ("instead"/"rather" hang from the preposition or govern it),
    "against" after a verb of warning."""
    low = prep.lower_
    if low == "without":
        return True
    if low == "against":  # "warned X against holding the rally", "cautioned against attacking"
        governor = prep.head.head if prep.head.dep_ == "dobj" else prep.head
        return governor.lemma_.lower() in word_list("warning_verbs")
    marker = {"of": "instead", "than": "rather"}.get(low)
    return marker is not None and (prep.head.lower_ == marker or any(c.lower_ == marker for c in prep.children))


def _rather_than(conjunct: Token) -> bool:
    """A verb joined to another by "rather than" is the alternative not taken ("chose to negotiate
    rather than attack", "respond with threats rather than cave in"): the "than" is a conjunction
    of the first verb, between the two, with "rather" on it."""
    return any(c.dep_ == "cc" and c.lower_ == "than" and c.i < conjunct.i and any(
        r.lower_ == "rather" for r in c.children) for c in conjunct.head.children)


def _is_quantifier_if(tok: Token) -> bool:
    """The "if" of "few if any", "little, if any,": part of a quantifier, not a condition."""
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "any" and any(
        doc[j].lower_ in ("few", "little") for j in range(max(0, tok.i - 2), tok.i)
    )


def _asked_if(tok: Token) -> bool:
    """An "if" clause that is what a questioning verb asks ("asked Peru if it had expelled X"): an
    embedded question, as with "whether", not a condition."""
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in QUESTIONING and any(
        c.dep_ == "mark" and c.lower_ == "if" for c in tok.children)


def _is_conditional(tok: Token) -> bool:
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark" and not _is_quantifier_if(c)}
    if _asked_if(tok):
        marks.discard("if")
    if marks & {"if", "unless"} or (tok.dep_ == "advcl" and _in_case(tok)):
        return True
    aux = [aux_form(c) for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if "would" in aux and "have" in aux and tok.tag_ == "VBN":  # counterfactual "would have sent"
        return True
    return has_condition(tok) and any(a in ("would", "will", "could", "might") for a in aux)


def is_condition(clause: Token) -> bool:
    """The token heads an if/unless/in-case clause ("if X escalates", "in case they are killed")."""
    return clause.dep_ == "advcl" and (
        any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children) or _in_case(clause))


def _in_case(clause: Token) -> bool:
    """ "in case they are captured": the parser marks the clause with "in" (mark or prep) over "case"."""
    return any(m.dep_ in ("mark", "prep") and m.lower_ == "in" and m.i < clause.i
               and any(c.lower_ == "case" for c in m.children) for m in clause.children)


def has_condition(tok: Token) -> bool:
    """The token heads an if/unless clause ("will retaliate if X escalates")."""
    return any(is_condition(c) for c in tok.children)


def _own_clause(conjunct: Token, first: Token) -> bool:
    """A conjoined verb with its own auxiliary or subject, or joined by "but", is a clause of its own."""
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "neg") for c in conjunct.children):
        return True
    return any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in first.children)


def has_object(verb: Token) -> bool:
    """The verb has an object of its own ("wants Iran to stop"), so its complement is another's act."""
    return any(c.dep_ in ("dobj", "nsubj") and c.i > verb.i for c in verb.children)


def local_status(tok: Token) -> str | None:
    """A status cue in the token's own clause or phrase."""
    if _is_conditional(tok):
        return HYPOTHETICAL
    found: str | None = None
    if _has_negated_argument(tok):
        return NEGATED
    if _asked_if(tok) or any(c.dep_ == "mark" and c.lower_ == "whether" for c in tok.children):
        found = POSSIBLE  # an open question: "would not say whether X had shipped"
    if _asks_who(tok):
        return POSSIBLE  # "who is going to fire on an unarmed man?", "who would attack Peru now?"
    for c in tok.children:
        low = aux_form(c) if c.dep_ in ("aux", "auxpass") else c.lower_
        if _negates(c, tok):
            return NEGATED
        if c.dep_ == "advmod" and low in ("longer", "more") and any(g.lower_ == "no" for g in c.children):
            return NEGATED  # "no longer face", "no more sends"
        if c.dep_ in ("aux", "auxpass") and low in MODALS and MODALS[low]:
            habitual = low == "would" and any(a.dep_ == "advmod" and a.lower_ in word_list("habitual_adverbs")
                                              for a in tok.children)  # "would often be beaten": a past habit
            guessed = low == "must" and any(a.dep_ == "aux" and a.lower_ == "have" for a in tok.children)
            if not guessed and not (low == "would" and tok.lemma_.lower() in DESIRE_WITH_WOULD) and not habitual:
                found = found or MODALS[low]  # ("must have known": a guess, no demand)
        elif c.dep_ == "advmod" and low in HEDGES:
            found = found or HEDGES[low]
        elif c.dep_ in ("amod", "compound") and tok.pos_ == "NOUN" and low in NOUN_MODIFIERS:
            found = found or NOUN_MODIFIERS[low]
    if found is None and tok.pos_ in ("VERB", "AUX"):
        # "is set to", "is scheduled to", "is expected to", "is going to"
        for c in tok.children:
            if c.dep_ == "xcomp" and c.lemma_.lower() in ("set", "schedule", "expect", "go", "due") and (
                c.tag_ in ("VBN", "VBG", "JJ") and any(g.dep_ == "xcomp" for g in c.children)
            ):
                return PLANNED  # "… is set to", "is going to": not "pressed X to set up Y"
    return found


def _asks_who(verb: Token) -> bool:
    """A question about who would do the act ("Who would attack Peru now?"): its subject is "who"
    or "what", it is not in the past, and its sentence ends with a question mark (not a relative
    clause: "the man who fired")."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ == "relcl" or verb.tag_ == "VBD":
        return False  # "who attacked the embassy?": the attack happened, only its doer is asked
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "what") for c in verb.children):
        return False
    last = next((t for t in reversed(verb.sent) if not t.is_quote and t.text not in ("”", "’")), None)
    return last is not None and last.text == "?"


def _purpose_clause(verb: Token) -> bool:
    """The verb has an act for its complement ("aimed at cutting", "intended to deter")."""
    return any(c.dep_ == "xcomp" for c in verb.children) or any(
        g.dep_ == "pcomp" for c in verb.children if c.dep_ == "prep" for g in c.children)


def is_ahead_of(tok: Token) -> bool:
    """The token is what something happens "ahead of" ("spoke ahead of talks with X"): still to
    come, by the calendar, not by anyone's declaration."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "ahead"


def is_for_clause(tok: Token) -> bool:
    """ "called for Peru to withdraw": an infinitive clause with its own subject, marked "for",
    that the parser hangs as an adverbial clause; it is the verb's complement."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _cleft(clause: Token, copula: Token) -> bool:
    """The that-clause of a cleft ("it was not long ago that X attacked Y", "it was not until March
    that X withdrew"): the copula's negation denies its focus, a time, not the clause (unlike "it is
    not true that X attacked Y", whose copula has a predicate of its own)."""
    return copula.lemma_.lower() == "be" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in copula.children) and (
        not any(c.dep_ in ("acomp", "attr") for c in copula.children)) and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _phrasal_forms(verb: Token) -> list[str]:
    """The verb's lemma with each of its particles ("call off", "rule out"), its progressive form as
    written ("be going": "is going to withdraw"), then the bare lemma."""
    lemma = verb.lemma_.lower()
    progressive = [f"be {verb.lower_}"] if verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and (c.lemma_.lower() == "be" or aux_form(c) in ("are", "am", "'s"))  # a curly "’re"
        for c in verb.children) else []
    return [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"] + progressive + [lemma]


def _governing_verb(verb: Token) -> str | None:
    """The status a governing verb gives, its particle form first ("called off attacking": negated,
    not the "call" of a request)."""
    return next((GOVERNING_VERBS[f] for f in _phrasal_forms(verb) if f in GOVERNING_VERBS), None)


def halts(verb: Token) -> bool:
    """The verb halts, suspends, ends or calls off what it governs (word list ``halting_verbs``,
    with its particle: "call off")."""
    return bool(set(_phrasal_forms(verb)) & word_list("halting_verbs"))


def _conditioned(noun: Token, verb: Token) -> bool:
    """An act noun, not a definite one, that is the subject of an if/unless clause ("if a US strike
    on Syria threatened …"): only supposed (not "if their talks fail": the talks are under way)."""
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
                   for c in noun.children)
    return is_condition(verb) and not definite


def _supposed(noun: Token, verb: Token) -> bool:
    """An indefinite act noun that is the subject of a would/could/might clause ("a Chilean attack
    could trigger a war"): what such an act would do is weighed, the act is only supposed."""
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in noun.children)
    return indefinite and any(c.dep_ == "aux" and aux_form(c) in ("would", "could", "might", "may")
                              for c in verb.children)


def is_reduced_passive(verb: Token) -> bool:
    """ "a journalist arrested last week", "troops deployed to the border": a past participle
    modifying a noun is passive; the noun undergoes the event. Not a clause with a subject of its
    own ("the news that Peru had withdrawn its troops": a perfect, misparsed as a modifier)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and not any(
        c.dep_ in ("nsubj", "mark") or (c.dep_ == "aux" and c.lemma_ == "have") for c in verb.children)


def status_of(trigger: Token, event_type: str = "") -> str:
    """The event's status from the cues that govern its trigger (see the module docstring). A
    noun's own "planned" or "possible" ("a planned visit") yields to a denial above it ("will not
    allow X to make a planned visit")."""
    own = local_status(trigger)
    if own in (PLANNED, POSSIBLE) and trigger.pos_ == "NOUN":
        # only an explicit "not" above, not a verb that opposes it ("objected to a proposed deal")
        denied = any(c.dep_ == "neg" for a in trigger.ancestors for c in a.children)
        return NEGATED if denied and _governed_status(trigger, event_type) == NEGATED else own
    if own in (PLANNED, POSSIBLE) and trigger.dep_ == "ccomp" and trigger.head.lemma_.lower() in DENIAL:
        return NEGATED  # "denied he would resign": what is denied is not to come either
    # "the fighters captured in Syria": a participle describing a noun is presupposed, whatever is
    # asked of the noun ("told the EU to take back its fighters captured in Syria")
    status = own or (ASSERTED if is_reduced_passive(trigger) else _governed_status(trigger, event_type))
    if status == ASSERTED and (agreed_in(trigger) is not None or _purpose_of_noun(trigger, event_type)):
        return PLANNED  # "reached a deal on the release of X", "the coalition to defeat Isis": still to come
    if status == ASSERTED and trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any"
                                                              for c in trigger.children):
        return HYPOTHETICAL  # "would respond to any attack", "condemned any use of force": no act reported
    return status


def leaves_open(verb: Token) -> bool:
    """A negated verb of excluding an option ("did not rule out", "does not exclude"), as written with
    its particle: what it governs is left possible."""
    return (verb.pos_ in ("VERB", "AUX") and bool(set(_phrasal_forms(verb)) & word_list("excluding_verbs"))
            and local_status(verb) == NEGATED)


def _purpose_of_noun(verb: Token, event_type: str) -> bool:
    """The verb is a noun's to-infinitive, its purpose ("the coalition to defeat Isis", "efforts to
    broker a deal"), not a ranking ("the first country to recognise X": done), nor a speech act an
    effort makes ("made efforts to persuade Peru": persuading)."""
    head = verb.head
    if event_type in SPEECH_ACT_TYPES and head.lemma_.lower() in GOVERNING_NOUNS:
        return False
    return verb.dep_ == "acl" and head.pos_ == "NOUN" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.lower_ in word_list("ranking_words") for c in head.children)


def _question_word(clause: Token) -> str | None:
    """The wh-word or "whether"/"if" opening a clause ("why Chile is backing X"), lower-cased."""
    first = next(iter(clause.subtree))
    words = word_list("question_words")
    return first.lower_ if first.lower_ in words and first.i < clause.i else None


def _future(verb: Token) -> bool:
    """The verb, or one it is the complement of, is in the future ("will withdraw after the talks",
    "plans to leave after the vote"): what comes before it may not have happened yet."""
    for tok in (verb, *verb.ancestors):
        if any(c.dep_ == "aux" and aux_form(c) in ("will", "shall", "would") for c in tok.children) or (
                GOVERNING_VERBS.get(tok.lemma_.lower()) in (PLANNED, REQUESTED)):
            return True
        if tok.dep_ not in ("xcomp", "advcl", "conj", "prep", "pcomp", "pobj", "dobj"):
            break
    return False


def _governed_status(trigger: Token, event_type: str) -> str:
    """The status the cues above the trigger give (its own clause's cues left out)."""
    tok = trigger
    adjunct_of = False  # the trigger is the object of a verb's preposition ("cave in to the pressure")
    for step in range(8):
        own = local_status(tok) if step else None
        if own:
            return own
        head = tok.head
        if head == tok:
            break
        if leaves_open(head):
            return POSSIBLE  # "did not rule out cutting ties", "does not exclude military action": left open
        dep = tok.dep_
        head_lemma = head.lemma_.lower()
        if dep in ("xcomp", "advcl") and head.pos_ == "VERB" and tok in deadline_acts(head):
            return REQUESTED  # "gave the government 48 hours to release them": asked for, by a deadline
        if tok.i == trigger.i and dep in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN" and _conditioned(tok, head):
            return HYPOTHETICAL  # "if a US strike on Syria threatened …": only supposed
        if tok.i == trigger.i and dep == "nsubj" and tok.pos_ == "NOUN" and _supposed(tok, head):
            return POSSIBLE  # "a US pullout would leave the region open": a supposed act, not a report
        if tok.i == trigger.i and dep == "nsubj" and tok.pos_ == "NOUN" and head.dep_ == "ccomp" and any(
                c.dep_ == "aux" and aux_form(c) in ("would", "will", "could", "might") for c in head.children) and (
                GOVERNING_VERBS.get(head.head.lemma_.lower()) in (PLANNED, REQUESTED, POSSIBLE)):
            return GOVERNING_VERBS[head.head.lemma_.lower()]  # "I hope the attacks would target X": hoped for
        if is_for_clause(tok) and head.pos_ == "VERB" and head_lemma in GOVERNING_VERBS:
            return GOVERNING_VERBS[head_lemma]  # "called for Peru to withdraw"
        if head.pos_ in ("VERB", "AUX") and dep in ("xcomp", "ccomp"):
            if head_lemma in DENIAL:
                return NEGATED
            if head_lemma in word_list("mandating_verbs") and subjunctive(tok):
                return REQUESTED  # "insisted that Chile withdraw": asked for, not reported
            if dep == "xcomp" and head_lemma in word_list("ordering_verbs"):
                # "told / ordered its troops to withdraw", "were told to stand down": ordered
                return NEGATED if local_status(head) == NEGATED else REQUESTED
            if head_lemma in REPORTING_BOUNDARY or (dep == "ccomp" and _cleft(tok, head)):
                break
            if dep == "ccomp" and local_status(head) == NEGATED and any(
                    c.dep_ == "acomp" and c.lemma_.lower() in word_list("certainty_adjectives") for c in head.children):
                return POSSIBLE  # "it is not clear that X attacked": open, not denied
            if dep == "xcomp" and head_lemma in NOT_HESITATE and local_status(head) == NEGATED:
                # "will not hesitate to cut", "did not fail to send": the negation cancels out
                will = any(c.dep_ == "aux" and aux_form(c) in ("will", "would", "shall") for c in head.children)
                return PLANNED if will else ASSERTED
            if head_lemma in ATTEMPT and dep == "xcomp":
                if event_type in SPEECH_ACT_TYPES:
                    tok = head
                    continue
                return POSSIBLE
            if dep == "ccomp" and head_lemma in QUESTIONING and (wh := _question_word(tok)) is not None:
                # "asked why Chile is backing X": a question about an act, not a request for it; "asked
                # whether X would attack" leaves it open
                if wh in ("whether", "if"):
                    return POSSIBLE
                tok = head
                continue
            governing = _governing_verb(head)  # "ruled out expelling", "called off attacking"
            if head_lemma in WISHING and dep == "xcomp" and not has_object(head):
                governing = PLANNED  # "wants to visit Moscow": the subject's own intention
            if governing:
                own = local_status(head)
                if governing == PLANNED and own in (HYPOTHETICAL, POSSIBLE):
                    return own  # "if they are going to destroy", "may decide to attack"
                return NEGATED if own == NEGATED and governing != NEGATED else governing
            # "set to", "scheduled to", "expected to" as a passive head
            tok = head
            continue
        if tok.i == trigger.i and is_ahead_of(tok):
            return PLANNED  # "spoke ahead of talks with X": the talks are still to come
        if dep in ("pcomp", "pobj") and head.dep_ == "cc" and _is_negating_prep(head):
            return NEGATED  # "imposed sanctions instead of attacking" (the "of" parsed as a conjunction)
        if dep == "conj" and _rather_than(tok) and not adjunct_of:
            return NEGATED  # "chose to negotiate rather than attack" (not "cave in to X's pressure": that was made)
        by_agent = dep == "pobj" and head.dep_ == "agent" and head.head.pos_ == "VERB"
        caused = local_status(head.head) if by_agent else None
        if caused in (PLANNED, POSSIBLE, HYPOTHETICAL):
            return caused  # "civilians might be killed by a land attack": the attack may come
        if dep in ("pcomp", "pobj") and head.dep_ == "prep":
            if _is_negating_prep(head):
                return NEGATED  # "without telling", "instead of warning", "rather than sending"
            noun = head.head
            taking = noun.head if noun.lower_ == "part" and noun.dep_ == "dobj" else noun  # "took part in"
            if dep == "pobj" and head.lower_ == "in" and taking.lemma_.lower() in word_list("participation_verbs") and (
                    taking.pos_ in ("VERB", "AUX") and local_status(taking) == NEGATED and not any(
                        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in tok.children)):
                return NEGATED  # "X did not take part in the attack", "was not involved in it": X's act, denied
            if noun.pos_ in ("VERB", "AUX") and noun.lemma_.lower() in REACTING_VERBS:
                break  # "vowed to respond to the attack": what is answered has happened
            if noun.pos_ == "NOUN" and noun.lemma_.lower() in GOVERNING_NOUNS:
                return GOVERNING_NOUNS[noun.lemma_.lower()]
            phrasal = [f"{noun.lemma_.lower()} {c.lower_}" for c in noun.children if c.dep_ == "prt"]
            phrasal = [p for p in phrasal if p in GOVERNING_VERBS]
            if noun.pos_ == "VERB" and dep == "pcomp" and phrasal:
                return GOVERNING_VERBS[phrasal[0]]  # "hold off on launching", "call off plans for"
            if noun.pos_ == "VERB" and noun.lemma_.lower() in GOVERNING_VERBS and dep == "pcomp":
                governing = GOVERNING_VERBS[noun.lemma_.lower()]  # "dissuade X from supplying"
                # "do not plan on leaving": the plan denied, as "do not plan to leave"
                return NEGATED if local_status(noun) == NEGATED and governing != NEGATED else governing
            if noun.pos_ == "VERB" and noun.lemma_.lower() in GOVERNING_VERBS and head.lower_ == "for":
                return GOVERNING_VERBS[noun.lemma_.lower()]  # "plan for the withdrawal", "called for talks"
            if noun.pos_ == "VERB" and GOVERNING_VERBS.get(noun.lemma_.lower()) == PLANNED and head.lower_ == "to" and (
                    dep == "pobj" and event_type != "REQUEST" and not any(c.dep_ == "poss" for c in tok.children)):
                # "agreed to a withdrawal", "committed to talks": promised, still to come (not "agreed to
                # Chile's request / proposal": that was made)
                return NEGATED if local_status(noun) == NEGATED else PLANNED
            if dep == "pcomp" and head.lower_ in REASON_PREPS:
                break  # "will lose for withdrawing": a reason is presupposed, not under the modal
            if head.lower_ in ("about", "of") and noun.lemma_.lower() in word_list("knowing_words"):
                break  # "could have known about the attack", "was aware of the raid": what is known happened
            if head.lower_ in word_list("presupposing_preps") and not _future(noun):
                break  # "tried to leave after the bombing", "years after expelling it": what came before happened
            if tok.i == trigger.i and dep == "pobj" and head.lower_ in word_list("report_topic_preps") and (
                    noun.pos_ in ("VERB", "AUX")) and any(
                    o.dep_ == "dobj" and o.pos_ == "NOUN" and o.i < head.i and trigger_for(o) is None
                    for o in noun.children):
                break  # "will publish a report into the attack" (the parser hangs "into" on the verb): a topic
            if head.lower_ == "for" and noun.lemma_.lower() in word_list("blame_adjectives"):
                break  # "will hold X accountable for the killings": what one is blamed for happened
            if head.lower_ == "of" and noun.lemma_.lower() in word_list("utterance_nouns") and _denied_token(noun):
                return NEGATED  # "barely a word of protest from X", "no sign of condemnation"
            if noun.pos_ == "NOUN" and noun.i != trigger.i:
                break  # "a timeline for the withdrawal": a noun's status is not the event's
            if dep == "pobj" and noun.pos_ in ("VERB", "AUX") and local_status(noun) == NEGATED:
                break  # "could not give a timeline for the withdrawal": the adjunct's event is not denied
            if dep == "pcomp" and head.lower_ in ("in", "after", "since", "while", "on", "upon") and (
                    noun.pos_ in ("VERB", "AUX") and local_status(noun) == NEGATED):
                break  # "in criticising X, she won't admit": the adjunct's act is not denied
            adjunct_of = adjunct_of or (dep == "pobj" and noun.pos_ in ("VERB", "AUX"))
            tok = noun
            continue
        if dep == "xcomp" and head.pos_ == "ADJ" and head_lemma in GOVERNING_ADJECTIVES:
            governing = GOVERNING_ADJECTIVES[head_lemma]  # "is ready to talk", "unwilling to pay"
            if local_status(head.head) in (POSSIBLE, HYPOTHETICAL):
                return local_status(head.head) or governing  # "has not said whether it is prepared to …"
            negated = local_status(head) == NEGATED or local_status(head.head) == NEGATED
            return NEGATED if negated and governing != NEGATED else governing
        if dep == "advcl" and head.pos_ == "VERB" and GOVERNING_VERBS.get(head_lemma) in (REQUESTED, PLANNED) and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and any(
                c.dep_ == "prep" and c.lower_ in word_list("addressee_preps")
                and any(g.dep_ == "pobj" for g in c.children) for c in head.children):
            # "pleaded with Peru to withdraw", "appealed to Peru to …", "looks to Peru to …" (the
            # to-clause parsed as adverbial)
            return NEGATED if local_status(head) == NEGATED else GOVERNING_VERBS[head_lemma]
        if dep in INHERITING_DEPS and head.pos_ in ("VERB", "AUX"):
            if head_lemma in REPORTING_BOUNDARY:
                break
            if dep == "advcl" and _has_negated_argument(head) and not any(c.dep_ == "neg" for c in head.children):
                break  # "no ransom was paid to secure the release": "no" denies the ransom, not the release
            if dep == "conj" and _own_clause(tok, head):
                break  # "has supplied X but has not sent Y": each conjunct keeps its own status
            temporal = dep == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL_MARKS
                                              for c in tok.children)
            adjunct = dep == "advcl" and tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].text == "," and not any(
                c.dep_ in ("mark", "aux") for c in tok.children)
            if adjunct and local_status(head) == NEGATED:
                break  # "X was not involved, rejecting Peru's accusation": the rejection is made
            if temporal and (local_status(head) == NEGATED or tok.tag_ == "VBD"):
                # "when he attacked X, he did not wait": the time clause is not denied; "will stand by
                # them, as an envoy met X": a past-tense time clause keeps its own tense
                break
            tok = head
            continue
        if dep in LIGHT_VERB_DEPS and tok.pos_ == "NOUN" and head.pos_ in ("VERB", "AUX"):
            if halts(head):
                break  # "will not end their strike", "halted the offensive": the act happened (the halt: own event)
            if dep == "nsubjpass" and head_lemma in word_list("purpose_verbs") and _purpose_clause(head):
                break  # "the tariffs are aimed at cutting deaths": what is aimed at is the cutting, not the tariffs
            if answers_accusation(tok, head):
                break  # "rejected Peru's accusations": the accusation was made; what it says is denied
            if dep == "dobj" and called_as(head) not in (None, tok):
                break  # "called the raid a massacre": what is called something, not asked for
            if dep == "dobj" and convened(tok):
                tok = head  # "the union called a strike": held, with the calling verb's status (not "called off")
                continue
            governing = _governing_verb(head)
            if governing:
                return governing
            tok = head
            continue
        if dep == "acl" and head.pos_ == "NOUN":
            if tok.tag_ == "VB" and head.lemma_.lower() in ATTEMPT:
                # "the attempt to overthrow X", "efforts to persuade Y": as "tried to": a deed attempted
                # is possible, a speech act attempted is made
                if event_type in SPEECH_ACT_TYPES and tok.i == trigger.i:
                    tok = head
                    continue
                return POSSIBLE  # "an effort to make X give up its arms": what the attempt aims at
            if tok.tag_ == "VB" and head.lemma_.lower() in GOVERNING_NOUNS:
                return GOVERNING_NOUNS[head.lemma_.lower()]  # "the decision to withdraw", "plans to build"
            tok = head
            continue
        break
    return ASSERTED
