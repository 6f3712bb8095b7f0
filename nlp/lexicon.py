"""Shared word lists of Indonesian news about corrections: honorifics, ranks, degrees, titles,
weekdays, months and the capitalised words that are never part of a person's name.

Why one module: facilities, organisations, officials and dates all need to know where a name
ends ("Kalapas Kelas IIB Tegal Haryono"); keeping the lists together keeps them consistent.
"""

from __future__ import annotations

import re

# Markers of a link to another story ("Baca juga: ...", "Berita terkait"): what follows is another article's
# headline, so no stage reads its facilities, organisations, people or dates as this article's. Regex source,
# to be compiled case-insensitively inside each stage's own line or sentence pattern.
TEASER_MARKER = (r"(?:(?:baca|simak|lihat)\s+(?:juga|pula|selengkapnya|artikel|berita(?:\s+lainnya)?)"
                 r"|berita\s+(?:terkait|lainnya)|artikel\s+terkait)")

WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jumaat": 4,
            "sabtu": 5, "minggu": 6, "ahad": 6}
MONTHS = {"januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3, "april": 4,
          "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8,
          "agst": 8, "ags": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11,
          "nov": 11, "nopember": 11, "desember": 12, "des": 12}

# Prefixes kept as Official.honorifics (lower-case, dots removed)
HONORIFICS = {"dr", "drs", "dra", "h", "hj", "ir", "prof", "kh", "ust", "ustadz", "ustaz", "bapak", "ibu",
              "pak", "bu", "sdr", "saudara", "habib", "tgh", "tuan", "nyonya", "ny", "hc", "apt", "ns"}
# Police / military ranks (multi-word first); "Pol." may follow any police rank
RANKS = ["Komjen Pol", "Irjen Pol", "Brigjen Pol", "Kombes Pol", "AKBP", "Kompol", "AKP", "Iptu", "Ipda",
         "Aiptu", "Aipda", "Bripka", "Brigpol", "Briptu", "Bripda", "Brigadir", "Komjen", "Irjen", "Brigjen",
         "Kombes", "Jenderal TNI", "Letjen TNI", "Mayjen TNI", "Brigjen TNI", "Jenderal", "Letjen", "Mayjen",
         "Laksma TNI", "Laksda TNI", "Marsma TNI", "Laksma", "Laksda", "Marsma", "Kolonel", "Letkol", "Mayor",
         "Kapten", "Lettu", "Letda", "Serma", "Serka", "Sertu", "Serda", "Kopda", "Pratu", "Praka", "Kol",
         "Laksamana", "Marsekal", "Peltu", "Pelda", "Kopka", "Koptu"]
RANK_KEYS = {r.lower().replace(".", "") for r in RANKS} | {"pol", "inf", "cpl", "arh", "kav", "czi", "tni",
                                                            "psk", "laut", "mar", "cke", "chb"}
# Degrees written after a name (", S.H., M.H."), matched after removing dots and spaces
DEGREES = {"sh", "mh", "msi", "ssos", "sip", "mm", "mkn", "mpd", "spd", "se", "st", "sst", "ssi", "skom",
           "mkes", "skm", "amd", "ama", "bcip", "bcipsh", "sag", "mag", "shi", "mhum", "shum", "phd", "mba",
           "ma", "msc", "bsc", "sthi", "sik", "mtr", "mtrop", "mt", "meng", "spsi", "mpsi", "sked", "sp", "mp",
           "stp", "spt", "shut", "sikom", "mikom", "ak", "ca", "cfr", "md", "dea", "mphil", "sstp",
           "mpa", "map", "sps", "cht", "cpm", "cla", "clm", "mse", "ssosi", "spdi", "mpdi",
           "sfarm", "apt", "skep", "ners", "sh mh", "llm", "mkom", "lc", "ssy", "sei", "sth", "mth"}

# Capitalised words that can follow a title but are never (the start of) a person's name; the last line: a local
# government's portfolios ("Asisten Pemerintahan dan Kesra", "Kadis Kominfo") and a page's staff credits ("Redaktur")
NON_NAME = set("""
lapas lembaga pemasyarakatan rutan rumah tahanan negara lpka bapas rupbasan cabang balai kelas klas lp
narkotika perempuan wanita khusus pemuda terbuka industri anak kanwil kantor wilayah kementerian kemenkumham
kemenimipas ditjenpas ditjen direktorat jenderal dirjen dirjenpas imigrasi hukum ham hak asasi manusia dan
divisi bidang seksi sub subseksi subbagian bagian umum keamanan ketertiban pembinaan kegiatan kerja registrasi
perawatan pelayanan tahanan administrasi pengelolaan tata usaha kesatuan pengamanan kplp upt unit
provinsi kabupaten kota kecamatan desa kelurahan pemerintah pemprov pemkab pemkot pemda dinas badan
bnn bnnp bnnk nasional polda polres polresta polrestabes polsek polri mabes satresnarkoba satuan reserse
tni kodim korem kodam lanal lantamal koramil brimob kejaksaan kejati kejari kejagung tinggi agung negeri
pengadilan mahkamah kpu bawaslu ombudsman ri republik indonesia perwakilan dpr dprd mpr dpd komisi ketua
wakil kepala sekretaris direktur menteri gubernur bupati walikota wali camat lurah anggota staf petugas
kalapas karutan kabapas kakanwil kadivpas kadiv kasi kasubsi kasubag kasubbag kabid kasat kapolda kapolres
kapolsek kapolresta dandim danrem pangdam kajati kajari plt plh pj pjs ka koordinator humas tim majelis
hakim panitera jaksa senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli
agustus september oktober november desember warga binaan wbp narapidana napi tersangka terdakwa terpidana
pelaku korban dalam sementara saat usai selain menurut sedangkan adapun namun kemudian bahkan sebelumnya
selanjutnya lebih menteri pusat daerah istimewa timur barat utara selatan tengah tenggara raya jakarta
sekretariat sekda satpol universitas fakultas sekolah yayasan puskesmas rsud komnas kpk lpsk bpjs pt cv
jalan jl gedung aula ruang lapangan masjid gereja kampus hotel pos pintu blok kamar hunian program gerakan
the of in upaya apel peringatan hari ulang tahun hut pelaksana teknis pembimbing kemasyarakatan nomor no
subdirektorat subdit reskrim satreskrim roops binda kornas ombusman intel intelijen pas nusa diruang paripurna
pengamat dewan pimpinan satgas satuan tugas operasional kasatgas humas protokol pengawas pengawasan penyidik
lembaga organisasi pengurus pusat cabang ranting asosiasi forum tim kelompok seksi staf pegawai bagian
kesra kominfo perkim dukcapil pupr ekbang kesbangpol bappeda redaktur reporter editor penulis fotografer
""".split())

TITLE_WORDS = set("""kepala wakil ketua sekretaris direktur menteri gubernur bupati walikota camat lurah kalapas
karutan kabapas kakanwil kadivpas kadiv kasi kasubsi kasubag kasubbag kabid kasat kapolda kapolres kapolsek
kapolresta kapolrestabes dandim danrem pangdam kajati kajari koordinator hakim panitera jaksa dirjen
dirjenpas kanit kaur kabag karo deputi asisten staf anggota komisioner rektor dekan pendiri kasatresnarkoba
kaprodi danlanal danramil kapolri kabareskrim wamen sekjen irjen inspektur kalapas kaka ka""".split())

# Words whose presence right before a name marks a non-official (inmates, suspects, relatives)
NON_OFFICIAL_CUES = re.compile(
    r"(?:narapidana|napi|warga\s+binaan|wbp|tahanan|terpidana|terdakwa|tersangka|pelaku|korban|istri|suami|"
    r"anak(?:nya)?|ibu(?:nya)?|ayah(?:nya)?|adik(?:nya)?|kakak(?:nya)?|keluarga|pengunjung|buronan|bandar|"
    r"kurir|pengedar|residivis|almarhum|almarhumah|mendiang|terpidana\s+mati|eks\s+napi|mantan\s+napi|"
    r"pembunuh|pemilik|penghuni|santri|siswa|mahasiswa|peserta|tahanan\s+kpk|oknum)\s*,?\s*$",
    re.IGNORECASE,
)


def clean_degree(tok: str) -> str:
    return re.sub(r"[.\s,]", "", tok).lower()


def is_degree(tok: str) -> bool:
    """True for "S.H.", "M.Si", "S.Sos.", "Bc.I.P." (a token after a name's comma)."""
    t = clean_degree(tok)
    if not t:
        return False
    if t in DEGREES:
        return True
    # generic academic shapes: S.Xx / M.Xx with dots
    return bool(re.fullmatch(r"(?:[SMD]\.\s?[A-Z][A-Za-z]{0,4}\.?(?:\s?[A-Z][a-z]{0,3}\.?)?|Bc\.[A-Z.]+)", tok.strip()))
