"""What is wrong with an uploaded file, said so that an analyst can fix it.

A ``Problem`` names the spreadsheet row (header = the row the analyst sees
in Excel), the column as they wrote it, the value, what is wrong and how to
fix it. The wording lives in the i18n catalogue (``catalog_import``) under
``import.problem.<code>``, ``import.fix.<code>`` and ``import.type.<code>``
(the short label used to count problems by type).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from egov.i18n import t


@dataclass(frozen=True)
class Problem:
    row: int | None      # spreadsheet row; None when the problem is the whole file
    column: str          # the header as the analyst wrote it ('' for the file or the row)
    value: str           # the cell as written (shortened for display elsewhere)
    code: str            # kind of problem, e.g. "unknown_entity"
    problem_es: str
    fix_es: str
    # the placeholders' values, so the texts can be said again in another language (the Spanish ones
    # above are what the report stores and compares; equality ignores these)
    params: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    @property
    def type_es(self) -> str:
        return t(f"import.type.{self.code}")

    def problem(self, lang: str = "es") -> str:
        return self.problem_es if lang == "es" else t(f"import.problem.{self.code}", lang, **dict(self.params))

    def fix(self, lang: str = "es") -> str:
        return self.fix_es if lang == "es" else t(f"import.fix.{self.code}", lang, **dict(self.params))


def make(code: str, *, row: int | None = None, column: str = "", value: object = "",
         lang: str = "es", **params: object) -> Problem:
    """A Problem whose texts come from the catalogue, ``params`` filling placeholders."""
    text_value = "" if value is None else str(value)
    values = {"value": text_value, "column": column, **{k: _show(v) for k, v in params.items()}}
    return Problem(row, column, text_value, code,
                   t(f"import.problem.{code}", lang, **values), t(f"import.fix.{code}", lang, **values),
                   tuple(values.items()))


def _show(value: object) -> str:
    if isinstance(value, float):
        return (f"{value:g}").replace(".", ",")
    if isinstance(value, (list, tuple, set)):
        return ", ".join(str(v) for v in value)
    return str(value)


class FileProblem(Exception):
    """Raised while reading: the file as a whole cannot be used."""

    def __init__(self, code: str, value: str = "", **params: object):
        super().__init__(code)
        self.code = code
        self.value = value
        self.params = params

    def problem(self) -> Problem:
        return make(self.code, value=self.value, **self.params)
