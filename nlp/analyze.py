"""The one entry point of nlp/: texts in, `Analysis` records out (used by flows and `pantau extract`).

Why a class loaded once: the spaCy Language, the registries and the compiled patterns are built
once per process; `pipe` streams articles through `nlp.pipe` in batches, so throughput is set by
the rule stages (a few milliseconds per article), not by loading.
"""

from __future__ import annotations

import bisect
import importlib
import logging
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from nlp import dates as dates_mod
from nlp import facilities as fac_mod
from nlp import organizations as org_mod
from nlp.officials import OfficialFinder
from nlp.pipeline import ROOT, build_nlp, pantau_settings
from nlp.records import Analysis, ArticleText
from nlp.registry import load_registry
from nlp.spacy_import import IDX, SENT_START

ANALYZER_VERSION = "rules-0.6"  # bump when rules change: enrich re-analyses stored articles of older versions
log = logging.getLogger(__name__)


def _optional(module: str, attr: str):
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError):
        return None


def _fallback_relevance(title: str, text: str) -> float:
    """Used only when nlp.keywords is absent: share of corrections words in the first 2,000 chars."""
    t = (title + " " + text[:2000]).lower()
    hits = sum(t.count(w) for w in ("lapas", "rutan", "pemasyarakatan", "warga binaan", "narapidana", "bapas",
                                    "lpka", "napi", "rupbasan"))
    return min(1.0, hits / 5)


_LINE = re.compile(r"[^\n]+")
# one article through every stage for Analyzer.warm
_WARM_TEXT = ("BANYUWANGI (ANTARA) - Kepala Lapas Kelas IIA Banyuwangi, Mochamad Mukaffi, bersama Badan Narkotika "
              "Nasional Kabupaten (BNNK) Banyuwangi menggelar tes urine pada Senin (30/6/2025). Kanwil Ditjenpas "
              "Jawa Timur, Polres Banyuwangi dan Kodim 0825 hadir. \"Kami menjaga lapas bersih dari narkoba,\" "
              "kata Mukaffi. Kedua pihak menandatangani nota kesepahaman pada 1 Juli 2025.")


def headline_spans(text: str, body_start: int = 0) -> list[tuple[int, int]]:
    """Title Case lines without closing punctuation: the title, and headlines of related stories and menus
    that pages carry ("Kalapas Paparkan Infrastruktur Melalui Kunker"). Names in them have no boundary
    (every word is capitalised); the body names the same people and bodies properly."""
    out = [(0, body_start)] if body_start else []
    for m in _LINE.finditer(text, body_start):
        line = m.group(0).strip()
        words = re.findall(r"[A-Za-z][\w'-]*", line)
        if len(words) < 3 or len(line) > 200 or re.search(r"[.;!?] [A-Z]", line):
            continue
        caps = sum(w[0].isupper() for w in words) / len(words)
        closed = line[-1:] in '.?!"”:;,'
        if caps >= 0.7 and not closed or caps >= 0.85 and len(words) <= 15 and line[-1:] == ".":
            out.append((m.start(), m.end()))
    return out


def sentence_starts(doc) -> list[int]:
    """Character offsets where the Doc's sentences begin, read as one array: iterating `doc.sents`
    builds a Python Token and Span object per token and cost ~3 ms of the ~17 ms an article takes."""
    if len(doc) == 0:
        return []
    arr = doc.to_array([IDX, SENT_START])
    starts = arr[arr[:, 1] == 1, 0].tolist()
    first = int(arr[0, 0])
    if not starts or starts[0] != first:  # no sentence boundaries set: the whole text is one sentence
        starts = [first, *starts]
    return starts


# tabs, no-break, fixed-width and ideographic spaces -> " " (zero-width characters are left: removing them would move offsets)
_SPACES = str.maketrans(dict.fromkeys("\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                                      "\u200a\u202f\u205f\u3000", " "))


def _plain(s: str | None) -> str | None:
    return s.translate(_SPACES) if s else s


def _model_fingerprint(model_dir: Path) -> str:
    """First 8 hex digits of the sha256 of the topic model and the official_visit stage files that exist."""
    import hashlib

    h = hashlib.sha256()
    for name in ("model.pkl.gz", "stack.json"):
        path = model_dir / "topics" / name
        if path.exists():
            with path.open("rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
    return h.hexdigest()[:8]


class Analyzer:
    analyzer_version = ANALYZER_VERSION

    def __init__(self, nlp, registry, topic_model=None, partnership_fn=None, relevance_fn=None,
                 relevance_threshold: float = 0.5, today: date | None = None):
        self.nlp = nlp
        self._today = today  # the newest day an undated weekday date may fall on (nlp/dates.py); None: the day it runs
        self.registry = registry
        self.officials = OfficialFinder(registry)
        self.topic_model = topic_model
        self.partnership_fn = partnership_fn
        self.relevance_fn = relevance_fn or _fallback_relevance
        self.relevance_threshold = relevance_threshold
        self.stack = None  # official_visit second stage (nlp/topic_stack.py), set by load()
        self.analyzer_version = ANALYZER_VERSION + ("+topics" if topic_model is not None else "")

    _cache: dict = {}

    @classmethod
    def load(cls, model_dir: str | Path = ROOT / "models", config_path: str | None = None) -> Analyzer:
        """Loaded once per process and (model_dir, config): flows, the CLI and tests share it."""
        key = (str(Path(model_dir).resolve()), config_path)
        if key not in cls._cache:
            cls._cache[key] = cls._load(Path(model_dir), config_path)
        return cls._cache[key]

    @classmethod
    def _load(cls, model_dir: Path, config_path: str | None) -> Analyzer:
        settings = pantau_settings(config_path)
        reg = load_registry(settings.get("registry_dir") or None)
        nlp = build_nlp(str(model_dir), config_path)
        topic_model = None
        loader = _optional("nlp.topics", "load_topic_model")
        if loader is not None:
            try:
                topic_model = loader(model_dir)
            except Exception as exc:  # noqa: BLE001 - topics are optional; extraction must still run
                log.warning("topic model not loaded from %s: %s", model_dir, exc)
        stack = None
        if topic_model is not None:
            try:
                from nlp.topic_stack import load_stack

                stack = load_stack(model_dir)
            except Exception as exc:  # noqa: BLE001 - the text model's own decision stands
                log.warning("official_visit stage not loaded from %s: %s", model_dir, exc)
        partnership_fn = _optional("nlp.partnerships", "extract_partnerships")
        relevance_fn = _optional("nlp.keywords", "keyword_relevance")
        threshold = _optional("nlp.keywords", "RELEVANCE_THRESHOLD")
        az = cls(nlp, reg, topic_model, partnership_fn, relevance_fn,
                 threshold if isinstance(threshold, int | float) else 0.5)
        az.stack = stack
        if topic_model is not None:
            # a retrained topic model (`pantau train topics`) changes stored topics as a rule change does: its
            # file's fingerprint joins the version, so that `enrich` re-analyses what the old model labelled
            az.analyzer_version += "-" + _model_fingerprint(model_dir)
        return az

    def warm(self) -> Analyzer:
        """Build everything that is otherwise built on first use (compiled patterns, lazily built tables,
        ~50 ms on the first article); call before forking workers, which then inherit it all."""
        org_mod.compile_all()
        list(self.pipe([ArticleText("warm", _WARM_TEXT, "Kalapas Pimpin Tes Urine", date(2025, 6, 30))]))
        return self

    def analyze(self, article: ArticleText) -> Analysis:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[ArticleText], batch_size: int = 64) -> Iterator[Analysis]:
        buf: list[ArticleText] = []
        for art in articles:
            buf.append(art)
            if len(buf) >= batch_size:
                yield from self._batch(buf, batch_size)
                buf = []
        if buf:
            yield from self._batch(buf, batch_size)

    @staticmethod
    def full_text(article: ArticleText) -> str:
        """Title and body as the rules read them. Unicode spaces become plain ones, one character for one, so that
        offsets stay those of the stored text: pages often put a no-break space inside a name ("Lapas\u00a0Kelas
        IIA Banyuwangi"; 78 of the 1,376 corpus articles hold one), and the patterns' literal spaces miss it."""
        text = f"{article.title}\n\n{article.text}" if article.title else (article.text or "")
        return _plain(text)

    def _batch(self, arts: list[ArticleText], batch_size: int) -> list[Analysis]:
        texts = [self.full_text(a) for a in arts]
        docs = list(self.nlp.pipe(texts, batch_size=batch_size))
        preds = None
        if self.topic_model is not None:
            try:
                preds = self.topic_model.predict([_plain(a.title) or "" for a in arts], [_plain(a.text) or "" for a in arts])
            except Exception as exc:  # noqa: BLE001
                log.warning("topic model failed on a batch: %s", exc)
        out = []
        for i, (art, doc, text) in enumerate(zip(arts, docs, texts, strict=True)):
            out.append(self._one(art, doc, text, preds[i] if preds else None))
        return out

    def _one(self, art: ArticleText, doc, text: str, pred) -> Analysis:
        starts = sentence_starts(doc)
        bounds = [*starts[1:], len(text)]

        def sentence_of(pos: int) -> str:
            k = bisect.bisect_right(starts, pos) - 1
            return text[starts[k]:bounds[k]].strip() if 0 <= k < len(starts) else ""

        reg = self.registry
        fmentions = fac_mod.find_mentions(text, reg)
        facilities, links = fac_mod.resolve(fmentions, text, reg, sentence_of)
        taken = [(fm.start, fm.end) for fm in fmentions]
        body_start = len(art.title) + 2 if art.title else 0
        headlines = headline_spans(text, body_start)
        hits = org_mod.find_hits(text, reg, taken, body_start, headlines)
        province = next((f.province for f in facilities if f.province), None)
        orgs = org_mod.resolve(hits, text, reg, province, sentence_of)
        officials = self.officials.find(text, facilities, links, orgs, sentence_of, body_start, headlines)
        orgs = org_mod.drop_title_only(orgs, officials)
        dms = dates_mod.find_dates(text, art.published, art.url, latest=self._today or date.today())
        a = Analysis(id=art.id, facilities=facilities, organizations=orgs, officials=officials, dates=dms,
                     event_date=dates_mod.event_date(dms, text, art.published))
        if pred is not None:
            a.relevant = bool(pred.relevant)
            a.relevance_score = float(pred.relevance_score)
            a.topics = list(pred.topics)
            a.topic_scores = {k: float(v) for k, v in dict(pred.topic_scores).items()}
        else:
            score = float(self.relevance_fn(art.title or "", art.text or ""))
            a.relevance_score = score
            a.relevant = score >= self.relevance_threshold
        if self.partnership_fn is not None:
            try:
                # the text, not the Doc: `doc.text` re-joins every token (~1 ms an article) into what `text` is
                a.partnerships = list(self.partnership_fn(text, a))
            except Exception as exc:  # noqa: BLE001 - one article's partnerships never stop a batch
                log.warning("partnerships failed on %s: %s", art.id, exc)
        if self.stack is not None and a.relevant and self.stack.label in a.topic_scores:
            self._restack(a, art, text)
        return a

    def _restack(self, a: Analysis, art: ArticleText, text: str) -> None:
        """official_visit is an event: the second stage (nlp/topic_stack.py) weighs the text model's probability
        with the partnerships and visit sentences the extraction found, and decides the label."""
        from nlp.topic_stack import features
        from nlp.topics import cued, prepare_text

        lab = self.stack.label
        x = features(a.topic_scores[lab], [p.kind for p in a.partnerships],
                     cued(lab, prepare_text(_plain(art.title), _plain(art.text))), text)
        p = self.stack.prob(x)
        a.topic_scores[lab] = p
        if p >= self.stack.threshold and lab not in a.topics:
            a.topics.append(lab)
        elif p < self.stack.threshold and lab in a.topics:
            a.topics.remove(lab)
