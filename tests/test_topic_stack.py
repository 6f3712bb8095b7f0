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


VISIT = ("Kepala Kantor Wilayah Ditjenpas Nusa Selatan meninjau Lapas Kelas IIB {c}, Senin (2/6). Bupati {c} "
         "juga berkunjung ke Lapas Kelas IIB {c} dan berdialog dengan petugas.")
OTHER = "Petugas Lapas Kelas IIB {c} menggelar razia kamar hunian dan menemukan {n} telepon genggam, Senin (2/6)."


def test_training_writes_a_stage_that_the_analyzer_loads(tmp_path):
    """`pantau train topics` end to end on synthetic articles: out-of-fold text probabilities + the extraction
    of every article -> models/topics/stack.json, which Analyzer.load then applies."""
    from flows.train_stack import train_stack
    from nlp.analyze import Analyzer
    from nlp.pipeline import ROOT
    from nlp.topic_training import LabelledDoc, fit_topic_model

    cities = ["Rawasari", "Lembahhijau", "Tanjungbiru", "Pasirkuning", "Sukamaju", "Karangasri", "Bukitdamai",
              "Muaraelok", "Talangsari", "Padangrejo", "Sungaimas", "Batuputih"]
    docs = []
    for i, c in enumerate(cities):
        docs.append(LabelledDoc(f"v{i}", f"Kunjungan ke Lapas {c}", VISIT.format(c=c), True, ["official_visit"]))
        docs.append(LabelledDoc(f"o{i}", f"Razia di Lapas {c}", OTHER.format(c=c, n=i + 2), True,
                                ["illegal_phones", "security_incident"]))
        docs.append(LabelledDoc(f"s{i}", f"{c} FC menang", f"Klub {c} FC menang {i + 2}-1 di stadion kota.", False,
                                None))
    model, _ = fit_topic_model(docs, n_splits=3, min_positives=4)
    for sub in ("ner", "configs"):
        (tmp_path / sub).symlink_to(ROOT / "models" / sub)
    (tmp_path / "topics").mkdir()
    cv = train_stack(tmp_path, docs, model)
    assert not hasattr(model, "oof")  # the out-of-fold data never reaches the pickle
    assert cv is not None and cv["f1"] > 0.8
    stack = load_stack(tmp_path)
    assert stack is not None and stack.label == "official_visit"
    from nlp.topics import save_topic_model

    save_topic_model(model, tmp_path)
    az = Analyzer._load(tmp_path, None)
    assert az.stack == stack
    a = az.analyze(ArticleText(id="n", title="Kunjungan ke Lapas Sidomulyo", text=VISIT.format(c="Sidomulyo")))
    assert "official_visit" in a.topics
    assert a.topic_scores["official_visit"] == pytest.approx(stack.prob(features(
        model.predict(["Kunjungan ke Lapas Sidomulyo"], [VISIT.format(c="Sidomulyo")])[0].topic_scores["official_visit"],
        [p.kind for p in a.partnerships], True, Analyzer.full_text(ArticleText(
            id="n", title="Kunjungan ke Lapas Sidomulyo", text=VISIT.format(c="Sidomulyo"))))), abs=1e-3)


def test_explain_shows_the_stage_decision(tmp_path):
    """`pantau explain` runs the extraction too, so its official_visit row is the one `pantau extract` gives."""
    import typer
    from typer.testing import CliRunner

    from flows.commands import topics_cmds

    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        pass

    topics_cmds.register(app)
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "k1", "title": "Kakanwil Tinjau Lapas Rawasari",
                               "text": VISIT.format(c="Rawasari")}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["explain", "k1", "--input", str(inp)], terminal_width=200)
    assert res.exit_code == 0, res.output
    assert "official_visit (stage)" in res.output
    assert "hierarchy_visit" in res.output  # the evidence the stage saw
