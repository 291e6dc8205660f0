"""The web explorer: Datasette over a newsgraph store, with newsgraph's own pages.

- :mod:`~newsgraph.serve.app`: :func:`build_datasette` (read-only, plugin registered), :func:`run_server`
- :mod:`~newsgraph.serve.plugin`: the Datasette plugin (routes under ``/-/newsgraph``)
- :mod:`~newsgraph.serve.queries`, :mod:`~newsgraph.serve.actor`, :mod:`~newsgraph.serve.mentions`:
  the data of each page, plain functions of a ``sqlite3.Connection``
- :mod:`~newsgraph.serve.highlight`: article text cut into escaped runs and marks
- :mod:`~newsgraph.serve.charts`: timeline and map layouts (server-drawn SVG)

Pages: ``/-/newsgraph`` (overview; ``/`` redirects there), ``/-/newsgraph/events`` (search and
filters), ``/-/newsgraph/actor/<id>``, ``/-/newsgraph/cluster/<id>``, ``/-/newsgraph/event/<id>``,
``/-/newsgraph/article/<id>``; Datasette's own table and SQL pages stay where they are.
"""

from newsgraph.serve.app import build_datasette, check_store, run_server

__all__ = ["build_datasette", "check_store", "run_server"]
