"""Who acts and who is acted on: the trigger's arguments read from the dependency tree.

Each lexicon *frame* maps syntax to PLOVER roles (see triggers.tsv):

- transfer      giver = subject; recipient = indirect object, "to"-PP, or the object when a
                "with"-PP holds the theme ("supply X with Y"); passive: giver = "by"-agent,
                theme = subject ("drones were sent to X"), or recipient when a "with"-PP or a
                retained object holds the theme ("X was supplied with drones", "X was sent drones").
- acquire       buyer/receiver = subject (source), seller/giver = "from"-PP (target); for AID
                the extractor turns it round, since aid flows from the giver.
- direct        actor = subject (or "by"-agent), recipient = object (or passive subject).
- encounter     actor = subject, recipient = object or "with"-PP; a plural subject with no
                recipient is symmetric ("X and Y met").
- joint         as encounter, but the object is the topic ("discussed troop numbers",
                "signed a treaty"): recipient only from a "with"-PP.
- visit         actor = subject, recipient = the state of the destination (object, "to"/"in"-PP).
- communicate   actor = subject, recipient = "to"/"with"/"on"/"against"-PP.
- intransitive  actor = subject only.
- nominal       nouns: "between X and Y" (symmetric), possessor or nationality modifier
                (actor), "on/against/to X" (recipient), "by/from X" (actor); a light verb's
                subject ("held talks", "imposed sanctions") is the actor.

Subjects of non-finite verbs are found by control: "X plans to visit" (subject
control), "X persuaded Y to sell" (object control), purpose clauses, conjoined
verbs, and "the possibility of supplying".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.extract.lexicon import (
    RELATIVE_PRONOUNS,
    agreed_in,
    answers_accusation,
    convened,
    direct_objects,
    trigger_for,
    trigger_named,
    types_where,
    word_list,
)
from newsgraph.extract.status import GOVERNING_NOUNS, is_condition, is_reduced_passive
from newsgraph.nlp.components.open_actors import leaders_of

CROWD_TYPES = types_where("crowd", "yes")  # a crowd's act names its doers in its purpose clause

# Verbs whose object is the understood subject of their infinitive complement.
OBJECT_CONTROL = word_list("object_control_verbs")
# "accuse X of sending", "prevent X from buying", "blame X for shelling", "warn X against
# selling": after these prepositions the verb's object is the understood subject of the
# gerund ("by"/"after"/"without" gerunds are the subject's own doings).
OBJECT_CONTROL_PREPS = frozenset({"of", "for", "from", "against", "into", "with"})  # "charged X with killing"
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


def expand(tokens: Iterable[Token]) -> list[Token]:
    """Tokens with their coordinated conjuncts ("X, Y and Z"), also where the small model reads
    the list as an apposition: "the US, Russia, and Switzerland" (Russia an apposition of the US
    carrying the "and"), "X, the Y and Z" (Y a modifier of Z carrying it)."""
    out: list[Token] = []
    for tok in tokens:
        for t in (tok, *tok.conjuncts, *_listed_appositions(tok)):
            if t not in out:
                out.append(t)
    return out


def _listed_appositions(head: Token) -> list[Token]:
    parts: list[Token] = []
    for appos in (c for c in head.children if c.dep_ == "appos"):
        members = [t for t in appos.children if t.dep_ in ("nmod", "compound", "conj") and
                   any(c.dep_ == "cc" for c in t.children)]
        if members or any(c.dep_ == "cc" for c in appos.children):
            parts += [*members, appos, *appos.conjuncts]
    return parts


def is_passive(verb: Token) -> bool:
    """Passive voice, also of a participle sharing a passive auxiliary ("were attacked or kidnapped")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)
    ):
        return True
    head = verb.head
    if (verb.dep_ == "conj" and verb.tag_ == "VBN" and head is not verb and head.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in head.children)):
        return True
    return _passive_ancestor(verb) is not None


def _passive_ancestor(verb: Token) -> Token | None:
    """ "journalists were harassed while covering events and briefly detained": a participle with
    no auxiliary of its own, conjoined below a passive verb, shares its passive (the parse may hang
    it on the verb in between)."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBN", "VBD") or any(
        c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children
    ) or _misread_clause_subject(verb) is not None:
        return None
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("conj", "advcl") or tok.head is tok:
            return None
        tok = tok.head
        if any(c.dep_ == "auxpass" for c in tok.children):
            return tok
        if any(c.dep_ == "nsubj" for c in tok.children):
            return None  # an active clause of its own in between
    return None


def with_partners(tok: Token) -> list[Token]:
    """The objects of the token's with-phrases, but not of an absolute "with" ("drew condemnation,
    with many leaders calling for …": a clause of its own, not a partner)."""
    out: list[Token] = []
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        objs = children(prep, "pobj", "pcomp")
        clause = any(o.dep_ == "pcomp" and children(o, "nsubj", "nsubjpass") for o in objs) or (
            prep.i > 0 and prep.doc[prep.i - 1].lower_ == "," and any(
                c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") for o in objs for c in o.children))
        if not clause:
            out.extend(expand(objs))
    return out


def _conjunct_root(tok: Token) -> Token:
    """The first of the conjuncts a token is one of ("rules" for "corruption" in "rules, waste and corruption")."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def pobjs(tok: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the token's prepositions (or agent/dative markers) named in ``preps``."""
    wanted = set(preps)
    out: list[Token] = []
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in wanted:
            out.extend(expand(children(prep, "pobj", "pcomp")))
    return out


def agents(verb: Token) -> list[Token]:
    return pobjs(verb, ("by",))


def shared_agents(verb: Token) -> list[Token]:
    """A participle's by-phrase, or its conjunct participle's: the first's ("attacked by X and
    looted": X looted too), or the next one's when the two are joined tight ("armed and supported
    by X", not "sent to Angola in 1990 and later bought by Congo")."""
    first = verb.head if verb.dep_ == "conj" else None
    tight = [c for c in verb.conjuncts if c.tag_ == "VBN" and 0 < c.i - verb.i <= 2]
    return agents(verb) or (agents(first) if first is not None else []) or next(
        (found for c in tight if (found := agents(c))), [])


def demanders(nouns: list[Token]) -> list[Token]:
    """Who makes the demands, requests or conditions among ``nouns`` (word list demands) when an
    of- or from-phrase names them: "the demands of the strikers", "requests from Peru" (a possessor
    is part of the noun's own phrase: "the strikers' demands")."""
    return [p for o in nouns if o.lower_ in word_list("demands") or o.lemma_.lower() in word_list("demands")
            for p in pobjs(o, ("of", "from"))]


def counted(noun: Token) -> list[Token]:
    """What a count or part stands for: the objects of its of-phrase ("hundreds of troops",
    "members of the opposition", "part of its fleet"); none for another noun."""
    if not (noun.like_num or noun.lemma_.lower() in word_list("partitives")):
        return []
    return pobjs(noun, ("of",))


def objects(verb: Token) -> list[Token]:
    """Direct objects; where the model made the object an attribute of a verb that is no copula
    ("\"successfully eliminated\" the deputy leader" parsed as attr), that attribute (see
    lexicon.direct_objects for a relative pronoun the parse misplaces)."""
    own = direct_objects(verb)
    if not own and verb.pos_ == "VERB" and verb.lemma_.lower() not in word_list("copular_verbs"):
        own = children(verb, "attr")
    return expand(own)


def indirect_objects(verb: Token) -> list[Token]:
    """Bare indirect objects ("sold Kyiv drones"); a "to"-phrase marked dative is a PP (see pobjs)."""
    return expand(c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP")


def _sent_body(verb: Token, head: Token) -> list[Token]:
    """The body a purpose infinitive belongs to: a mission, team or delegation (word list
    mission_nouns) that a verb of sending or setting up (word list dispatching_verbs) has for its
    object ("welcomed a UN mission to investigate") or describes as a reduced passive ("the team
    sent to investigate"); not "expelled the monitors to end the inquiry" (the expeller's aim)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    if head.lemma_.lower() in word_list("preparing_verbs") or (
            verb.lemma_.lower() in word_list("undergoing_verbs") and head.lemma_.lower() in word_list("handing_verbs")):
        # "trained Peruvian units to fight the rebels", "armed the militia to defend the town": the
        # ones trained or armed act, whoever they are; "sent two men to stand trial", "extradited him
        # to face charges": the ones handed over undergo it
        return [o for o in children(head, "dobj") if o.i < verb.i][-1:]
    if head.lemma_.lower() not in word_list("dispatching_verbs"):
        return []
    bodies = word_list("mission_nouns")
    if head.dep_ == "acl" and is_reduced_passive(head) and head.head.lemma_.lower() in bodies:
        return [head.head]
    found = [o for o in children(head, "dobj") if o.i < verb.i and o.lemma_.lower() in bodies]
    return found[-1:]


def antecedents(relcl: Token, pronoun: Token) -> list[Token]:
    """What a relative pronoun stands for: the noun the clause hangs on; after coordinated nouns,
    the one just before it when the verb is singular ("Assad and Russia, which has backed him":
    Russia) or the clause restricts it ("his circle and the men who tried to kill him"), else all
    of them ("Qatar and Saudi Arabia, which had backed X")."""
    head = relcl.head
    before = sorted((c for c in head.conjuncts if c.i < pronoun.i), key=lambda t: t.i)
    if not before:
        return [head]
    singular = relcl.tag_ == "VBZ" or any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBZ" or c.lower_ == "was")
                                          for c in relcl.children)  # "…, and Davis, who was captured": Davis
    restrictive = pronoun.i > 0 and pronoun.doc[pronoun.i - 1].text != ","
    nearest = max([head, *before], key=lambda t: t.i)
    return [nearest] if singular or restrictive else sorted([head, *before], key=lambda t: t.i)


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The verb's subjects, following control and coordination when it has none of its own."""
    own = children(verb, *SUBJECT_DEPS)
    if own:
        out: list[Token] = []
        for s in expand(own):
            if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                out.extend(antecedents(verb, s))
            else:
                out.append(s)
        return out
    if depth > 5 or verb.head == verb:
        return []
    head = verb.head
    dep = verb.dep_
    to_clause = dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if (dep in ("xcomp", "ccomp") or to_clause) and head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in OBJECT_CONTROL:
            # "called on Peru to withdraw", "appealed to Peru to …", "pleaded with Peru to …" (the
            # parser may hang the to-clause as an adverbial one)
            objs = (pobjs(head, word_list("addressee_preps")) if to_clause  # not "led talks to reach a deal"
                    else objects(head) or pobjs(head, ("on", "upon")))
            if objs:
                return objs
        if not to_clause:
            return subjects(head, depth + 1)
    if dep == "advcl" and (sent := _sent_body(verb, head)):
        return sent  # "welcomed a mission from the OPCW to investigate", "a team sent to investigate"
    if dep in ("advcl", "conj") and verb.tag_ == "VBG" and is_passive(head) and verb.doc[verb.i - 1].text != "," and (
            not any(c.dep_ in ("mark", "aux", "advmod", "nsubj") or (dep == "conj" and c.dep_ == "dobj")
                    for c in verb.children)):
        return []  # "were killed in Russian shelling", "killed in airstrikes and shelling" (misparsed as a
        # clause): the victims do not shell
    if dep == "conj" and (misread := _misread_clause_subject(verb)) is not None:
        return expand([misread])
    if dep in ("advcl", "conj") and head.pos_ in ("VERB", "AUX"):
        return subjects(head, depth + 1)
    if dep == "xcomp" and head.pos_ == "ADJ" and head.head != head:  # "China is ready to talk"
        holder = head.head
        if head.dep_ == "amod" and holder.pos_ in ("NOUN", "PROPN"):
            return [holder]  # "a government ready to negotiate"
        if head.dep_ == "acomp" and holder.pos_ in ("VERB", "AUX"):
            return subjects(holder, depth + 1)
    if dep == "pcomp" and head.dep_ == "prep":
        noun = head.head
        if noun.pos_ in ("NOUN", "PROPN"):
            owner = children(noun, "poss")
            if owner:
                return expand(owner)
            if head.lower_ in ("against", "from") and noun.dep_ == "dobj":
                return expand([noun])  # "warned the opposition against holding a rally", "barred X from leaving"
            if head.lower_ == "as" and any(c.lower_ == "such" for c in noun.children):
                return []  # "blocked such suggestions as assassinating X": examples, no one's act
            if noun.head != noun and noun.head.pos_ in ("VERB", "AUX") and (
                    noun.lemma_.lower() not in word_list("judged_act_nouns")):
                return subjects(noun.head, depth + 1)  # not "questioned the wisdom of punishing X"
            if noun.dep_ == "pobj" and noun.lemma_.lower() in word_list("phase_nouns") and (
                    noun.head.head.pos_ in ("VERB", "AUX")):
                return subjects(noun.head.head, depth + 1)  # "Chile is on the brink of attacking Peru"
        elif noun.pos_ in ("VERB", "AUX"):
            if head.lower_ in OBJECT_CONTROL_PREPS and not is_passive(noun) and not (
                    head.lower_ == "with" and noun.lemma_.lower() in word_list("with_subject_control")):
                objs = objects(noun)
                if objs:
                    return objs
            return subjects(noun, depth + 1)
    if dep == "acl" and head.pos_ in ("NOUN", "PROPN") and not is_reduced_passive(verb):
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
                head.lemma_.lower() in word_list("attempt_verbs") or head.lemma_.lower() in GOVERNING_NOUNS
                or ((act := trigger_for(head)) is not None and act.type in CROWD_TYPES)):
            # "Chile's attempt to persuade X", "X made an attempt / announced plans to withdraw", "X
            # announced a strike to protest Y": the owner of the attempt, plan or crowd's act, or who
            # makes it (not "rejected the plan to build": a performing verb only)
            if owner := children(head, "poss"):
                return expand(owner)
            if head.dep_ == "dobj" and head.head.lemma_.lower() in word_list("performing_verbs"):
                return subjects(head.head, depth + 1)
        return [head]
    return []


def _misread_clause_subject(verb: Token) -> Token | None:
    """"X was killed after a missile from Peru struck the town": the parser may read "after" as a
    preposition with "a missile" its object and "struck" as a conjunct of "killed"; a finite
    conjunct with no conjunction or comma before it, right after such a phrase, is the clause's
    verb and the phrase's object its subject."""
    head = verb.head
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("cc", "punct") and head.i < c.i < verb.i for c in head.children):
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("after", "before", "until", "since") and head.i < prep.i < verb.i:
            for obj in children(prep, "pobj"):
                if obj.right_edge.i == verb.i - 1:
                    return obj
    return None


def condition_subjects(tok: Token) -> list[Token]:
    """The subject of an if/unless clause on the act ("if the US escalates, we will shut X off",
    "will impose tariffs unless Mexico acts"): whom a conditional act is aimed at. The clause is
    the act's own or its light verb's ("impose tariffs"), not one on a clause the act is subject of
    ("the battle is not won if X")."""
    for head in (tok, tok.head) if tok.dep_ in ("dobj", "xcomp") else (tok,):
        for clause in head.children:
            if clause.i != tok.i and is_condition(clause):
                return expand(children(clause, "nsubj", "nsubjpass"))
    return []


@dataclass(frozen=True, slots=True)
class Roles:
    """Argument head tokens of one trigger (not yet resolved to actors)."""

    source: tuple[Token, ...] = ()
    target: tuple[Token, ...] = ()
    theme: tuple[Token, ...] = ()
    participants: tuple[Token, ...] = ()  # symmetric "between X and Y"
    destination: tuple[Token, ...] = ()  # places that stand for the recipient (visit)


def _participial_adjunct(verb: Token) -> bool:
    """ "Injured in the attack, the driver died", "the commander is dead, killed in an airstrike": a
    past participle heading an adverbial clause with no subject or auxiliary of its own is passive;
    the main clause's subject undergoes it."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children)


def _reduced_relative(verb: Token) -> bool:
    """A participle the parser hung on the main verb that directly follows a noun object ("other
    towns recaptured from Isis", tagged VBN or VBD), with no subject, auxiliary or marker of its own:
    it modifies that noun."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return (verb.dep_ == "advcl" and verb.tag_ in ("VBN", "VBD") and before is not None
            and before.pos_ in ("NOUN", "PROPN") and before.dep_ in ("pobj", "dobj", "conj")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "dobj") for c in verb.children))


def _killed_doing(verb: Token) -> bool:
    """ "the first Briton killed fighting Isis", "a reporter wounded covering the war": a verb of harm
    with no object or auxiliary whose clause goes on with a gerund is a participle the model took
    for a finite verb; its subject is the victim."""
    return verb.lemma_.lower() in word_list("victim_verbs") and verb.tag_ in ("VBN", "VBD") and not any(
        c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass") for c in verb.children) and any(
        c.dep_ == "xcomp" and c.tag_ == "VBG" for c in verb.children)


def is_causative(verb: Token) -> bool:
    """ "had her passport confiscated", "got his licence revoked", "had the envoy expelled": a past
    participle under "have" or "get" with a subject of its own, which undergoes it (the subject of
    "have" is its owner, or, where nothing is its own, who causes it)."""
    return (verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("ccomp", "xcomp", "oprd")
            and verb.head.lemma_.lower() in ("have", "get") and bool(children(verb, "nsubj"))
            and not children(verb, "dobj", "aux", "auxpass"))  # (the model may tag the participle VBD)


def passive_themes(verb: Token) -> list[Token]:
    """What a reduced passive or a causative does its act to: "the citizenship revoked by X",
    "had her citizenship revoked" (the participle's head noun, or its own subject)."""
    if is_reduced_passive(verb):
        return [verb.head]
    return children(verb, "nsubj") if is_causative(verb) else []


def _verb_subject_object(verb: Token) -> tuple[list[Token], list[Token]]:
    if is_causative(verb):
        undergoers = children(verb, "nsubj")
        # "had her citizenship revoked": she undergoes it; "had Chile's envoy expelled": the subject causes it
        owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for u in undergoers for c in u.children)
        return _by_cause(agents(verb) or ([] if owned else subjects(verb.head))), expand(undergoers)
    if is_reduced_passive(verb):
        return _by_cause(shared_agents(verb) or _cause_phrases(verb)), expand([verb.head])
    if _killed_doing(verb):
        return _by_cause(agents(verb) or _cause_phrases(verb)), expand(children(verb, "nsubj"))
    if _reduced_relative(verb):  # "in towns recaptured from Isis" (parsed as a clause): the noun undergoes it
        return _by_cause(agents(verb) or _cause_phrases(verb)), expand([verb.doc[verb.i - 1]])
    if _participial_adjunct(verb):
        return _by_cause(agents(verb) or _cause_phrases(verb)), expand(children(verb.head, "nsubj", "nsubjpass"))
    if _elliptical_passive(verb):  # "vowed to respond if attacked": the subject would undergo it
        return _by_cause(agents(verb) or _cause_phrases(verb)), subjects(verb.head)
    if is_passive(verb) and _stative_participle(verb):
        holders = children(verb, "nsubjpass", "nsubj") or [  # the parser may hang it on "were"
            c for aux in children(verb, "aux", "auxpass") for c in children(aux, "nsubj", "nsubjpass")]
        return expand(holders), pobjs(verb, ("to",))  # "were opposed to talks": they oppose them
    if is_passive(verb):
        undergoers = children(verb, "nsubjpass", "nsubj")
        if not undergoers and verb.dep_ == "conj":  # "were attacked or kidnapped": the first verb's subject
            undergoers = children(verb.head, "nsubjpass", "nsubj")
            passive = _passive_ancestor(verb)
            if passive is not None and not any(u.dep_ == "nsubjpass" for u in undergoers):
                undergoers = children(passive, "nsubjpass")
        doers = shared_agents(verb) or _cause_phrases(verb)
        return _by_cause(doers), expanded_or_antecedents(verb, undergoers)
    return _by_cause(subjects(verb)), objects(verb)


def expanded_or_antecedents(verb: Token, tokens: list[Token]) -> list[Token]:
    """``tokens`` with their conjuncts, a relative pronoun of the verb's relative clause replaced by
    what it stands for ("Perez, who was arrested by X": Perez; see antecedents)."""
    if verb.dep_ == "relcl" and any(t.lower_ in RELATIVE_PRONOUNS for t in tokens):
        return [a for t in tokens for a in (antecedents(verb, t) if t.lower_ in RELATIVE_PRONOUNS else [t])]
    return expand(tokens)


def _elliptical_passive(verb: Token) -> bool:
    """A bare participle after "if", "when", "unless", "once" with no subject or auxiliary of its own
    ("will respond if attacked", "fight back when provoked"): a passive whose undergoer is the main
    clause's subject."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" and c.i == verb.i - 1 and c.lower_ in ("if", "when", "unless", "once", "whenever")
        for c in verb.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _stative_participle(verb: Token) -> bool:
    """ "be opposed to", "be committed to": a participle that states its subject's own stance
    (word list ``stance_participles``), with a to-phrase and no agent."""
    return (verb.lemma_.lower() in word_list("stance_participles") and not agents(verb)
            and bool(pobjs(verb, ("to",))))


def _is_attack(tok: Token) -> bool:
    return bool({tok.lower_, tok.lemma_.lower()} & word_list("attack_causes"))


def led_by(mods: Iterable[Token]) -> list[Token]:
    """Modifiers with "X-led" read as X: "a UN-led investigation", "Saudi-led airstrikes" are the
    leader's."""
    return [t for mod in mods for t in (leaders_of(mod) or [mod])]


def _cause_phrases(verb: Token) -> list[Token]:
    """ "were killed in an Israeli airstrike", "died in shelling by X": the attack that did it."""
    return [t for t in pobjs(verb, ("in", "during")) if _is_attack(t)]


def _by_cause(doers: list[Token]) -> list[Token]:
    """An attack that does something stands for whoever made it: "airstrikes by the army killed
    X", "a Russian missile hit Y", "X was killed in Israeli shelling" (by/from-phrase, possessor,
    or modifier of the attack noun; the noun itself when none is named); a measure made by someone
    stands with its maker ("X imposed tariffs targeting Y")."""
    out: list[Token] = []
    for tok in doers:
        if tok.lemma_.lower() in word_list("punitive_measures") and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            out += [tok, *subjects(tok.head)]  # "X passed legislation targeting Y": the measure is X's
            continue
        if not _is_attack(tok):
            out.append(tok)
            continue
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
        mods += [g for c in mods if c.dep_ == "compound" for g in c.children if g.dep_ in ("amod", "compound")]
        by = pobjs(tok, ("by", "from")) + expand(children(tok, "poss"))
        out.extend(by or led_by(mods) or [tok])
    return out


def read_roles(trigger: Token, frame: str) -> Roles:
    if frame == "nominal":
        return _nominal_roles(trigger)
    subj, obj = _verb_subject_object(trigger)
    if frame == "transfer":
        # "supplied X with drones"; not a place or a state ("sent troops to the border with Bolivia")
        with_theme = [t for t in pobjs(trigger, ("with",)) if t.ent_type_ not in ("GPE", "LOC", "NORP")]
        recipient = [t for t in indirect_objects(trigger) + pobjs(trigger, ("to", "for"))
                     if t.lemma_.lower() not in word_list("crossings")]  # "sent troops to the Bolivian border"
        direct = children(trigger, "dobj")
        if len(direct) >= 2 and not recipient:  # "pay Mauritius 100 million dollars", parsed with two objects
            recipient, obj = direct[:1], [o for o in obj if o.i != direct[0].i]
        retained = objects(trigger) if is_passive(trigger) else []
        if trigger.lemma_.lower() in word_list("recipient_object_verbs"):
            # "armed the rebels (with rockets)", "equipped X": the object is always who gets it
            with_theme += [p for o in obj for p in pobjs(o, ("with",))]
            return Roles(source=tuple(subj), target=tuple(recipient + obj), theme=tuple(with_theme + retained))
        if with_theme or retained:  # "supplied X with Y", "X was supplied with Y", "X was sent Y": X receives
            recipient = recipient + obj
            theme = with_theme + retained
        else:
            theme = obj
        return Roles(source=tuple(subj), target=tuple(recipient), theme=tuple(theme))
    if frame == "acquire":  # "received assurances from X" may be parsed with the from-phrase on the object
        givers = pobjs(trigger, ("from",)) or [p for o in children(trigger, "dobj") for p in pobjs(o, ("from",))]
        return Roles(source=tuple(subj), target=tuple(givers), theme=tuple(obj))
    if frame == "direct":
        theme = pobjs(trigger, ("with",))
        # "revoked her citizenship", "revoked the accreditation of two journalists": whose it was
        holders = [h for o in obj if o.lemma_.lower() in word_list("entitlements")
                   for h in expand(children(o, "poss")) + pobjs(o, ("of",))]
        # "hosted a summit (in Tehran) with Russia and Turkey": who the meeting is with
        meetings = [o for o in obj if o.lemma_.lower() in word_list("meeting_nouns")]
        guests = [g for o in meetings for near in (o, *o.children) for g in with_partners(near)]
        if meetings:
            guests += theme
            theme = []
        # "welcomed the decision by Peru", "rejected allegations by X": an act's maker is whom it bears on
        makers = [m for o in obj if o.pos_ == "NOUN" and _conjunct_root(o).dep_ == "dobj" for m in pobjs(o, ("by",))]
        makers += demanders(obj)  # "rejected the demands of the strikers": whose demands they are
        shut_out: list[Token] = []
        if trigger.lemma_.lower() in word_list("closing_verbs"):
            # "closed its border with Colombia", "shut its airspace to Russian planes": whom it shuts out
            shut_out = [p for o in obj if o.lemma_.lower() in word_list("crossings")
                        for p in with_partners(o) + pobjs(o, ("to",)) + pobjs(trigger, ("to", "with"))]
            # "closed its embassy in Lima": the host of the mission, not its own embassy
            missions = [o for o in obj if o.lemma_.lower() in word_list("diplomatic_missions")]
            shut_out += [p for o in missions for p in pobjs(o, ("in", "to")) + pobjs(trigger, ("in",))]
            obj = [o for o in obj if o not in missions]
        weapons = [o for o in obj if o.lemma_.lower() in word_list("launched_weapons")]
        if weapons and trigger.lemma_.lower() in word_list("firing_verbs"):
            # "Russian missiles were fired at Kyiv", "fired rockets into Chile": the weapons are no side;
            # whom they are aimed at is, and with no doer named, whose weapons they are fired them
            aimed = pobjs(trigger, ("at", "into", "toward", "towards", "against", "on"))
            firers = subj or (weapons if is_passive(trigger) else [])
            return Roles(source=tuple(firers), target=tuple(aimed), theme=tuple(weapons))
        return Roles(source=tuple(subj), target=tuple(obj + holders + guests + makers + shut_out), theme=tuple(theme))
    if frame == "joint":  # "discussed the plan with X", "signed a treaty": the object is the topic
        partners = with_partners(trigger) or [p for o in objects(trigger) for p in with_partners(o)]
        return Roles(source=tuple(subj), target=tuple(partners))  # "discussed ties with X", "signed a deal with X"
    if frame == "encounter":
        # "fought with the Kurds against Isis", "volunteers fighting with the YPG": in news a
        # fighter's with-phrase names its side, not its enemy (word list alongside_verbs)
        company = trigger.lemma_.lower() in word_list("alongside_verbs")
        # "partnered with Peru against the rebels": only a fight's against-phrase names a side; others'
        # name the common enemy
        hostile = (found := trigger_for(trigger)) is not None and found.type == "ASSAULT"
        opponents = pobjs(trigger, ("against",) if company else ("with", "against") if hostile else ("with",))
        if company:  # the parser may hang "against the army" on the side: "with the rebels against the army"
            opponents += [p for side in pobjs(trigger, ("with",)) for p in pobjs(side, ("against",))]
        return Roles(source=tuple(subj), target=tuple(obj + opponents))
    if frame == "visit":
        dest = obj + pobjs(trigger, ("to", "in", "into"))
        return Roles(source=tuple(subj), destination=tuple(dest))
    if frame == "communicate":
        target = pobjs(trigger, ("to", "with", "on", "against", "at"))
        target += demanders(target)  # "acceded to the requests of Peru", "complied with demands from X"
        if trigger.lemma_.lower() in word_list("membership_verbs"):
            # "the AU suspended Mali", "suspended Mali's membership", "Mali was suspended from the AU":
            # the member suspended (a name or its membership's holder), by the body it is suspended from
            target += [o for o in obj if o.pos_ == "PROPN" and o.lemma_.lower() not in word_list("agreements")] + [
                h for o in obj if o.lemma_.lower() in word_list("entitlements") for h in expand(children(o, "poss"))]
            if is_passive(trigger) and not subj:
                subj = pobjs(trigger, ("from",))
        # "suspended ties with X", "cut off aid to X": the with- or to-phrase of what is cut
        target += [p for o in children(trigger, "dobj") for p in pobjs(o, ("with", "to"))]
        envoys = [o for o in children(trigger, "dobj") if o.lemma_.lower() in word_list("envoys")]
        target += [p for o in envoys for p in pobjs(o, ("to", "from", "in"))]  # "recalled its envoy to X"
        return Roles(source=tuple(subj), target=tuple(target))
    if is_passive(trigger) and not subj:  # "troops were deployed", "the talks were suspended"
        return Roles(source=tuple(obj))
    # "lifted sanctions on Iran", "eased restrictions against protesters": whom the object bears on
    return Roles(source=tuple(subj), target=tuple(p for o in obj for p in pobjs(o, ("on", "against"))))


# Verbs whose subject undergoes the event named by their object ("faces sanctions").
UNDERGOING_VERBS = word_list("undergoing_verbs")
LIGHT_VERB_OBJECT_DEPS = ("dobj", "nsubjpass", "attr")
AMOUNT_ENTS = ("PERCENT", "MONEY", "QUANTITY", "CARDINAL")


def _predicated_agent(prep: Token) -> list[Token]:
    """Whom a predicate names as an act's doer: "X is responsible for the killings", "X was behind
    the attack", "Kyiv held Moscow responsible for the strike" (word list agent_predicates); not when
    the predicate is negated ("X was not behind the attack")."""
    pred = prep.head if prep.lower_ == "for" else prep
    if prep.lower_ not in ("for", "behind") or pred.lower_ not in word_list("agent_predicates"):
        return []
    verb = pred.head if pred.dep_ in ("acomp", "oprd", "prep", "xcomp", "ccomp") else pred
    if verb.pos_ not in ("AUX", "VERB") or any(c.dep_ == "neg" for c in (*pred.children, *verb.children)):
        return []
    if own := subjects(pred):
        return own  # "holds the army accountable": the small clause's own subject
    if pred.dep_ == "oprd" and (held := [c for c in verb.children if c.dep_ == "dobj"]):
        return expand(held)  # "Kyiv held Moscow responsible": Moscow did it
    return subjects(verb)


def _nominal_roles(noun: Token) -> Roles:
    between = pobjs(noun, ("between", "among", "amongst"))
    owners = expand(children(noun, "poss"))
    of_objects = pobjs(noun, ("of",))
    # "Perez's arrest": the possessor undergoes it; "Chile's arrest of X": the possessor acts
    undergoer = not of_objects and bool({noun.lemma_.lower(), noun.lower_} & word_list("undergoer_nouns"))
    doer_of = bool({noun.lemma_.lower(), noun.lower_} & word_list("doer_of_nouns"))
    # "sanctions from the EU": the EU's; "the withdrawal from Syria": Syria is left, not leaving
    source = ([] if undergoer else owners) + pobjs(noun, ("by",) if doer_of else ("by", "from"))
    # not the modifier that names the act of a generic head ("a shelling campaign")
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and not (
        c.i < noun.i and noun.lemma_.lower() in word_list("event_heads") and trigger_named(c))
        and c.ent_type_ not in AMOUNT_ENTS]  # not "25% tariffs", "$50bn of aid": an amount, no one
    target = pobjs(noun, ("on", "against", "to", "toward", "towards", "into")) + with_partners(noun)
    transferred = noun.lemma_.lower() in word_list("transfer_nouns")
    # "the suspension of relations with X", "the severing of ties with X": who the ties are with
    target += [p for o in of_objects if o.lemma_.lower() in word_list("ties") | word_list("severable")
               for p in pobjs(o, ("with", "to"))]
    if doer_of:
        source += of_objects  # "the withdrawal of US troops": the troops withdraw
    elif demanded := demanders([noun]):
        source += [o for o in demanded if o not in source]  # "the demands of the strikers": theirs
    elif not transferred:  # "the delivery of S-400s to Turkey": what changes hands, not who gets it
        target += of_objects
    target += owners if undergoer else []
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in word_list("aiming_verbs")):
        target += objects(acl) + pobjs(acl, ("at",))  # "tariffs targeting Canada", "measures aimed at Iran"
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in word_list("imposing_verbs")):
        # "sanctions imposed by the EU on Peru", "attacks carried out by rebels", "aid provided by the
        # UN to Gaza": the participle's agent did it (not "aid blocked by X", "attacks condemned by Y")
        doers = agents(acl)
        source = source or doers  # (the parser may hang "on Peru" on the agent)
        target += [t for head in (acl, *doers) for t in pobjs(head, ("on", "against", "to", "upon"))]
    head = noun.head
    verb = head.head
    in_or_on = noun.dep_ == "pobj" and head.lower_ in ("in", "on") and not source
    staying = verb.lemma_.lower() in word_list("state_verbs") and verb.pos_ in ("VERB", "AUX")
    if in_or_on and staying and {noun.lemma_.lower(), noun.lower_} & word_list("undergoer_nouns"):
        # "X remained in detention": X undergoes it; "1,500 prisoners were in detention" states no act
        target += [] if verb.lemma_.lower() == "be" else subjects(verb)
    elif in_or_on and (staying or (verb.pos_ == "VERB" and verb.lemma_.lower() in word_list("participation_verbs"))):
        # "X engaged Y in a firefight", "X took part in the talks", "X went on strike", "X is on alert"
        source = subjects(verb)
        # "engaged Y in a firefight", "kept X in detention": Y and X undergo it; "took part in", "put
        # its troops on alert": the doer's own forces are not a side
        lemma = verb.lemma_.lower()
        target += [] if lemma == "take" else [o for o in objects(verb) if not (
            lemma in word_list("own_forces_verbs") and o.lemma_.lower() in word_list("forces"))]
    if noun.dep_ == "pobj" and head.lower_ == "of" and verb.lower_ == "ahead":
        verb = verb.head  # "X said ahead of talks with Y"
    elif noun.dep_ == "pobj" and head.lower_ == "of" and verb.lemma_.lower() in word_list("occasion_parts") and (
            verb.dep_ == "pobj" and verb.head.dep_ == "prep"):
        verb = verb.head.head  # "X spoke on the second day of a visit to Y", "on the sidelines of talks"
    if noun.dep_ == "pobj" and head.lower_ in ("during", "on", "while", "in", "at", "of", "before", "after") and (
        verb.pos_ == "VERB" and not source and noun.lemma_.lower() in word_list("meeting_nouns")
    ):  # "Blinken said during a visit to Beijing", "X called for calm in a phone call with Y",
        source = subjects(verb)  # "X spoke ahead of talks with Y": who took part is the subject
    owned = head.head if noun.dep_ == "pobj" and head.lower_ == "for" else None
    if owned is not None and not source and owned.lemma_.lower() in ("responsibility", "credit") and (
        owned.head.lemma_.lower() in word_list("responsibility_verbs")
    ):  # "X claimed responsibility for the attack": X made it
        source = subjects(owned.head) if owned.dep_ == "dobj" else []
    if not source and noun.dep_ == "pobj" and head.lower_ == "to" and verb.pos_ == "VERB" and (
            verb.lemma_.lower() in word_list("promising_verbs")):
        source = subjects(verb)  # "X agreed to talks with Y", "X committed to a withdrawal": X will do it
    if not source and (accord := agreed_in(noun)) is not None:
        # "Chile and Peru signed an agreement on military cooperation": its parties will do it
        signer = accord.head if accord.dep_ == "dobj" and accord.head.pos_ == "VERB" else None
        source = (pobjs(accord, ("between", "among", "amongst")) or expand(children(accord, "poss"))
                  or (subjects(signer) if signer is not None else []))
        target += with_partners(accord) + (with_partners(signer) if signer is not None else [])
    tried = head.head if noun.dep_ == "pobj" and head.lower_ in ("at", "for", "of") else None
    if not source and tried is not None and tried.pos_ == "NOUN" and tried.lemma_.lower() in word_list("attempt_nouns"):
        source = expand(children(tried, "poss")) + pobjs(tried, ("by",))  # "the army's attempt at an incursion"
    if not source and noun.dep_ == "pobj":
        source = _predicated_agent(head)
    if not source and noun.dep_ == "pobj" and head.lower_ == "with" and verb.pos_ == "VERB" and (
            verb.lemma_.lower() in word_list("instrument_verbs")):
        # "Russia responded with airstrikes", "the EU hit Russia with sanctions": the act is the
        # verb's instrument; "Russia was hit with sanctions": the subject undergoes it
        if is_passive(verb):
            target += subjects(verb)
        else:
            source, target = subjects(verb), target + objects(verb)
    if noun.dep_ == "pobj" and head.lower_ == "as" and verb.pos_ == "VERB" and (
            verb.lemma_.lower() in word_list("force_use_verbs")):
        # "the rebels used civilians as human shields": the user does it to those used
        used = expand(children(verb, "nsubjpass")) if is_passive(verb) else objects(verb)
        source = source or ([] if is_passive(verb) else subjects(verb)) + agents(verb)
        target = target + used
    felt = head.dep_ == "agent" and head.head.lower_ in word_list("feelings")  # "angered by the attacks"
    if _is_attack(noun) and not target and (head.pos_ == "VERB" or head.dep_ == "agent") and not felt:
        # "airstrikes hit the city", "the town was hit by shelling": what the attack hit
        if noun.dep_ == "nsubj":
            target += objects(head)
        elif noun.dep_ == "pobj" and head.dep_ == "agent":
            target += expand(children(head.head, "nsubjpass"))
    if not target and noun.dep_ == "nsubj" and head.lemma_.lower() in word_list("arrival_verbs"):
        # "aid from the UN reached Gaza", "the shipment arrived in Odesa": where it got to
        target += objects(head) + pobjs(head, ("in", "at"))
    carried = noun.head if noun.dep_ == "conj" and noun.head.pos_ == "NOUN" else noun  # "food and medical aid"
    carrying = carried.head
    carrier = carrying.head if carried.dep_ == "dobj" and carrying.dep_ == "acl" and (
        carrying.lemma_.lower() in word_list("carrying_verbs")) else None
    if not target and carrier is not None and carrier.dep_ == "nsubj" and (
            carrier.head.lemma_.lower() in word_list("arrival_verbs")):
        # "a convoy carrying food aid entered Ghouta", "a ship carrying aid arrived in Gaza"
        target += objects(carrier.head) + pobjs(carrier.head, ("in", "at"))
    anchor = noun  # "announced travel bans, as well as sanctions": each conjunct is the verb's object
    while anchor.dep_ == "conj" and anchor.head.pos_ in ("NOUN", "PROPN"):
        anchor = anchor.head
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.i < anchor.i and (
            anchor.head.head.lemma_.lower() in word_list("act_quantifiers")):
        anchor = anchor.head.head  # "imposed a string of sanctions on X": as "imposed sanctions on X"
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and (
            anchor.head.head.lemma_.lower() in word_list("utterance_nouns")):
        # "sent a message of support to X", "issued a word of warning": the vehicle stands for the act
        anchor = anchor.head.head
        if anchor.head.lemma_.lower() not in word_list("performing_verbs"):
            anchor = noun  # "shared word of the strike": who passes on news of an act did not do it
        else:
            target += pobjs(anchor, ("to",))
    light = anchor.head
    existential = any(c.dep_ == "expl" for c in light.children)  # "there was a call between X and Y": no doer
    if anchor.dep_ in LIGHT_VERB_OBJECT_DEPS and light.pos_ in ("VERB", "AUX") and not existential:
        # "X held talks with Y", "X imposed sanctions on Y", "X launched an attack on Y"
        subj, _ = _verb_subject_object(light)
        if light.lemma_.lower() in UNDERGOING_VERBS and anchor.dep_ == "dobj":
            target += subj  # "Y faces the threat of X", "Y came under attack": Y undergoes it
            source = source or pobjs(light, ("from",))  # "Y received a warning from X"
        elif anchor.dep_ == "dobj" and answers_accusation(noun, light):
            if source:
                target += subj  # "X rejected Peru's accusations": Peru accused X
        elif light.lemma_.lower() in word_list("stopping_verbs") and anchor.dep_ == "dobj":
            pass  # "will use force to end the protests", "police dispersed the rally": not theirs
        elif light.lemma_.lower() in word_list("compliance_verbs") and noun.lemma_.lower() in word_list("truces"):
            source = subj  # "the rebels observed the truce": who keep it are its parties (not a watcher)
        elif light.lower_ in word_list("sequence_participles") and light.dep_ != "ROOT":
            pass  # "fled following the attack": a participle as a preposition of time (parsed as a verb)
        elif convened(noun):
            source = source or subj  # "the union called a strike", "X called a ceasefire": who calls it holds it
        elif light.lemma_.lower() in word_list("observing_verbs") | word_list("calling_verbs"):
            pass  # "he filmed the battle", "residents witnessed the attack", "branded the raid a
            # provocation": the watcher or the judge is not its doer
        elif light.lemma_.lower() in word_list("brokering_verbs") and (
            {noun.lemma_.lower(), noun.lower_} & word_list("undergoer_nouns")
        ):
            pass  # "the US secured Lai's release": who brings it about does not release
        elif not source or (subj and all(t.pos_ == "PRON" and t.dep_ == "poss" for t in source)):
            source = subj  # "X affirmed its support": the light verb's subject is whose it is
        target += pobjs(light, ("on", "against", "to")) + with_partners(light)
    return Roles(
        source=tuple(source + led_by(modifiers)),
        target=tuple(target),
        theme=tuple(of_objects if transferred else ()),
        participants=tuple(between),
    )
