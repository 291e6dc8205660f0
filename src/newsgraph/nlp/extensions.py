"""Custom attributes newsgraph's components set on spaCy objects.

``Doc._.actor_mentions``: list[ActorMention], sorted by (start, end); set by
``newsgraph_actor_ruler`` and extended by ``newsgraph_coref``. Several mentions
may share a span (e.g. "the two nations" → one mention per state).
"""

from __future__ import annotations

from spacy.tokens import Doc


def register_extensions() -> None:
    if not Doc.has_extension("actor_mentions"):
        Doc.set_extension("actor_mentions", default=None)


register_extensions()
