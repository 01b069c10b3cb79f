"""Hostile files and text on the command line and in the domain (issue 14, points 3, 5, 7, 8):
aliases, unbounded reads, zip bombs, control characters, tracebacks.

Inputs are small and would explode without the bounds; what could take the machine's memory
runs in a subprocess with an address-space limit and a generous timeout.
"""

from __future__ import annotations

import io
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from quickscan_app.cli import main
from quickscan_app.content import ContentError
from quickscan_app.content.yaml_source import read_yaml
from quickscan_app.domain.answers import AnswerError, DossierMeta, normalise_answer
from quickscan_app.domain.plain_text import multi_line, printable, single_line
from quickscan_app.exports import render
from tests.conftest import MINI

MEMORY_LIMIT = 1_500_000_000
"""Address space of a subprocess: ample for the command, far short of an alias expansion."""


def laughs(levels: int) -> str:
    """An answers file of a few hundred bytes whose answer stands for 9**levels strings."""
    lines = ["questionnaire: mini", "version: 1", "answers:", "  connectivity:"]
    lines.append('    - &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]')
    for n in range(1, levels):
        lines.append(f"    - &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def quickscan(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed command in a fresh interpreter, with bounded memory and time."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    env = {"QUICKSCAN_CONTENT_DIR": str(MINI), "PATH": str(Path(sys.executable).parent),
           "QUICKSCAN_DATABASE_URL": f"sqlite:///{cwd / 'none.db'}"}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "quickscan_app.cli", *argv],
        capture_output=True, text=True, env=env, cwd=cwd, timeout=120, check=False,
        preexec_fn=limit,
    )  # fmt: skip


def test_billion_laughs_answers_file_is_refused_in_one_short_line(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(laughs(6))  # 330 bytes; its error message was 4.3 MB
    done = quickscan("score", str(path), cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"quickscan: {path}:6: aliases (*name) are not allowed\n"


def test_aliases_in_content_are_refused_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "content.yaml"
    path.write_text("kind: questionnaire\nbase: &b {id: x}\nother: *b\n")
    with pytest.raises(ContentError) as refused:
        read_yaml(path)
    assert str(refused.value) == f"{path}:3: aliases (*name) are not allowed"


def test_a_refused_value_is_named_briefly(mini) -> None:
    """The message names a value, never its whole repr (here 1.1 million strings)."""
    connectivity = mini.questionnaire.by_id["connectivity"]
    nested = [[["x" * 100] * 100] * 100] * 110
    with pytest.raises(AnswerError) as refused:
        normalise_answer(connectivity, nested)
    assert "is not one of the options" in refused.value.message
    assert len(refused.value.message) < 300


@pytest.mark.parametrize("argv", [("score", "/dev/zero"), ("export", "verify", "/dev/zero")])
def test_files_are_read_with_a_bound(tmp_path: Path, argv: tuple[str, ...]) -> None:
    """``/dev/zero`` is 0 bytes by ``stat`` and endless to read."""
    done = quickscan(*argv, cwd=tmp_path)
    assert done.returncode == 2, done.stderr[-300:]
    assert done.stderr.startswith("quickscan: /dev/zero: ") and "larger than" in done.stderr
    assert len(done.stderr.splitlines()) == 1


def test_a_zip_that_unpacks_beyond_the_total_is_not_read() -> None:
    """Each entry under the per-entry cap, all together over the total: nothing is read."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for n in range(11):
            archive.writestr(f"word/media/zeros{n}.bin", bytes(10_000_000))
    data = buffer.getvalue()
    assert len(data) < 200_000  # 110 MB unpacked
    assert render.detect_format(data) == "docx"
    assert render._zip_texts(data) == []
    assert render.embedded_marks(data, "docx") == []


def test_an_unexpected_error_is_one_line_without_its_details(capsys, monkeypatch) -> None:
    """A bug shows its type only: its text may hold stored data (a hash, a row)."""
    from quickscan_app.cli import content_commands

    def crash(args: object) -> int:
        raise RuntimeError("$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0")

    monkeypatch.setattr(content_commands, "validate", crash)
    monkeypatch.setenv("QUICKSCAN_CONTENT_DIR", str(MINI))
    code = main(["validate"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err == "quickscan: unexpected error (RuntimeError)\n"


def test_the_command_line_prints_no_control_character(capsys, tmp_path: Path) -> None:
    """Whatever a message carries (here a file name) reaches the terminal escaped."""
    path = tmp_path / "a\x1b]0;pwned\x07\x9b31m.yaml"
    code = main(["score", str(path)])
    _, err = capsys.readouterr()
    assert code == 2
    assert "\x1b" not in err and "\x07" not in err and "\x9b" not in err
    assert "a\\u001b]0;pwned\\u0007\\u009b31m.yaml: cannot read file" in err


@pytest.mark.parametrize(
    "text", ["a\x00b", "a\x1b[31mb", "a\x7fb", "a\x85b", "a\u2028b", "a\ud800b", "a\x9bb"]
)
def test_control_characters_are_refused_in_every_kind_of_text(text: str) -> None:
    with pytest.raises(ValueError, match=r"control character U\+[0-9A-F]{4} is not allowed"):
        single_line(text)
    with pytest.raises(ValueError, match="control character"):
        multi_line(text)
    assert "\\u" in printable(text) and printable(text).isprintable()


def test_tab_and_newline_only_in_multi_line_texts(mini) -> None:
    assert multi_line("een\r\ntwee\rdrie\tvier") == "een\ntwee\ndrie\tvier"
    for text in ("een\ntwee", "een\ttwee"):
        with pytest.raises(ValueError, match="control character"):
            single_line(text)
    remarks = mini.questionnaire.by_id["remarks"]
    assert normalise_answer(remarks, "regel 1\n\tregel 2") == "regel 1\n\tregel 2"
    with pytest.raises(AnswerError, match="control character U\\+0000"):
        normalise_answer(remarks, "regel\x00")


@pytest.mark.parametrize("field", ["title", "reference", "contracting_authority", "classification"])
def test_dossier_metadata_refuses_control_characters(field: str) -> None:
    with pytest.raises(ValueError, match="control character U\\+0000 is not allowed"):
        DossierMeta.model_validate({field: "Scanner\x00Maasvlakte"})
    with pytest.raises(ValueError, match="control character U\\+0009"):
        DossierMeta.model_validate({field: "Scanner\tMaasvlakte"})
    assert getattr(DossierMeta.model_validate({field: " Scanner "}), field) == "Scanner"
