"""Organisation forms from the seventh and ninth fresh rounds, on synthetic sentences (fictional people, real
places): the national police in capitals or lower case, firearms classed by the body that issues them, the newer
names of a regency's planning agency, and the regional secretariat as the local government's own office."""

from nlp.organizations import find_hits, resolve


def orgs(text: str, reg):
    return resolve(find_hits(text, reg), text, reg)


def names(text: str, reg) -> list[str]:
    return [o.name for o in orgs(text, reg)]


def test_polri_in_capitals_is_the_national_police(reg):
    got = orgs("Pemusnahan barang sitaan di Lapas Serang digelar bersama aparat dari POLRI dan TNI.", reg)
    assert any(o.kind == "police" and o.level == "national" for o in got)


def test_polri_in_lower_case_is_the_national_police(reg):
    got = orgs("Razia gabungan melibatkan TNI, polri dan BNN di empat blok Lapas Tegal.", reg)
    assert any(o.kind == "police" and o.level == "national" for o in got)


def test_firearms_of_a_body_name_no_actor(reg):
    got = orgs("Aplikasi itu mendata senjata api non-organik POLRI/TNI yang disimpan di Lapas Kendal.", reg)
    assert not [o for o in got if o.kind in ("police", "military")]


def test_planning_agency_new_names(reg):
    assert any("Bapperida" in n for n in names("Kepala Bapperida Kabupaten Garut meninjau dapur Lapas Garut.", reg))
    assert any("Bapperinda" in n for n in names("Kepala Bapperinda Lombok Timur menilai Rutan Selong penuh.", reg))


def test_regional_secretariat_is_the_local_government(reg):
    text = ("Lapas Cilacap membahas kerja sama dengan Pemerintah Kabupaten Cilacap. Rapat dipimpin Kepala Bagian "
            "Kerja Sama Setda Kabupaten Cilacap, Ratna Dewanti.")
    got = [o for o in orgs(text, reg) if o.kind == "local_government"]
    assert len(got) == 1 and got[0].name == "Pemerintah Kabupaten Cilacap"
    assert "Setda Kabupaten Cilacap" in got[0].aliases
    alone = [o for o in orgs("Rapat di Lapas Cilacap dipimpin Kepala Bagian Hukum Setda Kota Tegal.", reg)
             if o.kind == "local_government"]
    assert [o.region for o in alone] == ["Tegal"]


def test_probation_adult_client_section_is_no_agency(reg):
    text = ("Kepala Bapas Kelas I Jambi, Hendra Kusuma, melalui Kepala Seksi Bimbingan Klien Dewasa (BKD), Rudi "
            "Santoso, menjelaskan syarat pembebasan bersyarat. Kasi BKD Bapas Jambi juga hadir.")
    assert not [o for o in orgs(text, reg) if "BKD" in o.name]
    assert [o for o in orgs("Kepala BKD Kabupaten Garut menerima kunjungan Lapas Garut.", reg) if "BKD" in o.name]


def test_commission_of_a_regional_council_is_not_the_house(reg):
    text = ("Rapat paripurna DPRD Provinsi Kalimantan Timur membahas Lapas Samarinda. Anggota Komisi I DPRD Kaltim "
            "menyebut lapas penuh.")
    assert not [o for o in orgs(text, reg) if o.name.startswith("Komisi I DPR") and "DPRD" not in o.name]
