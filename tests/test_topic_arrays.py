"""The topic model as plain arrays (nlp/topic_arrays.py) must predict exactly what the pickled
scikit-learn model predicts, fall back to the pickle whenever the arrays cannot be trusted, and keep
scikit-learn and torch out of `pantau extract`. Synthetic articles written for these tests, plus a
comparison on corpus articles (no text printed or stored)."""

from __future__ import annotations

import copy
import gzip
import importlib.util
import json
import os
import pickle
import random
import shutil
import subprocess
import sys
from collections import Counter
from itertools import chain
from pathlib import Path

import numpy as np
import pytest

from nlp.topic_arrays import (
    ARRAYS_FILE,
    ArrayTopicModel,
    _char_wb_grams,
    _word_grams,
    export_arrays,
    load_arrays,
)
from nlp.topic_training import LabelledDoc, fit_topic_model
from nlp.topics import MODEL_FILE, TopicModel, lead, load_topic_model, prepare_text, save_topic_model

ROOT = Path(__file__).resolve().parents[1]

VISIT = ("Kepala Kantor Wilayah Ditjenpas {p} melakukan kunjungan kerja ke Rutan Kelas IIB {c}. Ia meninjau "
         "dapur, klinik dan blok hunian, lalu berdialog dengan {n} tahanan tentang layanan kunjungan keluarga.")
PHONE = ("Petugas Lapas Kelas IIA {c} menggelar razia kamar hunian dan menyita {n} unit telepon genggam serta "
         "kabel pengisi daya. Kalapas {c} menyatakan ponsel ilegal memicu peredaran narkoba dari balik jeruji.")
MARKET = ("Harga cabai rawit di Pasar Induk {c} naik menjadi Rp{n}.000 per kilogram. Pedagang menyebut pasokan "
          "dari {p} berkurang karena hujan deras sepanjang pekan.")
PLACES = [("Sukamaju", "Jawa Barat"), ("Mekarsari", "Banten"), ("Tanjung Laut", "Riau"), ("Batu Gajah", "Jambi"),
          ("Lembah Hijau", "Bali"), ("Pasir Putih", "Maluku"), ("Karang Anyar", "Papua"), ("Bukit Indah", "Aceh"),
          ("Sumber Rejo", "Lampung"), ("Teluk Biru", "Gorontalo"), ("Padang Ilalang", "Sulawesi Tengah"),
          ("Kota Baru", "Kalimantan Barat")]


def _docs() -> list[LabelledDoc]:
    rng = random.Random(11)
    docs = []
    for i, (c, p) in enumerate(PLACES):
        n = rng.randint(2, 40)
        docs.append(LabelledDoc(f"v{i}", f"Kakanwil {p} kunjungi Rutan {c}", VISIT.format(c=c, p=p, n=n), True,
                                ["official_visit"]))
        docs.append(LabelledDoc(f"h{i}", f"Razia ponsel di Lapas {c}", PHONE.format(c=c, n=n), True,
                                ["illegal_phones", "anti_narcotics"]))
        docs.append(LabelledDoc(f"m{i}", f"Harga cabai di {c} naik", MARKET.format(c=c, p=p, n=n), False, None))
    return docs


NEW_TITLES = ["Kakanwil Jambi kunjungi Rutan Pasir Merah", "Ponsel disita dari kamar napi", "Cabai mahal", None, ""]
NEW_TEXTS = [VISIT.format(c="Pasir Merah", p="Jambi", n=7), PHONE.format(c="Ujung Batu", n=3),
             MARKET.format(c="Ujung Batu", p="Riau", n=90),
             "KOTA BARU -- Sebanyak 12 unit HP dan narkoba\u00a0jenis sabu   ditemukan di  blok C-2.", ""]


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """A small model fitted on synthetic articles and saved the way `pantau train topics` saves it."""
    model, _ = fit_topic_model(_docs(), n_splits=3, min_positives=4)
    d = tmp_path_factory.mktemp("models")
    save_topic_model(model, d)
    return model, d


def test_analysers_produce_sklearns_ngrams():
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = ["kalapas  tegal, s.h., m.h. -- 12 unit hp\u00a0disita (blok c-2) pada senin 3/2/2025 ...",
             "a bb ccc dddd eeeee ffffff", "", "   ", "x", "re-integrasi  sosial\twarga\nbinaan " * 60]
    for params in ({"ngram_range": (1, 2), "token_pattern": r"(?u)\b[a-z][a-z0-9-]+\b"},
                   {"ngram_range": (1, 3)}, {"ngram_range": (2, 2)}):
        spec = {"token_pattern": params.get("token_pattern", r"(?u)\b\w\w+\b"), "ngram_range": params["ngram_range"]}
        ref = TfidfVectorizer(**params).build_analyzer()
        for t in texts:
            assert Counter(_word_grams(spec)(t.lower())) == Counter(ref(t)), (params, t)
    for lo, hi in ((3, 5), (2, 4), (1, 1)):
        ref = TfidfVectorizer(analyzer="char_wb", ngram_range=(lo, hi), preprocessor=lead).build_analyzer()
        for t in texts:
            ours = chain.from_iterable(_char_wb_grams(w, lo, hi) for w in lead(t).split())
            assert Counter(ours) == Counter(ref(t)), (lo, hi, t)


def test_training_writes_arrays_that_predict_exactly_like_the_pickle(saved):
    model, d = saved
    assert (d / "topics" / MODEL_FILE).exists() and (d / "topics" / ARRAYS_FILE).exists()
    arr = load_topic_model(d)
    assert isinstance(arr, ArrayTopicModel)
    assert arr.labels == list(model.topic_clfs) and arr.thresholds == model.thresholds
    docs = [prepare_text(t, x) for t, x in zip(NEW_TITLES, NEW_TEXTS, strict=True)]
    from nlp.topics import shared_transform

    Xr, Xt = shared_transform([model.relevance_vec, model.topic_vec], docs)
    rel, top = arr.probabilities(docs)
    assert np.array_equal(rel, model.relevance_clf.predict_proba(Xr)[:, 1])
    for j, lab in enumerate(arr.labels):
        assert np.array_equal(top[:, j], model.topic_clfs[lab].predict_proba(Xt)[:, 1]), lab
    assert arr.predict(NEW_TITLES, NEW_TEXTS) == model.predict(NEW_TITLES, NEW_TEXTS)
    assert arr.predict_scores(NEW_TITLES, NEW_TEXTS) == model.predict_scores(NEW_TITLES, NEW_TEXTS)
    assert arr.predict([], []) == [] and arr.predict_scores([], []) == []
    assert pickle.loads(pickle.dumps(arr)).predict(NEW_TITLES, NEW_TEXTS) == model.predict(NEW_TITLES, NEW_TEXTS)
    # `pantau explain` needs the fitted vectorisers: the array model loads the pickle for it
    assert arr.explain(NEW_TITLES[1], NEW_TEXTS[1], top=4) == model.explain(NEW_TITLES[1], NEW_TEXTS[1], top=4)
    assert list(arr.topic_clfs) == list(model.topic_clfs)


def test_missing_stale_or_damaged_arrays_fall_back_to_the_pickle(saved, tmp_path):
    model, d = saved
    topics = tmp_path / "topics"
    shutil.copytree(d / "topics", topics)
    assert isinstance(load_topic_model(tmp_path), ArrayTopicModel)
    assert isinstance(load_topic_model(tmp_path, arrays=False), TopicModel)
    # the pickle replaced by another model (copied in, or saved by older code): the arrays are stale
    other = copy.deepcopy(model)
    other.thresholds = {k: 0.99 for k in other.thresholds}
    with gzip.open(topics / MODEL_FILE, "wb") as f:
        pickle.dump(other, f, protocol=5)
    got = load_topic_model(tmp_path)
    assert isinstance(got, TopicModel) and got.thresholds == other.thresholds
    # re-exported: current again
    assert export_arrays(other, topics / MODEL_FILE) is not None
    got = load_topic_model(tmp_path)
    assert isinstance(got, ArrayTopicModel) and got.thresholds == other.thresholds
    # damaged, then absent
    (topics / ARRAYS_FILE).write_bytes(b"PK\x03\x04 not really a zip")
    assert load_arrays(topics / MODEL_FILE) is None
    assert isinstance(load_topic_model(tmp_path), TopicModel)
    (topics / ARRAYS_FILE).unlink()
    assert isinstance(load_topic_model(tmp_path), TopicModel)


def test_a_model_the_arrays_cannot_reproduce_gets_none_and_no_stale_file(saved, tmp_path):
    model, d = saved
    topics = tmp_path / "topics"
    shutil.copytree(d / "topics", topics)
    odd = copy.deepcopy(model)
    odd.topic_vec.transformer_list[0][1].set_params(stop_words=["dan", "di"])
    assert export_arrays(odd, topics / MODEL_FILE) is None
    assert not (topics / ARRAYS_FILE).exists()


def _lines(path: Path) -> list[str]:
    """JSONL lines split on "\n" only: article text holds U+2028, which `splitlines` breaks at."""
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def _corpus_sample() -> list[dict]:
    """Corpus articles with development labels, without any held-out or blind-round id (the check
    compares two implementations; nothing is printed or scored)."""
    ann = ROOT / "models" / "annotations"
    files = [*sorted(ann.glob("topics_only*.jsonl")),
             *(f for f in sorted((ann / "gold").glob("dev_*.jsonl")) if f.stem not in ("dev_h", "dev_l"))]
    ids: set[str] = set()
    for f in files:
        ids |= {str(json.loads(line)["id"]) for line in _lines(f)}
    splits = json.loads((ann / "splits.json").read_text())
    ids -= set(splits.get("entity_heldout", [])) | set(splits.get("negatives_in_gold", [])) \
        | set(splits.get("entity_dev_7", []))
    corpus = ROOT.parent / "shared" / "data" / "corpus"
    rows = []
    for name in ("articles.jsonl", "negatives.jsonl"):
        if (corpus / name).exists():
            for line in _lines(corpus / name):
                r = json.loads(line)
                if str(r["id"]) in ids:
                    rows.append(r)
    return rows


def test_committed_arrays_are_current_and_match_the_pickle_on_corpus_articles():
    pk = ROOT / "models" / "topics" / MODEL_FILE
    if not pk.exists():
        pytest.skip("no committed topic model")
    arr = load_arrays(pk)
    assert arr is not None, ("models/topics/arrays.npz is missing or was not exported from model.pkl.gz: "
                             "run `python -m nlp.topic_arrays` (pantau extract is ~3 s slower without it)")
    rows = _corpus_sample()
    if len(rows) < 100:
        pytest.skip("corpus not available")
    from nlp.topics import load_pickled_model, shared_transform

    model = load_pickled_model(pk)
    titles, texts = [r.get("title") for r in rows], [r.get("text") or "" for r in rows]
    worst = 0.0
    for i in range(0, len(rows), 64):
        docs = [prepare_text(t, x) for t, x in zip(titles[i:i + 64], texts[i:i + 64], strict=True)]
        Xr, Xt = shared_transform([model.relevance_vec, model.topic_vec], docs)
        rel, top = arr.probabilities(docs)
        worst = max(worst, np.abs(rel - model.relevance_clf.predict_proba(Xr)[:, 1]).max())
        for j, lab in enumerate(arr.labels):
            worst = max(worst, np.abs(top[:, j] - model.topic_clfs[lab].predict_proba(Xt)[:, 1]).max())
    assert worst <= 1e-12
    assert arr.predict(titles, texts) == model.predict(titles, texts)


def _env() -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PANTAU_THINC_TORCH", None)
    return env


def test_extract_path_loads_neither_sklearn_nor_torch():
    """What `pantau extract` imports and loads before its workers fork (each import is seconds of CPU)."""
    code = ("import sys, json\n"
            "import flows.cli\n"
            "from flows.commands.nlp_cmds import run_extract\n"
            "from nlp.analyze import Analyzer\n"
            "a = Analyzer.load()\n"
            "heavy = [m for m in ('torch', 'sklearn', 'scipy', 'pandas', 'prefect', 'duckdb', 'dateparser')"
            " if m in sys.modules]\n"
            "import thinc.compat\n"
            "print(json.dumps([type(a.topic_model).__name__, heavy, thinc.compat.has_torch]))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env=_env())
    kind, heavy, thinc_torch = json.loads(out.stdout.strip().splitlines()[-1])
    assert heavy == [] and thinc_torch is False
    if (ROOT / "models" / "topics" / ARRAYS_FILE).exists():
        assert kind == "ArrayTopicModel"


def test_torch_still_imports_after_spacy():
    """The Stanza backend imports torch after spaCy: hiding it from thinc must not hide it for good."""
    if importlib.util.find_spec("torch") is None:
        pytest.skip("torch not installed")
    code = "import nlp.pipeline, sys\nassert 'torch' not in sys.modules\nimport torch\nprint(torch.zeros(2).sum().item())"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env=_env())
    assert out.stdout.strip() == "0.0"
