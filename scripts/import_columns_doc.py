"""Print the README's table of import columns, generated from egov/kinds.py (the one source).

    python scripts/import_columns_doc.py [es|en] > columns.md
"""

from __future__ import annotations

import sys

from egov.kinds import KINDS

TYPE_NAMES = {"en": {"text": "text", "code": "code", "int": "whole number", "number": "number (`2,5` or `2.5`)",
                     "date": "date (dd/mm/yyyy or yyyy-mm-dd)"},
              "es": {"text": "texto", "code": "código", "int": "número entero", "number": "número (`2,5` o `2.5`)",
                     "date": "fecha (dd/mm/aaaa o aaaa-mm-dd)"}}
HEAD = {"en": ("column", "required", "type", "also accepted as header", "meaning"),
        "es": ("columna", "obligatoria", "tipo", "también se acepta como encabezado", "significado")}
YES = {"en": ("yes", ""), "es": ("sí", "")}


def markdown(lang: str = "en") -> str:
    out = []
    for kind in KINDS.values():
        title = kind.title_en if lang == "en" else kind.title_es
        out.append(f"#### `{kind.name}` — {title}\n")
        out.append("| " + " | ".join(HEAD[lang]) + " |")
        out.append("|---" * len(HEAD[lang]) + "|")
        for c in kind.columns:
            aliases = ", ".join(f"`{a}`" for a in c.aliases)
            help_text = (c.help_en if lang == "en" else c.help_es).replace("|", "\\|")
            required = YES[lang][0] if c.required else YES[lang][1]
            out.append(f"| `{c.name}` | {required} | {TYPE_NAMES[lang][c.type]} | {aliases} | {help_text} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown(sys.argv[1] if len(sys.argv) > 1 else "en"))
