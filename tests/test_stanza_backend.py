"""The Stanza backend for real: a tiny Stanza tokenizer and POS tagger trained here, offline, from a
synthetic CoNLL-U file (tests/fixtures/stanza_id_tiny.conllu), then used through the spaCy adapter.

Skipped cleanly where the optional `stanza` extra is not installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

stanza = pytest.importorskip("stanza")

from nlp.stanza_backend import StanzaSettings, StanzaTokenizer, use_stanza  # noqa: E402

pytestmark = [pytest.mark.stanza, pytest.mark.slow]

FIXTURE = Path(__file__).parent / "fixtures" / "stanza_id_tiny.conllu"

# A synthetic article: two paragraphs, a bracketed date, a double space, quotes, a facility name.
ARTICLE = (
    "Petugas Lapas Kelas IIB Tegal menggelar razia kamar hunian pada Rabu (12/2/2025). "
    "Kepala Lapas, Rina Marlina, mengatakan razia itu rutin dilakukan.\n\n"
    "Sebanyak 85 warga binaan mengikuti tes urine bersama BNN Kota Tegal.  Hasilnya negatif."
)


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> dict[str, Path]:
    """Train the two tiny models once per module (tens of seconds on 2 cores)."""
    import torch
    from stanza.models import tagger, tokenizer
    from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data

    torch.manual_seed(0)
    d = tmp_path_factory.mktemp("stanza")
    txt, labels, mwt = d / "id.txt", d / "id.toklabels", d / "id-mwt.json"
    conllu_to_text.convert_text(str(FIXTURE), str(txt))
    prepare_tokenizer_data.main([str(txt), str(FIXTURE), "-o", str(labels), "-m", str(mwt)])
    tokenizer.main([
        "--txt_file", str(txt), "--label_file", str(labels), "--mwt_json_file", str(mwt),
        "--dev_txt_file", str(txt), "--dev_label_file", str(labels), "--dev_conll_gold", str(FIXTURE),
        "--conll_file", str(d / "tok_dev.conllu"), "--lang", "id", "--shorthand", "id_tiny",
        "--save_dir", str(d), "--save_name", "tok.pt", "--no_use_mwt", "--cpu",
        "--steps", "50", "--eval_steps", "50", "--batch_size", "16", "--max_seqlen", "80",
        "--hidden_dim", "32", "--emb_dim", "16", "--lr0", "0.02", "--dropout", "0.0", "--unit_dropout", "0.0",
        "--no-hierarchical", "--conv_filters", "1,5", "--tok_noise", "0", "--report_steps", "50",
    ])
    tagger.main([
        "--train_file", str(FIXTURE), "--eval_file", str(FIXTURE), "--output_file", str(d / "pos_dev.conllu"),
        "--lang", "id", "--shorthand", "id_tiny", "--save_dir", str(d), "--save_name", "pos.pt",
        "--no_pretrain", "--cpu", "--char_hidden_dim", "32", "--char_emb_dim", "16", "--hidden_dim", "32",
        "--word_emb_dim", "32", "--deep_biaff_hidden_dim", "32", "--composite_deep_biaff_hidden_dim", "16",
        "--tag_emb_dim", "8", "--transformed_dim", "16", "--num_layers", "1", "--max_steps", "30",
        "--eval_interval", "30", "--fix_eval_interval", "--batch_size", "500", "--lr", "0.02",
        "--no_second_optim", "--dropout", "0.1", "--word_dropout", "0.0", "--log_step", "30",
    ])
    return {"tokenize": d / "tok.pt", "pos": d / "pos.pt"}


@pytest.fixture(scope="module")
def nlp(models):
    import spacy

    settings = StanzaSettings.from_mapping(
        {"enabled": True, "tokenize_model": str(models["tokenize"]), "pos_model": str(models["pos"]),
         "lemma": "identity"}
    )
    return use_stanza(spacy.blank("id"), settings)


def test_text_is_kept_exactly(nlp):
    doc = nlp(ARTICLE)
    assert isinstance(nlp.tokenizer, StanzaTokenizer)
    assert doc.text == ARTICLE
    for tok in doc:
        assert ARTICLE[tok.idx : tok.idx + len(tok.text)] == tok.text


def test_sentences_and_tokens_are_sensible(nlp):
    doc = nlp(ARTICLE)
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert 3 <= len(sents) <= 5, sents
    assert sents[0].startswith("Petugas Lapas") and sents[0].endswith("(12/2/2025).")
    assert any(s.startswith("Sebanyak 85") for s in sents)
    words = [t.text for t in doc if not t.is_space]
    # punctuation split off words, brackets off the date, names intact
    assert "," in words and "Lapas" in words and "Marlina" in words and "Tegal" in words
    assert "(" in words and not any(w.startswith("(") and len(w) > 1 for w in words)
    assert "Lapas," not in words and "dilakukan." not in words
    assert any(t.is_space and "\n" in t.text for t in doc)  # paragraph break kept as a space token


def test_pos_and_lemmas_come_through(nlp):
    doc = nlp(ARTICLE)
    by_text = {t.text: t for t in doc}
    assert by_text[","].pos_ == "PUNCT"
    assert by_text["Tegal"].pos_ == "PROPN"
    assert by_text["razia"].pos_ == "NOUN"
    assert by_text["razia"].lemma_ == "razia"


def test_pipe_matches_call_and_handles_empty(nlp):
    texts = [ARTICLE, "", "Rutan Kelas I Depok menerima kunjungan kerja."]
    docs = list(nlp.pipe(texts))
    assert [d.text for d in docs] == texts
    assert [t.text for t in docs[0]] == [t.text for t in nlp(ARTICLE)]


def test_rules_run_on_stanza_docs(nlp):
    """Components added after the tokenizer see the Stanza tokens (as pantau's rules will)."""
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    try:
        ruler.add_patterns([{"label": "ORG", "pattern": [{"TEXT": "Lapas"}, {"TEXT": "Kelas"}, {"TEXT": "IIB"},
                                                          {"TEXT": "Tegal"}]}])
        doc = nlp(ARTICLE)
        assert [e.text for e in doc.ents] == ["Lapas Kelas IIB Tegal"]
    finally:
        nlp.remove_pipe("entity_ruler")


def test_missing_model_file_is_a_clear_config_error(tmp_path):
    from flows.errors import ConfigError

    with pytest.raises(ConfigError, match="tokenize_model"):
        StanzaSettings.from_mapping({"enabled": True, "tokenize_model": str(tmp_path / "nope.pt")})
    with pytest.raises(ConfigError, match="resources_dir or tokenize_model"):
        StanzaSettings.from_mapping({"enabled": True})


def test_config_switch_builds_the_stanza_backed_pipeline(models, tmp_path):
    """`[pantau.stanza] enabled = true` in the pipeline config is all a user with models has to set."""
    from nlp.pipeline import build_nlp
    from nlp.stanza_backend import StanzaTokenizer

    base = (Path(__file__).resolve().parents[1] / "models" / "configs" / "pantau_pipeline.cfg").read_text()
    cfg = tmp_path / "pipeline.cfg"
    cfg.write_text(base.replace("enabled = false", f'enabled = true\ntokenize_model = "{models["tokenize"]}"'))
    nlp = build_nlp(config_path=str(cfg))
    assert isinstance(nlp.tokenizer, StanzaTokenizer)
    text = "Kalapas Kupang hadir. Tes urine digelar Senin (10/2/2025)."
    doc = nlp(text)
    assert doc.text == text and len(list(doc.sents)) >= 1
