"""Event clusters: the mentions of one real-world event across articles.

Every stored event belongs to exactly one cluster (a mention nobody else reports is a cluster
of one), so every event has a ``cluster_id`` and ``n_sources`` can be filtered on directly.

Two mentions are of the same event when

- **block**: they have the same PLOVER type and the same actors. An actor is compared by its
  country (plus its sector when that is not a state one: rebels, opposition, business,
  media, … of a country are not its state) or, without a country, by its name. Directed
  events compare the source set and the target set; symmetric ones (meetings, agreements)
  the set of all participants, in any order. Mentions with no actor at all are never joined
  with others. Types must be equal: PLOVER keeps AID (one-sided benefit), COOPERATE (mutual)
  and SUPPORT (verbal) apart on purpose, and a sale reported as "bought" (COOPERATE, buyer
  as source) and as "supplied" (AID, seller as source) also differ in roles, so joining
  families would need role reversal rules this module does not guess at.
- **time**: each mention has a window in which its event happened: its own time when the
  text gives one (a day, a month, a range; for a done act dated by a weekday or "yesterday" the
  week before it too, as such a day is often when the act was reported: "X said on Monday it
  had sent"); else one drawn from the article's date and the mention's status: a report of
  what was done (asserted, negated) in the week up to publication, an announcement of what is
  to come (planned, requested, possible, hypothetical) in the month after it. All the windows
  of a cluster must share a day (one real event happened on one date), so a dyad's acts a week
  or more apart stay apart, and a chain of overlapping reports cannot stretch one cluster over
  a campaign.
- **one side only**: a mention naming only a doer or only a recipient ("the attack on Syria",
  "Turkey threatens") says too little to tell one event of its type from another; two such
  mentions join only when they name the act with the same word ("attacked", "attack") and are
  in one article or both dated by their text.
- **items**: when both name items, their categories overlap (``weapons``, unspecified arms,
  meets any arms category).
- **place**: when both have one, the same country (else the same name).

Status is not compared: a denial clusters with the reports it denies (see ``conflicts``). A
mention whose sentence an earlier article of the block holds word for word, or but for one
ordinary word (an updated version, a follow-up reusing a paragraph) joins that telling's cluster
whatever its date, and counts as that article (``repeated_passages``): one mention, never a
second source.
Within a block, mentions are sorted by the start of their window and joined with union-find.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.link.conflicts import NUMBER_WORDS
from newsgraph.records import parse_iso_date

REPORT_LAG = timedelta(days=7)  # a report with no time of its own tells of the week before it
AHEAD = timedelta(days=30)  # an announcement with no time of its own tells of the month after it
TIME_GAP = timedelta(days=1)  # windows this close still meet (a date given in another time zone)
LONGEST_WINDOW = timedelta(days=400)  # how far apart in start two meeting windows can be (a year's range)
# Day words news uses for when something was said as much as for when it was done; a calendar
# date ("5 July", "in June") dates the act itself.
REPORTING_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                            "today", "yesterday", "tonight", "overnight"})
MIN_PASSAGE_WORDS = 8  # a shorter sentence repeated in two articles may be chance
_CALENDAR = frozenset(w.lower() for w in (*calendar.month_name[1:], *calendar.month_abbr[1:]))
ANNOUNCED = frozenset({"planned", "requested", "possible", "hypothetical"})
_WORD = re.compile(r"[^\W_]+")  # a word: letters and digits
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI", "EXE"})
ARMS = frozenset({
    "aircraft", "drones", "air-defence", "armoured-vehicles", "artillery", "ammunition", "missiles", "ships",
    "submarines", "small-arms", "sensors", "engines", "weapons",
})
LABEL_ITEMS = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """One stored event as clustering sees it."""

    id: str
    article_id: str
    type: str
    symmetric: bool
    status: str
    sources: frozenset[str]  # actor keys
    targets: frozenset[str]
    names: tuple[tuple[str, str], ...] = ()  # (actor key, display name) for labels
    items: tuple[tuple[str, str, str | None], ...] = ()  # (text, category, quantity)
    time_text: str | None = None
    time_start: date | None = None
    time_end: date | None = None
    place_name: str | None = None
    place_country: str | None = None
    published: date | None = None
    evidence_start: int = 0
    sentence: str = ""  # the evidence sentence as written (repeated passages are one mention)
    trigger: str = ""  # the word of the act as written ("attacked")

    @property
    def one_sided(self) -> bool:
        """Only a doer or only a recipient: too little to tell one event from another of its type."""
        return not self.symmetric and not (self.sources and self.targets)

    @property
    def block(self) -> tuple[object, ...] | None:
        if not self.sources and not self.targets:
            return None
        if self.symmetric:
            return (self.type, "sym", tuple(sorted(self.sources | self.targets)))
        return (self.type, tuple(sorted(self.sources)), tuple(sorted(self.targets)))

    @property
    def span(self) -> tuple[date, date] | None:
        start, end = self.time_start or self.time_end, self.time_end or self.time_start
        if start is None or end is None:
            return None
        return (start, end) if start <= end else (end, start)

    @property
    def window(self) -> tuple[date, date] | None:
        """When its event happened, as far as the mention tells (see the module docstring)."""
        span = self.span
        if span is not None:  # a done act's weekday may be when it was said ("X said on Monday it had sent")
            said_on = set(_WORD.findall((self.time_text or "").casefold()))
            said_when = self.status not in ANNOUNCED and bool(REPORTING_DAYS & said_on)
            return (span[0] - REPORT_LAG, span[1]) if said_when else span
        if self.published is None:
            return None
        if self.status in ANNOUNCED:
            return (self.published, self.published + AHEAD)
        return (self.published - REPORT_LAG, self.published)

    @property
    def order(self) -> tuple[bool, date, str, int, str]:
        """Earliest first: publication date (undated last), article, position, id."""
        return (self.published is None, self.published or date.max, self.article_id, self.evidence_start, self.id)


def actor_key(name: str, country: str | None, sector: str | None) -> str:
    if country:
        return country if sector is None or sector in STATE_SECTORS else f"{country}/{sector}"
    return "name:" + " ".join(name.split()).casefold()


def block_key(mention: Mention) -> str:
    """The key stored in ``events.link_block``: its block hashed, or the event's own id for a
    mention with no actor (never joined with others)."""
    block = mention.block
    if block is None:
        return f"solo:{mention.id}"
    return hashlib.sha256(repr(block).encode()).hexdigest()[:24]


UNLINKED = "e.link_block IS NULL"  # events the linker has not seen
IN_SCOPE = "e.link_block IN (SELECT key FROM temp._link_scope)"  # events of the blocks being relinked


def load_mentions(conn: sqlite3.Connection, where: str | None = None) -> list[Mention]:
    """Stored events with their actors, items, time, place and article date: every one, or those
    ``where`` selects (``UNLINKED``, ``IN_SCOPE``: a condition on the events table as ``e``)."""
    scope = f" WHERE {where}" if where else ""
    actors: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for event_id, role, name, country, sector in conn.execute(
        "SELECT ea.event_id, ea.role, a.name, a.country, coalesce(ea.sector, a.sector) FROM event_actors ea "
        "JOIN actors a ON a.id = ea.actor_id "
        + (f"WHERE ea.event_id IN (SELECT e.id FROM events e{scope}) " if where else "")
        + "ORDER BY ea.event_id, ea.role, ea.position"
    ):
        key = actor_key(name, country, sector)
        actors.setdefault(event_id, {}).setdefault(role, []).append((key, key if country else name))
    items: dict[str, list[tuple[str, str, str | None]]] = {}
    for event_id, text, category, quantity in conn.execute(
        "SELECT event_id, text, category, quantity FROM items "
        + (f"WHERE event_id IN (SELECT e.id FROM events e{scope}) " if where else "")
        + "ORDER BY event_id, position"
    ):
        items.setdefault(event_id, []).append((text, category, quantity))
    mentions = []
    for row in conn.execute(
        "SELECT e.id, e.article_id, e.type, e.symmetric, e.status, e.time_text, e.time_start, e.time_end, "
        "e.place_name, e.place_country, e.evidence_start, a.published, "
        "substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start), e.trigger_text "
        "FROM events e JOIN articles a ON a.id = e.article_id" + scope
    ):
        event_id = row[0]
        roles = actors.get(event_id, {})
        mentions.append(Mention(
            id=event_id, article_id=row[1], type=row[2], symmetric=bool(row[3]), status=row[4],
            sources=frozenset(k for k, _ in roles.get("source", [])),
            targets=frozenset(k for k, _ in roles.get("target", [])),
            names=tuple(roles.get("source", []) + roles.get("target", [])),
            items=tuple(items.get(event_id, [])),
            time_text=row[5], time_start=parse_iso_date(row[6]), time_end=parse_iso_date(row[7]),
            place_name=row[8], place_country=row[9], evidence_start=row[10] or 0, published=parse_iso_date(row[11]),
            sentence=row[12] or "", trigger=row[13] or "",
        ))
    return mentions


def cluster_mentions(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """Group mentions into clusters (each sorted earliest first), earliest cluster first."""
    return link_mentions(mentions)[0]


def link_mentions(mentions: Iterable[Mention]) -> tuple[list[list[Mention]], dict[str, str]]:
    """The clusters (as ``cluster_mentions``) and, for each mention that repeats an earlier
    article's sentence, that article (``repeated_passages``, found once for the whole block)."""
    blocks: dict[tuple[object, ...], list[Mention]] = {}
    clusters: list[list[Mention]] = []
    repeated: dict[str, str] = {}
    for mention in mentions:
        block = mention.block
        if block is None:
            clusters.append([mention])
        else:
            blocks.setdefault(block, []).append(mention)
    for members in blocks.values():
        originals, repeats = _passages(members)  # a reused sentence joins its first telling, whenever published
        found = _cluster_block(originals)
        home = {m.id: cluster for cluster in found for m in cluster}
        for repeat, original in repeats:
            home[original.id].append(repeat)
            repeated[repeat.id] = original.article_id
        clusters.extend(found)
    for cluster in clusters:
        cluster.sort(key=lambda m: m.order)
    clusters.sort(key=lambda c: c[0].order)
    return clusters, repeated


def _passages(members: list[Mention]) -> tuple[list[Mention], list[tuple[Mention, Mention]]]:
    """The block's mentions whose sentence no earlier article holds, and each (repeat, original)."""
    first: dict[tuple[str, ...], Mention] = {}
    originals: list[Mention] = []
    repeats: list[tuple[Mention, Mention]] = []
    for m in sorted(members, key=lambda m: m.order):
        keys = _passage_keys(m.sentence)
        original = next((first[k] for k in keys if k in first), None)
        for key in keys:
            first.setdefault(key, m)
        if original is None or original.article_id == m.article_id:
            originals.append(m)
        else:
            repeats.append((m, original))
    return originals, repeats


def _passage_keys(sentence: str) -> list[tuple[str, ...]]:
    """The sentence's words (case and punctuation aside), and the same without each one word that
    an update may change ("said"/"says", an added "also"): two sentences one such edit apart share
    a key. Names, numbers (in figures or words) and calendar words are never the edit ("on
    Monday"/"on Tuesday", "100"/"200", "Aleppo"/"Idlib" tell another event). No key for a
    sentence under MIN_PASSAGE_WORDS words."""
    written = _WORD.findall(sentence)
    if len(written) < MIN_PASSAGE_WORDS:
        return []
    words = tuple(w.casefold() for w in written)
    keys = [words]
    for i, w in enumerate(written):
        if w.islower() and w.isalpha() and w not in REPORTING_DAYS and w not in _CALENDAR and w not in NUMBER_WORDS:
            keys.append(words[:i] + words[i + 1 :])
    return keys


def repeated_passages(cluster: Sequence[Mention]) -> dict[str, str]:
    """Mention id → the article it repeats, for each mention whose sentence an earlier article of
    the cluster already holds word for word, or but for one ordinary word (``_passage_keys``): an
    updated version or a follow-up reusing a paragraph reports nothing new (sentences under
    ``MIN_PASSAGE_WORDS`` words are too common to tell)."""
    return {repeat.id: original.article_id for repeat, original in _passages(list(cluster))[1]}


def compatible(a: Mention, b: Mention) -> bool:
    """Whether two mentions of one block can be the same event (time, items, place; one-sided
    mentions also the same word for the act)."""
    return _times_meet(a, b) and _items_meet(a, b) and _places_meet(a, b) and _one_sided_meet(a, b)


def _one_sided_meet(a: Mention, b: Mention) -> bool:
    """Two one-sided mentions are one event only when they name the act with the same word and
    are either in one article or both dated by the text ("the attack", "the withdrawal" in two
    articles are as often two attacks or a background reference as the same one)."""
    if not (a.one_sided and b.one_sided):
        return True
    same_word = _word_stem(a.trigger) == _word_stem(b.trigger)
    return same_word and (a.article_id == b.article_id or (a.span is not None and b.span is not None))


def _word_stem(word: str) -> str:
    """A word without its inflection, enough to compare two spellings of one verb or noun
    ("attacked", "attacks", "attack"; "seized", "seize")."""
    word = word.casefold()
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def cluster_id(earliest: Mention) -> str:
    """Stable id of a cluster: a hash of its earliest mention's event id."""
    return hashlib.sha256(f"cluster:{earliest.id}".encode()).hexdigest()[:16]


def cluster_label(cluster: Sequence[Mention]) -> str:
    """E.g. "RUS AID PRK: artillery shells" (actors by country code, else by name)."""
    first = cluster[0]
    display = dict(first.names)
    if first.symmetric:
        left, right = sorted(first.sources | first.targets), []
    else:
        left, right = sorted(first.sources), sorted(first.targets)
    head = " ".join(part for part in ("+".join(display.get(k, k) for k in left), first.type,
                                      "+".join(display.get(k, k) for k in right)) if part)
    counts = Counter(text.casefold() for m in cluster for text, _, _ in m.items)
    spelled: dict[str, str] = {}
    for m in cluster:
        for text, _, _ in m.items:
            spelled.setdefault(text.casefold(), text)
    seen = {t: n for n, t in enumerate(spelled)}
    ranked = sorted(counts, key=lambda t: (-counts[t], seen[t]))[:LABEL_ITEMS]
    return f"{head}: {', '.join(spelled[t] for t in ranked)}" if ranked else head


def _cluster_block(members: list[Mention]) -> list[list[Mention]]:
    """Union-find over the block's mentions, earliest window first; two clusters join only when
    their mentions are compatible and the windows of all their members still share a day.
    Mentions that ``compatible`` cannot tell apart (``_likeness``: the same window, items, place
    and, for one-sided ones, word, dating and article) are compatible with each other and with
    the same others, so only the first of each such group takes part and the rest follow it:
    more reports of the same events on the same days cost linear time, not quadratic."""
    groups: dict[tuple[object, ...], list[Mention]] = {}
    for m in members:
        groups.setdefault(_likeness(m), []).append(m)
    return [
        [m for first in cluster for m in groups[_likeness(first)]]
        for cluster in _union_block([same[0] for same in groups.values()])
    ]


def _likeness(m: Mention) -> tuple[object, ...]:
    """What ``compatible`` and the windows read of a mention."""
    one_sided = m.one_sided
    return (
        m.window, frozenset(category for _, category, _ in m.items), m.place_country,
        m.place_name.casefold() if m.place_name else None, one_sided,
        _word_stem(m.trigger) if one_sided else None, m.span is not None if one_sided else None,
        m.article_id if one_sided else None,  # one-sided: the same article may join what dating does not
    )


def _union_block(members: list[Mention]) -> list[list[Mention]]:
    ordered = sorted(members, key=lambda m: (m.window is None, m.window or (date.max, date.max), m.order))
    windows = [m.window for m in ordered]
    parent = list(range(len(ordered)))
    common: dict[int, tuple[date, date] | None] = dict(enumerate(windows))  # a cluster's shared days

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri == rj:
            return
        wi, wj = common[ri], common[rj]
        shared = wi or wj
        if wi and wj:
            shared = (max(wi[0], wj[0]), min(wi[1], wj[1]))
            if shared[0] > shared[1] + TIME_GAP:
                return
            if shared[0] > shared[1]:  # a day apart: the earlier day, so the slack never accumulates
                shared = (shared[1], shared[1])
        parent[rj] = ri
        common[ri] = shared

    dated = [(i, w) for i, w in enumerate(windows) if w is not None]
    for pos, (j, wj) in enumerate(dated):
        for back in range(pos - 1, -1, -1):
            i, wi = dated[back]
            if wj[0] - wi[0] > LONGEST_WINDOW:
                break
            if wi[1] + TIME_GAP >= wj[0] and compatible(ordered[i], ordered[j]):
                join(i, j)
    for j, window in enumerate(windows):
        if window is None:
            for i in range(len(ordered)):
                if i != j and compatible(ordered[i], ordered[j]):
                    join(i, j)
    groups: dict[int, list[Mention]] = {}
    for i, mention in enumerate(ordered):
        groups.setdefault(find(i), []).append(mention)
    return list(groups.values())


def _times_meet(a: Mention, b: Mention) -> bool:
    wa, wb = a.window, b.window
    if wa is None or wb is None:
        return True
    return wa[0] - TIME_GAP <= wb[1] and wb[0] - TIME_GAP <= wa[1]


def _items_meet(a: Mention, b: Mention) -> bool:
    ca = {category for _, category, _ in a.items}
    cb = {category for _, category, _ in b.items}
    if not ca or not cb or ca & cb:
        return True
    return ("weapons" in ca and bool(cb & ARMS)) or ("weapons" in cb and bool(ca & ARMS))


def _places_meet(a: Mention, b: Mention) -> bool:
    if a.place_country and b.place_country:
        return a.place_country == b.place_country
    if a.place_name and b.place_name and not (a.place_country or b.place_country):
        return a.place_name.casefold() == b.place_name.casefold()
    return True


