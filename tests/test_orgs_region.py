"""REGION in the organisation patterns: a cheap capture of the words a region name can have, checked
against the registry's names (region_subject), must give exactly the hits the old 4,000-name alternation
gave (kept as each pattern's `fallback`, used for texts that hold the sentinel characters)."""

from __future__ import annotations

import pytest

from nlp import organizations as om

SENTENCES = [
    # multi-word regions, UPPER forms, aliases, spaces that are any whitespace
    "Kanwil Kemenkumham Jawa Timur dan Kanwil Kemenkumham Jatim menggelar rapat bersama BNNP Jawa  Timur.",
    "Kapolres BANYUWANGI hadir; Polres Kota Batu, Polresta Banyuwangi-nya dan Polda Jatim ikut.",
    "Pemkab Pangkajene dan Kepulauan bersama Pemkab Pangkep serta Bupati Kab. Bandung dan Dinas Sosial "
    "D.I. Yogyakarta.",
    "Kanwil Ditjenpas Provinsi\nJawa Barat meninjau Kejari Surabaya dan Pengadilan Negeri Kediri.",
    # a capitalised word that is no region: the alternative after REGION is used, or nothing
    "Kepala BNNK Josrijal dan Polres Setempat hadir bersama Gubernur Kepala Daerah.",
    # a name starting inside a word ("KotaBatu": BNN Kota + Batu) and a name at the very end of the text
    "BNN KotaBatu dan Kemenag KotaMalang ikut. Kerja sama dengan Dinas Pendidikan Kabupaten Banyuwangi",
]


def _old_hits(text: str) -> list:
    """find_hits through the old full alternation (the fallback path)."""
    saved = om.region_subject
    om.region_subject = lambda _text: None
    try:
        return om.find_hits(text)
    finally:
        om.region_subject = saved


@pytest.mark.parametrize("text", SENTENCES)
def test_region_capture_gives_the_alternations_hits(text):
    new = om.find_hits(text)
    assert new == _old_hits(text)
    assert new  # every sentence names at least one body


def test_region_subject_lists_the_names_in_the_text():
    text = "Kanwil Jawa  Timur, JAWA TIMUR, Jatim, Banyuwangi-nya, Kab. Bandung, Kepala Rutan, KotaBatu."
    subject = om.region_subject(text)
    assert subject.startswith(text + om._SENTINEL)
    names = set(subject[len(text) + 1:].strip(om._SEP).split(om._SEP))
    assert {"Jawa  Timur", "JAWA TIMUR", "Jatim", "Banyuwangi", "Kab. Bandung", "Bandung", "Batu"} <= names
    assert not {"Kepala", "Rutan", "Kanwil", "Kanwil Jawa", "Banyuwangi-nya"} & names
    assert om.region_subject("teks dengan \x00 di dalamnya") is None


def test_some_hits_read_as_before():
    by_text = {h.text: h.region for h in om.find_hits(SENTENCES[0] + " " + SENTENCES[2])}
    assert by_text["Kanwil Kemenkumham Jawa Timur"] == "Jawa Timur"
    assert by_text["Kanwil Kemenkumham Jatim"] == "Jatim"
    assert by_text["BNNP Jawa  Timur"] == "Jawa  Timur"
    assert by_text["Pemkab Pangkajene dan Kepulauan"] == "Pangkajene dan Kepulauan"
    assert by_text["Bupati Kab. Bandung"] == "Kab. Bandung"


def test_text_with_a_sentinel_uses_the_full_alternation():
    text = "Polres Banyuwangi\x00 dan Kanwil Kemenkumham Jawa Timur."
    assert [(h.text, h.region) for h in om.find_hits(text)] == [("Polres Banyuwangi", "Banyuwangi"),
                                                                ("Kanwil Kemenkumham Jawa Timur", "Jawa Timur")]


def test_title_only_body_is_kept_when_its_holder_attends():
    from nlp.organizations import drop_title_only
    from nlp.records import Mention, Organization

    def org(title: str, sentence: str) -> Organization:
        return Organization(name=title, kind="police", org_id="police:polres:x",
                            mentions=[Mention(title, 0, len(title), "ORG", sentence)])

    attends = org("Kapolres Sukamaju", "Upacara itu dihadiri Kapolres Sukamaju dan Dandim setempat.")
    passing = org("Kapolres Sukamaju", "Warga menagih janji Kapolres Sukamaju soal lapas baru.")
    assert drop_title_only([attends], []) == [attends]
    assert drop_title_only([passing], []) == []
