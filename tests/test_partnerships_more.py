"""More partnership rules (nlp/partnerships.py) on short synthetic sentences in the style of the press:
verb forms with the meN- prefix, orders that are no events, facility names as the article writes them,
events continued over several sentences, officials standing for their body, and the one-facility article.
"""

from __future__ import annotations

from nlp.partnerships import KIND_ORDER, _kind_in, extract_partnerships
from nlp.records import Analysis, Official
from tests.test_partnerships import _mentions, pairs
from tests.test_partnerships import analysis as base_analysis


def analysis(text: str, facilities=(), orgs=(), officials=()) -> Analysis:
    """test_partnerships.analysis, with officials: (name, organization, organization_id)."""
    a = base_analysis(text, facilities, orgs)
    for name, org, oid in officials:
        a.officials.append(Official(name=name, organization=org, organization_id=oid,
                                    mentions=_mentions(text, [name], "PERSON")))
    return a


JEMBER = ("Lapas Kelas IIA Jember", "lapas-jember", ["Lapas Kelas IIA Jember", "Lapas Jember"])
BUPATI = ("Bupati Jember", "local_government", "local_government:regency:jember", ["Bupati Jember"])
KANWIL = ("Kanwil Ditjenpas Jawa Timur", "corrections_office", "corrections_office:jawa-timur",
          ["Kanwil Ditjenpas Jawa Timur", "Kanwil Ditjenpas Jatim"])
POLRES = ("Polres Jember", "police", "police:polres:jember", ["Polres Jember"])
KODIM = ("Kodim 0824 Jember", "military", "military:kodim:0824", ["Kodim 0824 Jember"])


def test_verbs_with_the_men_prefix_are_triggers():
    assert _kind_in("Bupati Jember mengunjungi Lapas Jember") == "visit"
    assert _kind_in("Tim BNNK menyambangi Rutan Bondowoso") == "visit"
    assert _kind_in("Kegiatan itu turut di hadiri Dandim") == "attendance"
    assert _kind_in("Polisi menggerebek kamar hunian bersama petugas") == "joint_operation"
    assert _kind_in("Pemindahan dikawal ketat personel Brimob") == "joint_operation"
    text = "Bupati Jember mengunjungi Lapas Kelas IIA Jember, Senin (2/6)."
    out = extract_partnerships(text, analysis(text, [JEMBER], [BUPATI]))
    assert pairs(out) == {("Lapas Kelas IIA Jember", "Bupati Jember")} and out[0].kind == "visit"


def test_a_trigger_inside_a_title_is_no_event():
    assert _kind_in("Deputi Bidang Koordinasi Keimigrasian mengatakan dua napi dipulangkan") is None
    assert _kind_in("Wakil Dekan Bidang Akademik dan Kerjasama memberi sambutan") is None
    assert _kind_in("Direktur Jenderal Pemasyarakatan melakukan kunjungan ke Lapas Jember") == "visit"


def test_an_order_to_the_staff_is_no_partnership_but_the_office_that_orders_is():
    text = ("Kanwil Ditjenpas Jawa Timur menggelar apel di Lapas Kelas IIA Jember. \"Saya perintahkan seluruh "
            "Kepala Lapas dan Rutan untuk segera berkoordinasi dengan Polres Jember,\" tegasnya.")
    assert extract_partnerships(text, analysis(text, [JEMBER], [KANWIL, POLRES])) == []
    text = ("Tiga tahanan kabur dari Lapas Kelas IIA Jember. Kakanwil Ditjenpas Jatim, Budi Santoso, "
            "menginstruksikan koordinasi intensif dengan Polres Jember untuk mempercepat pencarian.")
    a = analysis(text, [JEMBER], [KANWIL, POLRES], [("Budi Santoso", "Kanwil Ditjenpas Jawa Timur",
                                                      "corrections_office:jawa-timur")])
    assert pairs(extract_partnerships(text, a)) == {("Kanwil Ditjenpas Jawa Timur", "Polres Jember")}


def test_facility_named_as_the_article_writes_it():
    fac = ("Lapas Narkotika Kelas IIA Cipinang", "lapas-narkotika-cipinang", ["Lapas Narkotika Jakarta"])
    text = "Barang bukti dari Lapas Narkotika Jakarta telah diserahkan kepada Polres Metro Jakarta Timur."
    polres = ("Polres Metro Jakarta Timur", "police", "police:polres:jakarta timur", ["Polres Metro Jakarta Timur"])
    out = extract_partnerships(text, analysis(text, [fac], [polres]))
    assert pairs(out) == {("Lapas Narkotika Jakarta", "Polres Metro Jakarta Timur")}
    assert out[0].party_ids[0] == "lapas-narkotika-cipinang"
    # a short form that says nothing more than the registry name keeps the registry name
    text = "Bupati Jember mengunjungi Lapas Jember."
    assert pairs(extract_partnerships(text, analysis(text, [JEMBER], [BUPATI]))) == {
        ("Lapas Kelas IIA Jember", "Bupati Jember")}


def test_ministry_written_after_kantor_wilayah_is_the_regional_office():
    text = ("Jajaran kantor wilayah Kementerian Hukum dan HAM Gorontalo melakukan kunjungan ke Pemerintah "
            "Provinsi Gorontalo. Kantor Wilayah Kemenkumham Gorontalo siap bersinergi.")
    orgs = [("Kementerian Hukum dan HAM", "ministry", "kemenkumham", ["Kementerian Hukum dan HAM"]),
            ("Kantor Wilayah Kemenkumham Gorontalo", "corrections_office", "corrections_office:gorontalo",
             ["Kantor Wilayah Kemenkumham Gorontalo"]),
            ("Pemerintah Provinsi Gorontalo", "local_government", "local_government:province:gorontalo",
             ["Pemerintah Provinsi Gorontalo"])]
    assert pairs(extract_partnerships(text, analysis(text, [], orgs))) == {
        ("Kantor Wilayah Kemenkumham Gorontalo", "Pemerintah Provinsi Gorontalo")}


def test_bare_police_word_is_the_body_named_in_full():
    polresta = ("Polresta Pulau Ambon", "police", "police:polresta:ambon", ["Polresta Pulau Ambon"])
    text = ("Petugas Lapas Kelas IIA Jember menemukan sabu dan berkoordinasi dengan Polresta Pulau Ambon. \"Kami "
            "serahkan kasus ini ke Polres untuk diusut,\" kata Kalapas.")
    assert pairs(extract_partnerships(text, analysis(text, [JEMBER], [polresta]))) == {
        ("Lapas Kelas IIA Jember", "Polresta Pulau Ambon")}


def test_an_event_goes_on_over_several_sentences():
    text = ("Pasca kerusuhan, Lapas Kelas IIA Jember langsung dirazia. Razia berlangsung lima jam. Mulai pukul "
            "11.00 hingga 16.00. Sejumlah senjata tajam ditemukan. Pada razia itu terlibat gabungan Polres Jember "
            "dan Kodim 0824 Jember.")
    assert pairs(extract_partnerships(text, analysis(text, [JEMBER], [POLRES, KODIM]))) == {
        ("Lapas Kelas IIA Jember", "Polres Jember"), ("Lapas Kelas IIA Jember", "Kodim 0824 Jember")}


def test_an_official_stands_for_the_body_at_a_ceremony():
    text = ("Lapas Kelas IIA Jember menandatangani PKS dengan sejumlah dinas. Hadir menyaksikan penandatanganan "
            "itu, Sekda Jember Agus Salim.")
    a = analysis(text, [JEMBER], [("Pemkab Jember", "local_government", "local_government:regency:jember",
                                   ["Pemkab Jember"])], [("Agus Salim", "Pemkab Jember",
                                                          "local_government:regency:jember")])
    assert pairs(extract_partnerships(text, a)) == {("Lapas Kelas IIA Jember", "Pemkab Jember")}
    text = ("\"Warga binaan berhak memperbaiki diri,\" kata Arif Wibowo usai memimpin upacara di halaman Lapas "
            "Kelas IIA Jember. Wakil Gubernur Jawa Timur itu juga meninjau dapur.")
    a = analysis(text, [JEMBER], [("Gubernur Jawa Timur", "local_government", "local_government:province:jatim",
                                   ["Wakil Gubernur Jawa Timur"])], [("Arif Wibowo", "Gubernur Jawa Timur",
                                                                      "local_government:province:jatim")])
    assert pairs(extract_partnerships(text, a)) == {("Lapas Kelas IIA Jember", "Gubernur Jawa Timur")}
    # an outside official quoted beside no unit and no attendance is no party
    text = "Lapas Kelas IIA Jember menggelar pameran. Sementara itu, Agus Salim menghadiri rapat di DPRD."
    a = analysis(text, [JEMBER], [("Pemkab Jember", "local_government", "local_government:regency:jember",
                                   ["Pemkab Jember"])], [("Agus Salim", "Pemkab Jember",
                                                          "local_government:regency:jember")])
    assert pairs(extract_partnerships(text, a)) <= {("Lapas Kelas IIA Jember", "Pemkab Jember")}


def test_joint_team_in_a_one_facility_article_and_the_polices_own_case():
    text = ("Kerusuhan pecah di Lapas Kelas IIA Jember, Sabtu (7/6). Aparat gabungan dari Polres Jember dan Kodim "
            "0824 Jember segera dikerahkan untuk mengendalikan keadaan.")
    assert pairs(extract_partnerships(text, analysis(text, [JEMBER], [POLRES, KODIM]))) == {
        ("Lapas Kelas IIA Jember", "Polres Jember"), ("Lapas Kelas IIA Jember", "Kodim 0824 Jember")}
    text = ("Napi Lapas Kelas IIA Jember diduga mengendalikan jaringan sabu. Sebelumnya, tim gabungan Polres Jember "
            "menggagalkan penyelundupan sabu di sebuah rumah di Kecamatan Ambulu.")
    assert extract_partnerships(text, analysis(text, [JEMBER], [POLRES])) == []


def test_inspection_in_a_one_facility_article_and_a_visit_elsewhere():
    komisi = ("Komisi XIII DPR RI", "other", "dpr:komisi:xiii", ["Komisi XIII DPR RI"])
    ministry = ("Kementerian Imigrasi dan Pemasyarakatan", "ministry", "kemenimipas",
                ["Kementerian Imigrasi dan Pemasyarakatan"])
    text = ("Tujuh tahanan kabur dengan menjebol tralis. Komisi XIII DPR RI, sebagai mitra kerja Kementerian "
            "Imigrasi dan Pemasyarakatan, melakukan sidak. Kepala Lapas Kelas IIA Jember dinonaktifkan.")
    assert pairs(extract_partnerships(text, analysis(text, [JEMBER], [komisi, ministry]))) == {
        ("Lapas Kelas IIA Jember", "Komisi XIII DPR RI")}
    kpk = ("Komisi Pemberantasan Korupsi (KPK)", "other", "kpk", ["KPK"])
    text = "Terpidana bebas dari Lapas Kelas IIA Jember. Sebelumnya penyidik KPK mendatangi rumah terpidana."
    assert extract_partnerships(text, analysis(text, [JEMBER], [kpk])) == []


def test_units_at_the_visitors_event():
    komisi = ("Komisi XIII DPR RI", "other", "dpr:komisi:xiii", ["Komisi XIII DPR RI"])
    text = ("Kalapas Jember turut hadir dalam kunjungan kerja reses Komisi XIII DPR RI di Surabaya. Kepala Kanwil "
            "Ditjenpas Jatim, dalam paparannya, menyampaikan langkah redistribusi yang melibatkan Bapas.")
    got = pairs(extract_partnerships(text, analysis(text, [JEMBER], [komisi, KANWIL])))
    assert ("Kanwil Ditjenpas Jawa Timur", "Komisi XIII DPR RI") in got
    dinas = ("Dinas Arsip Jawa Timur", "local_government", "dinas:arsip jawa timur", ["Dinas Arsip Jawa Timur"])
    batu = ("Lapas Kelas I Batu", "lapas-batu", ["Lapas Kelas I Batu"])
    text = ("Dinas Arsip Jawa Timur mengunjungi Lapas Kelas IIA Jember, Rabu (4/6). Rombongan tamu lebih dulu "
            "menuju ke Lapas Kelas I Batu.")
    assert pairs(extract_partnerships(text, analysis(text, [JEMBER, batu], [dinas]))) == {
        ("Lapas Kelas IIA Jember", "Dinas Arsip Jawa Timur"), ("Lapas Kelas I Batu", "Dinas Arsip Jawa Timur")}


def test_local_government_agencies_as_a_class_are_no_partner():
    text = ("Kesepakatan ini ditindaklanjuti dengan perjanjian kerja sama antara sejumlah Organisasi Perangkat "
            "Daerah (OPD) dengan Lapas Kelas IIA Jember, di antaranya Dinas Perikanan.")
    orgs = [("Organisasi Perangkat Daerah (OPD)", "other", "acr:opd", ["Organisasi Perangkat Daerah (OPD)"]),
            ("Dinas Perikanan", "local_government", "dinas:perikanan", ["Dinas Perikanan"])]
    assert pairs(extract_partnerships(text, analysis(text, [JEMBER], orgs))) == {
        ("Lapas Kelas IIA Jember", "Dinas Perikanan")}


def test_a_guest_unit_at_an_event_of_the_sentence_before():
    text = ("Kepala Kanwil Ditjenpas Jatim meninjau lahan pembangunan Lapas baru. Peninjauan lahan tersebut turut "
            "dihadiri Kepala Bagian Umum Kanwil Kementerian Hukum Jatim serta pejabat Lapas Kelas IIA Jember.")
    hukum = ("Kanwil Kementerian Hukum Jatim", "ministry", "ministry:law_office:jawa timur",
             ["Kanwil Kementerian Hukum Jatim"])
    assert pairs(extract_partnerships(text, analysis(text, [JEMBER], [KANWIL, hukum]))) == {
        ("Kanwil Ditjenpas Jawa Timur", "Kanwil Kementerian Hukum Jatim")}


def test_the_quote_of_an_outside_official_is_not_the_unit_speaking():
    kpk = ("Komisi Pemberantasan Korupsi (KPK)", "other", "kpk", ["KPK"])
    text = ("KPK menemukan praktik jual beli fasilitas di Lapas Kelas IIA Jember. \"Kami anggap itu sistematik, kita "
            "akan rapat lagi,\" kata Ketua KPK sebelum memasuki ruang rapat.")
    assert extract_partnerships(text, analysis(text, [JEMBER], [kpk])) == []


def test_a_quote_closed_by_katanya_belongs_to_the_speaker_introduced_before():
    gub = ("Gubernur Jawa Timur", "local_government", "local_government:province:jatim", ["Gubernur Jawa Timur"])
    text = ("Kepala Kanwil Ditjenpas Jatim, Budi Santoso, mengatakan sebanyak 3.000 napi mendapat remisi. \"Puncak "
            "penyerahan remisi digelar di Lapas Kelas IIA Jember. Rencananya dihadiri langsung Gubernur Jawa Timur,\" "
            "katanya.")
    a = analysis(text, [JEMBER], [KANWIL, gub], [("Budi Santoso", "Kanwil Ditjenpas Jawa Timur",
                                                   "corrections_office:jawa-timur")])
    assert pairs(extract_partnerships(text, a)) == {("Kanwil Ditjenpas Jawa Timur", "Gubernur Jawa Timur")}


def test_full_name_and_bracketed_acronym_cut_in_two_are_one_body():
    text = ("Petugas Lapas Kelas IIA Jember berkoordinasi dengan Badan Narkotika Provinsi (BNNP) Jawa Timur untuk "
            "rehabilitasi warga binaan.")
    orgs = [("Badan Narkotika Provinsi", "bnn", "bnn:province:jatim", ["Badan Narkotika Provinsi"]),
            ("BNNP", "bnn", "acr:bnnp", ["BNNP"])]
    assert pairs(extract_partnerships(text, analysis(text, [JEMBER], orgs))) == {
        ("Lapas Kelas IIA Jember", "Badan Narkotika Provinsi")}


def test_an_agreement_signed_by_two_outside_governments_is_not_the_units():
    orgs = [("Pemerintah Indonesia", "government", "government:indonesia", ["Pemerintah Indonesia"]),
            ("Pemerintah Inggris", "government", "government:inggris", ["Pemerintah Inggris"]),
            ("Menko Kumham Imipas", "ministry", "kemenko_kumham_imipas", ["Menko Kumham Imipas"])]
    text = ("Dua narapidana Lapas Kelas IIA Jember dipulangkan. Sebelumnya, Pemerintah Indonesia bersama Pemerintah "
            "Inggris menandatangani kesepakatan pemindahan dua narapidana tersebut. Penandatanganan dilakukan oleh "
            "Menko Kumham Imipas di Jakarta.")
    assert extract_partnerships(text, analysis(text, [JEMBER], orgs)) == []


def test_military_police_named_bare_in_a_joint_team():
    text = "Tim gabungan terdiri dari Polres Jember, Sub Denpom dan petugas Lapas Kelas IIA Jember menggeledah kamar."
    got = pairs(extract_partnerships(text, analysis(text, [JEMBER], [POLRES])))
    assert got == {("Lapas Kelas IIA Jember", "Polres Jember"), ("Lapas Kelas IIA Jember", "Sub Denpom")}


def test_a_visit_to_another_place_in_a_one_facility_article():
    menteri = ("Kementerian Sosial", "ministry", "ministry:sosial", ["Kementerian Sosial"])
    text = ("Warga binaan Lapas Kelas IIA Jember memproduksi batik. Kementerian Sosial juga melakukan kunjungan "
            "kerja ke Kabupaten Banyuwangi pekan lalu.")
    assert extract_partnerships(text, analysis(text, [JEMBER], [menteri])) == []


def test_the_office_that_wrote_the_letter_is_no_party_of_the_visit():
    bupati = ("Bupati Lombok Tengah", "local_government", "local_government:regency:lombok tengah",
              ["Bupati Lombok Tengah"])
    kanwil = ("Kanwil Ditjenpas NTB", "corrections_office", "corrections_office:ntb", ["Kanwil Ditjenpas NTB"])
    rutan = ("Rutan Kelas IIB Praya", "rutan-praya", ["Rutan Kelas IIB Praya"])
    text = ("Dalam kunjungan tersebut, Kepala Rutan Kelas IIB Praya menyerahkan surat resmi dari Kanwil Ditjenpas NTB "
            "kepada Bupati Lombok Tengah.")
    assert pairs(extract_partnerships(text, analysis(text, [rutan], [kanwil, bupati]))) == {
        ("Rutan Kelas IIB Praya", "Bupati Lombok Tengah")}


def test_a_story_told_from_the_outside_bodys_side():
    polda = ("Polda Jawa Timur", "police", "police:polda:jatim", ["Polda Jawa Timur", "Polda Jatim"])
    text = ("Polda Jawa Timur membongkar jaringan penipuan yang dikendalikan dari dalam Lapas Kelas IIA Jember. "
            "Tim siber melacak lokasi pelaku. Dalam penggerebekan bersama pihak lapas, petugas menemukan ponsel.")
    assert pairs(extract_partnerships(text, analysis(text, [JEMBER], [polda]))) == {
        ("Lapas Kelas IIA Jember", "Polda Jawa Timur")}
    # the unit is not named after "bersama"/"dengan": nothing said of working together
    text = ("Polda Jawa Timur membongkar jaringan penipuan yang dikendalikan dari dalam Lapas Kelas IIA Jember. "
            "Tim siber melacak lokasi pelaku. Penggerebekan menemukan ponsel di Lapas Kelas IIA Jember.")
    assert extract_partnerships(text, analysis(text, [JEMBER], [polda])) == []


def test_word_salad_of_triggers_and_names_never_raises():
    import random

    rng = random.Random(9)
    words = ("Lapas Kelas IIA Jember|Polres Jember|Kodim 0824 Jember|Kanwil Ditjenpas Jawa Timur|Ditjenpas|Budi Santoso|"
             "razia|bersama|dengan|kunjungan|ke|di|dihadiri|\"|,\" katanya|kata Ketua|menandatangani|dan|adalah|MoU|"
             "perintahkan seluruh|surat resmi dari|(BNNP)|Polres|Sub Denpom|kantor wilayah|Satresnarkoba|Kepala Lapas|"
             "Kementerian Hukum dan HAM|pihak lapas|Dalam kegiatan tersebut|.|.|mitra kerja|memimpin upacara|rombongan"
             ).split("|")
    orgs = [POLRES, KODIM, KANWIL, ("Ditjenpas", "corrections_office", "ditjenpas", ["Ditjenpas"]),
            ("Satresnarkoba", "police", "acr:satresnarkoba", ["Satresnarkoba"]),
            ("Kementerian Hukum dan HAM", "ministry", "kemenkumham", ["Kementerian Hukum dan HAM"]),
            ("BNNP", "bnn", "acr:bnnp", ["BNNP"])]
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 50)))
        a = analysis(text, [JEMBER], orgs, [("Budi Santoso", "Kanwil Ditjenpas Jawa Timur", "corrections_office:jawa-timur")])
        for p in extract_partnerships(text, a):
            assert len(p.parties) == 2 and p.kind in KIND_ORDER


# ---- second round: rules learnt on the blind articles ----

DPRD = ("DPRD Jember", "local_government", "local_government:dprd:jember", ["DPRD Jember"])
DINSOS_PROV = ("Dinas Sosial Provinsi Jawa Timur", "local_government", "dinas:sosial@jawa timur",
               ["Dinas Sosial Provinsi Jawa Timur"])
DINSOS_TYPO = ("Dinas Sosal", "local_government", "dinas:sosal", ["Dinas Sosal"])
DINSOS_KAB = ("Dinas Sosial Kabupaten Jember", "local_government", "dinas:sosial@jember",
              ["Dinas Sosial Kabupaten Jember"])


def test_dprd_and_regency_of_one_place_are_two_bodies():
    text = ("Bupati Jember meresmikan dapur produksi di Lapas Kelas IIA Jember, Senin (2/6). "
            "Acara tersebut turut dihadiri Kakanwil Ditjenpas Jatim, Ketua DPRD Jember dan tamu undangan.")
    out = extract_partnerships(text, analysis(text, [JEMBER], [BUPATI, KANWIL, DPRD]))
    assert ("Lapas Kelas IIA Jember", "DPRD Jember") in pairs(out)
    assert ("Lapas Kelas IIA Jember", "Bupati Jember") in pairs(out)


def test_offices_of_two_seats_never_merge_through_a_misspelt_one():
    text = ("Lapas Kelas IIA Jember menandatangani PKS dengan Dinas Sosial Provinsi Jawa Timur dan Dinas Sosal. "
            "Selain itu juga PKS dengan Dinas Sosial Kabupaten Jember.")
    out = extract_partnerships(text, analysis(text, [JEMBER], [DINSOS_PROV, DINSOS_TYPO, DINSOS_KAB]))
    assert ("Lapas Kelas IIA Jember", "Dinas Sosial Kabupaten Jember") in pairs(out)


def test_a_national_police_body_is_not_the_local_one():
    mabes = ("Mabes Polri", "police", "police:polri", ["Bareskrim", "Mabes Polri"])
    text = ("Razia narkoba dilakukan oleh Bareskrim Mabes Polri, Polres Jember dan Lapas Jember, Kamis (5/6).")
    out = extract_partnerships(text, analysis(text, [JEMBER], [mabes, POLRES]))
    assert {p[1] for p in pairs(out)} == {"Mabes Polri", "Polres Jember"}


def test_misspelt_directorate_general_is_the_hierarchy():
    ditjen = ("Direktorat Jendral (Ditjen)", "other", "acr:ditjen", ["Direktorat Jendral (Ditjen)"])
    text = ("Lapas Jember digeledah oleh Satgas Kamtib Direktorat Jendral (Ditjen) Permasyarakatan, "
            "Rabu malam (2/8).")
    assert extract_partnerships(text, analysis(text, [JEMBER], [ditjen])) == []


def test_the_ministry_giving_an_award_is_no_party():
    bnnp = ("BNNP Jawa Timur", "bnn", "bnn:province:jawa timur", ["BNNP Jawa Timur"])
    kemen = ("Kementerian Hukum dan HAM", "ministry", "kemenkumham", ["Kementerian Hukum dan HAM"])
    text = ("Kalapas Jember menyebut Lapas Jember tertib. \"Bahkan kita pernah kerja sama dengan BNNP Jawa Timur "
            "sehingga kita diganjar penghargaan dari Kementerian Hukum dan HAM,\" katanya.")
    out = extract_partnerships(text, analysis(text, [JEMBER], [bnnp, kemen]))
    assert pairs(out) == {("Lapas Kelas IIA Jember", "BNNP Jawa Timur")}


def test_readiness_and_inmates_involved_are_no_event():
    assert _kind_in("jaringan narkoba yang melibatkan warga binaan") is None
    text = ("Kalapas Jember memastikan pihaknya akan mengusut tuntas. Dengan tegas, pihaknya menyatakan siap "
            "berkoordinasi dengan Polres Jember untuk memberantas jaringan narkoba yang melibatkan warga binaan.")
    assert extract_partnerships(text, analysis(text, [JEMBER], [POLRES])) == []


def test_bare_facility_word_before_the_regional_office_is_the_facility():
    univ = ("Universitas Jember", "education", "education:jember", ["Universitas Jember"])
    text = ("Universitas Jember menandatangani MoU dengan Lembaga Pemasyarakatan Kelas IIA Kanwil Ditjenpas Jatim "
            "pada Kamis (30/3). Kepala Lapas Jember hadir.")
    out = extract_partnerships(text, analysis(text, [JEMBER], [univ, KANWIL]))
    assert pairs(out) == {("Lapas Kelas IIA Jember", "Universitas Jember")}


def test_the_units_listed_as_visited_are_each_visited():
    kemenko = ("Kemenko Kumham Imipas", "ministry", "kemenko_kumham_imipas", ["Kemenko Kumham Imipas"])
    rutan = ("Rutan Kelas IIB Bondowoso", "rutan-bondowoso", ["Rutan Bondowoso"])
    text = ("Untuk memastikan layanan bagi warga binaan, Asisten Deputi Kemenko Kumham Imipas melakukan kunjungan "
            "kerja, Jumat (13/6). "
            "Adapun UPT yang dikunjungi meliputi Lapas Jember serta Rutan Bondowoso.")
    out = extract_partnerships(text, analysis(text, [JEMBER, rutan], [kemenko]))
    assert pairs(out) == {("Lapas Kelas IIA Jember", "Kemenko Kumham Imipas"),
                          ("Rutan Kelas IIB Bondowoso", "Kemenko Kumham Imipas")}


def test_the_office_speaking_at_the_visitors_event_meets_the_visitor():
    ksp = ("Kantor Staf Presiden", "other", "acr:ksp", ["Kantor Staf Presiden"])
    text = ("Tim Kantor Staf Presiden melakukan kunjungan kerja ke Lapas Jember, Rabu (2/7). "
            "Acara diawali dengan sambutan Kepala Kanwil Ditjenpas Jatim yang memaparkan tantangan overkapasitas.")
    out = extract_partnerships(text, analysis(text, [JEMBER], [ksp, KANWIL]))
    assert ("Kanwil Ditjenpas Jawa Timur", "Kantor Staf Presiden") in pairs(out)


def test_two_offices_joined_by_serta_are_two_partners():
    both = ("Dinas Sosial serta Dinas Tenaga Kerja Kabupaten Jember", "local_government", "dinas:sosial",
            ["Dinas Sosial serta Dinas Tenaga Kerja Kabupaten Jember"])
    text = ("Untuk kursus menjahit, pihak lapas bekerja sama dengan Dinas Sosial serta Dinas Tenaga Kerja Kabupaten "
            "Jember. Lapas Jember menyiapkan 20 warga binaan.")
    out = extract_partnerships(text, analysis(text, [JEMBER], [both]))
    assert {p[1] for p in pairs(out)} == {"Dinas Sosial", "Dinas Tenaga Kerja Kabupaten Jember"}


def test_cooperation_between_two_others_is_not_the_units():
    pupr = ("Kementerian PUPR", "ministry", "ministry:pupr", ["Kementerian PUPR"])
    text = ("Kalapas Jember mengatakan pelatihan di Lapas Jember merupakan kerja sama antara Kemenkum-Ham dan "
            "Kementerian PUPR.")
    assert extract_partnerships(text, analysis(text, [JEMBER], [pupr])) == []


def test_visits_written_with_mendatangi_and_openings_at_the_facility():
    komisi = ("Komisi III DPR RI", "other", "dpr:komisi:iii", ["Komisi III DPR RI"])
    text = "Saat mendatangi Lapas Jember, Komisi III DPR RI mengaku prihatin."
    out = extract_partnerships(text, analysis(text, [JEMBER], [komisi]))
    assert pairs(out) == {("Lapas Kelas IIA Jember", "Komisi III DPR RI")} and out[0].kind == "visit"
    text = ("Pesantren At Taubah diresmikan bagi warga binaan Lapas Jember, Jumat (12/9). "
            "Peresmian dilakukan oleh Kakanwil Ditjenpas Jatim bersama Bupati Jember.")
    out = extract_partnerships(text, analysis(text, [JEMBER], [KANWIL, BUPATI]))
    assert pairs(out) == {("Lapas Kelas IIA Jember", "Bupati Jember")} and out[0].kind == "attendance"


def test_guests_after_the_attendance_word_are_not_hosts():
    rutan = ("Rutan Kelas IIB Bondowoso", "rutan-bondowoso", ["Rutan Bondowoso"])
    text = ("Kanwil Ditjenpas Jatim menggelar razia di Lapas Jember bersama Polres Jember. "
            "Turut hadir Kepala Rutan Bondowoso, dan dibantu jajaran Kodim 0824 Jember.")
    out = extract_partnerships(text, analysis(text, [JEMBER, rutan], [KANWIL, POLRES, KODIM]))
    assert not any(p[0] == "Rutan Kelas IIB Bondowoso" for p in pairs(out))


def test_the_polices_case_against_an_inmate_is_no_joint_operation():
    text = ("Pengungkapan kasus ini bermula dari penangkapan seorang tersangka oleh Polres Jember, yang mengarah "
            "ke salah satu warga binaan di Lapas Jember.")
    assert extract_partnerships(text, analysis(text, [JEMBER], [POLRES])) == []


def test_an_outside_body_speaking_of_its_own_team():
    polda = ("Polda Jawa Timur", "police", "police:polda:jawa timur", ["Polda Jawa Timur"])
    text = ("Polisi menangkap pegawai Lapas Jember. Kabid Humas Polda Jawa Timur Kombes Andi mengatakan tim saber "
            "pungli yang melibatkan lintas instansi sudah dibentuk.")
    out = extract_partnerships(text, analysis(text, [JEMBER], [polda]))
    assert ("Lapas Kelas IIA Jember", "Polda Jawa Timur") not in pairs(out)


def test_speaker_of_the_regional_office_and_the_facility_both_raid():
    brimob = ("Brimob", "police", "police:brimob", ["Brimob"])
    text = ("Kakanwil Ditjenpas Jatim Adnan bersama Kalapas Jember Maman melakukan razia, Jumat (9/4). "
            "\"Ada 12 kamar yang digeledah,\" kata Adnan, didampingi Kepala Lapas Jember Maman dan Kanit Brimob.")
    offs = [("Adnan", "Kanwil Ditjenpas Jawa Timur", "corrections_office:jawa-timur"),
            ("Maman", "Lapas Kelas IIA Jember", "lapas-jember")]
    out = extract_partnerships(text, analysis(text, [JEMBER], [KANWIL, brimob], offs))
    assert {("Lapas Kelas IIA Jember", "Brimob"), ("Kanwil Ditjenpas Jawa Timur", "Brimob")} <= pairs(out)


def test_speakers_from_an_outside_body_run_a_program():
    assert _kind_in("Khatib saat itu Ustadz Ahmad dari Kementerian Agama") == "program"
    assert _kind_in("Narasumber dari Dinas Kesehatan memberi materi") == "program"


def test_the_ministry_as_a_peer_after_antara_is_not_the_unit():
    kemen = ("Kemenkum-Ham", "ministry", "kemenkumham", ["Kemenkum-Ham"])
    pupr = ("Kementerian PUPR", "ministry", "ministry:pupr", ["Kementerian PUPR"])
    text = ("Kalapas Jember mengatakan pelatihan di Lapas Jember merupakan kerja sama antara Kemenkum-Ham dan "
            "Kementerian PUPR.")
    out = extract_partnerships(text, analysis(text, [JEMBER], [kemen, pupr]))
    assert not any(p[1] == "Kementerian PUPR" and p[0] == "Lapas Kelas IIA Jember" for p in pairs(out))


def test_a_members_faction_is_no_partner():
    dpr = ("DPR", "other", "dpr:ri", ["DPR"])
    fraksi = ("Fraksi Partai Demokrat", "party", "party:demokrat", ["Fraksi Partai Demokrat"])
    text = "Anggota DPR dari Fraksi Partai Demokrat itu juga meninjau fasilitas pelayanan di Lapas Jember."
    out = extract_partnerships(text, analysis(text, [JEMBER], [dpr, fraksi]))
    assert pairs(out) == {("Lapas Kelas IIA Jember", "DPR")}


def test_the_thing_opened_is_no_guest():
    pesantren = ("Pesantren At Taubah", "other", "civil:at taubah", ["Pesantren At Taubah"])
    text = "Pesantren At Taubah diresmikan bagi warga binaan Lapas Jember oleh Bupati Jember, Jumat (12/9)."
    out = extract_partnerships(text, analysis(text, [JEMBER], [pesantren, BUPATI]))
    assert pairs(out) == {("Lapas Kelas IIA Jember", "Bupati Jember")}
