"""The trigger lexicon: which verbs and nouns signal which PLOVER event, and how to read their roles.

Data: ``newsgraph/data/lexicon/triggers.tsv`` (see its SOURCES.md). Each row is
``lemma pos type mode context cameo frame prep note``; ``frame`` names the
syntax → role mapping in :mod:`newsgraph.extract.roles`; ``prep`` (``|``-separated)
limits a verb to uses with that particle or preposition ("call on"), or names a structural
condition: ``obj`` (needs an object), ``obj+to`` (an object with an infinitive: "wants X to go").
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Token

from newsgraph.extract.timex.words import load_words

FRAMES = frozenset(
    {"joint", "transfer", "acquire", "direct", "encounter", "visit", "communicate", "intransitive", "nominal"}
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Trigger:
    lemma: str
    pos: str  # VERB | NOUN
    type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    frame: str
    preps: frozenset[str]


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated table in ``data/lexicon/`` (lines starting with "#" are comments)."""
    text = resources.files("newsgraph").joinpath(f"data/lexicon/{name}").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _rows() -> list[dict[str, str]]:
    """The hand-written triggers, then the reviewed PETRARCH2 verbs (``petrarch2_verbs.tsv``, made
    by ``scripts/petrarch2_verbs.py``) for lemmas the hand-written table does not have."""
    own = read_table("triggers.tsv")
    written = {(r["lemma"].strip().lower(), r["pos"].strip().upper()) for r in own}
    return own + [r for r in read_table("petrarch2_verbs.tsv")
                  if (r["lemma"].strip().lower(), r["pos"].strip().upper()) not in written]


@cache
def types_where(column: str, value: str) -> frozenset[str]:
    """PLOVER types whose ``column`` in ``data/lexicon/types.tsv`` holds ``value``
    (``types_where("recipient", "required")``: types whose records need a recipient or an item)."""
    return frozenset(r["type"].strip().upper() for r in read_table("types.tsv") if r[column].strip() == value)


@cache
def type_values(column: str) -> dict[str, str]:
    """PLOVER type → its non-empty ``column`` in ``data/lexicon/types.tsv``."""
    return {r["type"].strip().upper(): r[column].strip() for r in read_table("types.tsv") if r[column].strip()}


@lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """The named word lists of ``data/lexicon/wordlists.tsv`` (lemmas, lower case); a name given
    twice is an error (the second would silently replace the first)."""
    lists: dict[str, frozenset[str]] = {}
    for r in read_table("wordlists.tsv"):
        name = r["list"].strip()
        if name in lists:
            raise ValueError(f"wordlists.tsv: the word list {name!r} is defined twice")
        lists[name] = frozenset(w.strip() for w in r["lemmas"].split("|") if w.strip())
    return lists


def word_list(name: str) -> frozenset[str]:
    lists = word_lists()
    if name not in lists:
        raise ValueError(f"unknown word list {name!r} (see data/lexicon/wordlists.tsv)")
    return lists[name]


def answers_accusation(noun: Token, verb: Token) -> bool:
    """The noun is an accusation the verb rejects, denies or dismisses ("rejected Peru's
    accusations"; word lists ``answering_verbs`` and ``accusations``): the accusation was made."""
    return verb.lemma_.lower() in word_list("answering_verbs") and noun.lemma_.lower() in word_list("accusations")


def called_as(verb: Token) -> Token | None:
    """What a calling verb (word list ``calling_verbs``) calls its object or passive subject: the
    predicate of "called the raid a massacre", "described the policy as ethnic cleansing", "was
    branded a provocation"; None where it calls nothing ("called for talks", "dismissed the envoy")."""
    if verb.lemma_.lower() not in word_list("calling_verbs"):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if not (objects or passive) or any(o.lower_ in ("what", "which") for o in objects):
        # a predicate of nothing is the parser's misreading of an object; "what he called an attack"
        # reports the act in the caller's words
        return None
    for c in verb.children:
        if c.dep_ in ("oprd", "xcomp") and c.pos_ in ("NOUN", "ADJ", "PROPN"):
            return c
        if c.dep_ == "prep" and c.lower_ == "as":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return objects[-1] if (passive and objects) or len(objects) > 1 else None


def convened(noun: Token) -> bool:
    """A strike, truce or meeting called or convened ("the union called a strike", "called a
    unilateral ceasefire"; word lists ``convening_verbs``, ``called_acts``): held by whoever calls it.
    Not "called off the strike" (a halt), nor "called the strike a mistake" (a judgement)."""
    if noun.lemma_.lower() not in word_list("called_acts"):
        return False
    obj = noun
    while obj.dep_ == "conj" and obj.head.pos_ in ("NOUN", "PROPN"):
        obj = obj.head  # "called a strike and a rally"
    verb = obj.head
    return obj.dep_ == "dobj" and verb.lemma_.lower() in word_list("convening_verbs") and not any(
        c.dep_ in ("prt", "oprd", "xcomp", "ccomp") for c in verb.children)


def agreed_in(noun: Token) -> Token | None:
    """The accord whose subject an act noun is ("an agreement on military cooperation", "a deal
    regarding joint exercises", "reached a deal on the release of X", where the parser hangs the
    topic on the verb; word lists ``accord_nouns``, ``accord_topic_preps``), else None: what is agreed
    is its own act, still to come, by the accord's parties."""
    prep = noun.head
    accords = word_list("accord_nouns")
    if noun.dep_ != "pobj" or prep.lower_ not in word_list("accord_topic_preps") or noun.lemma_.lower() in accords:
        return None  # (not "agreement on a new trade agreement": the same accord)
    host = prep.head
    if host.pos_ == "NOUN" and host.lemma_.lower() in accords:
        return host
    if host.pos_ == "VERB" and prep.dep_ == "prep":
        return next((o for o in host.children if o.dep_ == "dobj" and o.lemma_.lower() in accords), None)
    return None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Triggers by shape: one word, head + particle/modifier ("pull out", "air strike"), hyphenated."""

    single: dict[tuple[str, str], tuple[Trigger, ...]]
    multi: dict[tuple[str, str], tuple[tuple[str, Trigger], ...]]  # (head, pos) → (particle|modifier, trigger)
    hyphenated: dict[str, tuple[Trigger, ...]]


def _trigger(row: dict[str, str]) -> Trigger:
    frame = (row.get("frame") or "").strip()
    if frame not in FRAMES:
        raise ValueError(f"triggers.tsv: unknown frame {frame!r} for {row.get('lemma')!r}")
    return Trigger(
        lemma=row["lemma"].strip().lower(),
        pos=row["pos"].strip().upper(),
        type=row["type"].strip().upper(),
        mode=(row.get("mode") or "").strip() or None,
        context=tuple(c.strip() for c in (row.get("context") or "").split("|") if c.strip()),
        cameo=(row.get("cameo") or "").strip() or None,
        frame=frame,
        preps=frozenset(p.strip().lower() for p in (row.get("prep") or "").split("|") if p.strip()),
    )


@lru_cache(maxsize=1)
def load_triggers() -> Lexicon:
    single: dict[tuple[str, str], list[Trigger]] = {}
    multi: dict[tuple[str, str], list[tuple[str, Trigger]]] = {}
    hyphenated: dict[str, list[Trigger]] = {}
    for row in _rows():
        trig = _trigger(row)
        words = trig.lemma.split()
        if len(words) == 2:
            if trig.pos == "VERB":  # "verb particle"
                multi.setdefault((words[0], "VERB"), []).append((words[1], trig))
            else:  # "modifier noun"
                multi.setdefault((words[1], "NOUN"), []).append((words[0], trig))
        elif "-" in trig.lemma.strip("-"):
            hyphenated.setdefault(trig.lemma, []).append(trig)
        else:
            single.setdefault((trig.lemma, trig.pos), []).append(trig)
    return Lexicon(
        single={k: tuple(v) for k, v in single.items()},
        multi={k: tuple(v) for k, v in multi.items()},
        hyphenated={k: tuple(v) for k, v in hyphenated.items()},
    )


def hyphen_keys(token: Token) -> tuple[str, ...]:
    """Keys of a hyphenated word ending at the token: parts' text + the last part's lemma, and the raw text."""
    doc = token.doc
    i = token.i
    parts: list[str] = []
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        parts.insert(0, doc[i - 2].lower_)
        i -= 2
    if not parts:
        return ()
    prefix = "-".join(parts)
    return (f"{prefix}-{token.lemma_.lower()}", f"{prefix}-{token.lower_}")


PARTICLE_DEPS = ("prt", "prep", "advmod", "agent", "dative")
MODIFIER_DEPS = ("compound", "amod", "nmod")


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


_CONTRACTED = {"'ll": "will", "wo": "will", "'re": "are", "'m": "am", "'ve": "have"}


def aux_form(token: Token) -> str:
    """An auxiliary as a lower-case full word, whatever its spelling: "'ll", "’ll" and "wo" are
    "will", "’d" is "would" before a bare verb and "had" before a participle ("we’d go", "we’d
    gone"), curly apostrophes read as straight ones (en_core_web_sm leaves "’ll" and "’d" unlemmatised)."""
    low = token.lower_.replace("\u2019", "'")
    if low == "'d":
        return "had" if token.head.tag_ in ("VBN", "VBD") else "would"  # (a participle may be tagged past)
    return _CONTRACTED.get(low, low)


def word_forms(tokens: Iterable[Token]) -> set[str]:
    """The lemmas and lower-cased texts of tokens (what word lists are matched against)."""
    return {w for t in tokens for w in (t.lemma_.lower(), t.lower_)}


def direct_objects(verb: Token) -> list[Token]:
    """The verb's direct objects as parsed, less a relative pronoun before a verb with an infinitive
    complement: that is the complement's object ("a government that Peru had sought to unseat":
    Peru sought nothing)."""
    infinitive = any(c.dep_ == "xcomp" for c in verb.children)
    return [c for c in verb.children if c.dep_ == "dobj"
            and not (infinitive and c.i < verb.i and c.lower_ in RELATIVE_PRONOUNS)]


def _has_object(token: Token) -> bool:
    """An object, or a passive whose undergoer is its own subject or a conjoined verb's ("X were
    imprisoned … and were released by Y": the parser hangs the second verb on the first)."""
    return bool(direct_objects(token)) or any(c.dep_ in ("nsubjpass", "dative") for c in token.children) or (
        token.dep_ == "conj" and any(c.dep_ == "auxpass" for c in token.children))


def _has_object_and_infinitive(token: Token) -> bool:
    """"X wants Y to V": an object with an infinitive, or (as parsed) a clause with its own subject."""
    kids = list(token.children)
    objs = [c.i for c in kids if c.dep_ == "dobj"]
    if objs and any(c.dep_ == "xcomp" and c.i > objs[0] and any(g.tag_ == "TO" for g in c.children) for c in kids):
        return True  # the infinitive after the object: "told X to leave", not a quote before it
    return any(
        c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children)
        and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)
        for c in kids
    )


def _by_phone(token: Token) -> bool:
    """"spoke by phone", "spoke on the phone", "talked over a video link"."""
    return any(
        c.dep_ == "prep" and any(o.dep_ == "pobj" and o.lemma_.lower() in PHONE_WORDS for o in c.children)
        for c in token.children
    )


PHONE_WORDS = frozenset({"phone", "telephone", "video", "videolink", "link", "call", "hotline"})
# Pseudo-prepositions in the prep column: structural conditions rather than words.
def _object_in(words: str) -> Callable[[Token], bool]:
    """The verb's object (or passive subject) is in the word list (its lemma or its form)."""
    def test(token: Token) -> bool:
        listed = word_list(words)
        return any(c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in listed or c.lower_ in listed)
                   for c in token.children)

    return test


# "launched a missile", "fired rockets": a missile or rocket; "dropped bombs on X": ordnance, not
# charges or leaflets; "closed its border with X", "shut its airspace to Y": a way in or out of a
# country, not a deal or a factory; "closed its embassy in X": a diplomatic mission
_launches_weapon = _object_in("launched_weapons")
_drops_ordnance = _object_in("dropped_weapons")
_closes_crossing = _object_in("crossings")
_closes_mission = _object_in("diplomatic_missions")
_moves_forces = _object_in("forces")  # "removed its troops from X": troops, not a name from a list


def _holds_to_blame(token: Token) -> bool:
    """"held Peru responsible", "will hold officials accountable", "was held liable": a predicate of
    blame (word list blame_adjectives) on what is held; the parser hangs it as oprd, ccomp or advcl."""
    blame = word_list("blame_adjectives")
    return any(c.dep_ in ("oprd", "ccomp", "advcl", "xcomp", "acomp") and c.lemma_.lower() in blame
               for c in token.children)


def _tried_in_court(token: Token) -> bool:
    """"tried for war crimes", "could be tried in the UK for kidnap", "was tried in absentia": put on
    trial, not attempting ("tried to leave", "tried for years"): a for-phrase naming an offence or an
    in-phrase naming a court (word lists offences, courts), and no infinitive complement."""
    if any(c.dep_ == "xcomp" for c in token.children):
        return False
    heads = [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "in") for o in c.children
             if o.dep_ == "pobj"]
    return bool(word_forms(heads) & (word_list("offences") | word_list("courts")))


def _has_infinitive(token: Token) -> bool:
    """"declined to send", "refused to attend": an infinitive complement of the verb's own."""
    return any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
               for c in token.children)


def _sets_deadline(token: Token) -> bool:
    """"gave the government 48 hours to release the prisoners": a span of time given to someone
    (a dative) for an act (a to-infinitive on the verb or on the span): an ultimatum."""
    return bool(deadline_acts(token))


def deadline_acts(token: Token) -> list[Token]:
    """The acts a verb gives someone a span of time for ("gave X 48 hours to leave": leave)."""
    if not any(c.dep_ == "dative" for c in token.children):
        return []
    spans = [c for c in token.children
             if c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in word_list("time_spans")]
    if not spans:
        return []
    return [c for c in (*token.children, *(g for s in spans for g in s.children))
            if c.dep_ in ("xcomp", "advcl", "relcl", "acl") and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                    for a in c.children)]


def _receives_guest(token: Token) -> bool:
    """"received the foreign minister / Zelensky / a delegation": the object is a person named or
    a visitor noun (word list guest_nouns), not a thing received ("received threats / a letter")."""
    guests = word_list("guest_nouns")
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in guests)
               for c in token.children)


def _force_used(token: Token) -> bool:
    """"used force against", "will use military force", "resorted to force": the singular noun as
    what a verb of using (word list force_use_verbs) takes, directly or through a preposition; not
    "forces", "a force of 300", "came into force"."""
    if token.tag_ != "NN" or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False  # not "the full force of the law"
    verb = token.head.head if token.dep_ == "pobj" else token.head if token.dep_ in ("dobj", "nsubjpass") else None
    return verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in word_list("force_use_verbs")


def _gives_goods(token: Token) -> bool:
    """"gave Ukraine 40 tanks", "arms were given to X": the object is an item of a kind given as aid
    (word list aid_item_categories: arms, money, food, fuel), not "gave way / a speech / credit for"."""
    from newsgraph.extract.items import item_phrases  # items reads word lists from this module

    kinds = word_list("aid_item_categories")
    given = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ == "acl" and token.tag_ == "VBN":
        given.append(token.head)  # "weapons given to X by Y"
    return any(i.category in kinds for c in given for i in item_phrases(c))


def _mandates(token: Token) -> bool:
    """"insisted that Chile withdraw / that the troops be withdrawn": a that-clause in the mandative
    subjunctive (a bare verb with its own subject, no modal; a plural subject's present tense after a
    past verb) asks for the act; "insisted that Chile was innocent" reports a view."""
    return any(subjunctive(clause) for clause in token.children)


def subjunctive(clause: Token) -> bool:
    """A that-clause complement in the mandative subjunctive: a bare verb with its own subject and no
    modal ("that Chile withdraw", "that the troops be withdrawn"), or a plural subject's present
    tense after a past verb ("insisted that the rebels withdraw")."""
    if clause.dep_ != "ccomp" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    aux = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ in ("to", "do", "does", "did") for a in aux):
        return False
    head = clause.head
    between = clause.doc[min(head.i, clause.i) + 1:max(head.i, clause.i)]
    if any(t.is_quote for t in between):
        return False  # 'insisted "refugees need to return"': words quoted keep their own tense
    form = next((a for a in aux if a.dep_ == "auxpass"), None) or (None if aux else clause)
    if form is not None and form.tag_ == "VBP":  # not "insisted refugees need to return" (a view)
        return head.tag_ in ("VBD", "VBN") and clause.lemma_.lower() not in word_list("necessity_verbs") | {"be"}
    return form is not None and form.tag_ == "VB"


CONDITIONS = {
    "goods": _gives_goods, "guest": _receives_guest, "obj": _has_object, "obj+to": _has_object_and_infinitive,
    "phone": _by_phone, "weapon": _launches_weapon, "ordnance": _drops_ordnance, "crossing": _closes_crossing,
    "forces": _moves_forces, "mission": _closes_mission, "used": _force_used, "to-v": _has_infinitive,
    "deadline": _sets_deadline, "blame": _holds_to_blame, "court": _tried_in_court, "mandate": _mandates,
}


def _dated(prep: Token) -> bool:
    """A preposition of time ("on Wednesday", "at midnight"): no argument of the act ("fired off a
    tweet on Wednesday" fired at no one)."""
    words = load_words()
    return any(o.dep_ == "pobj" and (o.ent_type_ in ("DATE", "TIME") or words.value("weekday", o.lower_) is not None
                                     or words.value("month", o.lower_) is not None) for o in prep.children)


def _with_prep(candidates: tuple[Trigger, ...], token: Token, deps: tuple[str, ...]) -> Trigger | None:
    fallback: Trigger | None = None
    parts: set[str] | None = None
    for trig in candidates:
        if not trig.preps:
            fallback = fallback or trig
            continue
        if any(CONDITIONS[p](token) for p in trig.preps if p in CONDITIONS):
            return trig
        if parts is None:
            parts = {c.lower_ for c in token.children if c.dep_ in deps and not _dated(c)}
            if token.pos_ == "VERB":  # "called for Peru to withdraw": "for" marks the clause it asks for
                parts |= {m.lower_ for c in token.children if c.dep_ in ("advcl", "ccomp") and c.i > token.i
                          for m in c.children if m.dep_ == "mark" and m.i == token.i + 1}
                # "received assurances from X": the parser may hang the from-phrase on the object
                # (not "received ministers from X", hosting them); "stripped X of his immunity" likewise
                hung = ("of",) if _receives_guest(token) else ("from", "of")
                parts |= {p.lower_ for o in token.children if o.dep_ == "dobj"
                          for p in o.children if p.dep_ == "prep" and p.lower_ in hung}
            elif token.dep_ == "dobj" and token.head.pos_ == "VERB":
                # "filed suit against X": the parser may hang the noun's own phrase on its verb
                parts |= {p.lower_ for p in token.head.children if p.dep_ == "prep" and p.i > token.i}
        if trig.preps & parts:
            return trig
    return fallback


def trigger_for(token: Token) -> Trigger | None:
    """The trigger a token evokes, if any (part of speech, particles and modifiers decide)."""
    if token.pos_ == "VERB" and token.dep_ != "amod":
        pos = "VERB"
    elif token.pos_ == "NOUN" and token.dep_ != "compound":
        pos = "NOUN"
    else:
        return None
    lex = load_triggers()
    for key in hyphen_keys(token):
        found = lex.hyphenated.get(key)
        if found:
            return found[0]
    lemma = token.lemma_.lower()
    multi = lex.multi.get((lemma, pos))
    if multi:
        deps = PARTICLE_DEPS if pos == "VERB" else MODIFIER_DEPS
        # a verb's particle: dep prt anywhere, or an adverb/preposition right after the verb
        near = {
            w
            for c in token.children
            if c.dep_ in deps and (pos == "NOUN" or c.dep_ == "prt" or c.i == token.i + 1)
            for w in (c.lower_, c.lemma_.lower())
        }
        for word, trig in multi:
            if word in near:
                return trig
    single = lex.single.get((lemma, pos)) or _derived(token, lemma, pos)
    if not single:
        return _event_head(token, lemma) if pos == "NOUN" else None
    return _with_prep(single, token, PARTICLE_DEPS if pos == "VERB" else ("prep",))


def _event_head(noun: Token, lemma: str) -> Trigger | None:
    """A generic event noun ("campaign", "operation", "convoy": word list event_heads) named by the
    act before it ("a bombing campaign", "a shelling campaign", "an aid convoy"): the act's trigger
    read as a noun at the head, whose dependents carry the roles ("... against Kabul")."""
    if lemma not in word_list("event_heads"):
        return None
    for mod in noun.children:
        if mod.dep_ in ("compound", "amod") and mod.i < noun.i:
            trig = trigger_named(mod)
            if trig is not None:
                return replace(trig, pos="NOUN", frame="nominal", lemma=f"{mod.lower_} {lemma}")
    return None


def trigger_named(mod: Token) -> Trigger | None:
    """The trigger a modifier word names as a noun ("bombing", "aid"), or as the gerund of a
    trigger verb ("shelling"), with no particle or preposition condition."""
    lex = load_triggers()
    word = mod.lower_
    found = lex.single.get((mod.lemma_.lower(), "NOUN")) or lex.single.get((word, "NOUN"))
    if not found and word.endswith("ing") and len(word) >= 7:
        found = lex.single.get((word[:-3], "VERB"))
    return next((t for t in found or () if not t.preps), None)


def _derived(token: Token, lemma: str, pos: str) -> tuple[Trigger, ...]:
    """Triggers of a word the lexicon lists only in another form: a verb done again
    ("rearrested", "redeployed": re + a trigger verb of five letters or more) is that verb; a
    gerund used as a noun of an act ("the sanctioning of X", "X's jailing") is the verb's
    trigger read as a noun. Words that only look derived are in the word list not_derived."""
    lex = load_triggers()
    if lemma in word_list("not_derived"):
        return ()
    if pos == "VERB" and lemma.startswith("re") and len(lemma) >= 7:
        stem = lemma[2:]  # the small model lemmatises unknown verbs by stripping "d": "rearreste"
        verbs = lex.single.get((stem, "VERB"), ())
        if not verbs and stem.endswith("e"):
            verbs = lex.single.get((stem[:-1], "VERB"), ())
        return tuple(replace(t, lemma=f"re{t.lemma}") for t in verbs)
    if pos == "NOUN" and lemma.endswith("ing") and len(lemma) >= 7 and _an_act(token):
        verbs = lex.single.get((lemma[:-3], "VERB"), ())
        return tuple(replace(t, pos="NOUN", frame="nominal", lemma=lemma) for t in verbs if not t.preps)
    return ()


def _an_act(noun: Token) -> bool:
    """ "the jailing of X", "X's sanctioning": a gerund with an "of"-phrase or a possessor."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children)
