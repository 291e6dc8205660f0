"""Claims: who says what in an article, as records of their own (issue 11, first step).

A claim is a reporting or attitude verb with clausal content ("officials said [that Iran sent
drones]", '"[We will strike]," he warned', "analysts believe [the talks will fail]"), a quotation
opened after "said:", an "according to X" phrase with the rest of its sentence as content, a claim
noun's that-clause ("X's claim that …") or a speaker's colon opening a line ("PENCE: …"). A
quotation running on over the next sentences extends its claim (content in pieces). Its source is
read by the same :class:`~newsgraph.extract.attribution.AttributionFinder` that gives events their
attribution (named or anonymous, media, documents; pronouns through coreference), its basis from
the same sentence cues; "it is believed that" has no source. Events whose trigger lies in a claim's
content are listed on it; a hedge ("reportedly") makes a claim with no source; a nested report
("the ministry said officials believed …") is a claim of its own inside the outer one's content. An
as-report ("As the minister noted, the border is quiet") claims the clause it hangs on; a relative
pronoun speaker ("the minister, who denied it") keeps its text and takes its antecedent's name.

Extracting the claims of one article is a pure function of its parsed Doc, the Article and its
events: :func:`extract_claims`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from newsgraph.extract.attribution import (
    QUOTES_OPEN,
    REPORTING_VERBS,
    AttributionFinder,
    as_report,
    fill_anonymous_countries,
    quoted_tokens,
    relative_antecedent,
    starts_paragraph,
)
from newsgraph.extract.lexicon import RELATIVE_PRONOUNS, word_list
from newsgraph.extract.mentions import MentionIndex
from newsgraph.extract.roles import agents, is_passive, pobjs
from newsgraph.extract.roles import subjects as control_subjects
from newsgraph.records import Article, Claim, ClaimSource, Event, Span

# Verbs whose clausal complement is a claim: reporting verbs and attitudes held by someone.
CLAIM_VERBS = REPORTING_VERBS | word_list("claim_verbs")
# What the cue does to its content (word lists <stance>_stance_verbs); other cues assert.
STANCE_OF = {verb: stance for stance in ("deny", "believe", "warn", "intend")
             for verb in word_list(f"{stance}_stance_verbs")}
# Nouns whose that-clause is a claim of their possessor ("Trump's claim that …").
CLAIM_NOUNS = word_list("claim_nouns")
MAX_QUOTE_TOKENS = 400  # a quotation opened after "said:" is looked for its closing mark this far
MAX_SPEAKER_TOKENS = 5  # "PENCE:", "Pat Caddell:", "Secretary of State Rubio:"
QUOTES = frozenset({"“", "”", '"', "‘", "’", "'"})
EXPLETIVES = frozenset({"it", "there"})
CLOSING_QUOTES = frozenset({"”", '"', "''"})
OPENING_QUOTES = frozenset({"“", "‘", "``"})  # marks that only open (a straight quote may close)
HEDGE_ADVERBS = word_list("hedge_adverbs")
SPEAKER_PRONOUNS = frozenset({"i", "we", "you"})
DASHES = frozenset({"―", "—", "–", "--"})
# What a cue can be: a verb, a claim noun, an attitude adjective, "according", a colon, a dash or a hedge adverb.
CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
CUE_WORDS = frozenset({"according", ":", "in"}) | DASHES | HEDGE_ADVERBS
OBJECT_CONTENT_DEPS = frozenset({"dobj", "xcomp", "oprd", "dative"})
CONCESSIVES = frozenset({"although", "though", "whereas"})  # ", although …": the writer's aside
ATTITUDE_PREPS = frozenset({"about", "over", "of", "for", "at", "regarding", "on", "with", "against"})
TOPIC_PREPS = frozenset({"about", "of", "on", "regarding"})  # "spoke of the war"
CONTENT_PREPS = frozenset({"for", "to", "about", "on", "against", "of", "as", "with", "over"})
QUOTED_FORMS = frozenset({"direct", "mixed", "according_to"})  # claims whose quotation may run on
LONG_SOURCE = 8  # tokens: a longer subject phrase is cited from its start to its head


def extract_claims(doc: Doc, article: Article, events: Sequence[Event] = ()) -> list[Claim]:
    """Every claim of one parsed article, in text order (see the module docstring)."""
    finder = AttributionFinder(MentionIndex(doc))
    text_hash = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    claims: list[Claim] = []
    quote_open = False
    last_quote: int | None = None  # index in ``claims`` of the quotation a run-on sentence continues
    for sent in doc.sents:
        basis = finder.cues(sent).basis
        quoted = sent.text.lstrip().startswith(QUOTES_OPEN) or (quote_open and not starts_paragraph(sent))
        found_here: list[tuple[Token, _Found]] = []
        for tok in sent:
            if tok.pos_ not in CUE_POS and tok.lower_ not in CUE_WORDS:
                continue  # no cue (most words): skip the readers below
            found = (_verb_claim(tok, finder, basis) or _according_claim(tok, sent, finder, basis)
                     or _noun_claim(tok, finder, basis) or _colon_claim(tok, finder, basis)
                     or _object_claim(tok, finder, basis) or _passive_claim(tok, finder, basis)
                     or _light_verb_claim(tok, finder, basis) or _adjective_claim(tok, finder, basis)
                     or _evidence_claim(tok, finder, basis)
                     or _dash_claim(tok, finder, basis)
                     or _hedge_claim(tok, basis))
            if found is not None:
                found_here.append((tok, found))
        inside, quote_open = quoted_tokens(sent, quote_open)
        found_here = [(tok, f) for tok, f in found_here if not (_own_words(f) and (quoted or tok.i in inside))]
        nested_only = all(tok.i in inside for tok, _ in found_here)  # "… by saying X," inside the words
        if nested_only:
            runs_on = quoted and last_quote is not None and (
                claims[last_quote].form == "direct" or not starts_paragraph(sent))  # a partial quotation: its paragraph
            more = _trimmed(doc, sent.start, sent.end) if runs_on else None
            if more is not None and last_quote is not None:
                # a quotation running on ("… ," he said. "We are ready."): the same claim goes on
                claims[last_quote] = _continued(claims[last_quote], more, article, text_hash, events)
            else:
                last_quote = None
            if not found_here:
                continue
        else:
            last_quote = None
        for tok, found in found_here:
            source, source_span, content, form, stance, confidence = found
            cue = _span(doc, tok.i, tok.i + 1) if form != "according_to" else _span(doc, tok.i, tok.i + 2)
            lemma = ":" if tok.text == ":" else tok.lemma_.lower() if form != "according_to" else "according to"
            claims.append(Claim(
                id=_claim_id(article, text_hash, cue, content),
                article_id=article.id,
                source=source,
                source_span=source_span,
                cue=cue,
                cue_lemma=lemma,
                content=content,
                form=form,
                basis=(source.basis if source is not None else basis) or "unknown",
                stance=stance,
                events=_inside(events, content.start, content.end),
                confidence=confidence,
                content_spans=_pieces(doc, content, tok) if form != "according_to" else (),
            ))
            # a quoted claim may run on ('… "too little," he added. "Without …"'); a signature ends its quotation
            if form in QUOTED_FORMS and tok.text not in DASHES and not nested_only:
                last_quote = len(claims) - 1
    filled = fill_anonymous_countries([c.source for c in claims])  # "officials say" in a headline: whose
    return [replace(c, source=s) if s is not c.source else c for c, s in zip(claims, filled, strict=True)]


_Found = tuple[ClaimSource | None, Span | None, Span, str, str, float]


def _own_words(found: _Found) -> bool:
    """ "I think", "we believe", "you know": inside someone's quoted words the speaker's own stance,
    already in their claim, not a claim of its own (outside quotation marks, the writer's claim)."""
    source_span = found[1]
    return source_span is not None and source_span.text.lower() in SPEAKER_PRONOUNS


def _claim_id(article: Article, text_hash: str, cue: Span, content: Span) -> str:
    key = f"{article.id}\0{text_hash}\0{cue.start}:{cue.end}\0{content.start}:{content.end}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def _inside(events: Sequence[Event], start: int, end: int) -> tuple[str, ...]:
    return tuple(e.id for e in events if start <= e.trigger.start < end)


def _continued(claim: Claim, more: Span, article: Article, text_hash: str, events: Sequence[Event]) -> Claim:
    """``claim`` with a run-on sentence of its quotation added to its content (as a piece of its own)."""
    text = article.text
    pieces = claim.content_spans or ((claim.content.start, claim.content.end),)
    content = Span(start=claim.content.start, end=more.end, text=text[claim.content.start:more.end])
    return replace(claim, id=_claim_id(article, text_hash, claim.cue, content), content=content,
                   content_spans=(*pieces, (more.start, more.end)), events=_inside(events, content.start, content.end))


# A verb with one of these has a content of its own, so it is no bare speech tag.
TAG_BLOCKERS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "dative", "prep", "conj"})
TAG_REACH = 16  # tokens between a closing quotation mark and its tag's verb ('”, the foreign minister said')
TAG_ENDINGS = frozenset({",", "?", "!", "—", "–", "―", "-"})  # how a tagged quotation ends ('"…," she said')


def _verb_claim(tok: Token, finder: AttributionFinder, basis: str | None) -> _Found | None:
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    doc = tok.doc
    content = _quotation_after_colon(tok)  # 'Trump said: "…"'
    tagged = tok.lemma_.lower() not in CLAIM_VERBS and (content is None or not _colon_after(tok)
                                                       or not any(c.dep_ == "nsubj" for c in tok.children))
    if tagged:
        # any verb that a colon and a quotation follow introduces words ('Caddell continued: "…"'), and
        # any verb tagging a quotation before it says who spoke ('"…," she continued.')
        content = _speech_tag(tok)
        if content is None:
            return None
    clauses = [c for c in tok.children if c.dep_ == "ccomp" or (
        c.dep_ == "advcl" and c.i > tok.i and tok.lemma_.lower() in REPORTING_VERBS and _bare_clause(c))]
    content_head = clauses[0] if clauses else _that_clause_of_object(tok)  # "told a meeting … that few understood"
    if content is None and content_head is not None:
        # "said A and B": a second clause after the first is said too (the parser may hang it from the verb)
        last = max((c for c in clauses if c.i > content_head.i), key=lambda c: c.right_edge.i, default=content_head)
        first = content_head.left_edge.i
        content = _trimmed(doc, first, _aside_start(doc, first, last.right_edge.i + 1))
    quoted = content if tagged else _quotation_before(tok)  # '"Does anybody know?" Graham asked.'
    if quoted is not None and (content is None or quoted.start <= content.start < quoted.end):
        content = quoted  # a quotation of several sentences before its speaker is one claim, not its last sentence
    elif quoted is not None and content is not None and (resumed := _reopening(tok)) is not None and (
            resumed.idx == content.start):
        content = Span(start=quoted.start, end=content.end, text=doc.text[quoted.start:content.end])
        # '"Every time you say that," Tester said, "you give ammunition …"': one quotation its tag interrupts
    if content is None:
        content = _interrupted(tok)  # "The museum, Mr. Obama said, would make visitors …"
    if content is None and as_report(tok):
        content = _clause_around(tok)  # "As the minister noted, the border is quiet"
    if content is None:
        return None
    subject = _speaker_subject(tok) or next(iter(agents(tok)), None) or _issuer(tok)
    if subject is None and not is_passive(tok) and not as_report(tok):  # "as expected": nobody's
        subject = next(iter(control_subjects(tok)), None)  # "…, saying", "responded by saying", "wants to say"
    source: ClaimSource | None = None
    source_span: Span | None = None
    if subject is not None and subject.lower_ not in EXPLETIVES:
        source, source_span = _subject_source(subject, finder, basis)
    form = _form(doc, content)
    stance = STANCE_OF.get(tok.lemma_.lower(), "assert")
    confidence = 0.8 if source is not None and source.named else 0.6
    return source, source_span, content, form, stance, confidence


def _when_or_how(obj: Token) -> bool:
    """A time or a channel, not a topic ("spoke on Tuesday", "talked on the phone"; word list
    ``channels``)."""
    return obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in word_list("channels")


def _issuer(verb: Token) -> Token | None:
    """Who issued the text a participle describes ("the ministry issued a statement calling X a
    threat", "lawyers filed papers opposing Y"; word list ``speaking_documents``): the subject of
    the verb the text is the object of."""
    text = verb.head
    if verb.dep_ != "acl" or verb.i < text.i or text.lemma_.lower() not in word_list("speaking_documents"):
        return None
    if text.dep_ not in ("dobj", "pobj") or text.head.pos_ not in ("VERB", "AUX"):
        return None
    owner = text.head if text.dep_ == "dobj" else text.head.head
    return next((c for c in owner.children if c.dep_ == "nsubj"), None) if owner.pos_ in ("VERB", "AUX") else None


def _aside_start(doc: Doc, start: int, end: int) -> int:
    """Where the writer's aside after a content begins (", although he again refused …", "(they
    want lower rates)"), or ``end``: a concession or a parenthesis is not what was said."""
    for i in range(start + 1, end - 1):
        if doc[i].text in QUOTES:
            return end  # inside quoted words everything is theirs
        if doc[i].text in (",", "—", "–") and doc[i + 1].lower_ in CONCESSIVES:
            return i
        if doc[i].text == "(":
            close = next((j for j in range(i + 1, end) if doc[j].text == ")"), end)
            if any(t.pos_ in ("VERB", "AUX") for t in doc[i + 1:close]):  # "(they want lower rates)", not "(R-Utah)"
                return i
    return end


def _bare_clause(verb: Token) -> bool:
    """A clause with a subject of its own and no subordinator: after a reporting verb it is what
    was said, whatever the parser called it ("said after the convention he would not accept")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and not any(
        c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < verb.i) for c in verb.children)


def _object_claim(tok: Token, finder: AttributionFinder, basis: str | None) -> _Found | None:
    """What someone says, asks, wants or judges, named by a phrase rather than a clause ("X called
    the charges fabricated", "cited Y's remarks", "called for an inquiry", "wants to raise taxes",
    "accused Y of lying"): a verb of the word list ``claim_object_verbs`` with a named or described
    subject; its content runs from its first complement to the end of its last. A verb of speaking
    about something (``claim_topic_verbs``: "spoke of the war") takes only its about/of/on-phrase;
    a verb of showing or finding (``evidence_verbs``: "polls show X ahead", "a study found 31
    cases") takes its object when its subject is evidence (``evidence_heads``)."""
    lemma = tok.lemma_.lower()
    topic = lemma in word_list("claim_topic_verbs")
    evidence = lemma in word_list("evidence_verbs") and lemma not in word_list("claim_object_verbs")
    if tok.pos_ != "VERB" or tok.dep_ == "amod" or not (topic or evidence or lemma in word_list("claim_object_verbs")):
        return None
    issuer = _issuer(tok)
    if tok.dep_ == "acl" and issuer is None:
        return None  # an acl only on a text someone issued: "issued a statement calling X a threat"
    if tok.dep_ == "relcl" and not any(c.dep_ == "nsubj" and relative_antecedent(c) is not None for c in tok.children):
        return None  # "the plan it proposed": what it proposed is the antecedent; "X, who proposed a plan": the object
    if lemma in CLAIM_VERBS and any(c.dep_ == "ccomp" for c in tok.children):
        return None  # a clause of a reporting verb is _verb_claim's
    kids = [c for c in tok.children if (not topic and (c.dep_ in OBJECT_CONTENT_DEPS or c.dep_ == "ccomp")) or (
        c.dep_ == "prep" and c.i > tok.i and c.lower_ in (TOPIC_PREPS if topic else CONTENT_PREPS)
        and any(g.dep_ in ("pobj", "pcomp") and not (topic and _when_or_how(g)) for g in c.children))]
    # "On Thursday, X repeated …": no content; "spoke on Tuesday", "spoke on the phone": no topic
    if not kids:
        return None
    if agents(tok):
        return None  # "China, warned by Blinken not to …": a passive with its agent, parsed as active
    subjects = [issuer] if issuer is not None else [c for c in tok.children if c.dep_ == "nsubj"] or (
        [s for s in control_subjects(tok) if s.dep_ == "nsubj"]  # "wants to …", "… and called for", "calling for"
        if not is_passive(tok) else [])
    if not subjects or subjects[0].lower_ in EXPLETIVES or subjects[0].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    if evidence and subjects[0].lemma_.lower() not in word_list("evidence_heads"):
        return None  # "the army showed restraint": no finding
    doc = tok.doc
    first = min(kids, key=lambda c: c.i)
    start = first.i + 1 if first.dep_ == "prep" and first.i == tok.i + 1 else first.left_edge.i  # "called for [X]"
    end = max(c.right_edge.i for c in kids) + 1
    end = next((i for i in range(start + 1, end - 1)  # "praised the plan, which includes …": what is praised
                if doc[i].text == "," and doc[i + 1].lower_ in RELATIVE_PRONOUNS), end)
    content = _trimmed(doc, start, _aside_start(doc, start, end))
    if content is None:
        return None
    source, source_span = _subject_source(subjects[0], finder, basis)
    stance = STANCE_OF.get(tok.lemma_.lower(), "assert")
    return source, source_span, content, _form(doc, content), stance, 0.6 if source.named else 0.4


def _light_verb_claim(tok: Token, finder: AttributionFinder, basis: str | None) -> _Found | None:
    """An attitude voiced with a light verb ("expressed concern about the policy", "voiced support
    for the plan", "made the case that …"; word lists ``light_claim_verbs`` and ``attitude_nouns``):
    its content is what the attitude is about (the noun's or the verb's about/over/of/for-phrase,
    or its that-clause)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in word_list("light_claim_verbs"):
        return None
    noun = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in word_list("attitude_nouns")), None)
    if noun is None:
        return None
    subjects = [c for c in tok.children if c.dep_ == "nsubj"] or [
        s for s in control_subjects(tok) if s.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in EXPLETIVES or subjects[0].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    content = _about(noun, (*noun.children, *tok.children))
    if content is None:
        return None
    doc = tok.doc
    source, source_span = _subject_source(subjects[0], finder, basis)
    return source, source_span, content, _form(doc, content), "assert", 0.6 if source.named else 0.4


def _about(word: Token, candidates: Iterable[Token]) -> Span | None:
    """What an attitude word is about: the about/over/of/for-phrases (their objects, not a pronoun:
    "confident in himself") and that-clauses among ``candidates`` after it, from the first to the last."""
    about = [c for c in candidates if c.i > word.i and (
        (c.dep_ == "prep" and c.lower_ in ATTITUDE_PREPS and any(
            g.dep_ in ("pobj", "pcomp") and g.pos_ != "PRON" for g in c.children))
        or (c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)))]
    if not about:
        return None
    first = min(about, key=lambda c: c.i)
    start = next((g.left_edge.i for g in first.children if g.dep_ in ("pobj", "pcomp")), first.left_edge.i) if (
        first.dep_ == "prep") else first.left_edge.i
    return _trimmed(word.doc, start, max(c.right_edge.i for c in about) + 1)


def _adjective_claim(tok: Token, finder: AttributionFinder, basis: str | None) -> _Found | None:
    """An attitude held as a predicate ("Chile has been critical of the plan", "officials are
    confident that …", "it is clear that …"; word list ``attitude_adjectives``): its content is what
    the attitude is about (the adjective's of/about/on-phrase or its that-clause), its source the
    subject (none for "it": the writer's hedge)."""
    if tok.pos_ != "ADJ" or tok.dep_ != "acomp" or tok.lemma_.lower() not in word_list("attitude_adjectives"):
        return None
    subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    content = _about(tok, (*tok.children, *tok.head.children))
    if content is None:
        return None
    doc = tok.doc
    if subject.lower_ in EXPLETIVES:
        return None, None, content, _form(doc, content), "assert", 0.4  # "it is clear that …"
    source, source_span = _subject_source(subject, finder, basis)
    return source, source_span, content, _form(doc, content), "believe", 0.6 if source.named else 0.4


def _evidence_claim(tok: Token, finder: AttributionFinder, basis: str | None) -> _Found | None:
    """What a poll, a study or a video shows, named as where the clause holds ("In the latest poll,
    Chile's president leads by five points"; ``evidence_heads``), or whose words the clause is ("In
    the minister's words, the deal is dead", "in the words of X"): the clause is their claim (not
    "said in a report": the reporting verb is the cue there)."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.dep_ != "ROOT" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    clause = tok.head
    if clause.lemma_.lower() in CLAIM_VERBS or clause.lemma_.lower() in word_list("claim_object_verbs"):
        return None
    evidence = next((c for c in tok.children if c.dep_ == "pobj" and c.lemma_.lower() in word_list(
        "evidence_heads")), None)
    words = next((c for c in tok.children if c.dep_ == "pobj" and c.lemma_.lower() == "word"), None)
    if words is not None:  # "in the minister's words", "in the words of the minister": the speaker
        evidence = next((c for c in words.children if c.dep_ == "poss"), None) or next(
            iter(pobjs(words, ("of",))), None)
    if evidence is None:
        return None
    content = _clause_around(tok)
    if content is None:
        return None
    doc = tok.doc
    source, source_span = _subject_source(evidence, finder, basis)
    return source, source_span, content, _form(doc, content), "assert", 0.4


def _passive_parts(tok: Token) -> tuple[Token, list[Token]] | None:
    """The subject and the complements (not the by-phrase) of a passive claim verb."""
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in EXPLETIVES or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    rest = [c for c in tok.children if c.i > tok.i and (c.dep_ in ("oprd", "xcomp", "ccomp", "attr") or (
        c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and any(
            g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME") for g in c.children)))]
    return subject, rest


def _passive_claim(tok: Token, finder: AttributionFinder, basis: str | None) -> _Found | None:
    """What is said of someone or something in the passive ("Chile has been accused of dumping
    copper", "the plan was criticized by economists", "the mine was described as unsafe"): a verb of
    the word list ``claim_object_verbs``; its content is the subject and what is said of it, its
    source the by-phrase (none without one)."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBN" or tok.dep_ in ("amod", "acl", "relcl") or not any(
            c.dep_ == "auxpass" for c in tok.children) or tok.lemma_.lower() not in word_list("claim_object_verbs"):
        return None
    parts = _passive_parts(tok)
    if parts is None:
        return None
    subject, rest = parts
    by = agents(tok)
    if not rest and not by:
        return None  # "he was asked", "it was proposed": nothing said and nobody saying it
    doc = tok.doc
    end = max([c.right_edge.i for c in rest] + [subject.right_edge.i]) + 1
    content = _trimmed(doc, subject.left_edge.i, end)
    if content is None:
        return None
    source, source_span = _subject_source(by[0], finder, basis) if by else (None, None)
    confidence = 0.6 if source is not None and source.named else 0.4
    return source, source_span, content, _form(doc, content), STANCE_OF.get(tok.lemma_.lower(), "assert"), confidence


def _subject_source(head: Token, finder: AttributionFinder, basis: str | None) -> tuple[ClaimSource, Span]:
    """A claim's source read from the subject phrase headed by ``head``, and its span (a long phrase
    from its start to its head)."""
    doc = head.doc
    start = head.left_edge.i
    end = head.right_edge.i + 1 if head.right_edge.i + 1 - start <= LONG_SOURCE else head.i + 1
    source_span = _trimmed(doc, start, end) or _span(doc, head.i, head.i + 1)
    found = finder.source_from(head, basis)
    if found is None and (antecedent := relative_antecedent(head)) is not None:
        # "the senators, who questioned …": named by the antecedent, written as the pronoun
        named_by = _trimmed(doc, antecedent.left_edge.i, antecedent.i + 1) or _span(doc, antecedent.i, antecedent.i + 1)
        found = replace(_plain_source(antecedent, named_by, basis), text=source_span.text)
    return found or _plain_source(head, source_span, basis), source_span


def _according_claim(tok: Token, sent: DocSpan, finder: AttributionFinder, basis: str | None) -> _Found | None:
    doc = tok.doc
    if tok.lower_ != "according" or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ != "to":
        return None
    heads = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
    if not heads:
        return None
    head = heads[0]
    phrase_end = max(tok.i + 2, head.right_edge.i + 1)
    first = tok.i <= sent.start + 1  # "According to X, …", else "…, according to X."
    content = _trimmed(doc, phrase_end, sent.end) if first else _trimmed(doc, sent.start, tok.i)
    if content is None:
        return None
    source_span = _trimmed(doc, head.left_edge.i, phrase_end) or _span(doc, head.i, head.i + 1)
    source = finder.source_from(head, basis) or _plain_source(head, source_span, basis)
    confidence = 0.8 if source.named else 0.6
    return source, source_span, content, "according_to", "assert", confidence


def _past_verb(tok: Token) -> int:
    """The first token after the verb, its hearers and a date ("said Monday:", "told reporters:",
    "told the BBC on Friday:"): where a colon opening its quotation would be."""
    doc = tok.doc
    i = tok.i + 1
    hearers = [c for c in tok.children
               if c.dep_ in ("dobj", "dative") and c.left_edge.i == i and c.pos_ in ("NOUN", "PROPN", "PRON")]
    if hearers and not any(t.text in (":", ",") or t.is_quote for t in hearers[0].subtree):
        i = hearers[0].right_edge.i + 1  # "told reporters:"
    while i < len(doc) and (doc[i].is_space or doc[i].ent_type_ in ("DATE", "TIME") or (
            doc[i].dep_ == "prep" and doc[i].head == tok and i + 1 < len(doc)
            and doc[i + 1].ent_type_ in ("DATE", "TIME"))):
        i += 1  # "said Monday:", "told reporters on Friday:"
    return i


def _colon_after(tok: Token) -> bool:
    """A colon follows the verb (past its hearers and a date: "said Monday:", "told reporters:")."""
    i = _past_verb(tok)
    return i < len(tok.doc) and tok.doc[i].text == ":"


def _quotation_after_colon(tok: Token) -> Span | None:
    """The quotation a colon after a reporting verb opens ("he said: “We will act.”", or "He
    said:" ending a paragraph and the quotation the next), up to its closing mark (it may run over
    several sentences; at most :data:`MAX_QUOTE_TOKENS`)."""
    doc = tok.doc
    i = _past_verb(tok)  # "said Monday:", "told reporters:"
    if i >= len(doc) or doc[i].text not in (":", ","):
        return None
    mark = i + 1
    while doc[i].text == ":" and mark < len(doc) and doc[mark].is_space:
        mark += 1  # 'Caddell continued:' and the quotation as the next paragraph
    if mark >= len(doc) or doc[mark].text not in QUOTES_OPEN:
        return None  # 'recalled, "Out of nowhere …"' as 'said: "…"'
    start = mark + 1
    for end in range(start, min(len(doc), start + MAX_QUOTE_TOKENS)):
        if doc[end].text in ("”", '"'):
            return _trimmed(doc, start, end)
    return None


def _that_clause_of_object(tok: Token) -> Token | None:
    """A that-clause the parser hung on the reporting verb's object or on the object of its
    in/at/on-phrase as a relative clause ("told a meeting of leaders that few people understood …",
    "said in a report that exports fell"): a clause with "that" as its marker and a
    subject of its own is what was told, not a description of the hearers."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")] + [  # "said in a report that …"
        o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "at", "on", "during") for o in p.children
        if o.dep_ == "pobj"]
    for obj in objs:
        for t in obj.subtree:
            if t.dep_ == "relcl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children) and any(
                    s.dep_ in ("nsubj", "nsubjpass") for s in t.children):
                return t
    return None


def _interrupted(tok: Token) -> Span | None:
    """The clause a parenthetical report interrupts ("The museum, Mr. Obama said, would make
    visitors face hard truths", "Acts of protest, he said, are acts of patriotism"): a reporting
    verb hanging from the clause's verb as parataxis between two commas; the content is the
    clause around it (its pieces are set by :func:`_pieces`)."""
    if tok.dep_ != "parataxis":
        return None
    clause = tok.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:  # "The difference, he said, is …"
        clause = clause.head
    if clause.pos_ not in ("VERB", "AUX"):
        return None
    while clause.dep_ == "advcl" and clause.i < tok.i < clause.head.i:
        clause = clause.head  # "Though X was smooth, he said, Y would be bitter": the sentence, not its fronted clause
    doc = tok.doc
    first, last = _aside(tok)
    if first <= clause.sent.start or last + 1 >= clause.sent.end:
        return None  # a report at the start or the end is no interruption
    if doc[first - 1].text != "," or doc[last + 1].text != ",":
        return None
    return _trimmed(doc, min(clause.left_edge.i, first), max(clause.right_edge.i, last) + 1)


def _clause_around(tok: Token) -> Span | None:
    """The clause a phrase headed by ``tok`` hangs on, without the phrase: what an as-report says
    ("As the minister noted, the border is quiet", "The harvest failed, as farmers had predicted";
    pieces around it: :func:`_pieces`) or what a poll shows ("In the latest poll, X leads")."""
    clause = tok.head
    doc = tok.doc
    first, last = tok.left_edge.i, tok.right_edge.i
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    before, after = _trimmed(doc, start, first), _trimmed(doc, last + 1, end)
    if before is None or after is None:
        return before or after
    return _trimmed(doc, start, end)


def _aside(tok: Token) -> tuple[int, int]:
    """The first and last token of a parenthetical report: its subject and verb with their modifiers."""
    words = [t.i for t in tok.subtree if not (t.is_punct and t.head == tok)  # its commas are not in it
             and not any(a.dep_ in ("advcl", "ccomp", "csubj") and a.head == tok for a in (t, *t.ancestors))]
    # nor a clause the parser hung on it ("Though X was smooth, he said, …": the clause is what was said)
    return min(words), max(words)


def _reopening(tok: Token) -> Token | None:
    """The first word of a quotation the verb's tag interrupts, where it resumes after the tag's
    comma and an opening quotation mark ('"…," Tester said, "you give …"': "you")."""
    doc = tok.doc
    for j in range(tok.i + 1, min(len(doc) - 1, tok.i + TAG_REACH)):
        if doc[j].text in QUOTES_OPEN and doc[j - 1].text == ",":
            return doc[j + 1]
    return None


def _pieces(doc: Doc, content: Span, tok: Token) -> tuple[tuple[int, int], ...]:
    """A content interrupted by its own parenthetical report, as two pieces around it."""
    quoted = _quotation_before(tok) if content.start < tok.idx < content.end else None
    resumed = _reopening(tok) if quoted is not None and quoted.start == content.start else None
    if quoted is not None and resumed is not None:  # a quotation its tag interrupts
        return ((quoted.start, quoted.end), (resumed.idx, content.end))
    if tok.dep_ == "parataxis":
        first, last = _aside(tok)
    elif as_report(tok):
        first, last = tok.left_edge.i, tok.right_edge.i
    elif (parts := _passive_parts(tok)) is not None and content.start == doc[parts[0].left_edge.i].idx:
        subject, rest = parts  # "Chile [has been accused] of dumping": the subject and what is said of it
        pieces = [_trimmed(doc, subject.left_edge.i, subject.right_edge.i + 1)] + [
            _trimmed(doc, c.left_edge.i, c.right_edge.i + 1) for c in rest]
        return tuple((p.start, p.end) for p in pieces if p is not None) if len(pieces) > 1 else ()
    else:
        return ()
    if first == 0 or last + 1 >= len(doc):
        return ()
    gap_start, gap_end = doc[first - 1].idx, doc[last + 1].idx + 1  # the commas go with the aside
    if not content.start < gap_start < gap_end < content.end:
        return ()
    before = doc.text[content.start:gap_start].rstrip()
    after_start = gap_end + (len(doc.text[gap_end:content.end]) - len(doc.text[gap_end:content.end].lstrip()))
    return ((content.start, content.start + len(before)), (after_start, content.end))


def _speaker_subject(tok: Token) -> Token | None:
    """The verb's subject nearest to it: the parser may also hang a quotation's own subject on the
    verb ('"… it will at some point," said Jim Acker': Acker, not "it"). Not a quoted title after
    the verb ('… said on Radio Sur's “Good Morning”'): then the name between a quotation and the
    verb, which the parser may hang inside the quotation ('“…,” Ortiz, a former general, said')."""
    doc = tok.doc
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and not (
        c.i > tok.i and any(doc[j].text in OPENING_QUOTES for j in range(tok.i + 1, c.left_edge.i)))]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - tok.i))
    return _tag_name(tok) if any(c.dep_ == "nsubj" for c in tok.children) else None


def _tag_name(tok: Token) -> Token | None:
    """The name right after a closing quotation mark and before the verb, with its description
    ('“…,” Ortiz, a former general, said'), however the parser attached it."""
    doc = tok.doc
    for close in range(tok.i - 1, max(-1, tok.i - TAG_REACH), -1):
        if doc[close].text in CLOSING_QUOTES:
            name = doc[close + 1] if close + 1 < tok.i else None
            if name is not None and name.pos_ == "PROPN" and name.right_edge.i < tok.i:
                while name.head.pos_ == "PROPN" and name.head.i < tok.i and name.dep_ in ("compound", "flat"):
                    name = name.head  # "Maria Ortiz": the last word heads the name
                return name
            return None
    return None


def _speech_tag(tok: Token) -> Span | None:
    """The quotation a verb with nothing of its own tags ('"…," she continued.', '"…," Lopez
    recalled.'): it ends right before the verb and its subject, a name, a pronoun or a noun."""
    doc = tok.doc
    if not any(doc[j].text in CLOSING_QUOTES for j in range(max(0, tok.i - TAG_REACH), tok.i)):
        return None  # no quotation just before it (the cheap test first: most verbs)
    if any(c.dep_ in TAG_BLOCKERS and c.i > tok.i for c in tok.children):
        return None  # "…," she told the court, or left the room: the verb says something else
    subject = _speaker_subject(tok)
    if subject is None or subject.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    close = min(tok.i, subject.left_edge.i) - 1
    while close > 0 and doc[close].is_space:
        close -= 1
    ends = {doc[close].text}  # '"…", she said' (the comma outside) or '"…," she said' (inside)
    if doc[close].text in CLOSING_QUOTES and close > 0:
        ends.add(doc[close - 1].text)
    if not ends & TAG_ENDINGS:
        return None  # '"….” The gap began to grow': a new sentence after a quotation, no tag
    return _quotation_before(tok)


def _quotation_before(tok: Token) -> Span | None:
    """The quotation that ends right before its speaker and verb ('"…?" Graham asked.', '"…,"
    said Mr. Burman'): from its opening mark (in the same paragraph) to its closing one."""
    doc = tok.doc
    subject = _speaker_subject(tok)
    first = min(tok.i, subject.left_edge.i) if subject is not None else tok.i
    close = first - 1
    while close > 0 and (doc[close].is_space or doc[close].text == ","):
        close -= 1
    if close <= 0 or doc[close].text not in CLOSING_QUOTES:
        return None
    for i in range(close - 1, max(-1, close - MAX_QUOTE_TOKENS), -1):
        if "\n" in doc[i].text_with_ws:
            return None  # not past a paragraph break
        if doc[i].text in QUOTES_OPEN:
            return _trimmed(doc, i + 1, close)
    return None


def _noun_claim(tok: Token, finder: AttributionFinder, basis: str | None) -> _Found | None:
    """ "Trump's claim that …", "the ministry's denial that …": the that-clause of a claim noun,
    its possessor the source."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in CLAIM_NOUNS:
        return None
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if clause is None or owner is None:
        return None
    doc = tok.doc
    content = _trimmed(doc, clause.left_edge.i, clause.right_edge.i + 1)
    if content is None:
        return None
    source_span = _trimmed(doc, owner.left_edge.i, owner.i + 1) or _span(doc, owner.i, owner.i + 1)
    source = finder.source_from(owner, basis) or _plain_source(owner, source_span, basis)
    stance = STANCE_OF.get(tok.lemma_.lower(), "deny" if tok.lemma_.lower() == "denial" else "assert")
    return source, source_span, content, _form(doc, content), stance, 0.7 if source.named else 0.5


def _colon_claim(tok: Token, finder: AttributionFinder, basis: str | None) -> _Found | None:
    """A named speaker and a colon opening a line ("Pat Caddell: voters are worried", a transcript's
    "PENCE: …"): the rest of the line is what they say."""
    if tok.text != ":":
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws and tok.i - start < MAX_SPEAKER_TOKENS + 1:
        start -= 1
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return None  # not at the start of a line
    name = [t for t in doc[start:tok.i] if not t.is_space and t.text not in QUOTES]
    if not name or len(name) > MAX_SPEAKER_TOKENS or not all(t.pos_ == "PROPN" or t.is_title or t.is_upper
                                                              for t in name):
        return None
    end = tok.i + 1
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    return _named_speaker_claim(name, _trimmed(doc, tok.i + 1, end), finder, basis)


def _named_speaker_claim(name: list[Token], content: Span | None, finder: AttributionFinder,
                         basis: str | None) -> _Found | None:
    """A direct claim of a speaker named by a few words standing alone (a colon's or a dash's)."""
    if content is None:
        return None
    head = name[-1]
    source_span = _span(head.doc, name[0].i, head.i + 1)
    source = finder.source_from(head, basis) or _plain_source(head, source_span, basis)
    return source, source_span, content, "direct", "assert", 0.7 if source.named else 0.5


def _hedge_claim(tok: Token, basis: str | None) -> _Found | None:
    """ "X has reportedly sent drones", "the allegedly rigged vote": a hedge that attributes its
    clause to someone unnamed; a claim with no source, the hedged clause its content."""
    if tok.lower_ not in HEDGE_ADVERBS or tok.dep_ != "advmod" or tok.head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    clause = tok.head
    if any(a.lemma_.lower() in CLAIM_VERBS for a in (clause, *clause.ancestors)) or any(
            c.dep_ in ("ccomp", "parataxis") and c.lemma_.lower() in CLAIM_VERBS for c in clause.children):
        return None  # "reportedly said", "…, the newspaper wrote": inside a claim with a source
    doc = tok.doc
    content = _trimmed(doc, clause.left_edge.i, clause.right_edge.i + 1)
    if content is None:
        return None
    return None, None, content, _form(doc, content), "assert", 0.4


def _dash_claim(tok: Token, finder: AttributionFinder, basis: str | None) -> _Found | None:
    """A quotation signed with a dash and a name ending the line ('“We deserve better.” ― Ana
    Ruiz'): the quotation is what the named person says."""
    doc = tok.doc
    if tok.text not in DASHES or tok.i == 0:
        return None
    close = tok.i - 1
    while close > 0 and doc[close].is_space:
        close -= 1
    if doc[close].text not in ("”", '"'):
        return None
    end = tok.i + 1
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws and end - tok.i <= MAX_SPEAKER_TOKENS + 1:
        end += 1
    if end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
        return None  # the name must end its line
    name = [t for t in doc[tok.i + 1:end] if not t.is_space and not t.is_punct]
    if not name or len(name) > MAX_SPEAKER_TOKENS or not all(t.pos_ == "PROPN" or t.is_title for t in name):
        return None
    start = next((i for i in range(close - 1, max(-1, close - MAX_QUOTE_TOKENS), -1)
                  if doc[i].text in ("“", '"')), None)
    return _named_speaker_claim(name, _trimmed(doc, start + 1, close) if start is not None else None, finder, basis)


def _plain_source(head: Token, span: Span, basis: str | None) -> ClaimSource:
    """A source the actor layer does not know: named when it is a proper noun."""
    named = head.pos_ == "PROPN"
    return ClaimSource(text=span.text, name=span.text, named=named, kind="organization" if named else "anonymous",
                       basis=basis or ("statement" if named else "unknown"))


def _span(doc: Doc, start: int, end: int) -> Span:
    """Tokens start..end as character offsets and text (``doc.text`` is rebuilt on every access)."""
    words = doc[start:end]
    return Span(start=words.start_char, end=words.end_char, text=words.text)


def _trimmed(doc: Doc, start: int, end: int) -> Span | None:
    """Tokens start..end without punctuation (commas, quotation marks, the full stop) or spaces
    at either edge; None when nothing is left."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return _span(doc, start, end) if start < end else None


def _form(doc: Doc, content: Span) -> str:
    """Direct when the content sits inside quotation marks, mixed when it holds a quotation,
    indirect otherwise."""
    words = doc.char_span(content.start, content.end, alignment_mode="expand")
    if words is None:
        return "indirect"
    before = doc[max(0, words.start - 3) : words.start].text.rstrip()[-1:]  # a few tokens, not doc.text
    after = doc[words.end : words.end + 3].text.lstrip(" ,.;:!?")[:1]
    if before in QUOTES and after in QUOTES:
        return "direct"
    if any(q in content.text for q in ("“", "”", '"')):
        return "mixed"
    return "indirect"
