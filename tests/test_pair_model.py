"""The partnership pair classifier (nlp/pair_model.py, flows/train_pairs.py) on synthetic data: features,
a tiny training run, prediction, the hook at the end of nlp.partnerships.extract_partnerships, and the stage
being a no-op without a model file."""

from __future__ import annotations

from datetime import date

import pytest

from flows import train_pairs as T
from nlp import pair_model
from nlp.pair_model import Context, Side, features, pair_kind
from nlp.partnerships import extract_partnerships, partnership_candidates
from nlp.records import Analysis
from tests.test_partnerships import analysis


def _ctx(text: str, kinds: list[set[str]], **kw) -> Context:
    sents, start = [], 0
    for part in text.split("|"):
        sents.append((start, start + len(part)))
        start += len(part) + 1
    return Context(sentences=sents, sentence_kinds=[frozenset(k) for k in kinds], title_end=sents[0][1],
                   n_units=kw.get("n_units", 1), n_partners=kw.get("n_partners", 1),
                   rule_units=kw.get("rule_units", set()), rule_partners=kw.get("rule_partners", set()),
                   n_rule_pairs=kw.get("n_rule_pairs", 0), text=text.replace("|", " ")).prepare()


TEXT = "Judul Lapas Maju|Kalapas Maju bersama BNNK Jaya menggelar tes urine.|Hasilnya negatif.|Dinas Sosial hadir."


def _sides():
    unit = Side("Lapas Maju", "lapas:maju", "facility", [TEXT.index("Lapas Maju"), TEXT.index("Maju bersama")])
    bnn = Side("BNNK Jaya", "bnn:jaya", "bnn", [TEXT.index("BNNK")])
    dinsos = Side("Dinas Sosial", "dinas:sosial", "dinas", [TEXT.index("Dinas")])
    return unit, bnn, dinsos


def test_features_of_a_pair_in_one_sentence_with_a_trigger():
    ctx = _ctx(TEXT, [set(), {"joint_operation"}, set(), {"attendance"}], n_partners=2, rule_partners={"dinas:sosial"})
    unit, bnn, dinsos = _sides()
    f = features(ctx, unit, bnn)
    assert f["same_sent"] == 1.0 and f["both_k=joint_operation"] == 1.0 and f["trig_pfam=bnn"] == 1.0
    assert f["pfam=bnn"] == 1.0 and f["ufam=facility"] == 1.0 and f["u_title"] == 1.0 and f["p_title"] == 0.0
    assert f["joined"] == 1.0 and f["rule_p"] == 0.0
    g = features(ctx, unit, dinsos)
    assert g["same_sent"] == 0.0 and "both_k=joint_operation" not in g and g["rule_p"] == 1.0
    assert g["p_k=attendance"] == 1.0


def test_kind_from_the_shared_sentence_else_the_family():
    ctx = _ctx(TEXT, [set(), {"joint_operation", "program"}, set(), set()])
    unit, bnn, dinsos = _sides()
    model = {"kind_by_family": {"dinas": "program"}, "default_kind": "meeting"}
    assert pair_kind(ctx, unit, bnn, model) == ("joint_operation", 1)
    assert pair_kind(ctx, unit, dinsos, model)[0] == "program"
    assert pair_kind(ctx, unit, Side("X", None, "court", [0]), model)[0] == "meeting"


def _synthetic_articles(n: int = 20) -> list[T.Article]:
    """Half the articles: the partner shares a trigger sentence with the unit (a gold pair); half: the partner
    is named far away without a trigger (no pair)."""
    unit, bnn, dinsos = _sides()
    arts = []
    for i in range(n):
        ctx = _ctx(TEXT, [set(), {"joint_operation"}, set(), set()], n_partners=2)
        a = T.Article(id=f"s{i}", group="fresh" if i % 4 == 0 else "rest", n_gold=1 + (i % 3 == 0), rule_tp=i % 3 == 0,
                      n_rules=i % 3 == 0)
        for side, gold in ((bnn, True), (dinsos, False)):
            a.feats.append(features(ctx, unit, side))
            a.matches.append({1} if gold else set())
            a.gold_kinds.append(["joint_operation"] if gold else [])
            a.fams.append(side.family)
            a.kinds.append("joint_operation" if gold else "")
        arts.append(a)
    return arts


def test_train_on_a_tiny_synthetic_set_and_predict(tmp_path):
    arts = _synthetic_articles()
    assert T._labels(arts) == [1, 0] * len(arts)
    vec, clf = T._fit(arts)
    cv = T.nested_cv(arts)
    assert cv["all"]["rules+classifier"]["f1"] > cv["all"]["rules"]["f1"]
    model = {"weights": {k: float(w) for k, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)},
             "bias": float(clf.intercept_[0]), "threshold": 0.5, "kind_by_family": {}, "default_kind": "meeting"}
    path = tmp_path / "partnerships" / pair_model.MODEL_FILE
    pair_model.save_model(model, path)
    loaded = pair_model.load_model(path)
    assert loaded is not None and loaded["format"] == pair_model.FORMAT
    assert pair_model.load_model(path) is loaded  # cached per process
    unit, bnn, dinsos = _sides()
    ctx = _ctx(TEXT, [set(), {"joint_operation"}, set(), set()], n_partners=2)
    out = pair_model.predict(loaded, ctx, [(unit, bnn), (unit, dinsos)])
    assert [(i, kind, sent) for i, _, kind, sent in out] == [(0, "joint_operation", 1)]
    assert pair_model.score(loaded, features(ctx, unit, dinsos)) < 0.5


ARTICLE = ("Pameran karya warga binaan Lapas Sukamaju\n\nLapas Sukamaju menggelar pameran karya warga binaan di "
           "alun-alun kota. Universitas Nusantara ikut memamerkan produk mahasiswa pada pameran yang sama.")


def _analysis() -> Analysis:
    return analysis(ARTICLE, [("Lapas Sukamaju", "lapas:sukamaju", ["Lapas Sukamaju"])],
                    [("Universitas Nusantara", "education", "education:nusantara", ["Universitas Nusantara"])])


@pytest.fixture
def no_model_cache():
    saved = dict(pair_model._CACHE)
    pair_model._CACHE.clear()
    yield
    pair_model._CACHE.clear()
    pair_model._CACHE.update(saved)


def test_stage_is_a_no_op_without_a_model_file(tmp_path, monkeypatch, no_model_cache):
    monkeypatch.setattr(pair_model, "MODEL_PATH", tmp_path / "absent" / pair_model.MODEL_FILE)
    assert pair_model.load_model() is None
    rules, ctx, cands = partnership_candidates(ARTICLE, _analysis())
    assert rules == [] and [(u.name, d) for u, _, d in cands] == [("Lapas Sukamaju", "Universitas Nusantara")]
    assert extract_partnerships(ARTICLE, _analysis()) == rules


def test_stage_appends_the_pairs_the_model_accepts(tmp_path, monkeypatch, no_model_cache):
    path = tmp_path / pair_model.MODEL_FILE
    pair_model.save_model({"weights": {"pfam=education": 3.0}, "bias": -1.0, "threshold": 0.6,
                           "kind_by_family": {"education": "program"}, "default_kind": "meeting"}, path)
    monkeypatch.setattr(pair_model, "MODEL_PATH", path)
    out = extract_partnerships(ARTICLE, _analysis())
    assert len(out) == 1
    p = out[0]
    assert p.parties == ("Lapas Sukamaju", "Universitas Nusantara") and p.kind == "program" and p.direction is None
    assert p.party_ids == ("lapas:sukamaju", "education:nusantara") and p.date == date(2025, 6, 3)
    assert p.evidence.startswith("Universitas Nusantara ikut memamerkan")


def test_model_file_of_another_format_is_ignored(tmp_path, no_model_cache):
    import gzip
    import pickle

    path = tmp_path / pair_model.MODEL_FILE
    with gzip.open(path, "wb") as fh:
        pickle.dump({"weights": {}, "format": 99}, fh)
    assert pair_model.load_model(path) is None
