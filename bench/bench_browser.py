"""Benchmark of the web app in the browser: prints figures, asserts nothing.

    .venv/bin/python bench/bench_browser.py [--quick] [--rounds N] [--part answers|serve]

``--quick`` (CI): 3 answers on each page and one start of each kind; the figures mean
little, the run shows it works.

1. Click to idle of one radio answer on the wizard's *information* step (the real app started
   with ``quickscan serve`` on a fresh demo database, signed in as the demo officer), beside a
   bare Streamlit page (``st.navigation`` with two pages, a sidebar, 25 radios) served with the
   same flags; both open in Debian's Chromium at once and answered in turns, so that both see
   the same load. Idle: the server has replied, the script is no longer running, the status
   widget is gone and neither the DOM (a MutationObserver) nor the websocket has changed for
   ``QUIET_MS``; the figure is the last change minus the click, on the page's own clock.
   Printed with median and p90: what the browser received per answer (bytes, element deltas),
   when the server's last message came, and the CPU per answer of the page's main thread
   (DevTools' TaskDuration) and of the server process.
2. ``quickscan serve`` to a healthy server (``/_stcore/health``) on an empty database (demo
   data added) and on an existing one; healthy to the sign-in form drawn in a new browser
   profile; and, for reference, the bare page drawn after its own server is healthy.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, Page, WebSocket, sync_playwright  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from quickscan_app.cli.serve_command import STREAMLIT_FLAGS  # noqa: E402
from tests.e2e.conftest import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    Server,
    free_port,
    seed_demo_database,
    sign_in,
    start_server,
    stop_server,
    wait_idle,
)

ROUNDS = 30
QUIET_MS = 400
"""The DOM must stay unchanged this long after the run before the page counts as idle."""
STEP = "information"
QUESTION = "images_linked_to_cargo"
ANSWERS = ("Ja", "Nee")

BARE_PAGE = """
import streamlit as st


def questions():
    st.title("Bare page")
    for i in range(25):
        st.radio(f"Question {i + 1}", ["Ja", "Nee", "Weet ik niet"], index=None,
                 horizontal=True, key=f"r{i}")


def other():
    st.write("other")


current = st.navigation([st.Page(questions, title="Questions", default=True),
                         st.Page(other, title="Other", url_path="other")])
with st.sidebar:
    st.segmented_control("Taal", options=["nl", "en"], key="lang")
    st.caption("Signed in as Bench")
    st.button("Sign out", key="out")
current.run()
"""

# In the page, before Streamlit opens its websocket: when the server last sent a message.
SOCKET = """(() => {
  const s = window.__benchSocket = {last: 0, count: 0};
  window.WebSocket = class extends window.WebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { s.last = performance.now(); s.count += 1; });
    }
  };
})();"""
# In the page: the time of the click and of the last DOM change after it, on the page's clock.
# (The script-state attribute alone cannot tell that a run happened: React may apply "running"
# and "not running" in one render when a run is quick.)
WATCH = """() => {
  const s = window.__bench = {click: 0, last: 0, messages: 0};
  new MutationObserver(() => { s.last = performance.now(); }).observe(
    document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  document.addEventListener('click', () => {
    s.click = s.last = performance.now();
    s.messages = window.__benchSocket.count;
  }, true);
}"""
IDLE = """(quiet) => {
  const s = window.__bench, socket = window.__benchSocket;
  const app = document.querySelector('[data-testid="stApp"]');
  return socket.count > s.messages && socket.last > s.click
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')
    && performance.now() - Math.max(s.last, socket.last) >= quiet;
}"""
TIMES = """() => {
  const s = window.__bench, socket = window.__benchSocket;
  return {idle: Math.max(s.last, socket.last) - s.click, reply: socket.last - s.click};
}"""


@dataclass
class Frames:
    """What the server sent over the websocket since the last ``take``."""

    received: list[bytes] = field(default_factory=list)

    def watch(self, socket: WebSocket) -> None:
        socket.on("framereceived", self._add)

    def _add(self, payload: bytes | str) -> None:
        self.received.append(payload if isinstance(payload, bytes) else payload.encode())

    def take(self) -> tuple[int, int]:
        """Bytes and element deltas received, and start counting again."""
        taken, self.received = self.received, []
        deltas = 0
        for raw in taken:
            message = ForwardMsg()
            message.ParseFromString(raw)
            deltas += message.WhichOneof("type") == "delta"
        return sum(len(r) for r in taken), deltas


@dataclass
class Clicks:
    """Per answer: click to idle, click to the server's last message, what was received."""

    ms: list[float] = field(default_factory=list)
    script_ms: list[float] = field(default_factory=list)
    browser_cpu_ms: list[float] = field(default_factory=list)
    server_cpu_ms: list[float] = field(default_factory=list)
    bytes: list[int] = field(default_factory=list)
    deltas: list[int] = field(default_factory=list)


@dataclass
class Subject:
    """A page ready to be clicked: ``target(i)`` is the selector of the i-th click."""

    page: Page
    frames: Frames
    target: Callable[[int], str]
    server_pid: int
    clicks: Clicks = field(default_factory=Clicks)

    def watch(self) -> None:
        self.page.evaluate(WATCH)
        self.frames.take()
        self.devtools = self.page.context.new_cdp_session(self.page)
        self.devtools.send("Performance.enable")

    def browser_busy(self) -> float:
        """Seconds the page's main thread has spent on tasks (script, style, layout, paint)."""
        metrics = self.devtools.send("Performance.getMetrics")["metrics"]
        return next(m["value"] for m in metrics if m["name"] == "TaskDuration")

    def click(self, i: int) -> None:
        """One answer, then wait until the page is idle and note the figures."""
        self.page.bring_to_front()
        busy, cpu = self.browser_busy(), process_cpu(self.server_pid)
        self.page.locator(self.target(i)).click()
        try:
            self.page.wait_for_function(IDLE, arg=QUIET_MS, polling=50)
        except PlaywrightTimeout:
            state = self.page.evaluate("() => JSON.stringify(window.__bench)")
            print(f"not idle after click {i} on {self.page.url}: {state}", file=sys.stderr)
            raise
        self.clicks.browser_cpu_ms.append((self.browser_busy() - busy) * 1000)
        self.clicks.server_cpu_ms.append((process_cpu(self.server_pid) - cpu) * 1000)
        times = self.page.evaluate(TIMES)
        self.clicks.ms.append(times["idle"])
        self.clicks.script_ms.append(times["reply"])
        size, deltas = self.frames.take()
        self.clicks.bytes.append(size)
        self.clicks.deltas.append(deltas)


def process_cpu(pid: int) -> float:
    """CPU seconds (user and system, all threads) a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def open_page(browser: Browser, frames: Frames) -> Page:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.add_init_script(SOCKET)
    page.on("websocket", frames.watch)
    return page


def wizard(browser: Browser, server: Server, dossier: int) -> Subject:
    """The officer on the information step of the demo draft, signed in."""
    frames = Frames()
    page = open_page(browser, frames)
    page.goto(f"{server.url}/dossier?dossier={dossier}&step={STEP}")
    sign_in(page, "officer")
    page.wait_for_selector(f'[data-page-ready^="{STEP}:"]', state="attached")
    wait_idle(page)
    box = f".st-key-q__{dossier}__{QUESTION}"
    target = lambda i: f'{box} label:has-text("{ANSWERS[i % 2]}")'  # noqa: E731
    return Subject(page, frames, target, server.process.pid)


def start_bare(folder: Path) -> tuple[str, subprocess.Popen]:
    """The bare page, served with the same flags as ``quickscan serve``."""
    script = folder / "bare_page.py"
    script.write_text(BARE_PAGE)
    port = free_port()
    flags = {**STREAMLIT_FLAGS, "server.port": str(port), "server.address": "127.0.0.1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script)]
        + [f"--{name}={value}" for name, value in flags.items()],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                return url, process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("the bare page's server did not become healthy")


def bare(browser: Browser, url: str, pid: int) -> Subject:
    frames = Frames()
    page = open_page(browser, frames)
    page.goto(url)
    wait_idle(page)
    page.wait_for_selector(".st-key-r24")
    target = lambda i: f'.st-key-r0 label:has-text("{ANSWERS[i % 2]}")'  # noqa: E731
    return Subject(page, frames, target, pid)


def compare(browser: Browser, folder: Path, rounds: int) -> tuple[Clicks, Clicks]:
    """Both pages open side by side, answered in turns, so that both see the same load."""
    database = folder / "demo.db"
    ids = seed_demo_database(f"sqlite:///{database}")
    server = start_server(f"sqlite:///{database}", folder / "demo.log")
    bare_url, bare_process = start_bare(folder)
    try:
        ours = wizard(browser, server, ids["draft"])
        subjects = [ours, bare(browser, bare_url, bare_process.pid)]
        for subject in subjects:
            subject.watch()
        for i in range(rounds):
            for subject in subjects:
                subject.click(i)
    finally:
        stop_server(server)
        bare_process.terminate()
        bare_process.wait(timeout=10)
    return subjects[0].clicks, subjects[1].clicks


# In the page from its first moment: when the element ``selector`` has a box on screen,
# checked every frame (Playwright's own waiting polls every half second after a while).
SHOWN = """(selector) => {
  const look = () => {
    const found = document.querySelector(selector);
    if (found && found.getBoundingClientRect().width > 0) {
      window.__shown = performance.timeOrigin + performance.now();
    } else {
      requestAnimationFrame(look);
    }
  };
  requestAnimationFrame(look);
}"""


def first_drawn(browser: Browser, url: str, selector: str) -> float:
    """Seconds from now to ``selector`` drawn on the first visit to ``url`` (a new profile)."""
    asked_at = time.time()
    page = browser.new_page()
    page.add_init_script(f"({SHOWN})({json.dumps(selector)})")
    page.goto(url, wait_until="commit")
    shown = page.wait_for_function("() => window.__shown", polling=100).json_value()
    page.close()
    return shown / 1000 - asked_at


def serve_and_sign_in_form(browser: Browser, database: Path) -> tuple[float, float]:
    """Seconds from ``quickscan serve`` to healthy, and from healthy to the sign-in form."""
    start = time.perf_counter()
    server = start_server(f"sqlite:///{database}", database.with_suffix(".log"))
    healthy = time.perf_counter() - start
    try:
        return healthy, first_drawn(browser, server.url, ".st-key-sign_in_name input")
    finally:
        stop_server(server)


def bare_first_drawn(browser: Browser, folder: Path) -> float:
    """Seconds from the bare page's server being healthy to its last radio drawn."""
    url, process = start_bare(folder)
    try:
        return first_drawn(browser, url, ".st-key-r24")
    finally:
        process.terminate()
        process.wait(timeout=10)


def summary(name: str, clicks: Clicks) -> str:
    ms = sorted(clicks.ms)
    p90 = ms[min(len(ms) - 1, round(0.9 * (len(ms) - 1)))]
    return (
        f"{name}: click to idle median {statistics.median(ms):.0f} ms, p90 {p90:.0f} ms; "
        f"received per answer {statistics.median(clicks.bytes) / 1024:.1f} KiB, "
        f"{statistics.median(clicks.deltas):.0f} element deltas; "
        f"last message after {statistics.median(clicks.script_ms):.0f} ms; CPU per answer: "
        f"browser main thread {statistics.median(clicks.browser_cpu_ms):.0f} ms, "
        f"server {statistics.median(clicks.server_cpu_ms):.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="3 answers, one start (CI)")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="answers on each page")
    parser.add_argument("--part", choices=["all", "answers", "serve"], default="all")
    args = parser.parse_args()
    rounds, starts = (3, 1) if args.quick else (args.rounds, 3)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder = Path(tmp)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if args.part != "serve":
            ours, theirs = compare(browser, folder, rounds)
            print(summary(f"wizard, '{STEP}' step ({rounds} answers)", ours))
            print(summary("bare page, 25 radios, navigation, sidebar", theirs))
            ratio = statistics.median(ours.ms) / statistics.median(theirs.ms)
            print(f"ratio {ratio:.2f} (target <= 1.2)")
        if args.part != "answers":
            for label, database in (
                ("an empty database (demo data added)", None),
                ("an existing database", folder / "empty0.db"),
            ):
                runs = [
                    serve_and_sign_in_form(browser, database or folder / f"empty{i}.db")
                    for i in range(starts)
                ]
                print(
                    f"quickscan serve on {label}: healthy after median "
                    f"{statistics.median(h for h, _ in runs):.2f} s, sign-in form "
                    f"{statistics.median(f for _, f in runs):.2f} s after that "
                    "(targets 3 s, 1.5 s)"
                )
            bare = statistics.median(bare_first_drawn(browser, folder) for _ in range(starts))
            print(f"bare page: drawn {bare:.2f} s after its server is healthy (for reference)")
        browser.close()


if __name__ == "__main__":
    main()
