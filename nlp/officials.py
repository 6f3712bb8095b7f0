"""Officials: a person named with a title in an organisation, in both orders
("Kalapas Banyuwangi, Mochamad Mukaffi" / "Mukaffi, Kepala Lapas Banyuwangi").

Why a token walk anchored on titles and not free NER: the annotation counts only people named in an
official capacity, and the title phrase also tells which facility or organisation they belong to.
The walk skips what belongs to the title phrase (organisation and facility spans, institution words,
places, acronyms, common lower-case words written capitalised) and takes the first run of name tokens.
Honorifics, ranks and degrees are split off into fields; later one-word mentions ("kata Mukaffi")
join the full name. Inmates, suspects, relatives and initials never become officials.
Two title-less cues add people the walk cannot see: a quoted speaker after a speech verb ("...," tegas
Ibnu Chuldun) and a name between a unit and a speech verb ("Lapas X Rahmat Karundeng menyampaikan");
press releases quote their officials, and a cue after the name ("ujar Joko, warga binaan") drops the rest.
A quoted official also opens sentences ("Menurut Kusnali, ...", "Hidayat menerangkan ..."); hard-wrapped pages
and texts cut off inside their last sentence are read as running sentences, not as headlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from nlp.facilities import _common_words
from nlp.lexicon import HONORIFICS as _LEX_HONORIFICS
from nlp.lexicon import NON_NAME, NON_OFFICIAL_CUES, RANK_KEYS, TEASER_MARKER, is_degree
from nlp.records import Facility, Mention, Official, Organization
from nlp.registry import Registry, load_registry, norm_key

# "Hi." is how Maluku and Sulawesi papers write Haji
HONORIFICS = _LEX_HONORIFICS | {"hi", "profesor", "dt", "datuk", "kiai", "kyai"}


# Titles, longest first. group "t" = the title as written.
_TITLES = [
    r"Kepala\s+Kantor\s+Wilayah", r"Kepala\s+Divisi\s+Pemasyarakatan", r"Kepala\s+Divisi", r"Kepala\s+Lembaga",
    r"Kepala\s+Rumah\s+Tahanan", r"Kepala\s+Balai", r"Kepala\s+Kesatuan\s+Pengamanan",
    r"Kepala\s+(?:Sub\s*)?(?:Seksi|Bagian|Bidang)", r"Kepala\s+Sub(?:seksi|bagian|bag|bidang)", r"Kepala\s+Badan", r"Kepala\s+Dinas", r"Kepala\s+Kepolisian",
    r"Kepala\s+Satuan", r"Kepala\s+Biro", r"Kepala\s+Pusat", r"Kepala\s+Kantor", r"Kepala\s+Desa", r"Kepala",
    r"Wakil\s+Menteri", r"Menteri\s+Koordinator", r"Menko\w*", r"Menteri", r"Wamen\w*", r"Menkum(?:\s?HAM)?",
    r"Menkumham", r"Menimipas",
    r"Direktur\s+Jenderal", r"Dirjen\w*", r"Direktur(?:\s+Utama)?", r"Sekretaris\s+Jenderal", r"Sekjen",
    r"Sekretaris(?:\s+Daerah)?", r"Sekda", r"Wakil\s+Ketua", r"Ketua\s+Majelis(?:\s+Hakim)?", r"Ketua", r"Anggota",
    r"Ka(?:Lapas|Rutan|Bapas|Kanwil|LPKA)", r"Kalapas", r"Kapalas", r"Karutan", r"Kabapas", r"Kakanwil\w*", r"Wabup", r"Wagub", r"Waka\w*", r"Wawali\w*", r"Wakapol\w*", r"Kadivpas", r"Kadiv\w*", r"Kasubsi\w*", r"Kasi\w*",
    r"Kasubag\w*", r"Kasubbag\w*", r"Kasub+id\w*", r"Kabag\w*", r"Kabid\w*", r"Kasat\w*", r"Kasubdit\w*", r"Kanit\w*",
    r"Ka\.?\s?KPLP", r"KPLP", r"Ka[Pp]olda", r"Ka[Pp]olres\w*", r"Ka[Pp]olsek\w*", r"Kapolri", r"Kabareskrim",
    r"Dandim", r"Danrem", r"Pangdam", r"Danlanal", r"Danramil", r"Kajati", r"Kajari", r"Kasi\s?Intel\w*",
    r"As(?:pidum|pidsus|intel|datun)\b",
    r"(?<!Umum )(?<!Dewan )(?<!Jabatan )Pimpinan(?!\s+(?:Pusat|Tinggi|Wilayah|Daerah|Cabang|Ranting|Redaksi)\b)",
    r"Wakil\s+Gubernur", r"Gubernur", r"Wakil\s+Bupati", r"Bupati", r"Wakil\s+Wali\s*[Kk]ota", r"Wali\s*[Kk]ota",
    r"Camat", r"Lurah", r"Kades", r"Koordinator", r"Hakim(?:\s+[Aa]nggota)?", r"Panitera(?:\s+Pengganti)?",
    r"Jaksa(?:\s+Penuntut\s+Umum)?", r"Deputi", r"Rektor", r"Dekan", r"Pendiri", r"Komisioner", r"(?<!Tanah )(?<!Kabupaten )(?<!Kab\. )Karo(?:ops|rena|ren|sdm|SDM|log|penmas|mawasdal|binops|hukum|humas|umum)?",
    r"Kabiro\w*", r"Auditor(?:\s+(?:Madya|Muda|Utama|Pertama))?", r"Presiden", r"Wakil\s+Presiden", r"Perdana\s+Menteri", r"Duta\s+Besar",
    r"(?:Wakil\s+)?Dubes", r"Konsul(?:\s+Jenderal)?", r"Juru\s+[Bb]icara",
    r"Plt\.?\s+Kepala", r"(?:Pelaksana\s+Tugas\s*\(Pl[th]\)|Pl[th]\.?)(?=\s+(?:Lapas|LPP|Rutan|Bapas|LPKA|Rupbasan)\b)", r"Pembimbing\s+Kemasyarakatan", r"Staf\s+Ahli", r"Asisten", r"Inspektur\s+(?:Jenderal|Wilayah|Utama|Daerah)",
    r"Kepala\s+Staf", r"Penanggung\s+[Jj]awab", r"Ka\.?(?=\s+(?:Kanwil|Rutan|Lapas|Bapas|LPKA|KPLP|Divisi|Rupbasan)\b)", r"Kadis\w*", r"Kadin(?:sos|kes)", r"Pasi\s?[A-Z]\w*", r"PASI\s?[A-Z]\w*",
    r"Petugas(?:\s+Pengamanan)?", r"Dokter", r"Sipir", r"Pegawai", r"Staf", r"Dir(?=\s+(?:Res\s*)?[A-Z])",
]
_TITLE_RE = re.compile(r"(?<![\w])(?P<t>" + "|".join(_TITLES) + r")(?![\w])")
_LOWER_TITLE_RE = re.compile(r"(?<![\w])(?P<t>kepala|ketua|menteri|direktur|wakil ketua|sekretaris|koordinator|"
                             r"hakim(?:\s+anggota)?|bupati|gubernur|wali kota|walikota|anggota|kasubsi|kasi|kabid|"
                             r"kasubag|kasubbag|kasub+id|kepala seksi|kepala bidang|presiden|wakil presiden|"
                             # teachers and doctors of a programme: "instruktur Nuryati", "dokter Sinta Dewi"
                             r"(?:instruktur|dokter|[Uu]stadz?)(?=\s+(?:(?:H|Hj|Dr|dr)\.?\s+)?[A-Z][a-z]+\s+[A-Za-z]))"
                             r"(?=\s+[A-Z])")
_TOKEN = re.compile(r"[^\s]+")
_CONNECT = {"dan", "serta", "&", "se", "bidang", "urusan", "of", "the", "and", "pada", "untuk", "kota", "kabupaten",
            "perwakilan", "wilayah", "divisi", "seksi", "kantor", "badan", "dinas", "daerah", "pusat", "tingkat",
            "provinsi", "cabang", "negara", "sub", "kelas", "klas", "binaan", "ri", "yaitu", "yakni", "bernama",
            "yang", "baru", "dilantik", "menjabat", "saat", "ini", "panitia", "pelaksana", "antara", "lain"}
_BACK_CUE = re.compile(r"(?:,|\s+selaku|\s+sebagai|\s+yang\s+juga|\s+yang\s+merupakan|\s+yang\s+menjabat(?:\s+sebagai)?)"
                       r"\s*(?:(?:Plt|Plh|Pj|Pjs|Pejabat|PLT|PLH)\.?\s*)?$")
# former office holders and people around them are not acting officials
_FORMER = re.compile(r"(?:mantan|eks|bekas|purnawirawan)\s*$", re.IGNORECASE)
# an office holder arrested or charged is a suspect in that story ("Penangkapan Kepala Rutan X oleh BNN")
_ARREST = re.compile(r"(?:penangkapan|ditangkapnya|penahanan|menangkap|menahan|membekuk|meringkus|menjerat|"
                     r"memvonis|menetapkan)\s*$", re.IGNORECASE)
# a street named after an office holder ("di Jalan Jaksa Agung Suprapto", "Jl. Gubernur Suryo")
_STREET_BEFORE = re.compile(r"(?:Jalan|Jl|Jln)\.?\s+$")
_ISLANDS = {"madura", "jawa", "sumatera", "sumatra", "kalimantan", "sulawesi", "bali", "lombok", "flores", "timor",
            "sumba", "papua", "maluku", "nusa", "bangka", "belitung", "bintan", "nias", "seram", "halmahera",
            "nusakambangan", "borneo", "indonesia"}
# countries: "Wakil Duta Besar Inggris untuk Indonesia, X" names the country, not the person
_COUNTRIES = {"inggris", "amerika", "australia", "malaysia", "singapura", "belanda", "jepang", "tiongkok", "china",
              "arab", "saudi", "filipina", "thailand", "prancis", "perancis", "jerman", "rusia", "korea", "india",
              "brasil", "nigeria", "iran", "vietnam", "kanada", "selandia", "turki", "mesir", "pakistan", "tionghoa"}
# unit words of police/corrections sections and English office words: part of a title phrase, never a name
# ("Kabag Ops", "Kasat Res Narkoba", "Kasat Intelkam", "Secretary of State")
_UNIT_WORDS = {"ops", "intelkam", "reskrim", "res", "resnarkoba", "binmas", "sabhara", "samapta", "lantas", "propam",
               "humas", "siber", "ditreskrimsus", "ditreskrimum", "ditresnarkoba", "satreskrim", "satresnarkoba",
               "intel", "intelijen", "kamtib", "kantib", "giatja", "binadik", "bimkemas", "binapi", "registrasi",
               "yanmin", "adm", "tu", "secretary", "minister", "state", "ambassador", "deputy", "head", "director",
               "chief", "affairs", "foreign", "dir", "ramadhan", "ramadan", "syawal", "idul", "fitri", "adha",
               "natal", "lebaran", "imlek", "puasa", "kabag", "kasat", "kasi", "kasubsi", "subdit", "subdirektorat",
               # bodies inside a title phrase ("Ketua Presidium IPW", "anggota Pokja ZI"), a common misspelling
               "presidium", "pascasarjana", "pokja", "satgas", "satuan", "tugas", "azasi", "forkopimda", "opd", "panja", "pansus",
               "fraksi", "revisi", "pamintel", "kepatuhan", "itjen", "inspektorat", "pramuka", "karang",
               # police and corrections sections written as one word
               "satres", "satlantas", "satintelkam", "satsamapta", "satbinmas", "satpolairud", "satnarkoba",
               "azazi", "devisi", "panwaslu", "panwascam", "binpas", "bimpas", "wasgakin", "yantah", "bimker", "portatib", "bimkemaswat",
               # a regency's secretariat, a senior-post grade, an office's adjective, directorate acronyms after
               # their title ("Asisten III Setda", "Pimti Pratama Kanwil", "Direktur Kepatuhan Internal (Dirpatnal)")
               "setda", "setdakab", "setdako", "setdaprov", "pimti", "internal", "eksternal", "dirpatnal", "dirpamintel",
               "sesditjenpas", "sesditjen", "sesjen", "sesitjen",
               # seized goods and spoils in a Kanwil division's title ("Kabid ... Pengelolaan Basan Baran dan
               # Keamanan"); English head nouns of a body's name ("Direktur X Global School")
               "basan", "baran", "school", "bakery", "academy", "foundation", "college", "institute",
               # the regional office written bare ("Kepala Kanwil, Bagus Kurniawan"): a common first name after
               # it starts the name
               "kanwil"}
# office nouns ke-...-an / pe-...-an ("Kehakiman", "Pemasyarakatan", "Perlindungan"), typos included
_ORG_TYPO = re.compile(r"^(?:(?i:pe[mr]{1,2}asyara\w*|\w*masyarakat\w*|su[bd]+direktorat\w*|direktorat\w*|"
                       r"kemen\w+|kem(?:kum|ham|imipas|kes|sos|ag|dikbud|dikdasmen|hub|dagri|nakertrans|kopukm)\w*|"
                       r"kumham|imipas|kementr?ian\w*)|"
                       r"(?:Ke|Pe[mnr]|Pen[gy])[a-z]{4,}an)$")
_RANK_TYPOS = {"kombs", "kompoll", "akbp", "ipda", "iptu", "kombespol", "brigjenpol", "irjenpol", "komjenpol"}
_RANK_HON = RANK_KEYS | HONORIFICS
# a class numeral, also glued to the town by a missing space ("Rutan Kelas IIAPalangka Raya")
# English head nouns that end a body's name ("Karunia Global School", "Arkandas Bakery"): the run before them
# is the body, not a person
_BODY_HEADS = {"school", "bakery", "academy", "foundation", "college", "institute"}
_ROMAN = re.compile(r"^(?:[IVXL]+[AB]?|I{1,3}[AB]?[A-Z][a-z]{2,})$")
_INITIALS = re.compile(r"^(?:[A-Z]{1,4}|[A-Z]\.(?:[A-Z]\.?)*)$")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*|[A-Z]\.(?:[A-Z]\.)*|[A-Z]{2,}[a-z]*|Mc[A-Z][a-z]+)$")

# a quoted speaker with no title beside the name ("...," ujar Maizar. / tegas Ibnu Chuldun.): press releases
# quote their officials; inmates and relatives are introduced by a cue after the name, checked below
_SPEAKER_RE = re.compile(
    r"(?:[,\"”’]\s*|\s)(?:ujar|kata|ungkap|jelas|tegas|tutur|imbuh|terang|sambung|pungkas|ucap|sebut|lanjut|papar|"
    r"urai|tandas|katanya|ungkapnya|tambah|timpal|beber)[ \t]+(?P<n>(?:[A-Z][\w'’.-]*[ \t]+){0,4}[A-Z][\w'’-]*)(?=[\s,.;:!?)]|$)")
# the same cue opening a sentence, the name closed by a comma ("Menurut Kusnali, ...", "Lanjut H. Muslim, ...")
_LEAD_SPEAKER_RE = re.compile(r"(?:^|(?<=[.!?\"”] ))[ \t]*(?:Menurut|Lanjut|Ditambahkan|Dikatakan|Ditegaskan|"
                              r"Dijelaskan|Disampaikan|Diungkapkan)[ \t]+(?P<n>(?:[A-Z][\w'’.-]*[ \t]+){0,4}"
                              r"[A-Z][\w'’-]*)(?=,)", re.MULTILINE)
# a name opening a sentence, then a speech verb ("Hidayat menerangkan ...", "Era Wiharto juga mengatakan, ..."):
# the quoted official of a press release, named in full before or in a headline
_NAME_VERB_RE = re.compile(r"(?:^|(?<=[.!?\"”] ))[ \t]*(?P<n>[A-Z][a-z'’]+?(?:[ \t][A-Z][a-z'’]+?){0,2})(?:pun)?[ \t]+"
                           r"(?:juga[ \t]+|pun[ \t]+|kembali[ \t]+|lebih[ \t]+lanjut[ \t]+)?(?:mengatakan|menjelaskan|"
                           r"menerangkan|menuturkan|mengungkapkan|menegaskan|menyampaikan|memaparkan|mengaku|"
                           r"menambahkan|menyebutkan|mengimbau|berharap)\b", re.MULTILINE)
_AFTER_NOT_OFFICIAL = re.compile(
    r"^\s*(?:\(\d+\)|,?\s*(?:salah\s+(?:satu|seorang)\s+)?(?:warga|narapidana|napi|tahanan|terpidana|terdakwa|"
    r"tersangka|pelaku|korban|istri|suami|anak|ibu|ayah|adik|kakak|keluarga|pengunjung|santri|siswa|mahasiswa|"
    r"peserta|penghuni|orang\s+tua|kerabat|rekan|teman|warga|pedagang|pemilik|sopir|petani|nelayan|kuasa\s+hukum|"
    r"pengacara|advokat|WBP|anak\s+binaan)\b)", re.IGNORECASE)

# "pihak Lapas Kelas IIA Gorontalo Rahmat Karundeng menyampaikan ...": a unit, then a name, then a speech verb
_UNIT_SPEAKER_RE = re.compile(r"[ \t]+(?P<n>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,3}),?[ \t]+(?:mengatakan|"
                              r"menyampaikan|menjelaskan|mengungkapkan|menegaskan|menuturkan|menerangkan|"
                              r"menyebutkan|berharap|mengimbau|mengapresiasi)\b")

# "..., tambah Kanwil Kemenkumham Kalsel, Imam Suyudi.": a speech verb, a unit, a comma, the speaker
_VERB_BEFORE_UNIT = re.compile(r"(?:[,\"”’]\s*|\s)(?:ujar|kata|ungkap|jelas|tegas|tutur|imbuh|terang|sambung|pungkas|"
                               r"ucap|sebut|lanjut|papar|tandas|tambah|timpal)[ \t]+(?:pihak[ \t]+)?$")
_COMMA_NAME = re.compile(r"(?:[ \t]+[A-Z][\w.]*){0,2},[ \t]+(?:(?:Dr|Drs|H|Hj|Ir|Prof)\.?[ \t]+)*"
                         r"(?P<n>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3})(?=[ \t]*[.,;\n]|$)")
# "rombongan Kanwil X yang dipimpin oleh Liberti Sitinjak": the leader of a delegation, named without a title
_LED_BY = re.compile(r"(?<![\w])(?:dipimpin|dikomandoi?|diketuai|dinakhodai|diwakili)(?:[ \t]+(?:langsung|oleh))*[ \t]+"
                     r"(?P<n>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,3})(?![\w])")
# "Lapas X yang dipimpin Herliadi tersebut": a one-word leader, closed by a demonstrative or punctuation
_LED_BY_ONE_END = re.compile(r"[ \t]+(?:tersebut|itu|ini|saat\s+ini|sejak)\b|[ \t]*[,.;]")
# "Daeng Muhammad (Fraksi PAN), Supratman (Fraksi Gerindra)": members of parliament listed with their party
_PARTY = re.compile(r"\((?:Fraksi|F-|Partai)\b")
_PARTY_NAME = re.compile(r"(?:Fraksi|F-|Partai)\b")  # a member's party: the body is the commission they sit on
_NAME_BEFORE_PAREN = re.compile(r"(?:^|[\s,;])(?P<n>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’.-]+){0,3})[ \t]*$")
# quoted reactions of social-media users are not officials' statements
_NETIZEN = re.compile(r"(?i)\b(?:netizen|warganet|warga\s+net)\b")
# lower-case words of a field after "bidang" ("Koordinator bidang pencegahan BNK Bekasi, ...")
_FIELD_WORD = re.compile(r"^(?:(?:pe|ke)[a-z]{3,}an|rehabilitasi|hukum|umum|teknis|informasi|dan|hubungan|"
                         r"masyarakat|sosial|kesehatan|narkoba|narkotika)$")
_SENT_END = re.compile(r"[.;!?\n]")
# a police or military rank right before a name: an officer named in office ("Iptu Mahmuda kanit ...")
_RANK_NAME = re.compile(r"(?<![\w])(?:AKBP|AKP|Iptu|Ipda|Kompol|Kombes|Brigjen|Irjen|Komjen|Aiptu|Aipda|Bripka|Brigpol|"
                        r"Briptu|Bripda|Letkol|Kolonel|Mayjen|Laksma|Marsma|IPTU|IPDA|AIPTU|AIPDA|KOMPOL|KOMBES|BRIGJEN|IRJEN|"
                        r"KOMJEN|BRIPKA|BRIGPOL|BRIPTU|BRIPDA)\.?(?:[ \t]+(?:Pol|TNI|Inf|Czi)\.?)?"
                        r"(?:[ \t]+\((?:Purn|Purnawirawan)\.?\))?[ \t]+"
                        # "Iptu I Made Murdawan": a Balinese name opens with I / Ni
                        r"(?P<n>(?:(?:I|Ni)[ \t]+(?=[A-Z][a-z]))?[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,3})")
# "petugas staf bimbingan kerja bernama Suhari": a staff member introduced by name
_NAMED_STAFF = re.compile(r"(?<![\w])(?:petugas|pegawai|staf|sipir|penjaga|penyidik)\b[^.,;\n\"“”]{0,40}?\bbernama[ \t]+"
                          r"(?P<n>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,2})")
# "oknum anggota Polres berpangkat Bripka X ditangkap": an officer who is the suspect of the story
_SUSPECT_NEAR = re.compile(r"(?i)\b(?:oknum|tersangka|terdakwa|terpidana|pelaku|ditangkap|diamankan|dibekuk|diringkus)\b")
_AND_WORD = re.compile(r"\s+dan\s+(\w+)")
_INITIALS_DOTTED = re.compile(r"[A-Z](?:\.[A-Z])+")
_MONTHS = {"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
           "november", "desember"}

# "didampingi Heri Ageng Kabag Umum": a name written before its title with no comma between
_NAME_THEN_TITLE_RE = re.compile(r"(?<![\w])(?:didampingi|oleh|bersama|serta|dan|dengan)[ \t]+(?P<n>[A-Z][a-z'’-]+(?:[ \t]+"
                                 r"[A-Z][a-z'’-]+){0,2})[ \t]+(?=(?:Kabag|Kabid|Kasi|Kasubsi|Kasubag|Kasubbag|Kaur|"
                                 r"Kalapas|Karutan|Kabapas|Kepala|KPLP)\b)")

# titles that name the head of a unit of a given kind when no organisation is written beside them
_TITLE_UNIT = {"kalapas": ("facility", "lapas"), "kapalas": ("facility", "lapas"), "karutan": ("facility", "rutan"), "kabapas": ("facility", "bapas"),
               "kakanwil": ("org", "corrections_office"), "kadivpas": ("org", "corrections_office"),
               "kplp": ("facility", None), "kapolda": ("org", "police:polda"), "kapolres": ("org", "police:polres"),
               "kapolresta": ("org", "police:polres"), "kapolrestabes": ("org", "police:polres"),
               "kapolsek": ("org", "police:polsek"), "kajari": ("org", "prosecutor:kejari"),
               "kajati": ("org", "prosecutor:kejati"), "dandim": ("org", "military:kodim"),
               "danrem": ("org", "military:korem"), "dirjenpas": ("org", "ditjenpas"),
               "dirjen": ("org", "ditjen"), "bupati": ("org", "local_government"),
               "gubernur": ("org", "local_government"), "walikota": ("org", "local_government"),
               "menkumham": ("org", "kemenkumham"), "kasi": ("facility", None), "kasubsi": ("facility", None),
               "kepala": ("facility", None), "hakim": ("org", "court"), "ketuamajelis": ("org", "court"),
               "panitera": ("org", "court"), "jaksa": ("org", "prosecutor"),
               "kepaladivisi": ("org", "corrections_office"), "kadiv": ("org", "corrections_office"),
               "kepalakantorwilayah": ("org", "corrections_office"), "sekretarisdaerah": ("org", "local_government"),
               "sekda": ("org", "local_government"), "wakilbupati": ("org", "local_government"),
               "wakilgubernur": ("org", "local_government"), "wakilwalikota": ("org", "local_government"),
               # the national chief, deputies and section heads of police units ("Wakapolda Metro Jaya",
               # "Kasatresnarkoba Polresta X"); "Kasatpol PP" heads the regency's civil police
               "kapolri": ("org", "police:polri"), "wakapolri": ("org", "police:polri"),
               "wakapolda": ("org", "police:polda"), "wakapolres": ("org", "police:polres"),
               "kasatres": ("org", "police:polres"), "kasatnarkoba": ("org", "police:polres"),
               "kasatreskrim": ("org", "police:polres"), "kasatlantas": ("org", "police:polres"),
               "kasatintelkam": ("org", "police:polres"), "kasatbinmas": ("org", "police:polres"),
               "kasatsamapta": ("org", "police:polres"), "kasatsabhara": ("org", "police:polres")}
_SPEECH_NAME_BEFORE = re.compile(r"(?:[,\"”’]\s*|\s)(?:ujar|kata|ungkap|jelas|tegas|tutur|imbuh|terang|sambung|"
                                 r"pungkas|ucap|sebut|lanjut|papar|tandas)[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,4}$")
_TITLE_FORM = re.compile(r"(?:Ka\.?\s*(?:lapas|rutan|bapas|lpka|rupbasan|kanwil)|Kepala|Plt|Plh|Kakanwil|Kadiv\w*|Dirjen\w*|"
                         r"Direktur|Kapolda|Kapolres\w*|Kapolsek|Kajari|Kajati|Kalapas|Karutan|Kabapas|Dandim|Danrem|"
                         r"Menteri|Menkumham|Sekjen|Ketua)\b", re.IGNORECASE)
# "Hari Bhakti Pemasyarakatan", "Hari Raya": "Hari" is a first name only before a name
_DAY_WORDS = {"bhakti", "bakti", "ulang", "raya", "jadi", "pertama", "kedua", "ketiga", "kerja", "besar", "lahir",
              "kemerdekaan", "pahlawan", "anak", "ibu", "santri", "pers", "guru", "buruh", "kartini", "pemilihan"}
# abbreviated first names written with a dot
_NAME_ABBR = {"muh", "moh", "mhd", "muhd", "moch", "mochd", "much", "abd", "mochamad", "md"}
# role nouns that open a speaker's description, never a name
_ROLE_NOUNS = {"pakar", "pengamat", "ahli", "aktivis", "peneliti", "dosen", "guru", "ustadz", "sumber", "warga",
               "pengacara", "advokat", "kuasa", "juru", "jubir", "humas", "tim", "pihak", "petugas", "anggota",
               "surat", "keputusan", "instruksi", "program", "kegiatan", "politisi", "politikus", "legislator",
               "wartawan", "netizen", "akun"}
# town words that are also common in names
_CITY_STOP = {"raya", "jaya", "barat", "timur", "utara", "selatan", "tengah", "pusat", "baru", "kota", "besar", "lama",
              "putra", "indah", "agung", "sari", "mulia", "bandar", "tanjung", "teluk", "muara", "batu", "gunung"}
_BALI_NAMES = {"wayan", "made", "nyoman", "ketut", "gede", "gusti", "putu", "komang", "kadek", "nengah", "luh",
               "gst", "dewa", "ida", "agung", "anak", "kade"}
_TEASER = re.compile(r"(?im)^[ \t]*" + TEASER_MARKER + r"\b[^\n]*")
# ranks written out in words (Tempo, Kompas style)
_SPELLED_RANK = re.compile(r"(?:Ajun\s+Komisaris(?:\s+Besar)?(?:\s+Polisi)?|Komisaris\s+(?:Besar|Jenderal)(?:\s+Polisi)?|"
                           r"Brigadir\s+Jenderal(?:\s+Polisi)?|Inspektur\s+Jenderal\s+Polisi|"
                           r"(?:Ajun\s+)?Inspektur\s+Polisi\s+(?:Satu|Dua))(?=\s)")
_OFFICE_SECTION = re.compile(r"(?i)(?:\bbagian\s+|\bkabag\s+)(?:program|humas|perencanaan|keuangan|kepegawaian)\b|"
                             r"\bbidang\s+(?:bimbingan\s+kemasyarakatan|pembimbingan\s+kemasyarakatan|bimkemas)\b|"
                             r"\bkabid\s+(?:bimbingan\s+kemasyarakatan|pembimbingan\s+kemasyarakatan|bimkemas)\b")
_GLUED_END = re.compile(r"[a-z][.!?][*/]")
_SENTENCE_LINE = re.compile(r"(?<![\w-])[a-z]{5,}\b[^\n]*?,[ \t]+[A-Z][^\n]*\.[ \t]*$", re.MULTILINE)
_ON_BEHALF = re.compile(r"(?P<n>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3}),?\s+(?:yang\s+)?mewakili\s+(?:pihak\s+)?$")
_ORG_FIRST_TITLE = re.compile(r"Rektor|Dekan|Kadis\w*")
_PASSIVE = re.compile(r"^(?:Di|Ter)[a-z]{3,}kan$")
_WEEKDAYS = {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"}
# degrees written without dots that would read as name words
_NAME_DEGREES = {"amd", "bc", "bcip", "amdip", "ip", "sh", "mh", "msi", "ssos", "spd", "mpd"}
_PLACE_TITLE = re.compile(r"Camat|Lurah|Kepala\s+Desa|Kades")
_FIELD_BEFORE = re.compile(r"\b(?:Bidang|bidang|Urusan|urusan)\s+$")
_BARE_KANWIL = re.compile(r"Kepala\s+(?:Kantor\s+Wilayah|Kanwil)[\s,]*")
# heads of a regional office (o) or of a facility (f), and where a sentence ends
_HEAD_TITLE = re.compile(r"(?<![\w])(?:(?P<o>Kakanwil\w*|Kepala\s+(?:Kantor\s+Wilayah|Kanwil)|Kadiv\w*|Kepala\s+Divisi)|"
                         r"(?P<f>Kalapas|Karutan|Kabapas|Kepala\s+(?:Lapas|Rutan|Bapas|LPKA|Lembaga|Rumah|Balai|LP)))(?![\w])")
# the fields of the directorates of the corrections directorate general
_DITJENPAS_FIELD = re.compile(r"(?i)\b(?:pengamanan|intelijen|pembinaan|perawatan|rehabilitasi|bimbingan|"
                              r"kemasyarakatan|pemasyarakatan|kepatuhan|strategi|narapidana|tahanan|keamanan)\b")
_MINISTRY_WORD = re.compile(r"\bKemen\w*|\bKementerian\b|\bHAM\b")
_HEAD_LEVEL = (("gubernur", "province"), ("wakilgubernur", "province"), ("bupati", "regency"),
               ("wakilbupati", "regency"), ("walikota", "city"), ("wakilwalikota", "city"))
_SENT_BREAK = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")
_TITLE_UNIT_KEYS = sorted(_TITLE_UNIT, key=len, reverse=True)  # most specific first
_GENERIC_TITLES = ("ketua", "wakilketua", "anggota", "sekretaris", "direktur", "koordinator", "wakil", "deputi")
# posts inside a UPT: with no unit written, they belong to the facility of the story
_STAFF_TITLES = ("kabid", "kabag", "kasubag", "kasubbag", "kaur", "kepalabidang", "kepalabagian", "kepalaseksi",
                 "kepalasubseksi", "kepalasubbagian", "kepalasubbag", "kepalakesatuanpengamanan", "kakplp", "staf",
                 "petugas", "pegawai", "sipir", "pembimbingkemasyarakatan", "dokter")
# ... unless the post names a police, military or civil section
_OUTSIDE_UNIT_WORDS = re.compile(r"(?i)\b(?:ops|operasional|humas\s+pol\w*|propam|reskrim\w*|intelkam|sabhara|samapta|"
                                 r"lantas|binmas|narkoba|res\s*narkoba|dinas|badan|bnn\w*|pol(?:da|res|sek)\w*|"
                                 r"kodim|korem|koramil|kejaksaan|kejari|kejati|rumah\s+sakit|rs\w*|puskesmas|kombes\w*|akbp|akp|"
                                 r"kompol|iptu|ipda|aiptu|aipda|bripka|brigjen|irjen|kolonel|letkol|mayor)\b")


@lru_cache(maxsize=65536)
def _similar(a: str, b: str) -> bool:
    """SequenceMatcher(None, a, b).ratio() >= 0.85, with its cheap upper bounds tried first (same answer)."""
    sm = SequenceMatcher(None, a, b)
    return sm.real_quick_ratio() >= 0.85 and sm.quick_ratio() >= 0.85 and sm.ratio() >= 0.85


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    ref: object  # Facility | Organization


@dataclass(slots=True)
class _Found:
    name_tokens: list[str]
    start: int
    end: int
    title: str
    title_start: int
    honorifics: list[str] = field(default_factory=list)
    rank: str | None = None
    degrees: list[str] = field(default_factory=list)
    unit: object | None = None
    phrase: str | None = None  # the title phrase as written, the organisation when no unit is named
    speaker: bool = False  # found by a title-less cue


# between a unit and the name that follows it: a comma, ranks, honorifics
_UNIT_GAP = re.compile(r"\s*,?\s*(?:(?:Kombes|AKBP|Kompol|AKP|Iptu|Ipda|Aiptu|Aipda|Brigjen|Irjen|Kolonel|Letkol|Mayor|"
                       r"Kapten|Pol|Dr|Drs|Ir|H|Hj|Prof)\.?\s+)*")


def _set_unit(p: Official, unit) -> None:
    p.organization = _unit_display(unit)
    p.organization_id = getattr(unit, "facility_id", None) or getattr(unit, "org_id", None)


# lower-case words of a sentence (verbs, connectives), not the short ones of a title-case headline
_CUT_WORDS = re.compile(r"(?<![\w-])[a-z]{3,}\b")
# after a name: its degrees, then "dari" and the unit
_FROM_UNIT = re.compile(r"(?:\s*,?\s*[A-Z][A-Za-z]{0,4}\.(?:\s?[A-Za-z]{1,5}\.?){0,3})*\s*,?\s+(?:yang\s+)?(?:dari|asal)\s+"
                        r"(?:pihak\s+)?")
_HON_BEFORE = re.compile(r"(?<=\s)(?i:dr|drs|dra|drg|h|hj|ir|prof|kh)\.?(?=\s)")
_GLUED_CREDIT = re.compile(r"\.[(\[]")
_GLUED_DEGREE = re.compile(r"^([A-Z][\w'’-]+),(\S+)$")


@lru_cache(maxsize=100_000)
def _strip(tok: str) -> tuple[str, str]:
    """('Mukaffi,' -> 'Mukaffi', ','); a degree glued after the comma ("Walawati,S.E") ends the name there."""
    m = re.match(r"^(.*?)([,.;:!?\"”“’)]*)$", tok)
    core, trail = m.group(1), m.group(2)
    core = core.lstrip("(\"“'")
    g = _GLUED_CREDIT.search(core)
    if g:  # "Iskandar.(meidy)", "Raya.[ss]": the reporter's initials glued after the full stop
        return core[:g.start()], "."
    g = _GLUED_DEGREE.match(core) if "," in core else None
    if g and all(is_degree(d) for d in g.group(2).split(",") if d):
        return g.group(1), ","
    return core, trail


_DIRECTIONS = ("tenggara", "barat", "timur", "utara", "selatan", "tengah", "daya", "laut")


_TYPOS: dict[int, frozenset[str]] = {}


def _place_typos(reg: Registry) -> frozenset[str]:
    """Long place words with one letter dropped ("Tenggra", "Lhokseumwe"): a typo of a town, never a name."""
    got = _TYPOS.get(id(reg))
    if got is None:
        words = {w for k in reg.place_keys for w in k.split() if len(w) >= 8} | {"tenggara"}
        out = {w[:i] + w[i + 1:] for w in words for i in range(len(w))}
        got = _TYPOS[id(reg)] = frozenset(out - words - set(_DIRECTIONS))
    return got


def _glued_next_word(a: list[str], b: list[str]) -> bool:
    """"Agus Andriantobertukar" beside "Agus Andrianto": the page lost the space before the next word, so the
    two are one person and the shorter form is the name."""
    if len(a) != len(b) or len(a) < 2 or a[:-1] != b[:-1] or a[-1] == b[-1]:
        return False
    short, long_ = sorted((a[-1], b[-1]), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) >= 3


_WRAP_BREAK = re.compile(r"(?<=[^\s.!?:;\"”’])\n(?=[a-z(])")
_LINE_BREAK = re.compile(r"(?<=[^\s.!?:;\"”’)\]])\n(?=[^\s])")


def _unwrap(text: str, body_start: int) -> tuple[str, list[int]]:
    """Some pages keep the source's hard line wraps ("Bupati Mimika\nEmanuel Kemong, Ketua DPR ..."): a line
    break inside a sentence stops the name walk and makes the line look like a headline. When several lines
    run on into a lower-case word, every break after an open line is read as a space (same offsets)."""
    if len(_WRAP_BREAK.findall(text, body_start)) < 3:
        return text, []
    joined = [m.start() for m in _LINE_BREAK.finditer(text, body_start)]
    chars = list(text)
    for j in joined:
        chars[j] = " "
    return "".join(chars), joined


def _is_place(reg: Registry, tok: str) -> bool:
    k = norm_key(tok)
    return k in reg.place_keys or k in _ISLANDS or k in _COUNTRIES or (len(k) >= 7 and k in _place_typos(reg))


def _after_title(phrase: str, title: str | None) -> str:
    """The words of a title phrase after the post itself ("Wakil Ketua GRANAT" -> " GRANAT")."""
    return phrase[len(title):] if title and phrase.lower().startswith(title.lower()) else phrase


def _names_a_body(phrase: str, title: str | None) -> bool:
    """Whether a title phrase can stand for the official's organisation: "Kepala Bidang Kegiatan Kerja" and a
    bare post of its own ("Presiden", "Hakim": the annotators file those under the post) can; a committee's
    bare post ("Ketua", "Anggota") and a post followed by common words only ("Ketua panitia") cannot."""
    rest = _after_title(phrase, title)
    if not rest.split():  # the bare post: a committee's ("Ketua", "Anggota") names nothing
        return "".join((title or phrase).lower().split()) not in _GENERIC_TITLES + ("pimpinan",)
    return any(w[:1].isupper() for w in rest.split())


_STATE_TITLE = re.compile(r"(?:Wakil\s+)?(?:Presiden|Perdana\s+Menteri|Duta\s+Besar|Dubes|Konsul(?:\s+Jenderal)?)\b")


def _government(phrase: str, orgs) -> Organization | None:
    """"Perdana Menteri Inggris", "Duta Besar Inggris untuk Indonesia", "Presiden": a head of state or government
    and an envoy act for their country's government, when the text names it ("Pemerintah Inggris"); the first
    country of the phrase is theirs, a bare "Presiden" is Indonesia's."""
    m = _STATE_TITLE.match(phrase)
    if m is None:
        return None
    words = [norm_key(w) for w in phrase[m.end():].split()]
    country = next((w for w in words if w in _COUNTRIES or w == "indonesia"), None)
    if country is None and "presiden" in norm_key(m.group(0)):
        country = "indonesia"
    if country is None:
        return None
    return next((o for o in orgs if norm_key(o.name) == "pemerintah " + country), None)


_HEAD_WORD = re.compile(r"(?:(?:Plt\.?|Plh\.?|Pj\.?)\s+)?(?:(?:Wakil\s+)?(?:Kepala|Ketua)|Koordinator|Anggota|"
                        r"(?P<ka>Kadis|Kabid|Kabag|Kasi|Kasubsi|Kasubag|Kasubbag))\s+")
_HEAD_UNIT = {"kadis": "Dinas", "kabid": "Bidang", "kabag": "Bagian", "kasi": "Seksi", "kasubsi": "Subseksi",
              "kasubag": "Subbagian", "kasubbag": "Subbagian"}


_PAREN_ACRONYM = re.compile(r"\(([A-Za-z][A-Za-z0-9-]{1,11})\)")


def _org_in_phrase(phrase: str, title: str | None, orgs) -> Organization | None:
    """An extracted organisation named inside a post's phrase after the post itself ("Deputi Bidang Perlindungan
    Anak KemenPPPA", "Wakil Ketua GRANAT", "Auditor Madya Itjen"): by one of its written forms or the acronym its
    full name gives in brackets ("Gerakan Anti Narkoba (Granat) Sulsel"), case aside; the longest form wins."""
    words = _after_title(phrase, title).lower().split()
    if not words:
        return None
    padded = " " + " ".join(words) + " "
    best, best_len = None, 0
    for o in orgs:
        forms = {*o.aliases, o.name, *(m.text for m in o.mentions)}
        forms |= {m.group(1) for f in list(forms) for m in _PAREN_ACRONYM.finditer(f)}
        for f in forms:
            key = " ".join(f.lower().split())
            if len(key) >= 3 and f" {key} " in padded and len(key) > best_len:
                best, best_len = o, len(key)
    return best


def _body_of_phrase(phrase: str) -> str:
    """"Kepala Dinas Pertambangan dan ESDM Provinsi X" -> "Dinas Pertambangan dan ESDM Provinsi X", "Kadis Tenaga
    Kerja" -> "Dinas Tenaga Kerja": the office a title phrase heads is the body the person belongs to; a one-word
    rest ("Ketua GRANAT") keeps the title, which names the body no worse. A director keeps the title: "Direktur
    Pembinaan Narapidana" is how the press names the directorate."""
    m = _HEAD_WORD.match(phrase)
    if m is None:
        return phrase
    rest = phrase[m.end():]
    if m.group("ka"):
        rest = _HEAD_UNIT[m.group("ka").lower()] + " " + rest
    return rest if len(rest.split()) >= 2 else phrase


def _unit_display(unit) -> str:
    """A facility is shown by its fullest written form (the registry name may differ from the article's);
    forms written as a person's title ("Kalapas Bojonegoro", "Kepala LP Tulungagung", "Direktur Jenderal
    Pemasyarakatan (Dirjenpas)") name the office holder, not the unit, and are used only when nothing else is."""
    if isinstance(unit, Facility):
        forms = [a for a in unit.aliases if len(a.split()) <= 12 and not _TITLE_FORM.match(a)]
        forms = forms or [unit.name]
        return max(forms, key=lambda a: (len(a.split()), len(a)))
    if _TITLE_FORM.match(unit.name):
        forms = [a for a in unit.aliases if not _TITLE_FORM.match(a) and len(a.split()) <= 12]
        if forms:
            return max(forms, key=lambda a: (len(a.split()), len(a)))
    return unit.name


class OfficialFinder:
    """Holds the registry and word lists; `find` is called once per article."""

    def __init__(self, reg: Registry | None = None):
        self.reg = reg or load_registry()
        self.common = _common_words()
        self._cov_cache: tuple[list, bytearray] | None = None

    def _cov(self, spans: list[_Span]) -> bytearray:
        """Offsets covered by a unit span, built once per article: "is offset a inside a unit" is one lookup
        instead of a scan over all spans per token."""
        c = self._cov_cache
        if c is None or c[0] is not spans:
            arr = bytearray(max((sp.end for sp in spans), default=0) + 1)
            for sp in spans:
                arr[sp.start:sp.end] = b"\x01" * (sp.end - sp.start)
            c = self._cov_cache = (spans, arr)
        return c[1]

    def _namey(self, core: str) -> bool:
        k = norm_key(core)
        if not k or not _NAME_TOKEN.match(core):
            return False
        if k in NON_NAME or k in self.common or _is_place(self.reg, core):
            return False
        if re.fullmatch(r"[ivxl]+[ab]?", k) or _ROMAN.match(core):  # class numerals
            return False
        if "-" in core and len(set(core.lower().split("-"))) == 1:
            return False  # "Hal-hal", "Pihak-pihak": a plural, not a name
        if k in _UNIT_WORDS or _ORG_TYPO.match(core) or is_degree(core) and not core.istitle():
            return False
        return True

    def _namey_after_rank(self, core: str) -> bool:
        """Right after a rank or honorific ("AKBP. Ikhlas", "Kompol Ahzan") a capitalised word is the name even
        when it is also a common word: the rank closes the title phrase."""
        k = norm_key(core)
        if not k or not _NAME_TOKEN.match(core) or k in NON_NAME or _is_place(self.reg, core):
            return False
        return not (k in _UNIT_WORDS or _ORG_TYPO.match(core) or re.fullmatch(r"[ivxl]+[ab]?", k) or _ROMAN.match(core))

    def _walk_forward(self, text: str, pos: int, limit: int, spans: list[_Span]) -> _Found | None:
        toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, pos, min(len(text), pos + limit))]
        cov = self._cov(spans)
        ncov = len(cov)
        name: list[str] = []
        hon: list[str] = []
        rank: list[str] = []
        nstart = nend = -1
        body_end = -1  # set when the run ends in a body's head noun ("Karunia Global School")
        i = 0
        in_paren = False
        after_rank = False
        while i < len(toks):
            raw, a, b = toks[i]
            if "\n" in text[toks[i - 1][2]:a] if i else False:
                break
            if not name and (in_paren or raw.startswith("(")):
                in_paren = ")" not in raw
                i += 1  # "(Ka.KPLP)", "( dua )": asides inside the title phrase
                continue
            core, trail = _strip(raw)
            inside = a < ncov and cov[a] == 1
            k = norm_key(core).replace(" ", "")
            if not name and k in ("bidang", "urusan") and not trail:
                # "Staf Khusus Menkumham Bidang Transformasi Digital, Fajar Lase": the field runs to the comma
                j = next((j for j in range(i + 1, min(len(toks), i + 7)) if _strip(toks[j][0])[1][:1] == ","
                          or _strip(toks[j][0])[0][:1].islower() and norm_key(toks[j][0]) not in _CONNECT), None)
                if j is not None and _strip(toks[j][0])[1][:1] == ",":
                    i = j + 1
                    continue
                # "Koordinator bidang pencegahan BNK Bekasi Jumarwan": the field in lower-case words
                j = i + 1
                while j < min(len(toks), i + 4) and _FIELD_WORD.match(toks[j][0]):
                    j += 1
                if j > i + 1 and j < len(toks) and toks[j][0][:1].isupper():
                    i = j
                    continue
            if not name:
                if raw.startswith("(") or inside or not core:
                    i += 1
                    if trail and trail[0] in ".;:!?\"”" and not inside and not re.fullmatch(r"[A-Z]", core):
                        break
                    continue
                sr = _SPELLED_RANK.match(text, a) if core[:1] in "AKBIJ" else None
                if sr:
                    rank.append(sr.group(0))  # "Ajun Komisaris Besar Handoko", "Komisaris Besar Fajar Setiawan"
                    after_rank = True
                    while i < len(toks) and toks[i][1] < sr.end():
                        i += 1
                    continue
                if k in HONORIFICS or k in RANK_KEYS or norm_key(core) in RANK_KEYS or k in _RANK_TYPOS:
                    (rank if (k in RANK_KEYS or k in _RANK_TYPOS) else hon).append(core.rstrip("."))
                    after_rank = True
                    i += 1
                    continue
                if core.lower().startswith("se-"):
                    i += 1  # "Koordinator Lapas se-Nusakambangan": a scope, not a name
                    continue
                if trail == "." and _INITIALS_DOTTED.fullmatch(core) and i + 1 < len(toks):
                    name.append(core + ".")  # "S.E.G. Johannes": initials of the first names
                    nstart, nend = a, a + len(core) + 1
                    i += 1
                    continue
                if core[:1].islower():
                    if k in _CONNECT or (k == "di" and not trail and self._unit_next(toks, i + 1, spans)):
                        i += 1  # "Kalapas Narkotika Lubuklinggau di Muara Beliti, Suyatna": a seat, then the name
                        continue
                    break
                if core.lower().startswith("se-"):
                    i += 1  # "Koordinator Lapas Se-Nusakambangan": a scope, not a name
                    continue
                skip = self._place_len(toks, i)
                if skip:
                    i += skip
                    continue
                if k == "hari" and i + 1 < len(toks) and norm_key(toks[i + 1][0]) in _DAY_WORDS:
                    i += 2  # "Hari Bhakti Pemasyarakatan": a day, not a name
                    continue
                namey = self._namey(core) or (after_rank and self._namey_after_rank(core))
                bali = core in ("I", "Ni") and not trail and i + 1 < len(toks) and \
                    norm_key(toks[i + 1][0]) in _BALI_NAMES
                namey = namey or bali  # "I Nyoman Gede Surya", "Ni Luh Putu": Balinese name prefixes
                if not namey and not trail and i and i + 1 < len(toks) and (
                        self._namey_after_rank(core) or k == "hari" and norm_key(toks[i + 1][0]) not in _DAY_WORDS):
                    # "Kepala BNNK Purbalingga Bagus Wicaksono": a common word right after the unit and
                    # before a name word is the first name ("Bagus", "Maju", "Ikhlas")
                    pa = toks[i - 1][1]
                    nxt_core = _strip(toks[i + 1][0])[0]
                    prev_core, prev_trail = _strip(toks[i - 1][0])
                    # ... also right after the comma that closes the title phrase ("Kalapas Bojonegoro, Hari
                    # Winarca,")
                    after_unit = (pa < ncov and cov[pa] == 1) or norm_key(prev_core) in _UNIT_WORDS or (
                        prev_trail == "," and (_is_place(self.reg, prev_core) or prev_core.isupper())
                        and norm_key(core) not in _WEEKDAYS and _strip(toks[i + 1][0])[1][:1] in ("", ","))
                    if after_unit and self._namey(nxt_core) and norm_key(nxt_core) not in RANK_KEYS:
                        namey = True
                if not namey and i and trail[:1] in (".", ",") and len(core) >= 4 and core.istitle() and \
                        norm_key(core) not in _WEEKDAYS and norm_key(core) not in _MONTHS and \
                        self._namey_after_rank(core):
                    # "Kadiv Pemasyarakatan Kanwil Kemenkumham Sultra, Muslim.": one word after the comma that
                    # closes the title phrase, ending the clause, is the name even when it is a common word
                    prev_core, prev_trail = _strip(toks[i - 1][0])
                    pa = toks[i - 1][1]
                    if prev_trail == "," and ((pa < ncov and cov[pa] == 1) or _is_place(self.reg, prev_core)
                                              or (prev_core.isupper() and len(prev_core) >= 2)):
                        namey = True
                after_rank = False
                if namey or (_INITIALS.match(core) and core.endswith(".") and i + 1 < len(toks)):
                    if core.isupper() and (len(core) <= 4 or core.isalpha() and trail == ",") and \
                            not core.endswith(".") and not bali:
                        i += 1  # acronym (RI, NTT, BNNK, "Wakil Ketua GRANAT, ..."): title phrase
                        continue
                    name.append(core)
                    nstart, nend = a, a + len(core)
                    if trail and trail != ".":
                        break
                    if trail == "." and not _INITIALS.match(core) and k not in _NAME_ABBR:
                        break
                    if trail == "." and k in _NAME_ABBR:
                        name[-1] = core + "."  # "Muh. Zainal Asnun": an abbreviated first name
                    i += 1
                    continue
                if _GLUED_END.search(raw):
                    break  # "Maizar.**krN/Zarmi Ajis": the sentence ended, a byline is glued to it
                i += 1
                if trail and (trail[0] in ";:!?\"”" or (trail[0] == "." and (
                        len(core) > 3 or (len(core) >= 2 and core.isalpha() and core.isupper())))):
                    break  # "... Pemasyarakatan DKI. Dahlan ...": the sentence ended
                continue
            # inside the name
            if inside or core[:1].islower() or not core:
                break
            if core == "H" and trail in ("", ".") and i + 1 < len(toks) and self._namey(_strip(toks[i + 1][0])[0]):
                name.append(core + trail)  # "Junaidi H. Mahir": a middle initial, not the honorific Haji
                i += 1
                continue
            if k in RANK_KEYS or k in HONORIFICS:
                break  # "Kasubdit Jatanras AKBP Helmi Santika": the name comes after the rank
            k2 = norm_key(core)
            if len(name) == 1 and trail[:1] == "," and _is_place(self.reg, core):
                name = []  # "Koordinator Kontras Sumut, Amin Multazam": a body and its region, then the name
                i += 1
                continue
            if k2 in NON_NAME or _is_place(self.reg, core) and len(name) >= 2:
                break
            if re.fullmatch(r"[A-Z]", core) and not trail and i + 1 < len(toks) and \
                    _NAME_TOKEN.match(_strip(toks[i + 1][0])[0]):
                name.append(core)  # "Ipda Dien F Romadhoni": a middle initial without its dot
                i += 1
                continue
            if re.fullmatch(r"[A-Z]", core) and trail == "." and i + 1 < len(toks) and \
                    self._namey(_strip(toks[i + 1][0])[0]) and a == toks[i - 1][2] + 1:
                name.append(core + ".")  # "Melky F. Matindas", "Zainal A. Paliwang": a middle initial
                i += 1
                continue
            if k in _NAME_DEGREES:
                break  # "Aris Sukariyadi Amd IP", "Dewa Putu Gede Bc Ip": corrections academy degrees
            if not _NAME_TOKEN.match(core) or len(name) >= 5:
                break
            if k2 in _UNIT_WORDS or _ROMAN.match(core) or (is_degree(core) and not core.istitle()):
                if k2 in _BODY_HEADS:
                    body_end = a + len(core)
                break  # "Suddirektorat III", "Bagus Wicaksono SKom": a numeral or a degree ends the name
            name.append(core)
            nend = a + len(core)
            if trail:
                break
            i += 1
        if not name:
            return None
        # "I Ketut" style prefixes are part of Balinese names; lone initials are not names
        if all(_INITIALS.match(t) for t in name):
            return None
        if body_end >= 0:  # "Direktur Karunia Global School, Yustanti": the run named the body; a name may follow
            return self._later_run(text, body_end, pos + limit, spans, 0)
        if re.match(r"\s*\([A-Z][A-Za-z]{1,10}\)", text[nend:nend + 16]):
            return None  # "Anggota Komando Rayon Militer (Koramil) ...": a long form with its acronym, not a name
        later = self._later_run(text, nend, pos + limit, spans, len(name))
        if later is not None:
            return later
        if len(name) == 1 and _PASSIVE.match(name[0]):
            return None  # "Pegawai Negeri yang Dipekerjakan": a verb
        if len(name) == 1 and re.match(r"\s+\d", text[nend:nend + 3]):
            return None  # "Dirjenpas Tinjau 3 Lapas Baru": a headline verb, not a name
        if len(name) == 1:
            nxt = re.match(r"\s+", text[nend:nend + 3])
            q = nend + (nxt.end() if nxt else 0)
            if nxt and any(sp.start == q for sp in spans):
                return None  # "Kasi Giatja Lapas Jember tersebut": a unit word, then the unit
        if len(name) == 1:
            nxt = _AND_WORD.match(text, nend, nend + 40)
            w = nxt.group(1) if nxt else ""
            if w and ((w[:1].isupper() and (norm_key(w) in NON_NAME or norm_key(w) in self.common)
                       and not _TITLE_RE.match(text, nxt.start(1)))  # "Hajrianor dan Kepala Divisi ...": a list
                      or _ORG_TYPO.match(w)):
                return None  # "menteri Imisgrasi dan Pemasyarakatan": an office, not a person
        f = _Found(name, nstart, nend, "", 0, hon, " ".join(rank) or None)
        self._degrees(text, nend, f)
        return f

    def _later_run(self, text: str, pos: int, stop: int, spans: list[_Span], n_first: int) -> _Found | None:
        """"Kasi Giatja Lapas Jember Dwi Achmad Sarifudin", "Kasubdit Siber Ditreskrimsus Polda Sumut AKBP M. Aswin",
        "Kasubsi Pendidikan dan Bimkemas, Setiyawan Nugroho": the first capitalised run belonged to the title
        when the phrase goes on (an organisation span, a rank, acronyms, a comma) to a second, longer run."""
        m = re.match(r"[,\s]*", text[pos:stop])
        p = pos + m.end()
        comma = "," in m.group(0)
        rest = text[p:stop]
        if not rest or rest[:1].islower():
            return None
        first = re.match(r"[^\s,]+", rest)
        if not first:
            return None
        tok = first.group(0)
        cov = self._cov(spans)
        in_span = p < len(cov) and cov[p] == 1
        k = norm_key(tok).replace(" ", "")
        ranky = k in RANK_KEYS or k in HONORIFICS
        acr = tok.isupper() and len(tok) <= 4 and not tok.endswith(".")
        if not (in_span or ranky or acr or comma):
            return None
        if comma and not (in_span or ranky or acr) and n_first > 1:
            return None
        g = self._walk_forward(text, p, stop - p, spans)
        if g is None or g.start < p:
            return None
        if comma and not (in_span or ranky or acr) and len(g.name_tokens) < 2:
            return None  # "Kalapas Budi, Jakarta": keep the first
        # honorifics and ranks written before the second run ("... Gorontalo dr. Sri ...", "... Undip Dr. X")
        # are part of it: their dot or lower case does not end the phrase
        # ... and so are the lower-case words of an organisation's name ("Kementerian Hukum dan HAM")
        between = "".join("X" if q < len(cov) and cov[q] else c for q, c in enumerate(text[pos:g.start], pos))
        between = _HON_BEFORE.sub(" ", between + " ")
        if re.search(r"[.;:!?\"”\n]|\s[a-z]", between.replace(" (", " ").replace(") ", " ")):
            return None
        return g

    def _unit_next(self, toks, i: int, spans: list[_Span]) -> bool:
        """Token i starts a unit span or a place ("di Lapas Pemuda Tangerang", "di Muara Beliti")."""
        if i >= len(toks):
            return False
        a = toks[i][1]
        if any(sp.start <= a < sp.end for sp in spans):
            return True
        core = _strip(toks[i][0])[0]
        return bool(core[:1].isupper() and (self._place_len(toks, i) or _is_place(self.reg, core)))

    def _place_len(self, toks, i: int) -> int:
        """Number of tokens from i that spell a multi-word place ("Sumatera Selatan", "Bandar Lampung")."""
        for n in (3, 2):
            if i + n <= len(toks):
                cores = [_strip(t[0])[0] for t in toks[i:i + n]]
                if all(c[:1].isupper() for c in cores) and norm_key(" ".join(cores)) in self.reg.place_keys:
                    return n
        return 0

    def _degrees(self, text: str, pos: int, f: _Found) -> None:
        m = re.match(r"((?:\s*,?\s*(?:[A-Z][A-Za-z]{0,4}\.(?:\s?[A-Za-z]{1,5}\.?){0,3}|[A-Z]{2,4}(?=[,\s])))+)",
                     text[pos:pos + 60])
        if not m:
            return
        for part in re.split(r",\s*", m.group(1)):
            part = part.strip()
            if part and is_degree(part):
                f.degrees.append(part)

    def _walk_back(self, text: str, end: int, spans: list[_Span] | None = None) -> _Found | None:
        """The name right before ", Kepala ..." / " selaku Kepala ..."."""
        seg = text[max(0, end - 120):end]
        seg = seg[seg.rfind("\n") + 1:]  # a headline line above is not part of the name
        base = end - len(seg)
        cue = _BACK_CUE.search(seg)
        if cue:
            before = seg[:cue.start()]
        elif _SPEECH_NAME_BEFORE.search(seg):
            before = seg  # "kata Yuspahruddin Kepala Divisi Pemasyarakatan DKI": a quoted name, then its title
        else:
            # "Dr Yusqon, M.Pd pendiri PKBM ...": a degree right before a lower-case title
            m = re.search(r",\s*([A-Z][A-Za-z]{0,4}\.(?:\s?[A-Za-z]{1,5}\.?){0,3})\s*$", seg)
            if not (m and is_degree(m.group(1))):
                return None
            before = seg
        # drop trailing degrees ", S.H., M.H."
        while True:
            before = before.rstrip(" ,")
            m = re.search(r",\s*([A-Z][A-Za-z]{0,4}\.?(?:\s?[A-Za-z]{1,5}\.?){0,3})\s*$", before)
            if m and is_degree(m.group(1)):
                before = before[:m.start()]
                continue
            break
        toks = before.split()
        name: list[str] = []
        for tok in reversed(toks[-6:]):
            core, trail = _strip(tok)
            if trail and name:
                break
            if not core or not _NAME_TOKEN.match(core) or norm_key(core) in NON_NAME or _is_place(self.reg, core):
                break
            k = norm_key(core).replace(" ", "")
            if k in HONORIFICS or k in RANK_KEYS or norm_key(core) in _UNIT_WORDS or _TITLE_RE.fullmatch(core):
                break
            if norm_key(core) in self.common and not name:
                break
            name.insert(0, core)
            if trail:
                break
        if not name or all(_INITIALS.match(t) for t in name):
            return None
        if len(name) == 1 and _PASSIVE.match(name[0]):
            return None  # "Dibeberkan, Koordinator Divisi ...": a sentence-opening verb
        # keep only the capitalised run after a lower-case word: "kata Budi Santoso"
        start_off = base + before.rfind(name[0])
        ctx = text[max(0, start_off - 40):start_off]
        if NON_OFFICIAL_CUES.search(ctx) or _FORMER.search(ctx):
            return None
        if spans and any(s.start <= start_off < s.end for s in spans):
            return None  # "Lapas Kelas IIB Pangkalan Bun, Kepala ...": a place, not a person
        return _Found(name, start_off, start_off + len(" ".join(name)), "", 0)

    def find(self, text: str, facilities: list[Facility], fac_links, orgs: list[Organization],
             sentence_of=None, body_start: int = 0,
             headlines: list[tuple[int, int]] | None = None) -> list[Official]:
        """body_start: offset of the body; title-case headlines ("Kalapas Jamin Tidak Ada ...") are not
        searched for names (the body names the same people properly)."""
        # teasers of other stories ("BACA JUGA: ... Petugas Haji Daerah Dihapus?") are searched like headlines
        # a short paragraph of capitalised words that is a sentence ("Kepala Lapas X diwakili Kepala Bidang
        # Pembinaan Narapidana, Prayoga Yulanda."): a verb in lower case and a comma before the name
        headlines = [(s, e) for s, e in headlines or () if s < body_start or not (
            _SENTENCE_LINE.search(text, s, e) or self._cut_sentence(text, s, e))]
        teasers = [(m.start(), m.end()) for m in _TEASER.finditer(text, body_start)]
        text, joined = _unwrap(text, body_start)
        if joined:  # lines of a hard-wrapped paragraph are parts of sentences, not headlines
            ends = set(joined)
            headlines = [(s, e) for s, e in headlines if s < body_start or not (
                s - 1 in ends or e in ends and text[e + 1:e + 2].islower())]
        headlines += teasers
        spans: list[_Span] = []
        for fm, f in fac_links:
            if f is not None:
                spans.append(_Span(fm.start, fm.end, f))
            else:
                spans.append(_Span(fm.start, fm.end, None))
        for o in orgs:
            for mm in o.mentions:
                spans.append(_Span(mm.start, mm.end, o))
        spans.sort(key=lambda s: s.start)
        self._text = text
        found: list[_Found] = []
        bodies: set[str] = set()  # names of bodies read as a person's name elsewhere
        anchors = list(_TITLE_RE.finditer(text)) + list(_LOWER_TITLE_RE.finditer(text))
        # "Mantan Sekretaris Daerah (Sekda) Kebumen, X": the short form in brackets repeats the title before it,
        # whose context (mantan, penangkapan) decides
        long_ends = {m.end() for m in anchors}
        # a title word inside a named body ("Kanwil Dirjenpas Kaltim") is part of that name, not a title
        anchors = [m for m in anchors if not any(sp.start < m.start() < sp.end for sp in spans)
                   # "(Kasi Binadik)": an aside; "(Menimipas) Agus Andrianto": the short title, then the name
                   and not (text[max(0, m.start() - 1):m.start()] == "(" and text[m.end():m.end() + 1] != ")")
                   and not (text[max(0, m.start() - 2):m.start()] == " (" and m.start() - 2 in long_ends)
                   # "Deputi Bidang Koordinator Imigrasi ...": a field of office, not a second title
                   and not _FIELD_BEFORE.search(text, max(0, m.start() - 8), m.start())
                   and not _STREET_BEFORE.search(text, max(0, m.start() - 6), m.start())]
        anchors.sort(key=lambda m: m.start())
        starts = [m.start() for m in anchors]
        # towns of registered facilities (an unregistered "facility" may be a misread "Kalapas <Name>")
        alias_toks = {t for fa in facilities if fa.registered for al in fa.aliases
                      for t in norm_key(al).split() if len(t) >= 4} - _CITY_STOP - NON_NAME
        city_toks = {t for fa in facilities if fa.registered
                     for t in norm_key(fa.city or "").split() if len(t) >= 4} - _CITY_STOP
        for ai, m in enumerate(anchors):
            if m.start() < body_start or any(s <= m.start() < e for s, e in headlines or ()):
                continue
            t_end = m.end()
            # do not walk through the next title: "Kepala Lapas X didampingi Kasi Y"
            nxt_start = next((st for st in starts[ai + 1:] if st >= t_end), None)
            limit = min(nxt_start - t_end, 160) if nxt_start is not None else 160
            f = self._walk_forward(text, t_end, limit, spans)
            if f is None or f.start - t_end > 150:
                f = self._walk_back(text, m.start(), spans)
                if f is None:
                    continue
                phrase_end = self._phrase_end(text, t_end)
                unit = self._unit_of(m.group("t"), m.start(), phrase_end, spans, facilities, orgs)
            else:
                ctx = text[max(0, m.start() - 40):m.start()]
                if NON_OFFICIAL_CUES.search(ctx) or _FORMER.search(ctx) or _ARREST.search(ctx):
                    continue
                if _PLACE_TITLE.fullmatch(m.group("t")) and not text[t_end:f.start].strip():
                    # "Camat Wori, Tommy Levi", "Lurah Pandu, serta ...": the word after the title is the place
                    g = self._walk_forward(text, f.end, 40, spans)
                    if g is not None and g.start - f.end <= 6:
                        f = g
                    elif len(f.name_tokens) >= 3 and f.name_tokens[1] in ("H", "H.", "Hj", "Hj."):
                        # "Camat Talawi H. Ilyas": the place, then the honorific Haji, then the name
                        rest = f.name_tokens[2:]
                        st = text.find(rest[0], f.start + len(f.name_tokens[0]))
                        f = _Found(rest, st, f.end, "", 0, [*f.honorifics, f.name_tokens[1].rstrip(".")], f.rank,
                                   f.degrees)
                    elif len(f.name_tokens) < 2:
                        continue
                if m.group("t") == "Ketua" and text.startswith(" Umum ", t_end):
                    # "Ketua Umum Pandawa Pattingalloang, Muhammad Jamil,": a Ketua Umum heads a named body,
                    # so a first run followed by a comma and a second name is that body
                    g = self._later_run(text, f.end, min(len(text), f.end + 60), spans, 1)
                    if g is not None:
                        bodies.add(" ".join(f.name_tokens))  # "Ketua Umum Pandawa Pattingalloang menegaskan"
                        f = g
                unit = self._unit_of(m.group("t"), m.start(), f.start, spans, facilities, orgs)
            if len(f.name_tokens) == 1 and (norm_key(f.name_tokens[0]) in alias_toks or (
                    _ORG_FIRST_TITLE.match(m.group("t")) and (re.match(r"\s+[a-z]", text[f.end:f.end + 3]) or (
                        m.group("t").startswith("Kadis") and f.start - m.end() <= 1)))):
                continue  # "Kalapas Muaro menggantikan ..." (Lapas Muaro Padang), "Rektor Unila diwakili ..."
            if any(norm_key(t) in city_toks for t in f.name_tokens):
                continue  # "Kalapas Muaro menggantikan ...", "Kepala Lapas Papakelan Tondano": the town, not a name
            f.title = " ".join(m.group("t").split())
            if f.title.rstrip(".") == "Ka":
                f.title = "Kepala"
            if unit is None:
                f.phrase = self._title_phrase(text, m.start(), f)
            if f.title.lower() == "kepala" and isinstance(unit, Facility):
                f.title = "Kepala " + {"lapas": "Lapas", "rutan": "Rutan", "cabang_rutan": "Cabang Rutan",
                                       "lpka": "LPKA", "bapas": "Bapas", "rupbasan": "Rupbasan"}[unit.kind]
            f.title_start = m.start()
            f.unit = unit
            found.append(f)
            co = re.match(r"\s*(?:,\s*)?dan\s+", text[f.end:f.end + 8])
            if co and not _TITLE_RE.match(text, f.end + co.end()):
                g = self._walk_forward(text, f.end + co.end(), 60, spans)
                if g is not None and g.start == f.end + co.end():
                    g.title, g.title_start, g.unit, g.phrase = f.title, f.title_start, unit, f.phrase
                    found.append(g)
        for f in self._speakers(text, body_start, headlines, spans):
            f.speaker = True
            found.append(f)
        found = [f for f in found if " ".join(f.name_tokens) not in bodies]
        end = len(text.rstrip())
        if end and text[end - 1].isalpha():
            # the page cut the text inside a word ("... kepada Kepala Lapas Kendal. Kegiata"): a name's last
            # word there is a fragment
            for f in found:
                if f.end >= end:
                    f.name_tokens = f.name_tokens[:-1]
                    f.end = f.start + len(" ".join(f.name_tokens))
            found = [f for f in found if f.name_tokens]
        return self._merge(found, text, sentence_of, spans, facilities, orgs)

    @staticmethod
    def _cut_sentence(text: str, s: int, e: int) -> bool:
        """The body's last line, cut off by the page or closed by a reporter's initials ("... Bapak Iskandar.
        (meidy)", "..., Andi Mulyadi, melalui Kepala Seksi ..., Nasrul, menga"): a sentence whose missing
        full stop made it look like a headline. A long line of capitalised words with a lower-case verb that
        closes with a full stop ("Tim Kunjungan Kerja Komisi III DPR RI dipimpin Wakil Ketua Komisi III DPR RI X.") is a
        sentence too: headlines end without one."""
        line = text[s:e]
        if line.rstrip().endswith(".") and len(line.split()) >= 8 and _CUT_WORDS.search(line):
            return True
        if text[e:].strip():
            return False
        return len(_CUT_WORDS.findall(line)) >= 3 and len(line.split()) >= 8 and "," in line

    @staticmethod
    def _title_phrase(text: str, t_start: int, f: _Found) -> str | None:
        """"Direktur Instrumen HAM, Farid Junaedi" -> "Direktur Instrumen HAM": with no unit named, the office
        itself is what the person belongs to."""
        if f.start > t_start:
            raw = text[t_start:f.start]
        else:
            m = re.match(r"[^,.;:!?\"”\n(]*", text[t_start:t_start + 120])
            raw = m.group(0)
        toks = re.sub(r"\([^)]*\)", " ", raw).replace(",", " ").split()
        while toks and (norm_key(toks[-1]).replace(" ", "") in _RANK_HON | _RANK_TYPOS or (toks[-1].islower() and toks[-1] in _CONNECT)
                        or not toks[-1][:1].isalnum()):
            toks.pop()  # "... Polda Sumut AKBP": the rank belongs to the name
        phrase = " ".join(toks)
        return phrase if 1 <= len(toks) <= 12 and phrase[:1].isupper() else None

    def _speakers(self, text: str, body_start: int, headlines, spans: list[_Span]) -> list[_Found]:
        out: list[_Found] = []
        cov = self._cov(spans)
        for m in (*_SPEAKER_RE.finditer(text), *_LEAD_SPEAKER_RE.finditer(text, body_start),
                  *_NAME_VERB_RE.finditer(text, body_start)):
            a = m.start("n")
            if m.re is _NAME_VERB_RE and not all(self._namey(t) for t in m.group("n").split()):
                continue  # "Ia mengatakan", "Kalapas menjelaskan", "Pemerintah berharap": not a name
            if a < body_start or any(s <= a < e for s, e in headlines or ()):
                continue
            if a < len(cov) and cov[a] == 1:
                continue  # "kata Kalapas ..." is handled by the title walk; an organisation is not a person
            if _NETIZEN.search(text, max(0, a - 250), a):
                continue  # "... ," kata Malik (a netizen quoted on a prison's news)
            toks = m.group("n").split()
            hon = []
            while toks and (norm_key(toks[0]).replace(" ", "") in HONORIFICS
                            or norm_key(toks[0]).replace(" ", "") in RANK_KEYS):
                hon.append(toks.pop(0).rstrip("."))
            name = []
            for raw_t in toks:
                t = raw_t.rstrip(".") if len(raw_t) > 2 else raw_t
                if _TITLE_RE.fullmatch(t) or (t.isupper() and len(t) >= 4) or norm_key(t) in _ROLE_NOUNS:
                    break  # "jelas Kalapas ...", "katanya TRIBUNNEWS.COM", "kata Pakar Pidana ..."
                if not (self._namey_after_rank(t) or (name and _INITIALS.match(t))):
                    break
                name.append(t)
                if raw_t.endswith(".") and len(raw_t) > 2:
                    break  # "jelas Teguh. Seusai ...": the sentence ended
            if not name or all(_INITIALS.match(t.rstrip(".")) for t in name):
                continue
            if _TITLE_RE.fullmatch(name[0]) or norm_key(name[0]) in ("kalapas", "karutan", "kepala"):
                continue
            nstart = a + m.group("n").find(name[0])
            nend = nstart + len(" ".join(name))
            if _AFTER_NOT_OFFICIAL.match(text[nend:nend + 60]):
                continue
            if NON_OFFICIAL_CUES.search(text[max(0, nstart - 40):nstart]):
                continue
            out.append(_Found(name, nstart, nend, "", 0, hon))
        for m in _NAME_THEN_TITLE_RE.finditer(text, body_start):
            toks = m.group("n").split()
            if any(s <= m.start() < e for s, e in headlines or ()) or not all(self._namey(t) for t in toks):
                continue
            if NON_OFFICIAL_CUES.search(text[max(0, m.start() - 40):m.start("n")]):
                continue
            if len(toks) == 1 and (len(toks[0]) < 4 or toks[0] in ("Dan", "Serta")):
                continue
            f = _Found(toks, m.start("n"), m.end("n"), "", 0)
            # "oleh Danang Kepala Lapas Bitung": the unit the title names, right after it
            f.unit = next((sp.ref for sp in spans if sp.ref is not None and m.end() < sp.start <= m.end() + 30
                           and not re.search(r"[,.;:!?\n]", text[m.end():sp.start])), None)
            out.append(f)
        for sp in spans:
            if sp.ref is None:
                continue
            m = _UNIT_SPEAKER_RE.match(text, sp.end)
            if m is None or sp.end < body_start or any(s <= sp.end < e for s, e in headlines or ()):
                continue
            toks = m.group("n").split()
            rank_hon = [t for t in toks if norm_key(t).replace(" ", "") in _RANK_HON]
            if rank_hon:
                continue  # "Polda X AKBP Andi Wijaya, mengatakan": the title walk reads ranked names
            if not all(self._namey(t) for t in toks) or any(_TITLE_RE.fullmatch(t) for t in toks):
                continue
            if NON_OFFICIAL_CUES.search(text[max(0, sp.start - 40):sp.start]):
                continue
            f = _Found(toks, m.start("n"), m.end("n"), "", 0)
            f.unit = sp.ref
            out.append(f)
        for sp in spans:
            # "..., tambah Kanwil Kementerian Hukum dan HAM Kalsel, Imam Suyudi."
            if sp.ref is None or sp.start < body_start or not _VERB_BEFORE_UNIT.search(text, max(0, sp.start - 16),
                                                                                        sp.start):
                continue
            m = _COMMA_NAME.match(text, sp.end)
            if m is None:
                continue
            toks = m.group("n").split()
            if not all(self._namey_after_rank(t) for t in toks) or any(_TITLE_RE.fullmatch(t) for t in toks) \
                    or (len(toks) == 1 and len(toks[0]) < 4) or _AFTER_NOT_OFFICIAL.match(text, m.end("n")):
                continue
            f = _Found(toks, m.start("n"), m.end("n"), "", 0)
            f.unit = sp.ref
            out.append(f)
        for m in _LED_BY.finditer(text, body_start):
            toks = m.group("n").split()
            lead, hon = [], []
            while toks and norm_key(toks[0]).replace(" ", "") in _RANK_HON | _RANK_TYPOS:
                k0 = norm_key(toks[0]).replace(" ", "")
                # "dipimpin Iptu Sutrisno", "dipimpin Dr Yusqon": the rank or honorific is not part of the name
                (hon if k0 in HONORIFICS else lead).append(toks.pop(0))
            if not toks or len(toks) == 1 and (lead or len(toks[0]) < 4 or not hon and (
                    len(toks[0]) < 5 or not _LED_BY_ONE_END.match(text, m.end("n")))):
                continue  # a ranked name is read by _RANK_NAME; one bare word must close the clause
            if any(s <= m.start() < e for s, e in headlines or ()) or not all(self._namey(t) for t in toks) \
                    or any(_TITLE_RE.fullmatch(t) for t in toks) or _AFTER_NOT_OFFICIAL.match(text, m.end("n")):
                continue
            f = _Found(toks, m.end("n") - len(" ".join(toks)), m.end("n"), "", 0, hon)
            f.rank = " ".join(lead) or None
            # the delegation is the unit named just before, in the same sentence
            before = [sp for sp in spans if sp.ref is not None and m.start() - 100 <= sp.end <= m.start()]
            if before and not _SENT_END.search(text, before[-1].end, m.start()):
                f.unit = before[-1].ref
            out.append(f)
        for rx in (_RANK_NAME, _NAMED_STAFF) if "bernama" in text else (_RANK_NAME,):
            for m in rx.finditer(text, body_start):
                toks = m.group("n").split()
                while toks and not self._namey_after_rank(toks[-1]):
                    toks.pop()
                if not toks or any(s <= m.start() < e for s, e in headlines or ()) \
                        or any(_TITLE_RE.fullmatch(t) or norm_key(t) in _RANK_HON for t in toks) \
                        or (len(toks) == 1 and len(toks[0]) < 3):
                    continue
                st = m.start("n")
                en = st + len(" ".join(toks))
                if NON_OFFICIAL_CUES.search(text, max(0, m.start() - 40), m.start()) or \
                        _AFTER_NOT_OFFICIAL.match(text, en) or _FORMER.search(text, max(0, m.start() - 20), m.start()) \
                        or _SUSPECT_NEAR.search(text, max(0, m.start() - 60), m.start()):
                    continue
                f = _Found(toks, st, en, "", 0)
                if rx is _RANK_NAME:
                    f.rank = m.group(0)[:st - m.start()].strip()
                    # the officer's unit: written right after the name, else just before, in the same clause;
                    # police and military officers do not serve in a corrections facility
                    after = next((sp for sp in spans if isinstance(sp.ref, Organization)
                                  and en <= sp.start <= en + 120), None)
                    if after is not None and not _SENT_END.search(text, en, after.start):
                        f.unit = after.ref
                    else:
                        bef = [sp for sp in spans if isinstance(sp.ref, Organization) and st - 150 <= sp.end <= st]
                        if bef and not _SENT_END.search(text, bef[-1].end, st):
                            f.unit = bef[-1].ref
                out.append(f)
        for pm in _PARTY.finditer(text, body_start):
            p = pm.start()
            nb = _NAME_BEFORE_PAREN.search(text, max(0, p - 60), p)
            if nb and not any(s <= p < e for s, e in headlines or ()):
                toks = nb.group("n").split()
                while toks and (_TITLE_RE.fullmatch(toks[0]) or not self._namey(toks[0].rstrip("."))):
                    toks.pop(0)  # "Anggota Ria Atifa (Fraksi PDIP)"
                if toks and all(self._namey_after_rank(t.rstrip(".")) for t in toks):
                    st = nb.end("n") - len(" ".join(toks))
                    f = _Found(toks, st, nb.end("n"), "", 0)
                    before = [sp for sp in spans if isinstance(sp.ref, Organization)
                              and sp.end <= st and not _PARTY_NAME.match(sp.ref.name)]
                    f.unit = before[-1].ref if before else None
                    out.append(f)
        return out

    @staticmethod
    def _unit_before(text: str, p: Official, spans: list[_Span]):
        """A unit written right before the person's name ("Bawaslu Kota Bengkulu, Leka Yunita Sari")."""
        forms = {p.name, *p.aliases}
        for sp in spans:
            if sp.ref is None:
                continue
            q = _UNIT_GAP.match(text, sp.end).end()
            if q > sp.end and any(text.startswith(n, q) and not text[q + len(n):q + len(n) + 1].isalnum()
                                  for n in forms):
                return sp.ref
            w = _ON_BEHALF.search(text, max(0, sp.start - 60), sp.start)
            if w and w.group("n") in forms:
                return sp.ref  # "ungkap Chandra mewakili pihak Kanwil": the unit the person speaks for
        return None

    @staticmethod
    def _unit_from(text: str, p: Official, spans: list[_Span]):
        """A unit written right after the name with "dari" ("Ustadz X, S.PdI dari Kementerian Agama Langkat",
        "Budi Santoso dari BNNK Purbalingga"): where the person comes from."""
        starts = {sp.start: sp.ref for sp in spans if sp.ref is not None}
        for mm in p.mentions:
            m = _FROM_UNIT.match(text, mm.end)
            if m and m.end() in starts:
                return starts[m.end()]
        return None

    @staticmethod
    def _phrase_end(text: str, pos: int) -> int:
        m = re.search(r"[,.;:!?\"”\n]", text[pos:pos + 160])
        return pos + (m.start() if m else 160)

    def _unit_of(self, title: str, t_start: int, t_end: int, spans: list[_Span], facilities, orgs):
        inside = [s for s in spans if t_start <= s.start < t_end and s.ref is not None]
        phrase = self._text[t_start:t_end]
        if inside:
            ref = inside[0].ref
            if isinstance(ref, Facility) and not (ref.city and norm_key(ref.city) in norm_key(
                    self._text[inside[0].start:inside[0].end])):
                # a bare kind word ("Kepala Lapas (Kalapas) Bojonegoro"): the town written after it names the unit
                ref = self._facility_by_town(phrase, facilities, ref.kind) or ref
            elif isinstance(ref, Organization) and (ref.org_id or "") in ("kemenkumham", "ditjenpas"):
                # "Kabid Keamanan Menkumham Jawa Timur": the ministry followed by a region is its regional office
                # "... (Ditjenpas) NTT": the acronym's closing bracket stands between the body and its region
                after = self._text[inside[0].end:inside[0].end + 40].lstrip(" )").split()
                offices = [o for o in orgs if (o.org_id or "").startswith("corrections_office")]
                if offices and after and (self._place_len([(w, 0, 0) for w in after[:3]], 0)
                                          or _is_place(self.reg, _strip(after[0])[0])):
                    ref = self._nearest(t_start, spans, offices)
            return ref
        key = norm_key(title).replace(" ", "")
        hint = None
        if key.startswith(("kabag", "kepalabagian", "kabid", "kepalabidang")) and _OFFICE_SECTION.search(phrase) \
                and any((o.org_id or "").startswith("corrections_office") for o in orgs):
            # "Kabag Program dan Humas", "Kepala Bidang Bimbingan Kemasyarakatan": sections of the regional
            # office, not of a prison
            hint = ("org", "corrections_office")
        if hint is None and key == "kepala" and _BARE_KANWIL.fullmatch(phrase) and \
                any((o.org_id or "").startswith("corrections_office") for o in orgs):
            hint = ("org", "corrections_office")  # "Kepala Kanwil, X": the regional office the story names
        if hint is None and key.startswith(_STAFF_TITLES + ("kasi", "kasubsi")) and \
                any((o.org_id or "").startswith("corrections_office") for o in orgs) and self._after_office_head(t_start):
            hint = ("org", "corrections_office")  # "Kakanwil didampingi Kabag TU dan Umum, X": the head's staff
        if hint is None and key == "direktur" and _DITJENPAS_FIELD.search(phrase) and \
                not _MINISTRY_WORD.search(phrase) and any((o.org_id or "") == "ditjenpas" for o in orgs):
            hint = ("org", "ditjenpas")  # "Direktur Pengamanan dan Intelijen X": a directorate of the Ditjenpas
        for k in _TITLE_UNIT_KEYS if hint is None else ():
            if key.startswith(k):
                hint = _TITLE_UNIT[k]
                break
        if hint == ("facility", None) and _OUTSIDE_UNIT_WORDS.search(phrase):
            hint = None  # "Kepala Dinas Pertambangan X", "Kasi Intel Kejari": a post outside the facility
        if not hint and key.startswith(_STAFF_TITLES) and facilities and not _OUTSIDE_UNIT_WORDS.search(phrase):
            hint = ("facility", None)  # "Kabid Pembinaan", "Kabag Umum": a post inside the facility of the story
        if not hint:
            if key.startswith(_GENERIC_TITLES) and len(re.findall(r"\b[A-Z]\w+", phrase)) <= 2:
                # "rombongan Komisi III yang dipimpin Wakil Ketua X": the body named just before, same sentence
                before = [s for s in spans if s.ref is not None and t_start - 80 <= s.end <= t_start
                          and not _PARTY_NAME.match(getattr(s.ref, "name", ""))]
                if before and not re.search(r"[.;!?\n]", self._text[before[-1].end:t_start]):
                    return before[-1].ref
            return None
        what, fam = hint
        if what == "facility":
            if key == "kepala":
                return None  # a bare "Kepala" heads whatever follows; nothing followed
            cands = [f for f in facilities if fam is None or f.kind == fam]
            town = self._facility_by_town(phrase, cands, fam)
            return town or (cands[0] if cands else None)
        cands = [o for o in orgs if (o.org_id or "").startswith(fam)] or [o for o in orgs if o.kind == fam]
        if fam == "local_government":
            # a regional head or secretary serves the executive, not the DPRD; a governor the province, a
            # regent the regency, a mayor the city
            cands = [o for o in cands if ":dprd" not in (o.org_id or "")]
            level = next((lv for t, lv in _HEAD_LEVEL if key.startswith(t)), None)
            cands = [o for o in cands if o.level == level] or cands
        return self._nearest(t_start, spans, cands)

    def _after_office_head(self, t_start: int) -> bool:
        """The last head named before the post in its sentence is the regional office's (Kakanwil, Kadiv), not a
        facility's: the post is one of the office's officials accompanying their head."""
        seg = self._text[max(0, t_start - 250):t_start]
        cut = max((m.end() for m in _SENT_BREAK.finditer(seg)), default=0)
        heads = list(_HEAD_TITLE.finditer(seg, cut))
        return bool(heads) and heads[-1].group("o") is not None

    @staticmethod
    def _facility_by_town(phrase: str, facilities, kind: str | None):
        """The facility whose town is written in the title phrase ("Kalapas Bojonegoro")."""
        words = set(norm_key(phrase).split())
        for f in facilities:
            if (kind is None or f.kind == kind) and f.city and set(norm_key(f.city).split()) <= words:
                return f
        return None

    @staticmethod
    def _nearest(t_start: int, spans: list[_Span], cands):
        """Of several candidate units, the one named last before the title (else the first of the article)."""
        if not cands:
            return None
        ids = {id(c) for c in cands}
        before = [s for s in spans if s.ref is not None and id(s.ref) in ids and s.end <= t_start]
        return before[-1].ref if before else cands[0]

    def _merge(self, found: list[_Found], text: str, sentence_of, spans: list[_Span] | None = None,
               facilities=(), orgs=()) -> list[Official]:
        people: list[Official] = []
        # a regional office that the article keeps naming (its own press release)
        offices = [o for o in orgs if (o.org_id or "").startswith("corrections_office") and len(o.mentions) >= 2]
        phrase: dict[int, str] = {}  # id(person) -> title phrase, used when no unit is named
        titled: set[int] = set()
        for f in found:
            name = " ".join(f.name_tokens)
            nkey = norm_key(name)
            nwords = nkey.split()
            toks = set(nwords)
            one = nwords[0] if len(toks) == 1 else None  # a one-word mention
            target = None
            glued = False
            for p in people:
                pkey = norm_key(p.name)
                pwords = pkey.split()
                ptoks = set(pwords)
                if _glued_next_word(pwords, nwords):
                    target, glued = p, True
                    break
                if toks <= ptoks or ptoks <= toks or (
                        len(toks) == len(ptoks) >= 2 and _similar(pkey, nkey)) or one is not None and (
                        # a misspelt later mention ("Lomaksono" for "Lumaksono") is the same person
                        any(len(t) >= 5 and _similar(t, one) for t in ptoks)
                        # a short form of the first name ("Anton" for "Antonius Semuki")
                        or (len(ptoks) >= 2 and len(one) >= 4 and pwords[0].startswith(one)
                            and len(pwords[0]) - len(one) <= 3)
                        # a title-less speaker called by a nickname cut from the name ("Budi" for Budiharso,
                        # "Yudi" for Wahyudi)
                        or (f.speaker and len(one) >= 4 and any(t.startswith(one) or t.endswith(one) for t in ptoks))):
                    target = p
                    break
            if target is None:
                target = Official(name=name, title=f.title, honorifics=list(f.honorifics), rank=f.rank,
                                  degrees=list(f.degrees))
                people.append(target)
            elif glued:
                if len(name) < len(target.name):
                    target.name = name  # the glued form is a typo of the page, no alias
            elif len(name) > len(target.name):
                target.aliases.append(target.name)
                target.name = name
            elif name != target.name and name not in target.aliases:
                target.aliases.append(name)
            if f.unit is not None and target.organization is None:
                _set_unit(target, f.unit)
            if not f.speaker:
                titled.add(id(target))
                if f.phrase and id(target) not in phrase:
                    phrase[id(target)] = f.phrase
            if f.rank and not target.rank:
                target.rank = f.rank
            for h in f.honorifics:
                if h not in target.honorifics:
                    target.honorifics.append(h)
            for d in f.degrees:
                if d not in target.degrees:
                    target.degrees.append(d)
            target.mentions.append(Mention(name, f.start, f.end, "PERSON", sentence_of(f.start) if sentence_of else ""))
        for p in people:
            if p.organization is not None:
                continue
            unit = self._unit_before(text, p, spans or []) or self._unit_from(text, p, spans or [])
            if unit is not None:
                _set_unit(p, unit)  # "KPU Kota Kediri, Nasrudin, menyebut ...": the unit right before the name
            elif id(p) in phrase and (gov := _government(phrase[id(p)], orgs)) is not None:
                _set_unit(p, gov)
            elif id(p) in phrase and (named := _org_in_phrase(phrase[id(p)], p.title, orgs)) is not None:
                _set_unit(p, named)  # "Deputi Bidang X KemenPPPA", "Wakil Ketua GRANAT": the body the post is in
            elif id(p) in phrase and _names_a_body(phrase[id(p)], p.title):
                p.organization = _body_of_phrase(phrase[id(p)])
            elif id(p) not in titled and (facilities or offices) and not p.rank:
                # a title-less speaker in a facility's (or regional office's) press release speaks for it
                _set_unit(p, facilities[0] if facilities else offices[0])
        # later one-word mentions ("kata Mukaffi") join the full name as aliases
        for p in people:
            toks = [t for t in p.name.split() if len(t) >= 3 and not t.endswith(".")]
            if len(p.name.split()) < 2 or not toks:
                continue
            hits = []
            for t in dict.fromkeys(toks):  # str.find per name word: no per-article regex to compile
                q = text.find(t)
                while q >= 0:
                    e = q + len(t)
                    if not (q and (text[q - 1].isalnum() or text[q - 1] == "_")) and not (
                            e < len(text) and (text[e].isalnum() or text[e] == "_")):
                        hits.append((q, e, t))
                    q = text.find(t, e)
            hits.sort()
            taken = -1
            for q, e, t in hits:
                if q < taken:
                    continue  # overlapping words: the earlier one (as the alternation read them)
                taken = e
                if any(mm.start <= q < mm.end for mm in p.mentions):
                    continue
                nxt = text[e:e + 2]
                if nxt[:1] == " " and nxt[1:2].isupper():
                    continue  # part of a longer name
                if t not in p.aliases:
                    p.aliases.append(t)
                p.mentions.append(Mention(t, q, e, "PERSON", sentence_of(q) if sentence_of else ""))
        # a one- or two-letter word ("kata Ke..." in a cut-off text) is not a name
        return [p for p in people if len(p.name) > 2 or len(p.name.split()) > 1]
