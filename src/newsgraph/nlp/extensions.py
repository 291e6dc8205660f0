"""Custom attributes newsgraph's components set on spaCy objects.

``Doc._.actor_mentions``: list[ActorMention], sorted by (start, end); set by
``newsgraph_actor_ruler`` and extended by ``newsgraph_coref``. Several mentions
may share a span (e.g. "the two nations" → one mention per state).

``Doc._.pronoun_antecedents``: dict[int, int], set by ``newsgraph_coref``: a pronoun it
resolved to a noun phrase that is no known actor (token index → the phrase's head), for
``newsgraph_open_actors`` to finish once that phrase is an actor ("the union said it would").
"""

from __future__ import annotations

from spacy.tokens import Doc


def register_extensions() -> None:
    if not Doc.has_extension("actor_mentions"):
        Doc.set_extension("actor_mentions", default=None)
    if not Doc.has_extension("pronoun_antecedents"):
        Doc.set_extension("pronoun_antecedents", default=None)


register_extensions()
