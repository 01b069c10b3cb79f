"""Fuzzing the loaders for a bounded number of inputs: every input ends in a result or a
clear error (ContentError, AnswerFileError) that names the file, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quickscan_app.answer_files import AnswerFileError, load_answer_file
from quickscan_app.content import ContentError, ContentSet, default_content_paths, load_content
from tests.conftest import MINI

CONTENT = load_content(default_content_paths(MINI))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(["unknown", "yes", "no", "internet", "2027-03-15", "mini", "vpn", "mobile"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
answer_docs = st.fixed_dictionaries(
    {
        "questionnaire": st.one_of(st.just("mini"), scalars),
        "version": st.one_of(st.just(1), scalars),
    },
    optional={
        "answers": st.one_of(
            st.dictionaries(
                st.sampled_from(
                    [
                        "connectivity",
                        "remote",
                        "channel",
                        "fleet_share",
                        "publication",
                        "remarks",
                        "nope",
                    ]
                ),
                values,
                max_size=6,
            ),
            values,
        ),
        "dossier": st.one_of(
            st.dictionaries(
                st.sampled_from(
                    ["title", "reference", "language", "planned_publication_date", "x"]
                ),
                values,
                max_size=4,
            ),
            values,
        ),
    },
)


def _write(text: str | bytes, suffix: str = ".yaml") -> Path:
    with tempfile.NamedTemporaryFile(delete=False, suffix=suffix) as handle:
        handle.write(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    return Path(handle.name)


@SETTINGS
@given(doc=answer_docs)
def test_answer_files_of_any_shape(doc) -> None:
    path = _write(yaml.safe_dump(doc, allow_unicode=True))
    try:
        loaded = load_answer_file(path, CONTENT)
    except AnswerFileError as exc:
        assert str(path) in str(exc)
    else:
        assert loaded.library.questionnaire.id == "mini"
    finally:
        path.unlink()


@SETTINGS
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_answer_files_of_any_bytes(raw) -> None:
    path = _write(raw)
    try:
        load_answer_file(path, CONTENT)
    except AnswerFileError as exc:
        assert str(path) in str(exc)
    finally:
        path.unlink()


def _mutations() -> st.SearchStrategy:
    source = (MINI / "questionnaires" / "mini.yaml").read_text()
    return st.tuples(st.integers(0, len(source) - 1), st.integers(0, 40), st.text(max_size=20)).map(
        lambda m: source[: m[0]] + m[2] + source[m[0] + m[1] :]
    )


@SETTINGS
@given(text=_mutations())
def test_content_files_with_random_edits(text) -> None:
    folder = Path(tempfile.mkdtemp())
    (folder / "questionnaires").mkdir()
    (folder / "mitigations").mkdir()
    (folder / "questionnaires" / "mini.yaml").write_text(
        text, encoding="utf-8", errors="surrogatepass"
    )
    for name in ("questionnaires/mini.risk.yaml", "mitigations/mini-measures.yaml"):
        (folder / name).write_text((MINI / name).read_text())
    try:
        result = load_content(default_content_paths(folder))
    except ContentError as exc:
        assert str(folder) in str(exc)
    else:
        assert isinstance(result, ContentSet)
