"""Sources file: valid files parse into typed specs; every bad file names file, source and field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flows.errors import ConfigError
from flows.sample_site import write_sample_sources
from flows.sources import Source, load_sources, parse_sources

REPO = Path(__file__).resolve().parents[1]

VALID = """
[[source]]
name = "antara-hukum"
feed = "https://www.antaranews.com/rss/hukum.xml"
allowed_domains = ["antaranews.com", ".www.antaranews.com"]
max_articles = 50
rate_limit = 1

[[source]]
name = "ditjenpas-sitemap"
sitemap = "https://www.ditjenpas.go.id/sitemap.xml"

[[source]]
name = "kabar-indeks"
listing = "http://127.0.0.1:8080/kabarnusa/indeks"
link_pattern = '/kabarnusa/[a-z]+/\\d{4}/'
max_pages = 3

[[source]]
name = "pilihan"
urls = ["http://localhost:9000/a", "http://127.0.0.5/b", "http://localhost:9000/a"]
"""


def write(tmp_path: Path, text: str, name: str = "sources.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_parses_all_kinds(tmp_path):
    sources = load_sources(write(tmp_path, VALID))
    assert [s.kind for s in sources] == ["feed", "sitemap", "listing", "urls"]
    feed, sitemap, listing, urls = sources
    assert feed == Source("antara-hukum", "feed", "https://www.antaranews.com/rss/hukum.xml",
                          allowed_domains=("antaranews.com", "www.antaranews.com"), max_articles=50, rate_limit=1.0)
    assert isinstance(feed.rate_limit, float)
    assert sitemap.max_articles is None and sitemap.rate_limit is None and sitemap.urls == ()
    assert listing.link_pattern == r"/kabarnusa/[a-z]+/\d{4}/" and listing.max_pages == 3
    # loopback hosts are accepted and duplicate URLs collapse in order
    assert urls.url is None and urls.urls == ("http://localhost:9000/a", "http://127.0.0.5/b")


def test_source_is_hashable_and_round_trips_through_config(tmp_path):
    sources = load_sources(write(tmp_path, VALID))
    assert len(set(sources)) == 4
    again = parse_sources({"source": [s.to_config() for s in sources]})
    assert again == sources


def test_allows_respects_subdomains():
    s = Source("x", "feed", "https://a.example/rss", allowed_domains=("antaranews.com",))
    assert s.allows("https://www.antaranews.com/berita/1/x")
    assert s.allows("https://antaranews.com/berita/1/x")
    assert not s.allows("https://notantaranews.com/berita/1/x")
    assert Source("y", "feed", "https://a.example/rss").allows("https://anything.example/")


ONE = '[[source]]\nname = "ok"\nfeed = "https://example.com/rss"\n\n[[source]]\nname = "good"\nurls = ["https://example.com/a"]\n\n'


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ('name = "antara"\nfeed = "ftp://antaranews.com/rss"', "source #3 'antara': field 'feed': not an http(s) URL"),
        ('name = "antara"\nfeed = "antaranews.com/rss"', "field 'feed': not an http(s) URL"),
        ('name = "antara"\nfeed = "https://exa mple.com/rss"', "field 'feed': not an http(s) URL"),
        ('name = "antara"\nfeed = 5', "field 'feed': expected a URL string"),
        ('feed = "https://example.com/rss"', "source #3: field 'name': missing"),
        ('name = ""\nfeed = "https://example.com/rss"', "field 'name': expected a non-empty string"),
        ('name = "ok"\nfeed = "https://example.com/other"', "source #3 'ok': field 'name': duplicate source name"),
        ('name = "dua"\nfeed = "https://e.com/rss"\nsitemap = "https://e.com/s.xml"', "give exactly one of"),
        ('name = "nol"', "give exactly one of feed, sitemap, listing, urls (got none)"),
        ('name = "x"\nfeed = "https://e.com/rss"\nrate = 2', "source #3 'x': field 'rate': unknown field"),
        ('name = "x"\nfeed = "https://e.com/rss"\nmax_articles = 0', "field 'max_articles': expected a positive integer"),
        ('name = "x"\nfeed = "https://e.com/rss"\nmax_articles = "10"', "field 'max_articles'"),
        ('name = "x"\nfeed = "https://e.com/rss"\nmax_articles = true', "field 'max_articles'"),
        ('name = "x"\nfeed = "https://e.com/rss"\nrate_limit = 0', "field 'rate_limit': expected requests per second > 0"),
        ('name = "x"\nfeed = "https://e.com/rss"\nrate_limit = "fast"', "field 'rate_limit'"),
        ('name = "x"\nfeed = "https://e.com/rss"\nallowed_domains = "e.com"', "field 'allowed_domains': expected a list"),
        ('name = "x"\nfeed = "https://e.com/rss"\nallowed_domains = ["https://e.com/"]',
         "field 'allowed_domains[0]': not a host name"),
        ('name = "x"\nurls = []', "field 'urls': expected a non-empty list"),
        ('name = "x"\nurls = ["https://e.com/a", "javascript:alert(1)"]', "field 'urls[1]': not an http(s) URL"),
        ('name = "x"\nfeed = "https://e.com/rss"\nlink_pattern = "/berita/"', "field 'link_pattern': only valid for listing"),
        ('name = "x"\nlisting = "https://e.com/indeks"\nlink_pattern = "(["', "field 'link_pattern': not a valid regular"),
        ('name = "x"\nlisting = "https://e.com/indeks"\nmax_pages = 0', "field 'max_pages': expected a positive integer"),
    ],
)
def test_bad_source_names_file_source_and_field(tmp_path, snippet, expected):
    path = write(tmp_path, ONE + "[[source]]\n" + snippet + "\n")
    with pytest.raises(ConfigError) as err:
        load_sources(path)
    message = str(err.value)
    assert message.startswith(f"{path}: source #3")
    assert expected in message


def test_error_message_format_matches_the_documented_example(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, ONE + '[[source]]\nname = "antara"\nfeed = "mailto:redaksi@antaranews.com"\n')
    with pytest.raises(ConfigError) as err:
        load_sources("sources.toml")
    assert str(err.value).startswith("sources.toml: source #3 'antara': field 'feed': not an http(s) URL")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[source]]\nname = \"x\"\nfeed = ", "invalid TOML"),
        ("", "no [[source]] tables"),
        ("title = \"x\"\n", "unknown top-level key 'title'"),
        ("[source]\nname = \"x\"\nfeed = \"https://e.com/rss\"\n", "must be an array of tables"),
    ],
)
def test_bad_file_level_errors(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match=re.escape(expected)) as err:
        load_sources(path)
    assert str(err.value).startswith(str(path))


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(ConfigError, match="sources file not found"):
        load_sources(tmp_path / "nope.toml")
    path = tmp_path / "latin.toml"
    path.write_bytes(b'[[source]]\nname = "caf\xe9"\nfeed = "https://e.com/rss"\n')
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_sources(path)


def test_shipped_sources_file_is_valid():
    sources = load_sources(REPO / "sources.toml")
    assert len(sources) >= 10
    kinds = {s.kind for s in sources}
    assert {"feed", "sitemap", "listing"} <= kinds
    assert all(s.rate_limit is None or s.rate_limit <= 2 for s in sources), "live sources must stay polite"


def test_sample_sources_file_loads(tmp_path):
    plain = load_sources(write_sample_sources("http://127.0.0.1:8765", tmp_path / "s.toml"))
    assert {s.kind for s in plain} == {"feed", "sitemap", "listing", "urls"}
    with_faults = load_sources(write_sample_sources("http://127.0.0.1:8765/", tmp_path / "f.toml", faults=True))
    names = [s.name for s in with_faults]
    assert "sampel-gangguan" in names and "sampel-feed-rusak" in names
    assert all(u.startswith("http://127.0.0.1:8765/") for s in with_faults for u in (*s.urls, s.url) if u)
