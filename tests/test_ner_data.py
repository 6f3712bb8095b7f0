"""NER data readers: label mapping onto PERSON/ORG/LOC, BIO repair, DocBins, scoring, domain offsets.

All inputs are tiny synthetic files written here; nothing is read from ../shared.
"""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import DocBin

from nlp import ner_data
from nlp.ner_data import ReadReport, map_tags, repair_bio


def _write(path, sentences):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join("\n".join(f"{t}\t{g}" for t, g in s) for s in sentences) + "\n", encoding="utf-8")
    return path


NERGRIT = [
    [("Kepala", "O"), ("Lapas", "B-ORGANISATION"), ("Tegal", "I-ORGANISATION"), (",", "O"),
     ("Rina", "B-PERSON"), ("Marlina", "I-PERSON"), ("tiba", "O"), ("di", "O"), ("Semarang", "B-PLACE"), (".", "O")],
    # invalid BIO: an I- with no B-, and an I- of another type continuing an entity
    [("Joko", "I-PERSON"), ("Prasetyo", "I-PERSON"), ("dari", "O"), ("Jawa", "B-PLACE"), ("Tengah", "I-PERSON")],
]
NERP = [
    [("sabu", "O"), ("dibawa", "O"), ("ke", "O"), ("polres", "B-IND"), ("banyuwangi", "I-IND"), ("oleh", "O"),
     ("budi", "B-PPL"), ("saat", "O"), ("hari", "B-EVT"), ("bhayangkara", "I-EVT"), ("di", "O"),
     ("jember", "B-PLC"), ("dengan", "O"), ("rendang", "B-FNB")],
]


@pytest.fixture()
def ner_root(tmp_path):
    root = tmp_path / "ner"
    for split in ("train", "valid", "test"):
        _write(root / "nergrit" / f"{split}.txt", NERGRIT)
        _write(root / "nerp" / f"{split}.txt", NERP)
    return root


def test_map_tags_drops_unmapped_types():
    mapping = ner_data.LABEL_MAPS["nerp"]
    assert map_tags(["B-PPL", "I-PPL", "B-EVT", "I-EVT", "B-FNB", "O", "B-IND", "B-PLC"], mapping) == [
        "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-ORG", "B-LOC"]


@pytest.mark.parametrize(
    ("tags", "fixed", "changed"),
    [
        (["I-PERSON", "I-PERSON", "O"], ["B-PERSON", "I-PERSON", "O"], 1),
        (["B-LOC", "I-PERSON"], ["B-LOC", "B-PERSON"], 1),
        (["O", "I-ORG", "O", "I-ORG"], ["O", "B-ORG", "O", "B-ORG"], 2),
        (["S-LOC", "B-ORG", "E-ORG"], ["B-LOC", "B-ORG", "I-ORG"], 2),
        (["X-ORG", "B-", "PERSON"], ["O", "O", "O"], 3),
        (["B-ORG", "I-ORG", "B-ORG"], ["B-ORG", "I-ORG", "B-ORG"], 0),
    ],
)
def test_repair_bio(tags, fixed, changed):
    assert repair_bio(tags) == (fixed, changed)


def test_read_corpus_maps_and_repairs(ner_root):
    report = ReadReport()
    grit = ner_data.read_corpus("nergrit", "train", ner_root, report)
    assert len(grit) == 2
    assert grit[0].tags == ["O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "B-LOC", "O"]
    assert grit[1].tags == ["B-PERSON", "I-PERSON", "O", "B-LOC", "B-PERSON"]
    assert report.repaired_tags == 2
    nerp = ner_data.read_corpus("nerp", "test", ner_root)
    assert nerp[0].tags.count("O") == 10 and "B-ORG" in nerp[0].tags


def test_malformed_lines_are_skipped_not_fatal(tmp_path):
    path = tmp_path / "nergrit" / "test.txt"
    path.parent.mkdir()
    path.write_text("Budi\tB-PERSON\nrusak-tanpa-label\nSantoso I-PERSON\n\n\nLapas\tB-ORGANISATION\n", encoding="utf-8")
    report = ReadReport()
    sents = ner_data.read_file(path, "nergrit", report)
    assert [s.tokens for s in sents] == [["Budi", "Santoso"], ["Lapas"]]
    assert sents[0].tags == ["B-PERSON", "I-PERSON"] and sents[1].tags == ["B-ORG"]
    assert len(report.bad_lines) == 1 and ":2:" in report.bad_lines[0]


def test_unknown_corpus_and_missing_file_are_clear(ner_root):
    with pytest.raises(ValueError, match="unknown NER corpus"):
        ner_data.read_corpus("conll03", "train", ner_root)
    with pytest.raises(FileNotFoundError, match="dev.txt"):
        ner_data.read_corpus("nergrit", "dev", ner_root)


def test_docbin_roundtrip_keeps_entities_and_natural_text(ner_root):
    nlp = spacy.blank("id")
    db = ner_data.corpus_docbin("nergrit", "train", nlp.vocab, ner_root)
    docs = list(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab))
    assert docs[0].text == "Kepala Lapas Tegal, Rina Marlina tiba di Semarang."
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("Lapas Tegal", "ORG"), ("Rina Marlina", "PERSON"), ("Semarang", "LOC")]
    # the runtime tokenizer splits the text back into the gold tokens
    assert [t.text for t in nlp.make_doc(docs[0].text)] == [t.text for t in docs[0]]


def test_spaces_for_brackets_and_punctuation():
    toks = ["Senin", "(", "10/2", ")", ",", "kata", "Budi", "."]
    doc_text = "".join(t + (" " if s else "") for t, s in zip(toks, ner_data.spaces_for(toks), strict=True))
    assert doc_text == "Senin (10/2), kata Budi."


def test_evaluate_ner_scores_per_label(ner_root):
    """A pipeline whose ruler finds exactly the gold PERSON spans and one wrong LOC."""
    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": "Rina Marlina"},
        {"label": "PERSON", "pattern": "Joko Prasetyo"},
        {"label": "LOC", "pattern": "Kepala"},
        {"label": "MISC", "pattern": "Semarang"},  # not a corpus label: ignored by the scorer
    ])
    res = ner_data.evaluate_ner(nlp, str(ner_root / "nergrit" / "test.txt"))
    assert res["sentences"] == 2
    assert res["per_type"]["PERSON"]["p"] == 1.0
    assert res["per_type"]["PERSON"]["r"] == pytest.approx(2 / 3, abs=1e-3)  # "Tengah" was repaired to PERSON
    assert res["per_type"]["LOC"]["p"] == 0.0
    assert res["per_type"]["ORG"]["r"] == 0.0
    assert res["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert res["recall"] == pytest.approx(2 / 6, abs=1e-3)
    assert "MISC" not in res["per_type"]
    table = ner_data.format_scores(res)
    assert "PERSON" in table and "overall" in table


def test_domain_docs_rebuild_text_from_offsets(tmp_path):
    text = "JEMBER - Kalapas Jember, Agus Salim, menerima kunjungan BNNK Jember. Kalimat lain."
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "a1", "text": text}) + "\n", encoding="utf-8")
    sent_end = text.index(" Kalimat")
    s = text[:sent_end]
    anns = tmp_path / "ner_domain.jsonl"
    rows = [
        {"article_id": "a1", "start": 0, "end": sent_end,
         "ents": [[0, 6, "LOC"], [s.index("Agus"), s.index("Agus") + 10, "PERSON"],
                  [s.index("BNNK"), s.index("BNNK") + 11, "ORG"]]},
        {"article_id": "missing", "start": 0, "end": 5, "ents": []},
    ]
    anns.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")
    docs, problems = ner_data.domain_docs(spacy.blank("id"), anns, articles)
    assert len(docs) == 1 and len(problems) == 1 and "missing" in problems[0]
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("JEMBER", "LOC"), ("Agus Salim", "PERSON"), ("BNNK Jember", "ORG")]


def test_recase_capitalises_sentence_start_and_all_entity_tokens(ner_root):
    raw = ner_data.read_conll(ner_root / "nerp" / "train.txt")[0]
    cased = ner_data.recase(raw)
    assert cased.tokens[:6] == ["Sabu", "dibawa", "ke", "Polres", "Banyuwangi", "oleh"]
    assert "Bhayangkara" in cased.tokens and "Rendang" in cased.tokens  # EVT / FNB too, before mapping
    assert cased.tags == raw.tags
    recased = ner_data.read_corpus("nerp", "train", ner_root, recase_fraction=1.0)
    assert recased[0].tokens[3] == "Polres" and recased[0].tags[3] == "B-ORG"
    assert ner_data.read_corpus("nerp", "train", ner_root)[0].tokens[3] == "polres"
    # cased corpora are never touched
    assert ner_data.read_corpus("nergrit", "train", ner_root, recase_fraction=1.0)[1].tokens[0] == "Joko"


def test_domain_test_split_is_kept_out_of_training(tmp_path):
    text = "Kalapas Jember, Agus Salim, hadir. Kepala Rutan Depok, Siti Aminah, hadir."
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "a1", "text": text}) + "\n", encoding="utf-8")
    cut = text.index(" Kepala")
    rows = [{"article_id": "a1", "start": 0, "end": cut, "ents": [[16, 26, "PERSON"]]},
            {"article_id": "a1", "start": cut + 1, "end": len(text), "ents": [[19, 30, "PERSON"]], "split": "test"}]
    anns = tmp_path / "d.jsonl"
    anns.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    nlp = spacy.blank("id")
    train, _ = ner_data.domain_docs(nlp, anns, articles)
    test, _ = ner_data.domain_docs(nlp, anns, articles, split="test")
    assert [e.text for d in train for e in d.ents] == ["Agus Salim"]
    assert [e.text for d in test for e in d.ents] == ["Siti Aminah"]
