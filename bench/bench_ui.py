"""Benchmark of the web app: prints figures, asserts nothing.

    .venv/bin/python bench/bench_ui.py [--quick]

``--quick`` (CI): 3 answers and one start of each kind; the figures mean little, the run shows
it works.

1. Script-run time of one wizard interaction (AppTest: answer a question on the remote-access
   step, which saves it, re-scores and redraws the page with its risk panel) beside a bare
   Streamlit page that draws the same widgets with fixed values, measured in the same run.
2. Time from `quickscan serve` to a healthy server and to the first rendered page (sign-in
   form visible in Chromium), on an empty database (demo data is added) and on an existing one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from quickscan_app.config import get_settings  # noqa: E402
from quickscan_app.content import load_content  # noqa: E402
from quickscan_app.services import dossiers  # noqa: E402
from quickscan_app.services.context import Actor, Role, ServiceContext  # noqa: E402
from quickscan_app.services.demo import seed_demo  # noqa: E402
from quickscan_app.store.db import make_engine  # noqa: E402
from quickscan_app.store.migrate import upgrade  # noqa: E402

APP = ROOT / "quickscan_app" / "ui" / "app.py"
STEP = "remote_access"
ROUNDS = 100
SERVE_TIMEOUT = 120
"""Seconds to wait for a healthy server before the benchmark gives up."""

BARE_PAGE = """
import streamlit as st
from quickscan_app.content import load_content
from quickscan_app.ui.risk_panel import heatmap_html

@st.cache_resource
def library():
    return load_content().library()


def wizard():
    lib = library()
    section = next(s for s in lib.questionnaire.sections if s.id == "{step}")
    st.page_link(overview, label="back")
    st.title("Bare page")
    st.caption("reference")
    st.progress(0.5, text="progress")
    a, b, c = st.columns([4, 1, 1])
    a.selectbox("step", [s.id for s in lib.questionnaire.sections], key="jump")
    b.button("back", key="back")
    c.button("next", key="next")
    main, side = st.columns([3, 2])
    with main:
        st.header(section.title.nl)
        for q in section.questions:
            with st.container(border=True):
                options = list(q.option_ids) + (["unknown"] if q.allow_unknown else [])
                kind = q.type.value
                if kind in ("single_choice", "yes_no"):
                    few = len(options) <= 3
                    st.radio(q.text.nl, options, index=None, key="w_" + q.id, horizontal=few)
                elif kind == "multiple_choice":
                    st.multiselect(q.text.nl, options, key="w_" + q.id)
                if q.allow_unknown and kind == "multiple_choice":
                    st.checkbox("Weet ik niet", key="u_" + q.id)
                st.caption(q.why.nl)
    with side:
        st.markdown("### Risk")
        st.badge("hoog")
        points = [(s.baseline.likelihood, s.baseline.impact) for s in lib.risk_model.scenarios]
        st.markdown(heatmap_html(lib, points, "t", "nl"), unsafe_allow_html=True)
        st.caption("legend")
        st.caption("scenarios")
        for s in lib.risk_model.scenarios:
            with st.expander(s.title.nl):
                st.markdown("- reason")
    st.markdown("<span></span>", unsafe_allow_html=True)


def other():
    st.write("other")


overview = st.Page(other, title="overview", url_path="overview")
pages = [st.Page(wizard, title="wizard", url_path="wizard", default=True), overview]
pages += [st.Page(other, title=f"p{i}", url_path=f"p{i}", visibility="hidden") for i in range(7)]
st.markdown("<style></style>", unsafe_allow_html=True)
current = st.navigation(pages)
with st.sidebar:
    st.segmented_control("Taal", options=["nl", "en"], key="lang")
    st.caption("signed in")
    st.button("sign out", key="out")
current.run()
"""


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def wizard_interaction(database: Path, rounds: int = ROUNDS) -> tuple[float, float]:
    url = f"sqlite:///{database}"
    import os

    os.environ["QUICKSCAN_DATABASE_URL"] = url
    get_settings.cache_clear()
    st.cache_resource.clear()
    engine = make_engine(url)
    upgrade(engine)
    ctx = ServiceContext(engine, load_content())
    seed_demo(ctx)
    officer = Actor(1, "officer", frozenset({Role.OFFICER}), "bench")
    dossier_id = dossiers.create_dossier(ctx, officer, {"title": "Bench"})
    engine.dispose()

    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["qs_actor"] = officer
    app.query_params["dossier"] = str(dossier_id)
    app.query_params["step"] = STEP
    app.switch_page("views/dossier.py").run()
    bare = AppTest.from_string(BARE_PAGE.replace("{step}", STEP), default_timeout=60).run()
    ours, theirs = [], []
    key = f"q__{dossier_id}__remote_maintenance"
    for i in range(rounds):
        value = "yes" if i % 2 else "no"
        start = time.perf_counter()
        app.radio(key=key).set_value(value).run()
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        bare.radio(key="w_remote_maintenance").set_value(value).run()
        theirs.append(time.perf_counter() - start)
        assert not app.exception and not bare.exception
    return median_ms(ours), median_ms(theirs)


def serve_times(database: Path, browser) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Seconds from starting `quickscan serve` to a healthy server and to the sign-in form
    drawn in an already running Chromium (the browser's own start is not counted)."""
    import subprocess

    from tests.e2e.conftest import free_port

    port = free_port()
    env = {"QUICKSCAN_DATABASE_URL": f"sqlite:///{database}", "PATH": "/usr/bin:/bin"}
    page = browser.new_page()
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "quickscan_app.cli", "serve", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
    )  # fmt: skip
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                    break
            except OSError:
                if time.perf_counter() - start > SERVE_TIMEOUT or process.poll() is not None:
                    raise RuntimeError("quickscan serve did not become healthy") from None
                time.sleep(0.02)
        healthy = time.perf_counter() - start
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_selector(".st-key-sign_in_name input")
        first_page = time.perf_counter() - start
    finally:
        page.close()
        process.terminate()
        process.wait(timeout=10)
    return healthy, first_page


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="3 answers, one start each (CI)")
    quick = parser.parse_args().quick
    rounds, starts = (3, 1) if quick else (ROUNDS, 3)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours, bare = wizard_interaction(folder / "wizard.db", rounds)
        print(f"wizard interaction ({rounds} answers, AppTest): median {ours:.1f} ms")
        print(f"bare page, same widgets, same interaction: median {bare:.1f} ms")
        print(f"ratio {ours / bare:.2f} (target <= 1.5)")
        from playwright.sync_api import sync_playwright

        from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            empty = [serve_times(folder / f"empty{i}.db", browser) for i in range(starts)]
            existing = [serve_times(folder / "empty0.db", browser) for _ in range(starts)]
            browser.close()
        print(
            "serve on an empty database (migrations + demo data): "
            f"healthy after median {statistics.median(h for h, _ in empty):.2f} s, "
            f"first page after {statistics.median(f for _, f in empty):.2f} s"
        )
        print(
            "serve on an existing database: "
            f"healthy after median {statistics.median(h for h, _ in existing):.2f} s, "
            f"first page after {statistics.median(f for _, f in existing):.2f} s"
        )


if __name__ == "__main__":
    main()
