"""The browser's side of the uploader, said in the page's language: its button, its limit, its refusals.

Streamlit checks a dropped file's size and type in the browser, before the server
ever sees it, and marks the file's chip red with an English text that is only read
out to screen readers («File must be 25.0MB or smaller.»). An analyst sees a red
chip and nothing else; the drop zone itself says «Upload» and «25MB per file». This script
words the drop zone the page's way and watches the Cargar page's uploader and, for a
refused file, writes what is wrong and how to fix it below the uploader and in
place of the English text. The limit it names is the one the server enforces
(``server.maxUploadSize``, kept equal to the importer's cap).
"""

from __future__ import annotations

import json

import streamlit as st

from egov.i18n import t

# Runs once per page load (a guard on window); each rerun only refreshes the texts, so a change of
# language takes effect on the next refusal without a second observer.
_SCRIPT = """
<script>
(() => {
  window.__egovUploadRefusal = %(texts)s;
  if (window.__egovUploadObserver) { window.__egovUploadObserver.refresh(); return; }
  const NOTE = 'egovUploadRefusal';
  // The text node's value is changed, never the node: React still owns it and may update or remove it
  // (React may split a text in several nodes: "Error: " and the message; the first gets the text)
  const say = (element, text) => {
    if (!element || !element.firstChild || element.textContent === text) return;
    const nodes = [...element.childNodes];
    if (!nodes.every((node) => node.nodeType === Node.TEXT_NODE)) return;
    nodes.forEach((node, i) => { node.nodeValue = i ? '' : text; });
  };
  const refresh = () => {
    const texts = window.__egovUploadRefusal;
    for (const uploader of document.querySelectorAll('[data-testid="stFileUploader"]')) {
      const zone = uploader.querySelector('[data-testid="stFileUploaderDropzone"]');
      if (zone) {
        say(zone.querySelector('button [data-testid="stMarkdownContainer"] p'), texts.button);
        say(zone.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span'), texts.instructions);
      }
      const lines = [];
      for (const chip of uploader.querySelectorAll('[data-testid="stFileChip"][aria-invalid="true"]')) {
        // the chip shortens a long name on screen; its title holds the whole one
        const label = chip.querySelector('[data-testid="stFileChipName"]');
        const name = label ? (label.getAttribute('title') || label.textContent) : '';
        const alert = chip.parentElement && chip.parentElement.querySelector('[role="alert"]');
        // Classified once, from Streamlit's English, before this script replaces that text
        if (!chip.dataset.egovRefusal) {
          const english = alert ? alert.textContent : '';
          chip.dataset.egovRefusal = /smaller/.test(english) ? 'too_big'
            : (/not allowed/.test(english) ? 'wrong_type' : 'other');
        }
        // Streamlit's "36.5MB" written the page's way: "36,5 MB" in Spanish
        const size = (chip.getAttribute('aria-label') || '').split(', ').pop()
          .replace(/^([\d.]+)\s*([KMGT]?B)$/, (_, n, unit) => n.replace('.', texts.decimal) + ' ' + unit);
        const text = texts[chip.dataset.egovRefusal].replace('{name}', name).replace('{size}', size);
        say(alert, text);
        lines.push(text);
      }
      let note = uploader.parentElement.querySelector(':scope > [data-testid="' + NOTE + '"]');
      if (!lines.length) { if (note) note.remove(); continue; }
      if (!note) {
        note = document.createElement('div');
        note.setAttribute('data-testid', NOTE);
        note.setAttribute('role', 'alert');
        note.style.cssText = 'margin:0.5rem 0 1rem;padding:0.75rem 1rem;border-radius:0.5rem;' +
          'background:rgba(255,43,43,0.09);color:rgb(125,53,59);line-height:1.5';
        uploader.insertAdjacentElement('afterend', note);
      }
      const joined = lines.join('\\n');
      if (note.innerText !== joined) note.innerText = joined;
    }
  };
  const observer = new MutationObserver(refresh);
  observer.observe(document.body, {childList: true, subtree: true, attributes: true,
                                   attributeFilter: ['aria-invalid']});
  window.__egovUploadObserver = {refresh};
  refresh();
})();
</script>
"""


_KEEP = {"name": "{name}", "size": "{size}"}  # filled in by the script, from the refused file's chip


def refusal_texts(lang: str, megabytes: int, extensions: list[str]) -> dict[str, str]:
    """What the page says for each refusal the browser makes; {name} and {size} are the file's."""
    kinds = ", ".join(f".{ext}" for ext in extensions)
    return {
        "button": t("import.page.upload_button", lang),
        "instructions": t("import.page.upload_instructions", lang, mb=megabytes,
                          kinds=", ".join(ext.upper() for ext in extensions)),
        "too_big": t("import.page.refused_too_big", lang, mb=megabytes, **_KEEP),
        "wrong_type": t("import.page.refused_type", lang, kinds=kinds, **_KEEP),
        "other": t("import.page.refused_other", lang, **_KEEP),
        "decimal": "." if lang == "en" else ",",
    }


def script(lang: str, megabytes: int, extensions: list[str]) -> str:
    # json.dumps escapes the texts for the script; "</" is cut so no text can close the tag
    texts = json.dumps(refusal_texts(lang, megabytes, extensions), ensure_ascii=False).replace("</", "<\\/")
    return _SCRIPT % {"texts": texts}


def say_browser_refusals(lang: str, megabytes: int, extensions: list[str]) -> None:
    """Put the watcher on the page (drawn as nothing: the note appears only for a refused file)."""
    st.html(script(lang, megabytes, extensions), unsafe_allow_javascript=True)
