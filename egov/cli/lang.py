"""The language of the `egov` command: Spanish by default, English with ``--lang en`` or ``EGOV_LANG=en``.

Click writes its own texts (usage line, option list, errors) through ``gettext``; each click module
binds ``_``/``ngettext`` at import time, so this module replaces those names with functions that
answer in the chosen language. The metavars click makes up ("[OPTIONS]", "TEXT", argument names)
are translated the same way, and in English the commands' own Spanish help texts are swapped for
their English versions (``HELP_EN``). Nothing else in click is changed.
"""

from __future__ import annotations

import gettext as _gettext
import os

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types
import click.utils

ENV_LANG = "EGOV_LANG"
LANGUAGES = ("es", "en")
_state = {"lang": "es"}

# click 8.5's messages (``grep -n '_(' click/*.py``) in Spanish.
CLICK_ES = {
    "Usage:": "Uso:",
    "Options": "Opciones",
    "Commands": "Comandos",
    "Positional arguments": "Argumentos",
    "Show this message and exit.": "Muestra esta ayuda y termina.",
    "Show the version and exit.": "Muestra la versión y termina.",
    "Error: {message}": "Error: {message}",
    "Try '{command} {option}' for help.": "Pruebe «{command} {option}» para ver la ayuda.",
    "Missing command.": "Falta el comando.",
    "No such command {name!r}.": "No existe el comando «{name}».",
    "No such option {name!r}.": "No existe la opción «{name}».",
    "Missing argument": "Falta el argumento",
    "Missing option": "Falta la opción",
    "Missing parameter": "Falta el parámetro",
    "Missing parameter: {param_name}": "Falta el parámetro: {param_name}",
    "Missing {param_type}": "Falta {param_type}",
    "Invalid value for {param_hint}: {message}": "Valor no válido para {param_hint}: {message}",
    "Invalid value: {message}": "Valor no válido: {message}",
    "Option {name!r} does not take a value.": "La opción «{name}» no lleva valor.",
    "Argument {name!r} takes {nargs} values.": "El argumento «{name}» lleva {nargs} valores.",
    "Choose from:\n\t{choices}": "Elija entre:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "«{value}» no es un {number_type} válido.",
    "{value} is not in the range {range}.": "{value} no está en el rango {range}.",
    "{value!r} is not a valid UUID.": "«{value}» no es un UUID válido.",
    "{name} {filename!r} does not exist.": "{name} «{filename}» no existe.",
    "{name} {filename!r} is a file.": "{name} «{filename}» es un archivo.",
    "{name} {filename!r} is a directory.": "{name} «{filename}» es una carpeta.",
    "{name} {filename!r} is not readable.": "{name} «{filename}» no se puede leer.",
    "{name} {filename!r} is not writable.": "{name} «{filename}» no se puede escribir.",
    "{name} {filename!r} is not executable.": "{name} «{filename}» no es ejecutable.",
    "Could not open file {filename!r}: {message}": "No se pudo abrir el archivo «{filename}»: {message}",
    "file": "archivo", "directory": "carpeta", "path": "ruta",
    "default: {default}": "por defecto: {default}",
    "env var: {var}": "variable de entorno: {var}",
    "required": "obligatoria",
    "deprecated": "obsoleta",
    "(dynamic)": "(dinámico)",
    "Aborted!": "Cancelado.",
    "Do you want to continue?": "¿Desea continuar?",
    "Repeat for confirmation": "Repita para confirmar",
    "Error: The two entered values do not match.": "Error: los dos valores no coinciden.",
    "Error: invalid input": "Error: entrada no válida",
    "Press any key to continue...": "Pulse una tecla para continuar…",
    "Confirm the action without prompting.": "Confirma la acción sin preguntar.",
    "unknown error": "error desconocido",
    "Value must be an iterable.": "El valor debe ser una lista.",
    "Invalid start character for option ({option})": "Carácter inicial no válido para la opción ({option})",
    "%(prog)s, version %(version)s": "%(prog)s, versión %(version)s",
}
CLICK_PLURAL_ES = {
    "Got unexpected extra argument ({args})": ("Sobra un argumento ({args})", "Sobran argumentos ({args})"),
    "{value!r} is not {choice}.": ("«{value}» no es {choice}.", "«{value}» no es ninguno de {choices}."),
    "Did you mean {possibility}?": ("¿Quiso decir {possibility}?", "(¿Quiso decir uno de: {possibilities}?)"),
    "Option {name!r} requires an argument.": ("La opción «{name}» necesita un valor.",
                                              "La opción «{name}» necesita {nargs} valores."),
    "Takes {nargs} values but 1 was given.": ("Lleva {nargs} valores, pero se dio 1.",
                                              "Lleva {nargs} valores, pero se dieron {len}."),
    "{value!r} does not match the format {format}.": ("«{value}» no tiene el formato {format}.",
                                                      "«{value}» no tiene ninguno de los formatos {formats}."),
}
# What click makes up for usage lines and option values.
METAVARS_ES = {
    "[OPTIONS]": "[OPCIONES]", "COMMAND [ARGS]...": "COMANDO [ARGUMENTOS]...", "TEXT": "TEXTO",
    "INTEGER": "ENTERO", "INTEGER RANGE": "ENTERO", "FLOAT": "NÚMERO", "FILE": "ARCHIVO", "PATH": "RUTA",
    "NAME": "USUARIO", "ROLE": "ROL", "FILES...": "ARCHIVOS...", "BATCH": "LOTE", "KIND": "TIPO",
    "DIRECTORY": "CARPETA", "BOOLEAN": "SÍ/NO",
}
TYPE_NAMES_ES = {"integer": "número entero", "float": "número", "integer range": "número entero"}


def language() -> str:
    return _state["lang"]


def _es() -> bool:
    return _state["lang"] == "es"


def gettext(message: str) -> str:
    return CLICK_ES.get(message, message) if _es() else message


def ngettext(singular: str, plural: str, n: int) -> str:
    if _es() and singular in CLICK_PLURAL_ES:
        one, many = CLICK_PLURAL_ES[singular]
        return one if n == 1 else many
    return _gettext.ngettext(singular, plural, n)


def metavar(text: str | None) -> str | None:
    return METAVARS_ES.get(text, text) if text and _es() else text


def _patch_click() -> None:
    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser,
                   click.termui, click.types, click.utils):
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
    for cls in (click.core.Option, click.core.Argument):
        original = cls.make_metavar
        if getattr(original, "_egov", False):
            continue

        def translated(self, ctx, _original=original):
            return metavar(_original(self, ctx))
        translated._egov = True
        cls.make_metavar = translated
    original_pieces = click.core.Command.collect_usage_pieces
    if not getattr(original_pieces, "_egov", False):
        def pieces(self, ctx):
            return [metavar(p) for p in original_pieces(self, ctx)]
        pieces._egov = True
        click.core.Command.collect_usage_pieces = pieces
    original_group_pieces = click.core.Group.collect_usage_pieces
    if not getattr(original_group_pieces, "_egov", False):
        def group_pieces(self, ctx):
            return [metavar(p) for p in original_group_pieces(self, ctx)]
        group_pieces._egov = True
        click.core.Group.collect_usage_pieces = group_pieces
    original_type_fail = click.types.ParamType.fail
    if not getattr(original_type_fail, "_egov", False):
        def fail(self, message, param=None, ctx=None):
            if _es():
                for en, es in TYPE_NAMES_ES.items():
                    message = message.replace(f" {en} ", f" {es} ").replace(f" {en}.", f" {es}.")
            return original_type_fail(self, message, param, ctx)
        fail._egov = True
        click.types.ParamType.fail = fail


def _walk(command: click.Command):
    yield command
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            yield from _walk(sub)


def set_language(root: click.Command, lang: str) -> None:
    """Speak ``lang`` from now on: click's texts, metavars and every command's help."""
    lang = lang if lang in LANGUAGES else "es"
    _state["lang"] = lang
    from egov.cli.help_en import HELP_EN
    for command in _walk(root):
        cached = getattr(command, "_help_option", None)  # click builds it once, in the language of that moment
        if cached is not None:
            cached.help = gettext("Show this message and exit.")
        for item in [command, *command.params]:
            spanish = getattr(item, "_help_es", None)
            if spanish is None:
                spanish = getattr(item, "help", None)
                item._help_es = spanish
            if spanish is not None:
                item.help = HELP_EN.get(spanish, spanish) if lang == "en" else spanish


def from_environment() -> str:
    return os.environ.get(ENV_LANG, "es").strip().lower()[:2] or "es"


_patch_click()
