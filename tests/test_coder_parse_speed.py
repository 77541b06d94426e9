"""The dependency parse's speed work (services/coder/syntax.py): what it changes in how the parse runs must not
change what the parse says."""

from __future__ import annotations

from typing import Any

import pytest

from services.coder import syntax
from services.coder.syntax import DEFAULT_MODEL

SENTENCES = [
    "Japan and Vietnam signed a defence agreement in Hanoi on Tuesday, officials said.",
    "The foreign minister urged Moscow to withdraw its troops from the border and to resume talks.",
    "Officials denied that the rebels had attacked the convoy, which was carrying food aid.",
    "Police arrested 12 protesters outside parliament after a rally against the new tax law turned violent.",
    "Iran",
]


def _analysis(docs: Any) -> list[list[tuple[str, str, str, int]]]:
    return [[(t.text, t.tag_, t.dep_, t.head.i) for t in doc] for doc in docs]


def test_the_parse_matrix_products_run_on_numpy_held_to_one_thread() -> None:
    from threadpoolctl import threadpool_info

    nlp = syntax.pipeline(DEFAULT_MODEL)
    blas = [i for i in threadpool_info() if i["user_api"] == "blas"]
    if not blas:
        pytest.skip("no BLAS that threadpoolctl controls: the pipeline keeps BLIS")
    assert all(i["num_threads"] == 1 for i in blas)
    assert all(proc.model.ops.use_blis is False for _, proc in nlp.pipeline)


def test_the_parse_says_what_the_model_as_shipped_says() -> None:
    import spacy

    shipped = spacy.load(DEFAULT_MODEL, exclude=syntax.EXCLUDED)
    assert _analysis(syntax.parse(DEFAULT_MODEL, SENTENCES)) == _analysis(shipped.pipe(SENTENCES))
