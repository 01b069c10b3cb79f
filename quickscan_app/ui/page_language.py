"""The page's language for browsers and screen readers, where Streamlit has no setting.

Streamlit serves ``<html lang="en">``, reads icon ligatures ("keyboard_arrow_right") aloud
and has a few fixed English phrases (the skip link, "Press Enter to submit form", "Select
all"). A few lines of our own script, run in the page, set ``lang`` to the language the user
chose, hide icon ligatures from assistive technology (the button or link beside them carries
the words) and put those phrases in Dutch. A MutationObserver keeps doing so as Streamlit
redraws parts of the page.
"""

from __future__ import annotations

import json

import streamlit as st

from quickscan_app.domain.text import Lang

# Streamlit's fixed English phrases, as they appear in a text node, and their Dutch.
PHRASES_NL = {
    "Skip to main content": "Naar de inhoud",
    "Press Enter to submit form": "Enter om het formulier te versturen",
    "Press Enter to apply": "Enter om toe te passen",
    "Press Ctrl+Enter to submit form": "Ctrl+Enter om het formulier te versturen",
    "Press Ctrl+Enter to apply": "Ctrl+Enter om toe te passen",
    "Select all": "Alles kiezen",
}

_SCRIPT = """<script>
(() => {
  const lang = %(lang)s, phrases = %(phrases)s;
  const places = '[data-testid="stSkipToContent"], [data-testid="InputInstructions"], ' +
    '[role="option"]';
  const fix = () => {
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    document.querySelectorAll('[data-testid="stIconMaterial"]:not([aria-hidden])')
      .forEach(icon => icon.setAttribute('aria-hidden', 'true'));
    // Text nodes are changed in place (never replaced), so React keeps updating them.
    document.querySelectorAll(places).forEach(place => {
      const walker = document.createTreeWalker(place, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const said = phrases[node.nodeValue];
        if (said !== undefined) node.nodeValue = said;
      }
    });
  };
  fix();
  if (window.__qsLanguageObserver) window.__qsLanguageObserver.disconnect();
  window.__qsLanguageObserver = new MutationObserver(fix);
  window.__qsLanguageObserver.observe(
    document.body, {childList: true, subtree: true, characterData: true});
})();
</script>"""


def set_page_language(lang: Lang) -> None:
    # Back to English after Dutch: the phrases already changed in the page are turned back.
    phrases = PHRASES_NL if lang == "nl" else {nl: en for en, nl in PHRASES_NL.items()}
    st.html(
        _SCRIPT % {"lang": json.dumps(lang), "phrases": json.dumps(phrases)},
        unsafe_allow_javascript=True,
    )
