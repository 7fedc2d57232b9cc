"""The `egov` command: the same core the pages call, for analysts and scripts.

Each module here adds its commands to ``main``; errors are one Spanish line
on stderr and a non-zero exit, never a traceback.
"""

from egov.cli.base import main

# Importing the command modules registers their commands on `main`.
from egov.cli import data as _data  # noqa: F401,E402
from egov.cli import imports as _imports  # noqa: F401,E402
from egov.cli import admin as _admin  # noqa: F401,E402
from egov.cli import export as _export  # noqa: F401,E402

__all__ = ["main"]
