"""The country of open-world actors in context: the place an event or its sentence is set in,
the article's main country; a state's government as the state; the host of an event abroad.

Used by the event builder (``newsgraph.extract.events``) on the sides of each event.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.lexicon import word_list
from newsgraph.extract.locations import LOCATIVE_PREPS
from newsgraph.extract.mentions import MentionIndex, unique_actors
from newsgraph.extract.places import resolve_place
from newsgraph.extract.roles import children, is_passive, pobjs
from newsgraph.nlp.components.open_actors import main_country
from newsgraph.nlp.gazetteer import bloc_members, blocs, country_adjective, country_name, role_of, state_of_body
from newsgraph.records import Actor, ActorMention, Place

# Open-world actors whose country the sentence's place may give ("police" in Nairobi); role
# nouns and people with no other cue take the article's main country (via "main-country").
PLACED_VIAS = frozenset({"role-noun", "ner", "surname", "title", "apposition"})
PLURAL_TAGS = ("NNS", "NNPS")
MAIN_COUNTRY_VIAS = frozenset({"role-noun", "ner", "surname", "title", "coref", "kin", "apposition"})
STATELESS_SECTORS = frozenset({"INS"})  # sectors whose named people take no country from context


def _ruled_name(country: str, role: str) -> str:
    """A role noun named as its ruler names it: "Kenyan police", "British parliament"."""
    return f"{country_adjective(country) or country} {role}"


def _from_elsewhere(mention: ActorMention) -> bool:
    """ "foreign fighters", "international observers": a group said to come from outside the
    place it is in takes neither the place's country nor the article's."""
    words = {w.lower() for w in mention.text.replace("-", " ").split()}
    if mention.actor.sector == "GOV" and mention.actor.kind != "anonymous":
        # "the foreign minister", "the Foreign Office": an office, not an origin (but "foreign
        # ministers" gathering in Brussels come from many states)
        words -= set((mention.actor.role or "").lower().split())
    return bool(words & word_list("non_local_modifiers"))


def _where_based(doc: Doc, mention: ActorMention) -> bool:
    """ "a UK-based monitor", "a London-headquartered firm": where a group is based says nothing of
    where the article's events are."""
    end = mention.end
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in word_list("based_words")


def _unnamed(tok: Token, role_noun: str, kind: str) -> ActorMention | None:
    """Unnamed actors of a role noun's role ("protesters", "authorities", "people"), written at
    ``tok`` (their country comes from the place or the article, as any role noun's)."""
    role = role_of(role_noun)
    if role is None:
        return None
    sector, name = role
    return ActorMention(start=tok.i, end=tok.i + 1, start_char=tok.idx, end_char=tok.idx + len(tok), text=tok.text,
                        actor=Actor(name=name, kind=kind, sector=sector, role=name), via="role-noun")


def _bare_count(tok: Token) -> bool:
    """A number standing for people: "21" in "21 were killed", "dozens" in "dozens were arrested";
    not one that counts a noun ("21 tanks", "dozens of rockets") or a date or an amount."""
    counting = tok.pos_ == "NUM" or (tok.pos_ == "NOUN" and tok.lemma_.lower() in word_list("count_nouns"))
    if not counting or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
        return False
    if tok.lower_ == "one" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "another":
        return False  # "beating one another": each other
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def proper_phrase(tok: Token) -> str:
    """A proper name with its compound parts ("Far Eastern Federal University")."""
    parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    start = parts[0].i if parts else tok.i
    return tok.doc[start : tok.i + 1].text


def state_actor(iso3: str) -> Actor:
    """The state of an ISO alpha-3 code, as an actor."""
    return Actor(name=country_name(iso3) or iso3, kind="state", country=iso3)


def state_mention(tok: Token, iso3: str, near: ActorMention | None = None, words: int = 1) -> ActorMention:
    """The state a place stands in, as an actor mention on the place's words (``words`` of them from
    ``tok``: "La Paz")."""
    last = tok.doc[min(tok.i + max(words, 1), len(tok.doc)) - 1]
    return ActorMention(
        start=tok.i, end=last.i + 1, start_char=tok.idx, end_char=last.idx + len(last),
        text=tok.doc[tok.i : last.i + 1].text,
        actor=state_actor(iso3), via="place", antecedent=near.start_char if near else None,
    )


class ActorContext:
    """Countries for the open-world actors of one document."""

    def __init__(self, doc: Doc, index: MentionIndex, when: date | None = None) -> None:
        self.doc = doc
        self.index = index
        self.when = when
        self.main_country = main_country([m for m in doc._.actor_mentions or [] if not _where_based(doc, m)])
        self._sentence_countries: dict[int, str | None] = {}
        self._setting: str | None = None

    def backers(self, mention: ActorMention) -> set[str]:
        """Countries named as backing the mention's group: the agent of a backing participle
        ("rebels backed/armed/funded by Turkey") or the first part of "Iran-backed" (word list
        backing_verbs)."""
        head = self.doc[mention.end - 1]
        found: set[str] = set()
        for mod in head.children:
            if mod.dep_ in ("acl", "amod", "compound") and mod.lower_.endswith("ed") and (
                    mod.lemma_.lower() in word_list("backing_verbs")):  # not "NGOs supporting X": they back X
                found |= {c for t in mod.subtree if t.i != head.i for m in self.index.at(t)
                          if (c := m.actor.country)}
        return found

    def sentence_country(self, mention: ActorMention) -> str | None:
        """The country of the place the mention's sentence is set in: the first "in/at/near X"
        in it that names a state, a seat or a city of the gazetteer."""
        return self.sentence_country_of(self.doc[mention.start].sent)

    def sentence_country_of(self, sent: Span) -> str | None:
        """The country of the place a sentence is set in (see sentence_country)."""
        if sent.start in self._sentence_countries:
            return self._sentence_countries[sent.start]
        found: str | None = None
        for tok in sent:
            if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS:
                continue
            if tok.head.lower_ == "on" and tok.head.head.pos_ == "NOUN":
                continue  # "the attack on Bolivia", "sanctions on Iran": what an act is aimed at, not a setting
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in word_list("place_parts"):
                # "in the east of the Gaza Strip", "on the outskirts of Kharkiv", "in Peru's southern
                # region": the place named after "of" or before it
                tok = next((o for o in (*pobjs(tok, ("of",)), *children(tok, "poss")) if o.pos_ == "PROPN"), tok)
            if tok.pos_ != "PROPN":
                continue
            named = self.index.at(tok)
            if any(m.via == "demonym" for m in named):
                continue  # "killed in Russian shelling": a nationality, not the place
            states = [m for m in named if m.actor.kind == "state" and m.actor.country]
            if states:
                found = states[0].actor.country
                break
            place = resolve_place(proper_phrase(tok))
            if any(m.via != "ner" for m in named) or (role_of(tok.text) is not None and (
                    place is None or place.kind != "region")):
                continue  # "invest in the National Police": an organisation, not a place ("the West Bank" is);
                # a town the tagger took for a body is a town ("officials in Tacna")
            if place is not None and place.country:
                found = place.country
                break
        self._sentence_countries[sent.start] = found
        return found

    def setting_country(self) -> str | None:
        """The country the article's events are set in: the one its sentences' places name most
        (see sentence_country), when at least two sentences name it; else the country of the towns
        and regions the article names, when it names one country's three times or more and three
        times as often as any other's ("the campaign to reclaim Raqqa … strikes on Raqqa": Syria,
        whoever strikes it)."""
        if self._setting is None:
            counts = Counter(c for sent in self.doc.sents if (c := self.sentence_country_of(sent)) is not None)
            top = counts.most_common(2)
            if top and top[0][1] >= 2:
                self._setting = top[0][0]
            else:
                towns = self._town_countries().most_common(2)
                second = towns[1][1] if len(towns) > 1 else 0
                self._setting = towns[0][0] if towns and towns[0][1] >= max(3, 3 * second) else ""
        return self._setting or None

    def _town_countries(self) -> Counter[str]:
        """How often the article names a town or region of each country (gazetteer places that
        are no state and no actor the tables know)."""
        counts: Counter[str] = Counter()
        for tok in self.doc:
            if tok.pos_ != "PROPN" or tok.dep_ == "compound" or tok.ent_type_ not in ("GPE", "LOC", "FAC", "ORG"):
                continue
            if (country := self._town_country(tok)) is not None:
                counts[country] += 1
        return counts

    def _town_country(self, tok: Token) -> str | None:
        """The country of the town or region a proper noun names: a gazetteer place that is no actor
        the tables know (a town the tagger took for a body is one)."""
        if any(m.via != "ner" for m in self.index.at(tok)):
            return None
        place = resolve_place(proper_phrase(tok))
        return place.country if place is not None and place.kind in ("city", "region") else None

    def crowd(self, tok: Token, place: Place | None) -> list[ActorMention]:
        """The unnamed people a protest with no named protesters is by ("protests erupted in Tehran",
        "thousands marched in Belgrade"): protesters of the place it is held in, written at the
        protest's own word. Only a protest that happens somewhere named (the noun is the subject of
        its clause, the verb has a subject of its own), not one referred to ("to avoid protests")."""
        happens = tok.dep_ in ("nsubj", "nsubjpass") if tok.pos_ == "NOUN" else any(
            c.dep_ == "nsubj" for c in tok.children)
        mention = _unnamed(tok, "protesters", "group")
        if mention is None or place is None or not place.country or not happens:
            return []
        return [m for m in self.in_context([mention], place) if m.actor.country]

    def authority(self, tok: Token, place: Place | None) -> list[ActorMention]:
        """The authorities of the place an act with no doer named is done in ("a curfew was imposed
        in Lagos", "dozens were arrested in Minsk"): the state there, written at the act's word. Only
        a passive verb with no agent of its own, never an act merely referred to."""
        verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == "nsubjpass" else None  # "a curfew was imposed"
        mention = _unnamed(tok, "authorities", "organization")
        if mention is None or place is None or not place.country or verb is None:
            return []
        if not is_passive(verb) or any(c.dep_ == "agent" for c in verb.children):
            return []
        return [m for m in self.in_context([mention], place) if m.actor.country]

    def counted(self, tokens: tuple[Token, ...]) -> list[ActorMention]:
        """Unnamed people known only by their number ("at least 21 were killed", "the blast wounded
        30", "dozens were arrested"): civilians, written at the number (their country comes later,
        from the place or the article, as any role noun's)."""
        return [m for tok in tokens if _bare_count(tok) and (m := _unnamed(tok, "people", "group")) is not None]

    def in_context(self, mentions: list[ActorMention], place: Place | None,
                   givers: frozenset[str] = frozenset(), facing: frozenset[str] = frozenset()) -> list[ActorMention]:
        """Open-world actors with no country of their own take the country of the place the
        event is set in; role nouns ("the police", "the government") and people else the article's main
        country. A role noun with a country is named as the ruler names it ("Kenyan police"). An armed
        group that the countries ``givers`` aid or back is not theirs ("Chile trained the rebels",
        "ended support for the rebels"), as one backed by a participle is not ("rebels backed by X").
        Context never gives a state body the country of a state it faces (``facing``: "the army
        attacked Ukraine" in an article about Ukraine is not Ukraine's army; a state does not act on
        itself), though its people and rebels may be of it ("Pakistan killed militants")."""
        out: list[ActorMention] = []
        for m in mentions:  # a grouping's members are expanded before (with_members)
            actor = m.actor
            placed = m.via in PLACED_VIAS or (m.via in ("coref", "kin") and actor.kind == "person")
            # "Free Syrian Army" is a named group of rebels; "local police" is police
            bare_name = " ".join(w for w in actor.name.lower().split() if w not in word_list("local_modifiers"))
            named_group = m.via == "role-noun" and actor.kind == "group" and bare_name != actor.role
            # a leader of a stateless armed group (the tables give al-Baghdadi none) stays stateless
            named_group = named_group or (actor.kind == "person" and actor.sector in STATELESS_SECTORS)
            # "Kurdish forces" stay apart from the place they are in; "foreign fighters" come from elsewhere
            unplaced = placed and actor.country is None and not named_group and not _from_elsewhere(m)
            # an ambassador or an embassy serves abroad: neither where the events are set nor the article's country
            unplaced = unplaced and (actor.role or "") not in word_list("posted_roles")
            if unplaced and (origin := self.origin(m)) is not None:
                # "Reyaad Khan, from Cardiff", "a journalist from Lima": where they come from
                m = replace(m, actor=replace(actor, country=origin), via="place")
            elif unplaced:
                country = place.country if place is not None and place.country else self.sentence_country(m)
                via = "place"
                people = m.via == "ner" and actor.kind == "group"
                local = any(c.dep_ == "amod" and c.lower_ in word_list("local_modifiers")
                            for c in self.doc[m.end - 1].children)
                if country is None and ((actor.role or "") in word_list("settled_roles") or local):
                    # civilians with no place of their own live where the article's events are set,
                    # not in the country it names most ("strikes by the US coalition killed 36 civilians");
                    # so do "local forces", "local militias"
                    country, via = self.setting_country(), "main-country"
                proxy = actor.kind == "group" and actor.sector in word_list("armed_sectors")
                if country is None and m.via in MAIN_COUNTRY_VIAS and not people and (
                        self.main_country not in self.backers(m) | (givers if proxy else frozenset())):
                    # a people NER names ("Kurds") may live anywhere: not the article's country; a
                    # proxy is not its backer's ("rebels backed by Turkey", "Iran-backed militias")
                    country, via = self.main_country, "main-country"
                if country in facing and actor.sector in word_list("state_sectors"):
                    country = None
                if country is not None:
                    name = actor.name
                    if m.via == "role-noun" and actor.role and name == actor.role:
                        name = _ruled_name(country, actor.role)
                    m = replace(m, actor=replace(actor, country=country, name=name), via=via)
            state = state_of_body(m.actor)
            if state is not None:  # a state and its government are one actor
                m = replace(m, actor=state)
            out.append(m)
        return unique_actors(out)

    def origin(self, mention: ActorMention) -> str | None:
        """The country of the place a person or group is said to come from: a from-phrase on the
        mention or on its apposition ("Reyaad Khan, from Cardiff", "Aksoy, a press officer from
        London", "a journalist from Lima"), naming a town, region or state."""
        head = self.doc[mention.end - 1]
        settled = (mention.actor.role or "") in word_list("settled_roles")  # "residents of Tacna"
        for noun in (head, *(c for c in head.children if c.dep_ == "appos")):
            for prep in noun.children:
                if prep.dep_ != "prep" or not (prep.lower_ == "from" or (settled and prep.lower_ == "of")):
                    continue
                for where in prep.children:
                    if where.dep_ != "pobj" or where.pos_ != "PROPN":
                        continue
                    states = [x.actor.country for x in self.index.at(where) if x.actor.kind == "state"]
                    if country := (states[0] if states else self._town_country(where)):
                        return country
        return None

    def home_institutions(self, mentions: list[ActorMention], other: list[ActorMention]) -> list[ActorMention]:
        """A bare institution ("the government", "parliament", "the cabinet"; word list
        ``home_institutions``) that only the article's main country placed belongs to the country of
        the politician on the event's other side ("Corbyn accused the government of …", "May acted
        without consulting parliament"): one speaks of one's own government so. Not when the other
        side is a state, or a diplomat or foreign minister (word list ``foreign_facing_roles``), who
        speak of others' governments."""
        homes = {m.actor.country for m in other if m.actor.country and m.via != "main-country"
                 and m.actor.kind != "state" and m.actor.sector in word_list("public_sectors")
                 and (m.actor.role or "") not in word_list("foreign_facing_roles")}
        if len(homes) != 1:
            return mentions
        home = homes.pop()
        out: list[ActorMention] = []
        for m in mentions:
            word = m.text.split()[-1].lower() if m.text else ""
            if m.via == "main-country" and m.actor.country != home and word in word_list("home_institutions"):
                state = state_of_body(replace(m.actor, country=home))
                actor = state or replace(m.actor, country=home, name=_ruled_name(home, word))
                m = replace(m, actor=actor, via="counterpart")
            out.append(m)
        return out

    def with_members(self, mentions: list[ActorMention]) -> list[ActorMention]:
        """The mentions, a grouping's plural members replaced by its member states (see members)."""
        return [x for m in mentions for x in (self.members(m) or [m])]

    def members(self, mention: ActorMention) -> list[ActorMention]:
        """ "the G7 countries", "G7 foreign ministers", "Quad leaders": the member states of the
        grouping at the article's date (blocs.tsv), one actor each; the grouping alone stays itself."""
        actor = mention.actor
        bloc = next((b for b in blocs() if actor.name == b or actor.name.startswith(b + " ")), None)
        if bloc is None:
            return []
        last = self.doc[mention.end - 1]
        sector: str | None = None
        if actor.name == bloc:  # the grouping modifies a plural member noun: "the G7 countries"
            head = last.head
            if last.dep_ not in ("compound", "amod", "nmod", "poss") or head.tag_ not in PLURAL_TAGS or (
                head.lemma_.lower() not in word_list("member_nouns")
            ):
                return []
        elif last.tag_ in PLURAL_TAGS:  # a plural role of the grouping: "G7 foreign ministers"
            sector = "GOV"
        else:
            return []
        return [
            replace(mention, actor=Actor(name=country_name(iso3) or iso3, kind="state", country=iso3, sector=sector),
                    via="bloc")
            for iso3 in bloc_members(bloc, self.when)
        ]

    def host(self, tok: Token, source: list[ActorMention], place: Place | None) -> list[ActorMention]:
        """A protest or deployment abroad with no one else named: the state it is held in
        ("US activists protested in Beijing", "Russia held exercises in Alaska") is its target."""
        if place is None or not place.country or not source:
            return []
        if place.country in {m.actor.country for m in source} or any(m.actor.country is None for m in source):
            return []
        first = place.text.split()[0] if place.text else ""
        at = next((t for t in tok.sent if t.text == first), None)
        return [state_mention(at, place.country)] if at is not None else []
