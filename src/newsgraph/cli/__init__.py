"""The command line (``newsgraph``): thin Typer commands over the library.

The Typer application is ``newsgraph.cli.app.app``; ``main`` is the console-script entry point.
"""

from newsgraph.cli.app import main

__all__ = ["main"]
