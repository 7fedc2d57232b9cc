"""The `egov` command: the same core the pages call, for analysts and scripts.

Each module here adds its commands to ``main``; errors are one Spanish line
on stderr and a non-zero exit, never a traceback.
"""

# Importing the command modules registers their commands on `main`.
from egov.cli import admin, data, evidence, export, imports, priorities, sensitivity, stores  # noqa: F401
from egov.cli import programme as _programme  # noqa: F401
from egov.cli import lang as _lang
from egov.cli.base import main

_lang.set_language(main, _lang.from_environment())

__all__ = ["main"]
