"""The official_visit second stage (nlp/topic_stack.py): features, the saved model, and the Analyzer's use of it."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from nlp.records import Analysis, ArticleText, Partnership
from nlp.topic_stack import FEATURES, StackModel, features, fit_stack, hierarchy_visit, load_stack


def test_hierarchy_visit_needs_visit_word_office_and_unit_in_one_sentence():
    assert hierarchy_visit("Kakanwil Ditjenpas Nusa Selatan meninjau Lapas Rawasari, Senin (2/6).")
    # the three pieces spread over two sentences are no visit sentence
    assert not hierarchy_visit("Kakanwil Ditjenpas Nusa Selatan hadir di Jakarta. Ia meninjau pasar Rawasari.")
    assert not hierarchy_visit("Keluarga warga binaan melakukan kunjungan ke Lapas Rawasari.")


def test_features_order_and_values():
    x = features(0.5, ["visit", "program"], True, "Kakanwil meninjau Lapas Rawasari.")
    assert len(x) == len(FEATURES)
    assert x == [0.0, 1.0, 0.0, 0.0, 1.0, 1.0]
    assert math.isfinite(features(1.0, [], False, "")[0])  # a certain text score stays finite


def test_fit_save_and_load_roundtrip(tmp_path):
    rng = np.random.default_rng(0)
    n = 200
    y = rng.integers(0, 2, n)
    X = np.column_stack([y * 2.0 - 1 + rng.normal(0, 1, n), y * (rng.random(n) < 0.6), rng.random(n) < 0.2,
                         rng.random(n) < 0.1, y * (rng.random(n) < 0.5), rng.random(n) < 0.2]).astype(float)
    model, cv = fit_stack(X, y, np.ones(n, dtype=bool))
    assert cv["f1"] > 0.7  # the synthetic label is learnable from the features
    assert model.coef[0] > 0 and model.coef[1] > 0
    (tmp_path / "topics").mkdir()
    model.save(tmp_path / "topics")
    back = load_stack(tmp_path)
    assert back == model
    assert back.prob(list(X[0])) == pytest.approx(model.prob(list(X[0])))


def test_stack_of_other_features_is_refused(tmp_path):
    (tmp_path / "topics").mkdir()
    (tmp_path / "topics" / "stack.json").write_text(json.dumps(
        {"label": "official_visit", "coef": [1.0], "intercept": 0.0, "threshold": 0.5, "features": ["x"]}))
    with pytest.raises(ValueError, match="retrain topics"):
        load_stack(tmp_path)
    assert load_stack(tmp_path / "nowhere") is None


def test_analyzer_lets_the_stage_decide_the_label():
    from nlp.analyze import Analyzer

    az = Analyzer.__new__(Analyzer)
    # weights: only the visit pair matters, threshold 0.5
    az.stack = StackModel("official_visit", [0.0, 10.0, 0.0, 0.0, 0.0, 0.0], -5.0, 0.5)
    art = ArticleText(id="x", text="Bupati Rawasari berkunjung ke Lapas Rawasari.", title="Kunjungan")
    a = Analysis(id="x", relevant=True, topics=["official_visit"], topic_scores={"official_visit": 0.9})
    az._restack(a, art, Analyzer.full_text(art))
    assert a.topics == [] and a.topic_scores["official_visit"] < 0.5
    a.partnerships = [Partnership(parties=("Lapas Rawasari", "Pemkab Rawasari"), kind="visit")]
    az._restack(a, art, Analyzer.full_text(art))
    assert a.topics == ["official_visit"] and a.topic_scores["official_visit"] > 0.5
