"""Ministries of more than one word keep their whole names ("Kementerian Dalam Negeri", not "Kementerian
Dalam"), and a ministry's acronym joins its full name in one article (one partner, not two). Synthetic
sentences with fictional people."""

from nlp.organizations import display_name, find_hits, resolve


def orgs(text: str, reg):
    return resolve(find_hits(text, reg, None, 0, None), text, reg)


def test_ministry_names_with_and_inside_are_read_whole(reg):
    got = orgs("Lapas Cibinong menerima tim Kementerian Pemberdayaan Perempuan dan Perlindungan Anak bersama "
               "Kementerian Dalam Negeri dan Kementerian Lingkungan Hidup dan Kehutanan pada Selasa.", reg)
    assert sorted(display_name(o) for o in got) == [
        "Kementerian Dalam Negeri", "Kementerian Lingkungan Hidup dan Kehutanan",
        "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak"]


def test_minister_title_stops_before_the_name(reg):
    got = orgs("Menteri Luar Negeri Rina Kartasasmita meninjau Rutan Salemba.", reg)
    assert [display_name(o) for o in got] == ["Menteri Luar Negeri"]


def test_acronym_joins_the_full_name(reg):
    got = orgs("Lapas Kediri bekerja sama dengan Kemensos. Kementerian Sosial juga menyerahkan bantuan, "
               "dan Kemen PPPA hadir bersama Kementerian Pemberdayaan Perempuan dan Perlindungan Anak.", reg)
    assert sorted(o.org_id for o in got) == ["ministry:pemberdayaan perempuan dan perlindungan anak",
                                             "ministry:sosial"]
    sosial = next(o for o in got if o.org_id == "ministry:sosial")
    assert set(sosial.aliases) == {"Kemensos", "Kementerian Sosial"}


def test_religious_affairs_office_stays_the_regency_office(reg):
    got = orgs("Kemenag Kabupaten Gresik memberi pembinaan rohani di Rutan Gresik.", reg)
    assert [o.org_id for o in got] == ["ministry:kemenag@gresik"]


def test_directorate_general_keeps_its_ministry_acronym(reg):
    got = orgs("Direktorat Jenderal Perhubungan Darat Kemenhub meninjau angkutan napi ke Lapas Cilacap.", reg)
    assert [display_name(o) for o in got] == ["Direktorat Jenderal Perhubungan Darat Kemenhub"]


def test_prison_watch_groups_are_organisations(reg):
    got = orgs("Kontras Sumut dan ICJR meminta pemeriksaan di Lapas Tanjung Gusta. Komisi untuk Orang Hilang dan "
               "Korban Tindak Kekerasan (Kontras) juga menyurati KPAI.", reg)
    assert sorted(o.org_id for o in got) == ["ngo:icjr", "ngo:kontras@sumatera utara", "ngo:kpai"]


def test_an_acronym_in_brackets_stays_with_its_full_name(reg):
    got = orgs("LPKA Palembang menandatangani PKS dengan Perkumpulan Keluarga Berencana Indonesia (PKBI) Palembang.",
               reg)
    assert [display_name(o) for o in got] == ["Perkumpulan Keluarga Berencana Indonesia (PKBI) Palembang"]
