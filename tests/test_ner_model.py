"""The committed NER model (models/ner): loads, finds people and organisations in synthetic news
sentences, and is fast enough for `pantau extract` (measured in CPU time, so a busy machine does
not make it flaky; benchmarks/bench_ner.py prints wall-clock words/s)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

MODEL = Path(__file__).resolve().parent.parent / "models" / "ner"

pytestmark = pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="models/ner not trained")

# Synthetic sentences in the style of corrections press releases (no article text).
SENTENCES = [
    "Kepala Lapas Kelas IIA Banyuwangi, Mochamad Rizal, mengatakan razia dilakukan bersama BNNK Banyuwangi.",
    "Kegiatan itu dihadiri Kepala Kantor Wilayah Ditjenpas Jawa Timur, Heru Prasetyo, di Surabaya, Senin (10/2/2025).",
    "Menurut Kalapas Kelas IIB Tegal, Rina Marlina, sebanyak 85 warga binaan mengikuti tes urine dari BNN Kota Tegal.",
    "Rutan Kelas I Depok menerima kunjungan kerja Ombudsman RI Perwakilan Jawa Barat pada Rabu (12/2).",
    "Kapolres Jember AKBP Budi Santoso menyerahkan bantuan kepada Lapas Jember, Kamis (21/12).",
]
PEOPLE = ["Mochamad Rizal", "Heru Prasetyo", "Rina Marlina", "Budi Santoso"]


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.load(MODEL)


def test_meta_describes_labels_and_scores():
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    assert set(meta["labels"]["ner"]) == {"PERSON", "ORG", "LOC"}
    scores = meta["pantau"]["test_scores"]
    for key in ("nergrit", "nerp", "overall"):
        assert 0.0 < scores[key]["f1"] <= 1.0
        assert set(scores[key]["per_type"]) == {"PERSON", "ORG", "LOC"}


def test_model_is_small():
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    assert size < 20 * 1024 * 1024


def test_finds_people_and_organisations(nlp):
    docs = list(nlp.pipe(SENTENCES))
    persons = [e.text for d in docs for e in d.ents if e.label_ == "PERSON"]
    orgs = [e.text for d in docs for e in d.ents if e.label_ == "ORG"]
    found = [p for p in PEOPLE if any(p in e or e in p for e in persons)]
    assert len(found) >= 3, persons
    assert any("Lapas" in o or "Rutan" in o or "BNN" in o for o in orgs), orgs
    # titles and dates are not people
    assert not any(e.startswith(("Kepala", "Senin", "Kamis")) for e in persons), persons


def test_fast_enough(nlp):
    """A generous floor (10,000 words per CPU-second); the real figure comes from benchmarks/bench_ner.py."""
    texts = [" ".join(SENTENCES * 8)] * 40
    words = sum(len(d) for d in nlp.tokenizer.pipe(texts))
    list(nlp.pipe(texts[:2]))
    start = time.process_time()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    cpu = time.process_time() - start
    assert words / cpu >= 10_000, f"{words / cpu:,.0f} words per CPU-second"
