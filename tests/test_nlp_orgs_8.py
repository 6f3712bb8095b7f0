"""Organisation forms from the eleventh fresh round that recur across the development gold, on synthetic
sentences (fictional people, real places): the regional office written as "Kanwil Hukum dan Ham X" or closed
up as "Kanwilkumham", the ministry's name followed by "Wilayah X", the ministry's acronym with a space
("Kemenkum HAM"), a police unit "X Kota" followed by its head's rank, and the regional leaders' forum as the
press misspells it; numbered schools of one town are no typing slips of each other."""

from nlp.organizations import display_name, find_hits, resolve
from nlp.records import Organization


def orgs(text: str, reg):
    return resolve(find_hits(text, reg, None, 0, None), text, reg)


def ids(text: str, reg) -> set[str]:
    return {o.org_id for o in orgs(text, reg)}


def test_regional_office_law_and_human_rights_in_mixed_case(reg):
    assert "corrections_office:bali" in ids("Kepala Kanwil Hukum dan Ham Bali Made Surya menjelaskan.", reg)
    assert "corrections_office:papua" in ids(
        "Kepala Kantor Wilayah Hukum dan Ham Provinsi Papua Yosef Wenda mengatakan hal itu.", reg)


def test_regional_office_closed_up_in_lower_case(reg):
    assert "corrections_office:kalimantan-barat" in ids(
        "Kepala Divisi Pemasyarakatan Kanwilkumham Kalbar Joko Santoso hadir di lapas.", reg)


def test_ministry_name_then_wilayah_is_the_regional_office(reg):
    got = orgs("Kepala Kementerian Hukum dan HAM Wilayah Jawa Tengah Budi Santosa di Semarang mengatakan.", reg)
    assert [(o.org_id, display_name(o)) for o in got] == [
        ("corrections_office:jawa-tengah", "Kementerian Hukum dan HAM Wilayah Jawa Tengah")]


def test_ministry_acronym_with_a_space(reg):
    got = orgs("Kami akan berkomunikasi dengan Kemenkum HAM setelah ini, ujar rektor.", reg)
    assert [(o.org_id, display_name(o)) for o in got] == [("kemenkumham", "Kemenkum HAM")]


def test_acronym_spaced_two_ways_is_named_by_its_closed_up_form(reg):
    got = orgs("Direktur Dirjen Pas Kemenkum HAM, Siti Aminah, berkata. Datanya ada di Kemenkumham.", reg)
    assert {display_name(o) for o in got if o.org_id == "kemenkumham"} == {"Kemenkumham"}
    both = Organization(name="Kemenkum HAM", kind="ministry", aliases=["Kemenkum HAM", "Kemenkumham"])
    assert display_name(both) == "Kemenkumham"
    office = Organization(name="Kanwil Kemenkumham Bali", kind="corrections_office",
                          aliases=["Kanwil Kemenkumham Bali", "Kemenkumham"])
    assert display_name(office) == "Kanwil Kemenkumham Bali"


def test_police_unit_of_a_city_before_its_head_rank(reg):
    for text in ("Kapolres Malang Kota AKBP Bagus Wirawan meninjau lapas.",
                 "Kasat Narkoba Polres Malang Kota Iptu Dedi Kurnia menjelaskan."):
        assert "police:polres:malang kota" in ids(text, reg), text
    assert "police:polres:malang" in ids("Polres Malang Kota Batu menggelar apel.", reg)


def test_regional_leaders_forum_misspelt(reg):
    assert any(i.startswith("forkopimda") for i in ids(
        "Para tamu dari Forkominda Propinsi Gorontalo meninjau dapur lapas.", reg))
    assert any(i.startswith("forkopimda") for i in ids(
        "Jajaran Forkompimda Kabupaten Cilacap menghadiri apel siaga.", reg))


def test_numbered_schools_of_one_town_stay_apart(reg):
    got = ids("Perjanjian juga diteken oleh SMAN 2 Tanjungbalai, SMAN 5 Tanjungbalai, SMAN 5 Tanjungbalai, "
              "SMKN 3 Tanjungbalai dan Dinas Sosial.", reg)
    assert {"education:2 tanjungbalai", "education:5 tanjungbalai", "education:3 tanjungbalai"} <= got


def test_ministry_acronym_in_capitals_is_the_corrections_ministry(reg):
    """"Kementerian IMIPAS" is the Ministry of Immigration and Corrections, not a ministry named "IMIPAS"."""
    assert "kemenimipas" in ids("Program ini wujud kerja sama antara Kementerian IMIPAS dengan kepolisian.", reg)
