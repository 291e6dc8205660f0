"""What is transferred: item noun phrases under a theme head, categorised by the item lexicon.

Data: ``newsgraph/data/items/items.tsv`` (see its SOURCES.md), ``term category note``.
Everything here works on tokens already parsed; nothing calls spaCy.

Rules, given the head token of a theme noun phrase:

- one item per conjunct ("shells and missiles" → 2);
- the item text is the surface phrase from its first kept modifier to its head: leading
  determiners, possessives, quantifier words ("more", "some") and numbers are dropped;
  numbers go to ``quantity`` ("300 tanks" → "300"); a number glued to a calibre unit
  ("155mm") or after a name ("Leopard 2") stays in the text;
- quantity and container nouns hand over to their "of" complement: "dozens of drones",
  "tens of thousands of rounds", "a shipment of shells", "500 tonnes of ammunition";
  a money amount hands over to "in"/"of": "$2bn in aid" (bare aid then counts as financial);
- technology, dual-use, component, engine and production heads, and unspecific heads
  ("equipment", "systems"), also yield their "for"/"of" complements when those are in the
  lexicon ("technology for satellites" → technology + satellites); any head yields the
  lexicon items it lists with "including" / "such as";
- category: the longest lexicon term ending in the head noun; when that is unspecific
  (``weapons``/``other``) or the head itself is ("systems", "equipment", a PRODUCT entity),
  a named system among the modifiers decides ("Patriot systems" → air-defence), else
  ``other``; inside a goods container an unknown noun is ``other`` ("a consignment of
  bananas");
- otherwise no item: pronouns, places and people, and any noun the lexicon does not know
  ("help", "details", "support", "nuclear talks", "officials") are not goods.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from newsgraph.errors import ExtractionError
from newsgraph.extract.lexicon import word_list
from newsgraph.records import Item

CATEGORIES: tuple[str, ...] = (
    "aircraft", "drones", "air-defence", "armoured-vehicles", "artillery", "ammunition", "missiles",
    "ships", "submarines", "small-arms", "sensors", "engines", "weapons", "technology", "dual-use",
    "space", "nuclear", "components", "production", "food", "humanitarian", "financial", "energy",
    "personnel", "other",
)
UNSPECIFIC = frozenset({"weapons", "other"})
FOLLOW_CATEGORIES = frozenset({"technology", "dual-use", "components", "production", "engines"})


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Closed-class words the rules need (grammar, not vocabulary: the vocabulary is items.tsv).
DROP_WORDS = _set(
    "more most less fewer further additional extra much many several few enough other such some any all"
    " every each both either no another various numerous countless own certain unspecified if"
)
DROP_DEPS = _set("det poss predet preconj quantmod case cc advmod neg")
QUANTITY_NOUNS = _set("dozen score hundred thousand million billion trillion ten couple pair handful")
MEASURES = _set("tonne ton kilogram kg barrel litre liter gallon bcm")
CONTAINERS = MEASURES | _set(  # "a shipment of X": X is the item
    "shipment consignment batch delivery cargo load shipload planeload trainload truckload container crate"
    " box stockpile stock supply worth"
)
LOOSE_CONTAINERS = _set(  # "a package of X": X only when the lexicon knows it
    "package round set kind type variety range array assortment quantity amount volume number lot series"
    " tranche line"
)
WEAK_HEADS = _set(  # unspecific heads: modifiers decide ("Patriot systems", "S-400 battalions")
    "system launcher equipment package unit vehicle platform kit hardware gear device item asset capability"
    " product good goods material variant version model battery piece complex installation supply instrument"
)
OTHER_HEADS = _set(  # unspecific heads that are goods even when nothing decides: then ``other``
    "system launcher equipment vehicle kit hardware gear device product good goods material supply instrument"
)
MONEY_GENERIC = _set("aid assistance support help funding financing")
ENTITY_TYPES = _set("GPE PERSON NORP LOC ORG DATE TIME PERCENT LAW EVENT LANGUAGE CARDINAL MONEY")
NEVER_ITEM_POS = _set("PRON DET ADP CCONJ SCONJ PART PUNCT AUX INTJ")
CURRENCY_SYMBOLS = frozenset({"$", "£", "€", "¥", "₽", "us$"})
CURRENCY_NOUNS = _set("dollar euro rouble ruble yuan rupee rial lira hryvnia yen")
CALIBRE_UNITS = _set("mm cm millimetre millimeter calibre caliber cal inch")
_ORDINAL_RE = re.compile(r"^(\d+(st|nd|rd|th)|first|second|third|[a-z]+th)$")
_NUMBER_RE = re.compile(r"^[$£€]?\d[\d.,]*(bn|mn|m|k|tn)?$")
MAGNITUDES = _set("m mn bn b k tn million billion trillion thousand")
OF, IN_OF, FOR_OF = frozenset({"of"}), frozenset({"in", "of"}), frozenset({"for", "of"})
LISTING = frozenset({"including", "such as"})
_SPLIT_RE = re.compile(r"[\s\-‐‑–—/]+")
_STRIP = "\"'“”‘’()[].,;:!?"
_MAX_DEPTH = 3


@dataclass(frozen=True, slots=True)
class _Found:
    item: Item
    start: int  # char offsets of item.text in the doc
    end: int


@lru_cache(maxsize=1)
def load_items() -> dict[str, str]:
    """The item lexicon: normalised term (words joined by single spaces) → category."""
    text = resources.files("newsgraph").joinpath("data/items/items.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    table: dict[str, str] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        term, category = (row.get("term") or "").strip(), (row.get("category") or "").strip()
        if category not in CATEGORIES:
            allowed = ", ".join(CATEGORIES)
            raise ExtractionError(f"items.tsv: category {category!r} of {term!r} is not one of {allowed}")
        key = " ".join(_words(term))
        if table.get(key, category) != category:
            raise ExtractionError(f"items.tsv: {term!r} is listed as both {table[key]!r} and {category!r}")
        table[key] = category
    return table


@lru_cache(maxsize=1)
def _max_words() -> int:
    return max(len(k.split()) for k in load_items())


def _words(text: str) -> list[str]:
    """Lowercase words; hyphens, slashes and dashes separate words as spaces do."""
    text = text.lower().replace("’", "'")
    return [w for w in (p.strip(_STRIP) for p in _SPLIT_RE.split(text)) if w]


def _forms(word: str) -> list[str]:
    """The word and naive singulars ("S-400s", "Patriots", "Javelins" escape the lemmatizer)."""
    forms = [word]
    if len(word) > 3 and word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if len(word) > 3 and word.endswith("es"):
        forms.append(word[:-2])
    if len(word) > 1 and word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return forms


def _match_end(prefix: list[str], lasts: list[str]) -> tuple[str | None, int]:
    """Longest lexicon term ending in one of ``lasts``: (category, number of words)."""
    lex = load_items()
    for k in range(min(len(prefix) + 1, _max_words()), 0, -1):
        lead = prefix[len(prefix) - (k - 1) :] if k > 1 else []
        for last in lasts:
            category = lex.get(" ".join([*lead, last]))
            if category is not None:
                return category, k
    return None, 0


def _scan(words: list[str]) -> str | None:
    """A lexicon term anywhere among modifier words: longest first, then rightmost."""
    lex = load_items()
    n = len(words)
    for k in range(min(n, _max_words()), 0, -1):
        for s in range(n - k, -1, -1):
            for last in _forms(words[s + k - 1]):
                category = lex.get(" ".join([*words[s : s + k - 1], last]))
                if category is not None:
                    return category
    return None


def _resolve(prefix: list[str], lasts: list[str], after: list[str] | None = None) -> tuple[str | None, int]:
    """Category and matched length; a named system in the modifiers refines an unspecific one."""
    category, k = _match_end(prefix, lasts)
    if category is None or category in UNSPECIFIC:
        named = _scan(prefix + (after or []))
        if named is not None and (category is None or named not in UNSPECIFIC):
            return named, 0
    return category, k


def _named_sense(prefix: list[str], lasts: list[str], category: str | None, size: int) -> str | None:
    """A head with two senses (word list ``ambiguous_item_heads``: "fighter" a combatant or an
    aircraft) takes the sense a named system among its modifiers gives ("F-35 fighters")."""
    if size != 1 or not prefix or not set(lasts) & word_list("ambiguous_item_heads"):
        return category
    named = _scan(prefix)
    return named if named is not None and named not in UNSPECIFIC else category


def categorize(text: str) -> str | None:
    """The category of a bare phrase ("anti-tank missiles" → "missiles"), None when unknown.

    Modifiers decide only under an unspecific head ("Patriot systems", "weapons")."""
    words = _words(text)
    if not words:
        return None
    lasts = _forms(words[-1])
    category, size = _match_end(words[:-1], lasts)
    category = _named_sense(words[:-1], lasts, category, size)
    if category in UNSPECIFIC or (category is None and any(w in WEAK_HEADS for w in lasts)):
        category = _resolve(words[:-1], lasts)[0]
    return category


# ---------------------------------------------------------------------------- tokens


def _is_number(tok: Token) -> bool:
    low = tok.lower_
    if _ORDINAL_RE.match(low):
        return False
    return bool(tok.like_num or _NUMBER_RE.match(low) or low.rstrip("s") in QUANTITY_NOUNS)


def _pure_punct(tok: Token) -> bool:
    return not any(ch.isalnum() for ch in tok.text)


def _calibre(tok: Token) -> bool:
    """A number in a name, not a count: a calibre ("155mm", "152 mm"), a measure ("2,000-pound")."""
    doc, nxt = tok.doc, tok.i + 1
    if nxt >= len(doc):
        return False
    return doc[nxt].lower_ in CALIBRE_UNITS or (doc[nxt].text == "-" and not tok.whitespace_)


def _quantity_child(child: Token) -> bool:
    return any(_is_number(t) and not _calibre(t) for t in child.subtree) and not _calibre(child.right_edge)


def _money(tok: Token) -> bool:
    """An amount of money: "$2bn", "$2 billion", "€50m", "2 billion dollars", "$2bn worth"."""
    low = tok.lower_
    if tok.lemma_.lower() in CURRENCY_NOUNS:
        return True
    amount = _is_number(tok) or low in MAGNITUDES
    if low in CURRENCY_SYMBOLS:
        return any(_is_number(t) for t in tok.children)
    if tok.ent_type_ == "MONEY" and (amount or low == "worth"):
        return True
    return amount and any(t.lower_ in CURRENCY_SYMBOLS for t in tok.subtree)


def _bounds(head: Token) -> tuple[int, int, list[Token], int | None]:
    """Text start/end token index, quantity children, and a coordinating cc inside the span."""
    start, qty = head.i, []
    for child in head.lefts:
        if _quantity_child(child) and child.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod"):
            qty.append(child)
            continue
        if child.dep_ in DROP_DEPS or child.lower_ in DROP_WORDS or _pure_punct(child):
            continue
        start = child.left_edge.i
        break
    doc = head.doc
    while start < head.i and (_pure_punct(doc[start]) or doc[start].lower_ in DROP_WORDS):
        start += 1
    cc = next((t.i for t in reversed(doc[start : head.i]) if t.dep_ == "cc"), None)
    end = head.i
    while end + 1 < len(doc):  # glued pieces ("Shahed" "-136") and names after a proper noun
        nxt = doc[end + 1]
        glued = not doc[end].whitespace_ and not _pure_punct(nxt) and nxt.head.i == head.i
        hyphen = nxt.text == "-" and not doc[end].whitespace_ and not nxt.whitespace_
        named = head.pos_ == "PROPN" and nxt.head.i == head.i and nxt.dep_ in ("nummod", "compound")
        if hyphen and end + 2 < len(doc) and not _pure_punct(doc[end + 2]):
            end += 2
        elif glued or named:
            end += 1
        else:
            break
    return start, end, qty, cc


def _quantity_text(children: list[Token]) -> str | None:
    if not children:
        return None
    doc = children[0].doc
    return doc[children[0].left_edge.i : children[-1].right_edge.i + 1].text


def _pobjs(tok: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of ``tok``'s prepositions in ``preps`` (which may include "such as")."""
    found: list[Token] = []
    for child in tok.rights:
        word = child.lower_
        if word == "as" and child.i > 0 and child.doc[child.i - 1].lower_ == "such":
            word = "such as"
        if child.dep_ == "prep" and word in preps:
            found.extend(t for t in child.children if t.dep_ == "pobj")
    return found


def _money_pobj(tok: Token) -> Token | None:
    objs = _pobjs(tok, IN_OF)
    if objs:
        return objs[0]
    doc, nxt = tok.doc, tok.right_edge.i + 1
    if nxt < len(doc) and doc[nxt].lower_ in ("in", "of") and doc[nxt].head.i == tok.head.i:
        return next((t for t in doc[nxt].children if t.dep_ == "pobj"), None)
    return None


def _expand(head: Token, qty: str | None, depth: int, mode: str, money: bool) -> list[_Found]:
    found: list[_Found] = []
    for tok in sorted([head, *head.conjuncts], key=lambda t: t.i):
        found.extend(_one(tok, qty, depth, mode, money))
    return found


def _via(tok: Token, qty: str | None, depth: int, mode: str, money: bool) -> list[_Found] | None:
    """Hand-overs: money amounts, quantity nouns and containers pass to their complement."""
    lemma = tok.lemma_.lower()
    if _money(tok):
        amount = tok.doc[tok.left_edge.i : tok.i + (lemma != "worth")]
        amount_text = amount.text if amount.text else tok.text
        target = _money_pobj(tok)
        if target is not None and depth < _MAX_DEPTH:
            return _expand(target, amount_text, depth + 1, mode, True)
        item = Item(text=amount_text, category="financial", quantity=amount_text)
        return [_Found(item, amount.start_char, amount.end_char)]
    if _is_number(tok) or lemma in QUANTITY_NOUNS:
        objs = _pobjs(tok, OF)
        own = tok.doc[tok.left_edge.i : tok.i + 1].text
        if objs and depth < _MAX_DEPTH:
            return _expand(objs[0], own, depth + 1, mode, money)
        return []
    if lemma in CONTAINERS or lemma in LOOSE_CONTAINERS:
        objs = _pobjs(tok, OF)
        if not objs or depth >= _MAX_DEPTH:
            return None
        _, _, qty_children, _ = _bounds(tok)
        count = _quantity_text(qty_children)
        if lemma == "worth" or (qty_children and any(_money(t) for t in qty_children)):
            qty, money = count or qty, True  # "$2bn worth of weapons", "a $1bn package of arms"
        elif count is not None or lemma in MEASURES:
            qty = tok.doc[(qty_children[0].left_edge.i if qty_children else tok.i) : tok.i + 1].text
        inner = "strict" if mode == "strict" or lemma in LOOSE_CONTAINERS else "lenient"
        return _expand(objs[0], qty, depth + 1, inner, money)
    return None


def _one(tok: Token, qty: str | None, depth: int, mode: str, money: bool) -> list[_Found]:
    """Items for one conjunct. ``mode``: "normal"; "lenient" inside a goods container (an
    unknown noun is ``other``); "strict" for complements (only what the lexicon knows)."""
    if tok.pos_ in NEVER_ITEM_POS and not (tok.pos_ == "PUNCT" and not _pure_punct(tok)):
        return []
    handed = _via(tok, qty, depth, mode, money)
    if handed is not None:
        return handed
    start, end, qty_children, cc = _bounds(tok)
    found: list[_Found] = []
    if cc is not None and cc > start:  # a misparsed coordination inside the modifiers
        found.extend(_before_cc(tok, start, cc))
        start = cc + 1
    doc = tok.doc
    prefix = [w for t in doc[start : tok.i] for w in _words(t.text)]
    head_words = _words(tok.text) or [tok.lower_]
    lasts = list(dict.fromkeys([*_words(tok.lemma_)[-1:], *_forms(head_words[-1])]))
    prefix += head_words[:-1]
    after = [w for t in doc[tok.i + 1 : end + 1] for w in _words(t.text)]
    lemma = tok.lemma_.lower()
    product = tok.ent_type_ == "PRODUCT"
    category, size = _match_end(prefix, lasts)
    category = _named_sense(prefix, lasts, category, size)
    if money and lemma in MONEY_GENERIC and size <= 1:
        category = "financial"  # "$2bn in aid", "$5bn in support"
    elif category in UNSPECIFIC or (category is None and (lemma in WEAK_HEADS or product)):
        category = _resolve(prefix, lasts, after)[0]
    if category is None:
        lenient = mode == "lenient" and tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ENTITY_TYPES
        if mode == "strict" or not (lemma in OTHER_HEADS or product or lenient):
            return found
        category = "other"
    span = doc[start : end + 1]
    amount = next((o for o in _pobjs(tok, OF) if _money(o)), None)  # "a loan of $1bn"
    own = _quantity_text(qty_children) or (doc[amount.left_edge.i : amount.i + 1].text if amount else None)
    item = Item(text=span.text, category=category, quantity=own or qty)
    found.append(_Found(item, span.start_char, span.end_char))
    if depth < _MAX_DEPTH:
        if category in FOLLOW_CATEGORIES or lemma in WEAK_HEADS:
            for obj in _pobjs(tok, FOR_OF):
                found.extend(_expand(obj, None, depth + 1, "strict", False))
        for obj in _pobjs(tok, LISTING):
            found.extend(_expand(obj, None, depth + 1, "strict", False))
    return found


def _before_cc(tok: Token, start: int, cc: int) -> list[_Found]:
    """Conjuncts the parser folded into the modifiers ("oil and gas and sunflower oil")."""
    found: list[_Found] = []
    piece: list[Token] = []
    for t in [*tok.doc[start:cc], None]:
        if t is not None and t.dep_ != "cc" and t.text != ",":
            piece.append(t)
            continue
        while piece and _pure_punct(piece[-1]):
            piece.pop()
        if piece:
            span = tok.doc[piece[0].i : piece[-1].i + 1]
            category = categorize(span.text)
            if category is not None:
                found.append(_Found(Item(text=span.text, category=category), span.start_char, span.end_char))
        piece = []
    return found


# Light-verb idioms whose object is no thing at all: "take part", "take place", "make sense".
IDIOM_OBJECTS = {"take": _set("part place note care heart hold issue shape effect"), "make": _set("sense way progress")}


def _is_idiom_object(head: Token) -> bool:
    verb = head.head
    return head.dep_ == "dobj" and head.lemma_.lower() in IDIOM_OBJECTS.get(verb.lemma_.lower(), frozenset())


def _find(head: Token) -> list[_Found]:
    if _is_idiom_object(head):
        return []
    seen: set[tuple[int, int]] = set()
    result: list[_Found] = []
    for f in _expand(head, None, 0, "normal", False):
        if (f.start, f.end) not in seen:
            seen.add((f.start, f.end))
            result.append(f)
    return result


def item_phrases(head: Token) -> list[Item]:
    """One :class:`Item` per conjunct (and per complement the rules follow) under ``head``."""
    return [f.item for f in _find(head)]


def item_spans(head: Token) -> list[tuple[int, int]]:
    """Character offsets (start, end exclusive) of each ``item_phrases(head)`` text, in order."""
    return [(f.start, f.end) for f in _find(head)]


def item_matches(head: Token) -> list[tuple[Item, int, int]]:
    """``item_phrases`` and ``item_spans`` together, in one pass."""
    return [(f.item, f.start, f.end) for f in _find(head)]
