"""The spaCy pipeline built from models/configs/pantau_pipeline.cfg: the trimmed tokenizer must split
sentences exactly like spaCy's full Indonesian tokenizer, and the full one must come back with the NER."""

from pathlib import Path

import spacy

from nlp.pipeline import DEFAULT_CONFIG, ROOT, build_nlp

TEXT = ("Kepala Lapas Kelas IIA Banyuwangi, Dr. H. Mochamad Mukaffi, S.H., M.H., menerima kunjungan BNNK. "
        "Anak-anak warga binaan ikut sehari-hari kegiatan pramuka! Apakah kegiatan itu rutin? Ya.\n"
        "Sebanyak 1.250 orang hadir pada Senin (10/2/2025) di aula.")


def test_default_pipeline_drops_reduplication_exceptions_but_not_sentence_boundaries():
    nlp = build_nlp(str(ROOT / "models"), str(DEFAULT_CONFIG))
    full = spacy.blank("id")
    full.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "\n"]})
    assert len(nlp.tokenizer.rules) < 1000 < len(full.tokenizer.rules)
    assert "Dr." in nlp.tokenizer.rules  # abbreviations that protect sentence ends are kept
    assert [s.text for s in nlp(TEXT).sents] == [s.text for s in full(TEXT).sents]
    assert len(list(nlp(TEXT).sents)) == 5


def test_statistical_ner_brings_back_the_tokenizer_it_was_trained_with(tmp_path: Path):
    if not (ROOT / "models" / "ner" / "config.cfg").exists():
        import pytest

        pytest.skip("models/ner not trained")
    cfg = tmp_path / "p.cfg"
    cfg.write_text(DEFAULT_CONFIG.read_text().replace("use_statistical_ner = false", "use_statistical_ner = true"))
    nlp = build_nlp(str(ROOT / "models"), str(cfg))
    assert "ner" in nlp.pipe_names
    assert len(nlp.tokenizer.rules) > 15000
    assert [t.text for t in nlp("Anak-anak bermain.")][0] == "Anak-anak"


def test_array_sentencizer_splits_like_spacys_sentencizer():
    """The pipeline's sentencizer reads arrays instead of Token objects; its boundaries must be spaCy's."""
    from nlp.pipeline import ArraySentencizer

    nlp = build_nlp(str(ROOT / "models"), str(DEFAULT_CONFIG))
    assert isinstance(nlp.get_pipe("sentencizer"), ArraySentencizer)
    stock = spacy.blank("id")
    stock.tokenizer = nlp.tokenizer
    stock.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "\n"]})
    texts = [TEXT, "", "\n\n", "...", "Benar?! \"Ya.\" Lalu (pergi). Selesai", "Kalapas:\n- satu\n- dua...\nTiga!!"]
    for text in texts:
        assert [s.text for s in nlp(text).sents] == [s.text for s in stock(text).sents], text
