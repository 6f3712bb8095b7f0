"""Topic and relevance classifiers: the training code on a small synthetic set, and the committed model on
synthetic articles written for these tests (never corpus text)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from nlp.topic_training import LabelledDoc, fit_topic_model
from nlp.topics import TOPICS, load_taxonomy, load_topic_model, prepare_text

ROOT = Path(__file__).resolve().parents[1]

DRUGS = ("Petugas Lapas Kelas IIA {c} menggagalkan penyelundupan sabu yang disembunyikan dalam {o}. "
         "Kalapas {c} menyerahkan barang bukti narkotika kepada BNNK {c} untuk diproses. Tes urine juga "
         "digelar bagi warga binaan dan petugas, seluruhnya negatif narkoba.")
PHONES = ("Razia kamar hunian di Rutan Kelas IIB {c} menemukan {n} unit handphone dan charger. Karutan {c} "
          "menegaskan larangan ponsel ilegal bagi tahanan; petugas yang terlibat akan diperiksa.")
SPORT = ("Tim sepak bola {c} FC menang {n}-1 atas tamu mereka dalam laga lanjutan liga. Pelatih memuji "
         "lini tengah yang tampil disiplin sepanjang pertandingan di stadion kebanggaan warga {c}.")
CITIES = ["Banyuwangi", "Kupang", "Jember", "Kediri", "Sleman", "Palu", "Ambon", "Sorong", "Bima", "Pati",
          "Garut", "Blitar", "Tuban", "Kendari", "Manado", "Padang", "Jambi", "Dumai", "Lahat", "Bogor"]


def _docs() -> list[LabelledDoc]:
    rng = random.Random(7)
    docs = []
    for i, c in enumerate(CITIES):
        docs.append(LabelledDoc(f"d{i}", f"Sabu dalam {c}", DRUGS.format(c=c, o=rng.choice(["sandal", "bola", "roti"])),
                                True, ["anti_narcotics", "security_incident"]))
        docs.append(LabelledDoc(f"p{i}", f"Razia HP di {c}", PHONES.format(c=c, n=rng.randint(2, 30)),
                                True, ["illegal_phones"]))
        docs.append(LabelledDoc(f"s{i}", f"{c} FC menang", SPORT.format(c=c, n=rng.randint(2, 5)), False, None))
    return docs


def test_taxonomy_has_the_required_labels_with_definitions():
    tax = load_taxonomy()
    required = {"anti_narcotics", "illegal_phones", "extortion_integrity", "election_neutrality", "official_visit",
                "cooperation_agreement", "security_incident", "rehabilitation_programs", "remission_release",
                "overcrowding", "inmate_services"}
    assert required <= set(tax)
    assert all(tax[k]["definition"] and tax[k]["examples"] for k in tax)
    assert TOPICS == list(tax)


def test_prepare_text_drops_outlet_prefix_and_repeats_title():
    t = prepare_text("Judul", "KUPANG -- Petugas lapas menemukan sabu.")
    assert t.startswith("judul . judul .")
    assert "kupang --" not in t


def test_fit_separates_labels_and_explains_them():
    model, report = fit_topic_model(_docs(), n_splits=3, min_positives=4)
    assert report.relevance_cv["f1"] >= 0.9
    assert set(model.topic_clfs) == {"anti_narcotics", "security_incident", "illegal_phones"}
    preds = model.predict(
        ["Sabu di Lapas Tegal", "HP ditemukan di Rutan Tegal", "Tegal FC juara"],
        [DRUGS.format(c="Tegal", o="sandal"), PHONES.format(c="Tegal", n=9), SPORT.format(c="Tegal", n=3)],
    )
    assert preds[0].relevant and "anti_narcotics" in preds[0].topics and "illegal_phones" not in preds[0].topics
    assert preds[1].relevant and preds[1].topics == ["illegal_phones"]
    assert not preds[2].relevant and preds[2].topics == []
    why = model.explain("HP ditemukan", PHONES.format(c="Tegal", n=9), top=5)
    phone_words = ("hp", "handphone", "ponsel", "charger", "razia")
    assert any(any(w in term for w in phone_words) for term, _ in why["illegal_phones"][:3])


@pytest.fixture(scope="module")
def committed():
    model = load_topic_model(ROOT / "models")
    if model is None:
        pytest.skip("models/topics/model.pkl.gz not trained")
    return model


def test_committed_model_on_synthetic_articles(committed):
    titles = [
        "Lapas Banyuwangi dan BNNK gelar tes urine",
        "Persebaya tundukkan tamunya",
        "Tersangka korupsi ditahan di Rutan KPK",
        "Ratusan napi terima remisi HUT RI",
    ]
    texts = [
        "Lembaga Pemasyarakatan Kelas IIA Banyuwangi bersama BNNK Banyuwangi menggelar tes urine bagi 150 warga "
        "binaan dan petugas, Senin (10/2/2025). Kalapas menegaskan komitmen zero narkoba di dalam lapas.",
        "Persebaya Surabaya menang 2-0 atas tamunya di Stadion Gelora Bung Tomo. Pelatih memuji penampilan "
        "lini belakang dan suporter yang memenuhi tribun.",
        "Komisi Pemberantasan Korupsi menahan seorang bupati yang menjadi tersangka suap proyek jalan. Tersangka "
        "ditahan di Rutan KPK selama 20 hari pertama untuk kepentingan penyidikan.",
        "Sebanyak 412 narapidana di Lapas Kelas I Malang menerima remisi umum pada peringatan HUT RI 17 Agustus. "
        "Dua di antaranya langsung bebas. Kalapas menyerahkan surat keputusan remisi secara simbolis.",
    ]
    preds = committed.predict(titles, texts)
    assert preds[0].relevant and "anti_narcotics" in preds[0].topics
    assert not preds[1].relevant and preds[1].topics == []
    assert not preds[2].relevant
    assert preds[3].relevant and "remission_release" in preds[3].topics


def test_shared_transform_equals_separate_transforms():
    """The relevance and topic vectorisers share one analysis pass; the matrices must not change."""
    import numpy as np

    from nlp.topics import build_vectorizer, shared_transform

    texts = [f"lapas kelas iia kota {i} razia kamar hunian warga binaan narkoba handphone " * (1 + i % 3)
             for i in range(12)]
    a = build_vectorizer().fit(texts)
    b = build_vectorizer().fit(texts[:7] + ["kunjungan kerja bupati ke rutan", "tes urine bnnk petugas rutan"] * 2)
    new = ["razia handphone di lapas kota 3 oleh petugas", "kunjungan kerja ke rutan dan tes urine", ""]
    got = shared_transform([a, b], new)
    for union, m in zip([a, b], got, strict=True):
        ref = union.transform(new)
        assert m.shape == ref.shape and np.abs((m - ref).toarray()).max() < 1e-6
    assert got[0].nnz > 0 and got[1].nnz > 0


def test_taxonomy_precondition_blocks_a_label_the_text_cannot_have():
    from nlp.topics import REQUIRES, allowed

    assert "illegal_phones" in REQUIRES
    assert allowed("illegal_phones", prepare_text("Razia kamar", "petugas menyita dua unit HP dan charger"))
    assert not allowed("illegal_phones", prepare_text("Razia kamar", "petugas menyita sendok, paku dan korek api"))
    assert allowed("anti_narcotics", "apa saja")  # no precondition


def test_fitted_model_never_gives_a_label_without_its_required_words():
    model, report = fit_topic_model(_docs(), n_splits=3)
    titles = ["Razia HP di Sorong", "Razia kamar di Sorong"]
    texts = [PHONES.format(c="Sorong", n=7),
             # the phone article's wording, its phone words taken out: the n-grams still say "razia kamar"
             PHONES.format(c="Sorong", n=7).replace("handphone dan charger", "sendok dan paku")
             .replace("larangan ponsel ilegal", "larangan barang terlarang")]
    preds = model.predict(titles, texts)
    assert "illegal_phones" in preds[0].topics
    assert "illegal_phones" in preds[1].topic_scores and "illegal_phones" not in preds[1].topics


def test_cue_words_count_only_in_title_or_lead():
    from nlp.topics import CUE_CHARS, cued

    lead_visit = prepare_text("Kakanwil kunjungi Lapas Sukamaju", "Kepala Kantor Wilayah melakukan kunjungan kerja.")
    assert cued("official_visit", lead_visit)
    late_visit = prepare_text("Panen sayur di Lapas", "x " * CUE_CHARS + "kunjungan kerja tahun lalu")
    assert not cued("official_visit", late_visit)
    assert not cued("anti_narcotics", lead_visit)  # a label without cue words


def test_cue_threshold_is_kept_only_when_it_raises_out_of_fold_f1():
    import numpy as np

    from nlp.topic_training import _best_cue_threshold

    y = np.array([1, 1, 1, 0, 0, 0])
    prob = np.array([0.9, 0.3, 0.3, 0.3, 0.1, 0.1])
    cue = np.array([True, True, True, False, True, False])
    # the two cued positives at 0.3 are won back without taking the uncued negative at 0.3
    t2 = _best_cue_threshold(y, prob, cue, 0.5)
    assert t2 is not None and 0.1 < t2 <= 0.3
    # no cue anywhere: nothing to gain
    assert _best_cue_threshold(y, prob, np.zeros(6, dtype=bool), 0.5) is None
