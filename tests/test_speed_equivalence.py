"""Speed-ups that must not change a result: the tokenizer's prefix and suffix search, the officials' name similarity,
and the pre-fork warm-up of the Analyzer."""

from __future__ import annotations

import re
from datetime import date
from difflib import SequenceMatcher

import spacy
from spacy import util
from spacy.lang.id import Indonesian

from nlp.officials import _similar
from nlp.pipeline import _PrefixSearch, _SuffixSearch, _top_level_alternatives, build_nlp

CHUNKS = ["(12/3/2025).", "Banyuwangi,", '"Kami', "abc", "", "...", "…x", "$100", "US$5", "x<a href=1>y", "<a b>",
          "ab<a x>z", "<b/>z", "(<a x>)", "'Lapas", "«Rutan»", "+62", "+a", "--", "#tag", "&", "“Kalapas”"]


def test_top_level_alternatives():
    assert _top_level_alternatives(r"^a|^b(c|d)|[|]x|\|y|^[]|]z") == ["^a", "^b(c|d)", "[|]x", r"\|y", "^[]|]z"]


def test_prefix_search_equals_re_search():
    rx = util.compile_prefix_regex(spacy.blank("id").Defaults.prefixes)
    fast = _PrefixSearch(rx)
    assert fast.pattern == rx.pattern
    for s in CHUNKS:
        a, b = rx.search(s), fast.search(s)
        assert (a and a.span()) == (b and b.span()), s
    # a regex whose branches are all anchored has no tail; an odd one falls back to re.search
    assert _PrefixSearch(re.compile("^a|^b"))._tail is None
    assert _PrefixSearch(re.compile("^a|^b")).search("ba").span() == (0, 1)


def test_tokenizer_with_fast_prefix_search_tokenises_alike():
    nlp = build_nlp()
    assert isinstance(nlp.tokenizer.prefix_search.__self__, _PrefixSearch)
    text = ('KUPANG (ANTARA) - "Kami apresiasi," kata Kalapas (12/3/2025)... Lihat <a href="x">tautan</a>, '
            "harga Rp10.000,- dan US$5; (Foto: Humas) «Rutan»!")
    fast = [(t.idx, t.text) for t in nlp.make_doc(text)]
    plain = spacy.blank("id")
    plain.tokenizer.prefix_search = util.compile_prefix_regex(plain.Defaults.prefixes).search
    assert fast == [(t.idx, t.text) for t in plain.make_doc(text)]
    assert nlp.tokenizer.to_bytes()  # serialisable: the pattern is reachable as prefix_search.__self__.pattern


def test_suffix_search_equals_re_search_on_words_and_stays_linear_on_long_runs():
    rx = util.compile_suffix_regex(Indonesian.Defaults.suffixes)
    fast = _SuffixSearch(rx)
    assert fast.pattern == rx.pattern
    for s in CHUNKS + ["10km", "5%", "Rp10.000,-", "ujarnya.”", "(Humas)"]:
        a, b = rx.search(s), fast.search(s)
        assert (a and a.end() - a.start()) == (b and b.end() - b.start()), s
    # the search sees at most the window, so peeling 5,000 ")" one by one costs 5,000 short searches
    seen = []
    probe = _SuffixSearch(re.compile(r"\)$"))
    probe._search = lambda string: seen.append(len(string)) or rx.search(string)
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "pantau.Tokenizer.v1",
                                                          "reduplication_exceptions": False}}})
    assert isinstance(nlp.tokenizer.suffix_search.__self__, _SuffixSearch)
    nlp.tokenizer.suffix_search = probe.search
    doc = nlp.make_doc("Lapas" + ")" * 5000)
    assert [t.text for t in doc[:2]] == ["Lapas", ")"] and len(doc) == 5001
    assert max(seen) <= 100


def test_similar_equals_sequence_matcher():
    pairs = [("lumaksono", "lomaksono"), ("mochamad mukaffi", "mohamad mukaffi"), ("budi", "budiman"),
             ("haryono saputra", "haryono saputro"), ("a", "b"), ("", ""), ("dwi santosa", "santosa dwi")]
    for a, b in pairs:
        assert _similar(a, b) == (SequenceMatcher(None, a, b).ratio() >= 0.85), (a, b)


def test_warm_leaves_results_unchanged():
    from nlp.analyze import Analyzer
    from nlp.records import ArticleText

    an = Analyzer.load()
    art = ArticleText("x", "Kepala Lapas Kelas IIA Kupang, Badarudin, menerima kunjungan BNNK Kupang pada Senin "
                           "(30/6/2025).", "Tes Urine", date(2025, 6, 30))
    before = an.analyze(art).to_json()
    an.warm()
    assert an.analyze(art).to_json() == before
