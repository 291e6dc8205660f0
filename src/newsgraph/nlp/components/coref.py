"""``newsgraph_coref``: within-article coreference onto the actors the ruler found.

Runs after ``newsgraph_actor_ruler`` and extends ``Doc._.actor_mentions`` with
mentions (``via="coref"``, ``antecedent`` = start_char of the mention pointed back
to; several mentions share a span when it names several actors) for:

* third-person pronouns, possessives and reflexives (he/him/his/himself, she/her,
  it/its, they/them/their); "his country", "their governments" also yield the
  possessor's state on the whole phrase;
* titled names the ruler left alone ("Ms Watson", "President Macron");
* definite descriptions ("the leader", "the defence minister", "the North Korean
  leader", "the country", "the regime", "the officials") and plural ones ("both
  leaders", "the two nations", "both sides"), one mention per actor.

A deterministic single pass in the manner of Lappin & Leass (1994): every noun
phrase gets a salience weight from its grammatical role (main-clause subjects
first, embedded clauses lower), counted once per sentence and halved with each
sentence after; candidates live in a rolling pool pruned to the last ``window``
sentences or the current paragraph, so an anaphor meets a handful of candidates.
Agreement (number, gender from titles, role nouns and earlier pronouns, person vs
state/organisation), binding (an object pronoun is not its clause's subject; a
description is not its governing subject), cataphora in preposed adjuncts ("In
his speech, Putin …"), role parallelism and a speaker preference for "…, they
said" pick among them. Noun phrases that are not actors stay in the pool, so a
pronoun or description pointing at one is left unresolved rather than forced onto
an actor. First- and second-person pronouns and pleonastic "it" are never resolved.
"""

from __future__ import annotations

from collections import OrderedDict

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import coref_rules as rules
from newsgraph.nlp import extensions  # noqa: F401  (registers Doc._.actor_mentions)
from newsgraph.nlp.coref_descriptions import DescriptionMixin, Entity, Key, actor_key
from newsgraph.nlp.coref_rules import Referent
from newsgraph.nlp.pleonastic import is_pleonastic, pleonastic_by_words
from newsgraph.records import Actor, ActorMention


class CorefResolver:
    """The ``newsgraph_coref`` pipeline component."""

    def __init__(self, *, window: int = 3) -> None:
        self.window = window

    def __call__(self, doc: Doc) -> Doc:
        existing: list[ActorMention] = list(doc._.actor_mentions or [])
        coref = CorefPass(doc, existing, window=self.window)
        added = coref.run()
        doc._.actor_mentions = sorted(existing + added, key=lambda m: (m.start, m.end))
        doc._.pronoun_antecedents = coref.unresolved
        return doc


# The factory and component name (spaCy forbids "." in factory names):
# ``nlp.add_pipe(FACTORY)``, after ``newsgraph_actor_ruler``.
FACTORY = "newsgraph_coref"


@Language.factory(FACTORY, default_config={"window": 3})
def make_coref(nlp: Language, name: str, window: int) -> CorefResolver:
    """``window``: how many sentences back a pronoun or a singular description may reach
    (the whole current paragraph is always in reach)."""
    return CorefResolver(window=window)


class CorefPass(DescriptionMixin):
    """One left-to-right pass over a document."""

    def __init__(self, doc: Doc, existing: list[ActorMention], *, window: int) -> None:
        self.doc = doc
        self.window = window
        self.parsed = doc.has_annotation("DEP")
        self.starts: dict[int, list[ActorMention]] = {}
        self.covered = [False] * len(doc)
        for mention in sorted(existing, key=lambda m: (m.start, m.end)):
            if 0 <= mention.start < mention.end <= len(doc):
                self.starts.setdefault(mention.start, []).append(mention)
                for i in range(mention.start, mention.end):
                    self.covered[i] = True
        self.added: list[ActorMention] = []
        self.unresolved: dict[int, int] = {}  # pronoun → head of the non-actor phrase it refers to
        self.pool: dict[Key, Entity] = {}
        self.registry: OrderedDict[Key, Entity] = OrderedDict()  # actors, whole document, by recency
        self.names: dict[str, list[Key]] = {}  # person name part → person keys
        self.at_token: dict[int, Entity] = {}  # token index → entity mentioned there
        self.sent = 0
        self.para = 0
        self.head_memory: dict[str, Key] = {}  # description head → what it last referred to
        self.countries = rules.CountryIndex(existing)
        self.mention_at: dict[int, ActorMention] = {}  # token index → the ruler's mention covering it
        for mention in existing:
            for i in range(mention.start, min(mention.end, len(doc))):
                self.mention_at.setdefault(i, mention)

    # --- the pass ---------------------------------------------------------------------------------

    def run(self) -> list[ActorMention]:
        doc = self.doc
        chunks = {chunk.start: chunk for chunk in doc.noun_chunks} if self.parsed else {}
        skip_to = 0
        for token in doc:
            i = token.i
            if i > 0:
                self._advance(token)
            for group in self._spans(self.starts.get(i, [])):
                self._register_existing(group)
            if self.covered[i] or i < skip_to:
                continue
            end = self._resolve_at(token)
            if end > i:
                skip_to = end
                continue
            chunk = chunks.get(i)
            if chunk is not None:
                self._register_thing(chunk)
        return self.added

    def _advance(self, token: Token) -> None:
        """Count sentences and paragraphs (a line break starts both); drop candidates out of reach."""
        if token.is_space:
            return
        new_para = "\n" in self.doc[token.i - 1].text_with_ws
        if new_para:
            self.para += 1
        if token.is_sent_start is True or new_para:
            self.sent += 1
            stale = [
                key for key, e in self.pool.items()
                if self.sent - e.sent > self.window and e.para != self.para
            ]
            for key in stale:
                del self.pool[key]

    @staticmethod
    def _spans(mentions: list[ActorMention]) -> list[list[ActorMention]]:
        groups: dict[int, list[ActorMention]] = {}
        for mention in mentions:
            groups.setdefault(mention.end, []).append(mention)
        return list(groups.values())

    def _resolve_at(self, token: Token) -> int:
        low = token.lower_
        if low in rules.FIRST_SECOND_PERSON:
            return 0
        if low in rules.PRONOUNS and token.pos_ in ("PRON", "DET", ""):
            return self._pronoun(token, rules.PRONOUNS[low])
        if low in ("the", "both"):
            end = self._description(token)
            if end:
                return end
        if token.is_title or rules.title_of(token.text):
            return self._titled_name(token)
        return 0

    # --- registering candidates -------------------------------------------------------------------

    def _register_existing(self, mentions: list[ActorMention]) -> None:
        first = mentions[0]
        root = self.doc[first.start : first.end].root
        weight = rules.salience_weight(root) if self.parsed else rules.RECENCY_WEIGHT
        entities = [self.touch_actor(m.actor, m.start_char, root, weight, text=m.text) for m in mentions]
        for i in range(first.start, first.end):
            self.at_token[i] = entities[0]
        if len(mentions) > 1:
            referents = tuple(Referent(m.actor, m.start_char) for m in mentions)
            self.touch_group(("span", str(first.start_char)), referents, root, weight)
        elif self.parsed and root.dep_ == "conj":
            self._coordinate(root, entities[0], weight)

    def _coordinate(self, root: Token, entity: Entity, weight: float) -> None:
        """"A and B": a plural referent made of the conjuncts, for a later "they"."""
        first = rules.anchor(root)
        first_entity = self.at_token.get(first.i)
        if first_entity is None or not first_entity.referents or first_entity is entity:
            return
        key: Key = ("coord", str(first.i))
        group = self.pool.get(key)
        members = group.referents if group is not None else first_entity.referents
        if entity.referents[0].actor not in [r.actor for r in members]:
            members = members + entity.referents
        self.touch_group(key, members, first, weight)

    def touch_actor(
        self,
        actor: Actor,
        start_char: int,
        root: Token,
        weight: float,
        *,
        text: str = "",
        single: bool = False,
    ) -> Entity:
        """Record a mention of an actor, return its entity ("US officials": a plural one unless single)."""
        plural = not single and actor.kind in ("group", "anonymous", "organization") and rules.is_plural(root)
        key = actor_key(actor) + (("plural",) if plural else ())
        entity = self.pool.get(key) or self.registry.get(key)
        if entity is None:
            person = actor.kind == "person" or (actor.kind == "anonymous" and not plural)
            entity = Entity(key=key, referents=(), plural=plural, animate=True, person=person)
        entity.referents = (Referent(actor, start_char),)
        if entity.person and entity.gender is None:
            title = rules.title_of(text.split()[0]) if text.split() else None
            entity.gender = (
                (rules.TITLES[title] if title else None)
                or rules.gender_of_role(actor.role)
                or (rules.gender_of_name(actor.name) if actor.kind == "person" else None)
            )
        self._touch(entity, root, weight)
        if not plural:
            self.registry[key] = entity
            self.registry.move_to_end(key)
        if actor.kind == "person":
            named = all(word[:1].isupper() for word in text.split())  # "Mr Kim", not "the leader of X"
            for part in rules.name_parts(f"{actor.name} {text}" if named else actor.name):
                keys = self.names.setdefault(part, [])
                if key not in keys:
                    keys.append(key)
        return entity

    def touch_group(self, key: Key, referents: tuple[Referent, ...], root: Token, weight: float) -> Entity:
        entity = self.pool.get(key)
        if entity is None:
            entity = Entity(key=key, referents=referents, plural=True, person=False, animate=True)
        entity.referents = referents
        self._touch(entity, root, weight)
        return entity

    def _touch(self, entity: Entity, root: Token, weight: float) -> None:
        pooled = self.pool.get(entity.key) is entity
        if pooled and entity.sent == self.sent:
            entity.current = max(entity.current, weight)
        else:
            entity.base, entity.current = (entity.score(self.sent) if pooled else 0.0), weight
        entity.sent, entity.para, entity.token = self.sent, self.para, root.i
        if self.parsed:
            entity.verb, entity.role = rules.clause_head(root), rules.grammatical_role(root)
            entity.speaker = entity.speaker or rules.is_speaker(root)
        self.pool[entity.key] = entity

    def _register_thing(self, chunk: Span) -> None:
        root = chunk.root
        if root.pos_ == "PRON" or self.covered[root.i] or root.ent_type_ in rules.NON_REFERRING_ENTS:
            return
        if root.dep_ == "appos":
            return  # "Kim, the leader": the same referent as its anchor, already in the pool
        lemma = root.lemma_.lower()
        plural = rules.is_plural(root)
        animate = root.ent_type_ in ("PERSON", "NORP") or lemma in rules.HUMAN_NOUNS
        key: Key = ("thing", chunk.text.lower() if root.ent_type_ else lemma)
        entity = self.pool.get(key) or Entity(
            key=key, referents=(), plural=plural, animate=animate, person=animate and not plural,
            gender=rules.TITLES.get(chunk[0].lower_.rstrip(".")) or rules.ROLE_GENDER.get(lemma),
        )
        self._touch(entity, root, rules.salience_weight(root))

    # --- emitting ---------------------------------------------------------------------------------

    def emit_referents(self, start: int, end: int, referents: list[Referent]) -> Entity | None:
        """One mention per referent on the span; later anaphors see one entity (a group if several)."""
        span = self.doc[start:end]
        root = span.root
        weight = rules.salience_weight(root) if self.parsed else rules.RECENCY_WEIGHT
        entities = []
        for referent in referents:
            self.added.append(
                ActorMention(
                    start=start, end=end, start_char=span.start_char, end_char=span.end_char, text=span.text,
                    actor=referent.actor, via="coref", antecedent=referent.antecedent,
                )
            )
            entities.append(
                self.touch_actor(referent.actor, span.start_char, root, weight, single=len(referents) > 1)
            )
        if not entities:
            return None
        entity = entities[0]
        if len(entities) > 1:
            members = tuple(Referent(r.actor, span.start_char) for r in referents)
            entity = self.touch_group(("span", str(span.start_char)), members, root, weight)
        for i in range(start, end):
            self.at_token[i] = entity
        if len(entities) == 1 and self.parsed and root.dep_ == "conj":
            self._coordinate(root, entity, weight)
        return entity

    # --- pronouns ---------------------------------------------------------------------------------

    def _pronoun(self, token: Token, pronoun: rules.Pronoun) -> int:
        if is_pleonastic(token) if self.parsed else pleonastic_by_words(token):
            return 0
        bound = self._relative_binder(token, pronoun)
        cataphor = None if bound is not None else self._cataphor(token, pronoun)
        if cataphor is not None:
            referents = [cataphor]
        else:
            best, sure = (self._binder(token, pronoun), True) if pronoun.reflexive else (bound, bound is not None)
            if best is None and not pronoun.reflexive:
                best, sure = self._reporter(token, pronoun), True
            if best is None:
                best, sure = self._best_antecedent(token, pronoun)
            if best is None or best.sent < self.sent - 1:
                collective = self._collective_reporter(token, pronoun)
                if collective is not None:
                    best, sure = collective, True
            if best is None:
                return 0
            if not best.referents:  # a noun phrase that is no actor: the pronoun joins it, unresolved
                self.unresolved[token.i] = best.token  # open_actors may find an actor there
                if best is not bound:  # (a relative clause's own possessive adds nothing to its noun)
                    self._touch(best, token, rules.salience_weight(token) if self.parsed else 0.0)
                return 0
            referents = list(best.referents)
            if pronoun.gender and best.person and best.gender is None and sure:
                best.gender = pronoun.gender  # learnt only when no other person was in the running
        self.emit_referents(token.i, token.i + 1, referents)
        if token.lower_ in rules.POSSESSIVE_DETERMINERS and token.dep_ == "poss":
            end = self._possessed(token, referents)
            if end:
                return end
        return token.i + 1

    def _reporter(self, token: Token, pronoun: rules.Pronoun) -> Entity | None:
        """The subject of a clause reported by a verb of saying is its speaker when they agree:
        "Chile announced it would free the prisoners", "the minister said he would resign", "Putin, who
        has said he will …"."""
        if not self.parsed or token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ccomp":
            return None
        verb = token.head.head
        if verb.lemma_.lower() not in rules.COMMUNICATION_VERBS:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and verb.dep_ == "relcl" and subject.lower_ in ("who", "which", "that"):
            subject = verb.head  # "President Putin, who has said he will convene …": the relative's noun
        entity = self.at_token.get(subject.i) if subject is not None else None
        if entity is None or not entity.referents or not self._agrees(entity, pronoun, False):
            return None
        return entity

    def _collective_reporter(self, token: Token, pronoun: rules.Pronoun) -> Entity | None:
        """A plural "they" reported by a body speaking as one is that body, when nothing plural came
        just before: "the navy said they were investigating", "a spokesman for the ministry said they
        had arrested two men" (the body the spokesman speaks for). Not a state ("Chile said they ..."
        means others) and not a person speaking for no body."""
        if not self.parsed or not pronoun.plural or pronoun.reflexive or token.dep_ not in ("nsubj", "nsubjpass"):
            return None
        if token.head.dep_ != "ccomp" or token.head.head.lemma_.lower() not in rules.COMMUNICATION_VERBS:
            return None
        subject = next((c for c in token.head.head.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return None
        heads = [subject] + [o for p in subject.children if p.dep_ == "prep" and p.lower_ in ("for", "of")
                             for o in p.children if o.dep_ == "pobj"]
        for head in heads:
            entity = self.at_token.get(head.i)
            if entity is not None and entity.referents and not entity.plural and all(
                    r.actor.kind in rules.COLLECTIVE_KINDS for r in entity.referents):
                return entity
        return None

    def _agrees(self, entity: Entity, pronoun: rules.Pronoun, speaker: bool) -> bool:
        if entity.plural != pronoun.plural:
            return False
        if pronoun.person is True:
            return entity.person and entity.gender in (None, pronoun.gender)
        if pronoun.person is False:
            if entity.referents:
                kinds = {r.actor.kind for r in entity.referents}
                return not entity.person and kinds <= rules.IT_KINDS
            return not entity.animate and not speaker
        return entity.animate or not speaker

    def _best_antecedent(self, token: Token, pronoun: rules.Pronoun) -> tuple[Entity | None, bool]:
        """The most salient agreeing candidate, and whether no other came close (within half its score)."""
        speaker = self.parsed and rules.speaker_subject(token)
        possessive = token.dep_ == "poss" or token.tag_ == "PRP$"
        verb = rules.clause_head(token) if self.parsed else -1
        role = rules.grammatical_role(token) if self.parsed else "other"
        best: Entity | None = None
        best_score = second = float("-inf")
        for entity in self.pool.values():
            if entity.token >= token.i or not self._agrees(entity, pronoun, speaker):
                continue
            # Binding: a plain object pronoun is not its own clause's subject ("Putin praised him").
            if (
                not possessive and self.parsed and entity.sent == self.sent
                and entity.verb == verb and entity.role in ("subj", "obj")
            ):
                continue
            score = entity.score(self.sent) + (rules.PARALLELISM_WEIGHT if entity.role == role else 0.0)
            score += rules.SPEAKER_WEIGHT if speaker and entity.speaker else 0.0
            if score > best_score or (score == best_score and best is not None and entity.token > best.token):
                best, best_score, second = entity, score, best_score
            else:
                second = max(second, score)
        return best, second < best_score / 2

    def _cataphor(self, token: Token, pronoun: rules.Pronoun) -> Referent | None:
        """A pronoun in a preposed adjunct points forward to the main subject: "In his speech, Putin said"."""
        if not self.parsed or pronoun.plural or pronoun.reflexive:
            return None
        subject = rules.forward_subject(token)
        if subject is None:
            return None
        mention = self.mention_at.get(subject.i)
        if mention is not None:
            referent = Referent(mention.actor, mention.start_char)
        else:
            end = self._name_end(subject.left_edge.i + (1 if rules.title_of(subject.left_edge.text) else 0))
            parts = rules.name_parts(self.doc[subject.left_edge.i : max(end, subject.i + 1)].text)
            found = self._persons_named(parts, pronoun.gender) if subject.pos_ == "PROPN" else []
            if not found:
                return None
            referent = Referent(found[0].referents[0].actor, subject.left_edge.idx)
        actor = referent.actor
        if pronoun.person is False:
            return referent if actor.kind in rules.IT_KINDS else None
        known = self.registry.get(actor_key(actor))
        title = rules.title_of(self.doc[subject.left_edge.i].text)
        genders = {known.gender if known else None, rules.TITLES[title] if title else None} - {None}
        fits = actor.kind in ("person", "anonymous") and genders <= {pronoun.gender}
        return referent if fits else None

    def _relative_binder(self, token: Token, pronoun: rules.Pronoun) -> Entity | None:
        """A possessive in a relative clause whose subject is the relative pronoun takes the noun
        the clause describes ("a dictator who massacres his own people": the dictator's), before
        any cataphora or salience."""
        if not self.parsed or token.dep_ != "poss" or pronoun.reflexive:
            return None
        relcl = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
        relative = next((c.lower_ for c in (relcl.children if relcl is not None else ())
                         if c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which")), None)
        if relcl is None or relative is None:
            return None
        head = relcl.head.i
        entity = self.at_token.get(head) or next((e for e in self.pool.values() if e.token == head), None)
        if entity is None or (not entity.referents and relcl.head.pos_ == "PROPN"):
            return None  # a name no table knows (a surname): salience finds whom it names
        # "who" makes its antecedent a person, whatever its noun ("a dictator who …")
        fits = self._agrees(entity, pronoun, speaker=False) or (
            relative == "who" and pronoun.person is not False and entity.plural == pronoun.plural)
        return entity if fits else None

    def _binder(self, token: Token, pronoun: rules.Pronoun) -> Entity | None:
        """A reflexive takes the subject of its own clause ("Kim praised himself")."""
        if not self.parsed:
            return None
        verb = self.doc[rules.clause_head(token)]
        for child in verb.children:
            if child.dep_ in rules.SUBJECT_DEPS and child.i < token.i:
                entity = self.at_token.get(child.i)
                if entity is not None and self._agrees(entity, pronoun, speaker=False):
                    return entity
        return None

    # --- names ------------------------------------------------------------------------------------

    def _persons_named(self, parts: list[str], gender: str | None) -> list[Entity]:
        """Known persons whose name has every part and whose gender fits, most recent first."""
        if not parts:
            return []
        keys = set(self.names.get(parts[0], []))
        for part in parts[1:]:
            keys &= set(self.names.get(part, []))
        found = [
            self.registry[key] for key in keys
            if key in self.registry and (gender is None or self.registry[key].gender in (None, gender))
        ]
        return sorted(found, key=lambda e: e.token, reverse=True)

    def _bare_surname(self, token: Token) -> int:
        """A name with no title that is part of exactly one person's name met before ("Jovenel
        Moise … Moise tweeted"): that person. A word the parser calls a person, or one its NER leaves
        untagged that is the person's surname; never a name two known people share."""
        if token.pos_ != "PROPN" or token.ent_type_ not in ("PERSON", ""):
            return 0
        end = self._name_end(token.i)
        if end == token.i:
            return 0
        found = self._persons_named(rules.name_parts(self.doc[token.i : end].text), None)
        if len(found) != 1 or not found[0].referents:
            return 0
        if not token.ent_type_ and (end != token.i + 1 or found[0].referents[0].actor.name.split()[-1] != token.text):
            return 0  # no entity: only a single word that is the person's surname ("Moise")
        self.emit_referents(token.i, end, [found[0].referents[0]])
        return end

    def _name_end(self, start: int) -> int:
        """End of the capitalised (possibly hyphenated) name starting at ``start``."""
        doc, k = self.doc, start
        while k < len(doc) and not self.covered[k]:
            word, prev = doc[k], doc[k - 1]
            glued = not prev.whitespace_ and k > start
            if not (
                (word.pos_ in ("PROPN", "") and (word.is_title or word.is_upper))
                or (glued and word.text in ("-", "‑"))
                or (glued and prev.text in ("-", "‑") and word.is_alpha)
            ):
                break
            k += 1
        return k

    def _titled_name(self, token: Token) -> int:
        """"Mr Kim", "Ms Watson", "Prime Minister Sunak" → the known person with that name."""
        doc, j = self.doc, token.i
        while j < len(doc) and doc[j].lower_ in rules.TITLE_PREFIXES and doc[j].is_title:
            j += 1
        if j >= len(doc) or self.covered[j]:
            return 0
        title = rules.title_of(doc[j].text)
        if title is None:
            return self._bare_surname(token) if j == token.i else 0
        end = self._name_end(j + 1)
        if end == j + 1:
            return 0
        gender = rules.TITLES[title]
        found = self._persons_named(rules.name_parts(doc[j + 1 : end].text), gender)
        if found:
            entity = found[0]
            self.emit_referents(token.i, end, [entity.referents[0]])
            entity.gender = entity.gender or gender
            return end
        if gender is None and not any(t.ent_type_ == "PERSON" for t in doc[j + 1 : end]):
            return 0
        # A titled name nobody knows: a new person, who can still block he/she from reaching further back.
        span = doc[token.i : end]
        key: Key = ("thing", span.text.lower())
        stranger = Entity(key=key, referents=(), plural=False, person=True, animate=True, gender=gender)
        self._touch(stranger, span.root, rules.salience_weight(span.root) if self.parsed else 0.0)
        return end
