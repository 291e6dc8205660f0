"""Attribution: who says the event happened, named or anonymous, and on what basis.

Sources of a claim, for a trigger:
- the subject of a reporting verb that governs it ("X said", "X warned that", "…, officials
  said"); with nested reports the outermost speaker is kept;
- "according to X" in the sentence; whoever a report cites ("…, the Journal reported, citing
  US officials") is a source too;
- a quotation continued in the next sentence keeps its speaker, and so does indirect speech
  running on into the next sentence in the tense of a report ("He would travel by train",
  "They had already sent drones");
- the basis: "citing (declassified) intelligence" → intelligence, "documents" → document,
  "in a statement" → statement, a media outlet or journalist → media (outlets from
  ``data/actors/media.tsv``); else statement for people, unknown
  otherwise.
Anonymous speakers ("officials", "a senior official", "people familiar with the matter")
without a country of their own take it from the nearest earlier anonymous source in the
article that has one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from newsgraph.extract.lexicon import RELATIVE_PRONOUNS, aux_form, word_list
from newsgraph.extract.mentions import MentionIndex
from newsgraph.extract.roles import antecedents, expand
from newsgraph.nlp.gazetteer import is_seat_building, media_outlet
from newsgraph.records import ClaimSource

FIRST_PERSON = frozenset({"i", "we", "me", "us"})
REPORTING_VERBS = word_list("reporting_verbs")
AS_REPORT_VERBS = REPORTING_VERBS | word_list("claim_verbs")  # "as X said", "as expected"
ANONYMOUS_HEADS = word_list("anonymous_heads")
DOCUMENT_HEADS = word_list("document_heads")
INTELLIGENCE_WORDS = word_list("intelligence_words")
KIND_OF_ACTOR = {
    "person": "person",
    "state": "government",
    "organization": "organization",
    "group": "organization",
    "anonymous": "anonymous",
}
# Speakers that are the press: their reports have basis "media".
MEDIA_HEADS = word_list("media_heads")
INDIVIDUAL_MARKERS = frozenset({"a", "an", "another", "one", "second", "third", "fourth", "fifth"})
QUOTES_OPEN = ("“", '"', "‘", "''", "``")  # '' and `` as some papers (and the Penn Treebank) write quotes
QUOTES = frozenset({"“", "”", '"', "''", "``"})
QUOTE_CHARS = frozenset("‘’“”\"'`")  # what a quotation-mark token is made of ("’’" too)


def _phrase(tok: Token) -> Span:
    """The noun phrase up to its head token, without a leading determiner."""
    left = tok.left_edge
    if left.dep_ in ("det", "punct") and left.i < tok.i:
        left = left.nbor()
    return tok.doc[left.i : tok.i + 1]


def _basis_in(sent: Span) -> str | None:
    for tok in sent:
        low = tok.lemma_.lower()
        if low == "cite":
            objs = [t for t in tok.subtree if t.lemma_.lower() in INTELLIGENCE_WORDS]
            if objs:
                return "intelligence"
            if any(t.lemma_.lower() in DOCUMENT_HEADS for t in tok.subtree):
                return "document"
        if low == "statement" and tok.head.lower_ in ("in", "by"):
            return "statement"
    return None


@dataclass(frozen=True, slots=True)
class _SentenceCues:
    """What attribution reads from a whole sentence, found once per sentence (so a long sentence
    with many triggers is scanned once, not once per trigger)."""

    basis: str | None
    according_to: tuple[Token, ...]  # the objects of "according to"
    citing: tuple[Token, ...]  # the verbs "cite"


def _sentence_cues(sent: Span) -> _SentenceCues:
    according: list[Token] = []
    citing: list[Token] = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            according += [c for c in tok.nbor().children if c.dep_ == "pobj"]
        elif tok.lemma_.lower() == "cite":
            citing.append(tok)
    return _SentenceCues(basis=_basis_in(sent), according_to=tuple(according), citing=tuple(citing))


def as_report(verb: Token) -> bool:
    """A report introduced by "as" with nothing said of its own ("as the minister noted", "as
    analysts had predicted", "as reported by X"): it reports the clause it hangs on ("even as he
    says", "just as": while; word list ``temporal_as_adverbs``)."""
    return (verb.dep_ == "advcl" and verb.pos_ == "VERB" and verb.lemma_.lower() in AS_REPORT_VERBS
            and verb.head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "mark" and c.lower_ == "as" and not (
                c.i > 0 and c.nbor(-1).lower_ in word_list("temporal_as_adverbs")) for c in verb.children)
            and not any(c.dep_ in ("ccomp", "dobj", "xcomp", "dative") for c in verb.children))


def relative_antecedent(head: Token) -> Token | None:
    """What a relative pronoun subject stands for ("officials, who said …": officials; the first
    of coordinated nouns it stands for, as roles.antecedents reads them)."""
    if head.lower_ not in RELATIVE_PRONOUNS or head.head.dep_ != "relcl" or head.head.head is head.head:
        return None
    return next(iter(antecedents(head.head, head)), None)


def _one_individual(head: Token) -> bool:
    """"a Briton", "another Syrian", "one Iraqi", "a second Briton": one unnamed person."""
    return head.tag_ == "NN" or any(
        c.dep_ in ("det", "nummod", "amod") and c.lower_ in INDIVIDUAL_MARKERS for c in head.children
    )


def _outlet_in(head: Token) -> tuple[Span, tuple[str, str | None]] | None:
    """The outlet named by a proper-noun phrase ("the Wall Street Journal", "KCNA")."""
    if head.pos_ != "PROPN":
        return None
    for start in range(head.left_edge.i, head.i + 1):  # the longest name first: "Wall Street Journal"
        span = head.doc[start : head.i + 1]
        found = media_outlet(span.text)
        if found is not None:
            return span, found
    return None


def _media_source(head: Token, phrase: Span) -> ClaimSource | None:
    """A news outlet ("the Wall Street Journal reported", "KCNA said"), a journalist of one ("a
    reporter for the Daily Beast") or unnamed media ("state media said")."""
    outlet = _outlet_in(head)
    if outlet is not None:
        name, country = outlet[1]
        return ClaimSource(text=phrase.text, name=name, named=True, kind="media", country=country, basis="media")
    if head.lemma_.lower() not in MEDIA_HEADS and head.lower_ not in MEDIA_HEADS:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at", "with", "from"):
            for obj in prep.children:
                found = _outlet_in(obj)
                if obj.dep_ == "pobj" and found is not None:
                    name, country = found[1]
                    return ClaimSource(text=phrase.text, name=name, named=True, kind="media", country=country,
                                       role=head.lemma_.lower(), basis="media")
    return ClaimSource(text=phrase.text, name=phrase.text, named=False, kind="media", basis="media",
                       role=head.lemma_.lower())


def fill_anonymous_countries(sources: Sequence[ClaimSource | None]) -> list[ClaimSource | None]:
    """Anonymous sources with no country of their own ("officials say" in a headline) take the
    country of the next anonymous source that has one (the same officials, described in full)."""
    later: str | None = None
    out: list[ClaimSource | None] = []
    for source in reversed(sources):
        if source is not None and not source.named and source.country:
            later = source.country
        elif source is not None and not source.named and source.country is None and later:
            source = replace(source, country=later)
        out.append(source)
    return out[::-1]


def quoted_tokens(sent: Span, open_before: bool) -> tuple[set[int], bool]:
    """The indices of the sentence's words inside a quotation, and whether one is still open at its
    end (“ and `` open, ” closes, a straight quote or '' toggles); a quotation runs on across
    sentences until it closes."""
    is_open = open_before
    inside: set[int] = set()
    for tok in sent:
        if tok.text in ("“", "``"):
            is_open = True
        elif tok.text == "”":
            is_open = False
        elif tok.text in ('"', "''"):
            is_open = not is_open
        elif is_open:
            inside.add(tok.i)
    return inside, is_open


def open_after(sent: Span, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence (see :func:`quoted_tokens`)."""
    return quoted_tokens(sent, open_before)[1]


def starts_paragraph(sent: Span) -> bool:
    start = sent.start
    return start > 0 and "\n" in sent.doc[start - 1].text_with_ws


def _backshifted(sent: Span) -> bool:
    """Reported speech running on into a sentence of its own shows the tense of a report:
    "would" for the speaker's "will", the past perfect for their past ("had sent")."""
    root = sent.root
    return any(c.dep_ in ("aux", "auxpass") and aux_form(c) in ("would", "had") for c in root.children)


class AttributionFinder:
    """Finds the claim sources of triggers, one article at a time (keeps the article's context)."""

    def __init__(self, index: MentionIndex) -> None:
        self.index = index
        self._last_country: str | None = None
        self._previous: tuple[ClaimSource, ...] = ()  # the speaker of the last quoted sentence
        self._reported: tuple[ClaimSource, ...] = ()  # the source of the last sentence
        self._open = False  # a quotation left open at the end of the last sentence
        self._cues: dict[tuple[int, int], _SentenceCues] = {}

    def cues(self, sent: Span) -> _SentenceCues:
        key = (sent.start, sent.end)
        found = self._cues.get(key)
        if found is None:
            found = self._cues[key] = _sentence_cues(sent)
        return found

    def source_from(self, head: Token, basis: str | None) -> ClaimSource | None:
        antecedent = relative_antecedent(head)
        if antecedent is not None:
            # "the minister, who said …": the relative pronoun keeps its text, the antecedent gives the rest
            found = self.source_from(antecedent, basis)
            return replace(found, text=head.text) if found is not None else None
        phrase = _phrase(head)
        media = _media_source(head, phrase)
        if media is not None:
            return self._finish(media)
        mentions = self.index.of_argument(head)
        # "a spokesman for the Chilean president": whom an unnamed speaker speaks for (the actor layer's)
        spoken_for = next((m.actor.country for m in mentions if m.actor.country), None)
        if mentions and mentions[0].via == "role-noun" and head.lemma_.lower() in ANONYMOUS_HEADS | DOCUMENT_HEADS:
            mentions = []  # "officials said", "people familiar with …": unnamed speakers, read below
        if mentions:
            actor = mentions[0].actor
            named = actor.kind not in ("anonymous", "group") or head.pos_ == "PROPN"
            if actor.kind == "group" and head.pos_ != "PROPN":
                named = False
            unnamed_members = head.pos_ == "NOUN" and head.lemma_.lower() in ANONYMOUS_HEADS and not self.index.at(head)
            if unnamed_members:  # "UN monitors", "Pentagon officials": unnamed people of a named body
                return self._finish(ClaimSource(
                    text=phrase.text, name=phrase.text, named=False, kind="anonymous", country=actor.country,
                    role=head.lemma_.lower(), basis=basis or "unknown",
                ))
            if mentions[0].via == "demonym" and _one_individual(head):
                # "a Briton said", "one Iraqi told": an unnamed person of that country, not its government
                return self._finish(ClaimSource(
                    text=phrase.text, name=phrase.text, named=False, kind="anonymous", country=actor.country,
                    role="citizen", basis=basis or "unknown",
                ))
            institution = mentions[0].via == "seat" and is_seat_building(mentions[0].text)
            source = ClaimSource(
                text=phrase.text,
                name=phrase.text if institution or not named else actor.name,
                named=named,
                kind=KIND_OF_ACTOR.get(actor.kind, "organization") if named else "anonymous",
                country=actor.country,
                role=actor.role,
                basis=basis or ("statement" if named else "unknown"),
            )
        else:
            lemma = head.lemma_.lower()
            if lemma in DOCUMENT_HEADS:
                source = ClaimSource(text=phrase.text, name=phrase.text, named=False, kind="document",
                                     basis=basis or "document")
            elif lemma in ANONYMOUS_HEADS:
                source = ClaimSource(text=phrase.text, name=phrase.text, named=False, kind="anonymous",
                                     country=self._country_of_phrase(head) or spoken_for,
                                     role=lemma if lemma != "they" else None, basis=basis or "unknown")
            elif head.pos_ == "PROPN":
                source = ClaimSource(text=phrase.text, name=phrase.text, named=True, kind="organization",
                                     basis=basis or "statement")
            else:
                return None
        return self._finish(source)

    def _finish(self, source: ClaimSource) -> ClaimSource:
        """An anonymous source with no country takes the last one seen ("officials" after "US officials")."""
        if not source.named and source.country is None and self._last_country:
            source = replace(source, country=self._last_country)
        if not source.named and source.country:
            self._last_country = source.country
        return source

    def _country_of_phrase(self, head: Token) -> str | None:
        """The country an anonymous speaker is placed in: "officials in Seoul", "diplomats from Chile"."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "at"):
                found = self.index.in_subtree(prep, lambda m: m.actor.country is not None)
                if found:
                    return found[0].actor.country
        return None

    def _speakers(self, trigger: Token, sent: Span) -> list[Token]:
        """Subjects of reporting verbs above the trigger, outermost first."""
        speakers: list[Token] = self._as_speakers(trigger, below=None)
        below = trigger  # the ancestor's child on the way up from the trigger
        for anc in trigger.ancestors:
            speakers[:0] = self._as_speakers(anc, below)
            under_object, below = below.dep_ == "dobj", anc
            if under_object and anc.lemma_.lower() in word_list("clausal_reporting_verbs"):
                continue  # "the army observed the truce", "maintained the blockade": a deed, not words
            if anc.lemma_.lower() in REPORTING_VERBS and anc.pos_ in ("VERB", "AUX"):
                subj = [c for c in anc.children if c.dep_ in ("nsubj",)]
                if any(s.left_edge.i <= trigger.i <= s.right_edge.i for s in subj):
                    continue  # the trigger describes the speaker ("X, who had fled, said")
                subj += [p for c in anc.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
                if subj:
                    speakers.insert(0, subj[0])
        above = {t.i for t in trigger.ancestors}
        for source in self.cues(sent).according_to:
            # "X said …, according to local media": the report is the outer source of X's words;
            # "X said that, according to the report, …": inside X's words, the inner one
            said = next((a for a in source.ancestors if a.lemma_.lower() in REPORTING_VERBS
                         and a.pos_ in ("VERB", "AUX") and a.i in above), None)
            inside = said is not None and any(
                c.dep_ in ("ccomp", "xcomp", "advcl") and c.left_edge.i <= source.i <= c.right_edge.i
                for c in said.children)
            according = next((a for a in source.ancestors if a.lower_ == "according"), None)
            doc = source.doc
            closing = according is not None and according.i > 0 and doc[according.i - 1].text == "," and all(
                t.is_punct for t in doc[source.right_edge.i + 1 : sent.end])  # "…, according to X."
            if said is not None and (not inside or closing):
                speakers.insert(0, source)
            else:
                speakers.append(source)
        return speakers

    @staticmethod
    def _as_speakers(clause: Token, below: Token | None) -> list[Token]:
        """Who an as-report on ``clause`` names ("As the minister noted, troops crossed"), not the
        report the trigger is in (``below``)."""
        found: list[Token] = []
        for report in clause.children:
            if report is not below and as_report(report):
                found += [c for c in report.children if c.dep_ == "nsubj"] or [
                    p for c in report.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        return found[:1]

    def speakers(self, trigger: Token, sent: Span) -> list[Token]:
        """The speakers of the trigger's words, outermost first (not the trigger itself)."""
        return [h for h in self._speakers(trigger, sent) if h.i != trigger.i]

    def speaker_heads(self, trigger: Token, sent: Span) -> list[Token]:
        """The innermost named speaker of the trigger's words ("…, we will act," the minister said),
        not a first-person pronoun or the trigger itself."""
        heads = self.speakers(trigger, sent)
        if heads and heads[-1].lower_ in FIRST_PERSON:
            return []  # "when I said we were going": the inner speaker is a pronoun too
        return heads[-1:]

    def describes_speaker(self, trigger: Token) -> bool:
        """The trigger is inside the speaker's own description ("A Briton who went to Syria said …"):
        what the speaker says is not its source."""
        for anc in trigger.ancestors:
            if anc.lemma_.lower() in REPORTING_VERBS and anc.pos_ in ("VERB", "AUX"):
                subj = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")]
                return any(s.left_edge.i <= trigger.i <= s.right_edge.i for s in subj)
        return False

    def attribution(self, trigger: Token, sent: Span) -> tuple[ClaimSource, ...]:
        """The claim sources of one trigger: its outermost speaker (each of coordinated speakers:
        "Turkey, the UN and aid groups said"), else "according to", else ()."""
        basis = self.cues(sent).basis
        for head in self._speakers(trigger, sent):
            if head.lower_ in FIRST_PERSON or head.i == trigger.i:
                continue
            sources: list[ClaimSource] = []
            for part in expand([head]):
                src = self.source_from(part, basis)
                if src is not None and src not in sources:
                    sources.append(src)
            if sources:
                return tuple(sources) + self._cited(sent, sources)
        return ()

    def _cited(self, sent: Span, already: list[ClaimSource]) -> tuple[ClaimSource, ...]:
        """Who a report cites ("the Journal reported, citing US officials"): sources of their own."""
        cited: list[ClaimSource] = []
        for tok in self.cues(sent).citing:
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                if obj.lemma_.lower() in INTELLIGENCE_WORDS | DOCUMENT_HEADS:
                    continue  # the basis, not a speaker
                src = self.source_from(obj, None)
                if src is not None and src not in already and src not in cited:
                    cited.append(src)
        return tuple(cited)

    def sentence_attribution(self, sent: Span) -> tuple[ClaimSource, ...]:
        """The claim source of a sentence as a whole; a quotation with no speaker of its own
        continues the previous sentence's quotation and speaker."""
        own = self.attribution(sent.root, sent) if sent.root.lemma_.lower() not in REPORTING_VERBS else ()
        if not own:
            for tok in sent:
                if tok.dep_ == "ccomp" and tok.head == sent.root:
                    own = self.attribution(tok, sent)
                    break
        quoted = any(t.text in QUOTES for t in sent)
        opens = sent.text.lstrip().startswith(QUOTES_OPEN)
        inside = opens or (self._open and not starts_paragraph(sent))  # a new paragraph reopens a quote
        self._open = open_after(sent, self._open)
        if not own and self._previous and inside:
            own = self._previous
        if not own and self._reported and _backshifted(sent):
            own = self._reported  # indirect speech running on: "He would travel by train."
        self._previous = own if quoted else ()
        self._reported = own
        return own
