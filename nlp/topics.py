"""Topic and relevance classifiers: what an article is about, and whether it is about corrections at all.

Why linear models over word and character n-grams: the labelled set is a few hundred articles, the
vocabulary is formulaic press-release Indonesian (with affixes and spelling variants that character
n-grams absorb), and analysts ask *why* an article got a label: a linear model answers with its terms
(`TopicModel.explain`). Probabilities are calibrated (a sigmoid fitted on out-of-fold scores: Platt scaling) and each
label gets its own threshold chosen on held-out folds, because rare labels need lower cut-offs than
common ones. Prediction (`pantau extract`, the flows) runs on the same fitted model exported as plain
arrays (nlp/topic_arrays.py), so those processes never import scikit-learn.
"""

from __future__ import annotations

import gzip
import pickle
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, repeat
from pathlib import Path

import numpy as np

TAXONOMY_FILE = Path(__file__).with_name("taxonomy.toml")
MODEL_VERSION = "topics-2"


def load_taxonomy(path: Path = TAXONOMY_FILE) -> dict[str, dict]:
    """Label id -> {definition, examples}, in file order."""
    with open(path, "rb") as fh:
        return tomllib.load(fh)


_TAXONOMY = load_taxonomy()
TOPICS: list[str] = list(_TAXONOMY)
# labels that need a word in the text ("requires" in the taxonomy): a precondition the guidelines set, which a
# bag-of-words model trained on a few hundred articles does not learn
REQUIRES: dict[str, re.Pattern] = {lab: re.compile(v["requires"], re.IGNORECASE)
                                   for lab, v in _TAXONOMY.items() if v.get("requires")}
# cue words of the title or lead that lower a label's threshold to its trained cue threshold
CUES: dict[str, re.Pattern] = {lab: re.compile(v["cue"], re.IGNORECASE)
                               for lab, v in _TAXONOMY.items() if v.get("cue")}
CUE_CHARS = 900  # of the prepared text: the title twice and the lead paragraph


def cued(label: str, doc: str) -> bool:
    """Whether the title or lead of `doc` (prepared text) holds the label's cue words."""
    rx = CUES.get(label)
    return rx is not None and rx.search(doc, 0, CUE_CHARS) is not None


def allowed(label: str, doc: str) -> bool:
    """Whether `doc` (title + text) may carry `label` at all."""
    rx = REQUIRES.get(label)
    return rx is None or rx.search(doc) is not None


_OUTLET_PREFIX = re.compile(r"^\s*[A-Z][A-Za-z .,()/-]{0,60}?(?:--| - | – |, \(|\) -)\s*")
_SPACE = re.compile(r"\s+")


def prepare_text(title: str | None, text: str | None) -> str:
    """The classifier's view of an article: title (repeated: it is the densest signal) + body, lower-cased."""
    body = text or ""
    head = body[:200]
    m = _OUTLET_PREFIX.match(head)
    if m and len(m.group(0)) < 80:
        body = body[m.end():]
    t = title or ""
    return _SPACE.sub(" ", f"{t} . {t} . {body}").strip().lower()


@dataclass(slots=True)
class TopicPrediction:
    relevant: bool
    relevance_score: float
    topics: list[str] = field(default_factory=list)
    topic_scores: dict[str, float] = field(default_factory=dict)


LEAD_CHARS = 600


def lead(doc: str) -> str:
    """Title and first paragraph: where character n-grams pay off (spelling variants of the key terms)."""
    return doc[:LEAD_CHARS]


def build_vectorizer(max_features: int = 60000):
    """Word 1-2 grams over the whole text + character 3-5 grams over its lead, sublinear tf-idf.

    Why char n-grams only on the lead: over the full text they cost ~6 ms an article (half of
    `pantau extract`'s budget) for +0.2 macro-F1 points in cross-validation; on the lead they keep the
    robustness to spelling variants ("narkoba", "narkotika", "penyeludupan") at a fifth of the cost.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion(
        [
            (
                "word",
                TfidfVectorizer(
                    ngram_range=(1, 2), min_df=2, max_df=0.9, sublinear_tf=True, max_features=max_features,
                    token_pattern=r"(?u)\b[a-z][a-z0-9-]+\b",
                ),
            ),
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True,
                    max_features=max_features, dtype=np.float32, preprocessor=lead,
                ),
            ),
        ]
    )


_ANALYSIS_PARAMS = ("analyzer", "ngram_range", "token_pattern", "lowercase", "preprocessor", "tokenizer",
                    "strip_accents", "stop_words", "input", "encoding", "decode_error")


def shared_transform(unions: list, docs: list[str]) -> list:
    """`union.transform(docs)` for several fitted FeatureUnions of tf-idf vectorisers, analysing each
    text once. The relevance and topic models use the same analysers with different vocabularies, and
    the analysis (n-gram generation) is most of the cost: sharing it saves ~1 ms an article.
    Falls back to plain transforms when the unions are not built alike."""
    from scipy import sparse

    subs = [list(u.transformer_list) for u in unions]
    alike = (all(getattr(u, "transformer_weights", None) is None for u in unions)
             and all([n for n, _ in s] == [n for n, _ in subs[0]] for s in subs)
             and all(all(type(v) is type(subs[0][k][1]) and hasattr(v, "vocabulary_") and hasattr(v, "_tfidf")
                         and all(v.get_params().get(p) == subs[0][k][1].get_params().get(p) for p in _ANALYSIS_PARAMS)
                         for k, (_, v) in enumerate(s)) for s in subs))
    if not alike:
        return [u.transform(docs) for u in unions]
    blocks: list[list] = [[] for _ in unions]
    for k in range(len(subs[0])):
        analyze = subs[0][k][1].build_analyzer()
        counted = [Counter(analyze(d)) for d in docs]  # C-speed counting, once per text
        # every text's features and counts in one flat array, looked up in each vocabulary at C speed
        # (map over dict.get): the same matrix as a Python loop over the features (~0.2-0.7 ms an article less)
        feats = list(chain.from_iterable(counted))
        counts = np.fromiter(chain.from_iterable(c.values() for c in counted), dtype=np.int64, count=len(feats))
        rows = np.repeat(np.arange(len(docs), dtype=np.int64), [len(c) for c in counted])
        for ui, s in enumerate(subs):
            v = s[k][1]
            vocab = v.vocabulary_
            idx = np.fromiter(map(vocab.get, feats, repeat(-1)), dtype=np.int64, count=len(feats))
            keep = idx >= 0
            indptr = np.zeros(len(docs) + 1, dtype=np.int64)
            np.cumsum(np.bincount(rows[keep], minlength=len(docs)), out=indptr[1:])
            X = sparse.csr_matrix((counts[keep].astype(v.dtype), idx[keep].astype(np.int32), indptr),
                                  shape=(len(docs), len(vocab)))
            X.sort_indices()
            if v.binary:
                X.data.fill(1)
            blocks[ui].append(v._tfidf.transform(X, copy=False))
    return [sparse.hstack(b).tocsr() for b in blocks]


def rounded_scores(cols: dict[str, np.ndarray], n: int) -> list[dict[str, float]]:
    """Per text, every label's probability rounded to 4 places (label order of `cols`)."""
    return [{lab: round(float(c[i]), 4) for lab, c in cols.items()} for i in range(n)]


def decide(docs: list[str], rel: np.ndarray, cols: dict[str, np.ndarray], relevance_threshold: float,
           thresholds: dict[str, float], cue_thresholds: dict[str, float]) -> list[TopicPrediction]:
    """Relevance, then the labels over their thresholds; an irrelevant article gets no topics. Shared by
    the pickled model and the array model (nlp/topic_arrays.py), so both decide alike."""
    out = []
    for i, ts in enumerate(rounded_scores(cols, len(docs))):
        relevant = bool(rel[i] >= relevance_threshold)
        topics = [lab for lab in cols if relevant
                  and (ts[lab] >= thresholds[lab]
                       or (lab in cue_thresholds and ts[lab] >= cue_thresholds[lab] and cued(lab, docs[i])))
                  and allowed(lab, docs[i])]  # the word checks only for a label the scores already give
        out.append(TopicPrediction(relevant, round(float(rel[i]), 4), topics,
                                   {k: v for k, v in ts.items() if v >= 0.05} if relevant else {}))
    return out


class CalibratedLinear:
    """A linear classifier whose decision score is mapped to a probability by a fitted sigmoid."""

    def __init__(self, lr, a: float, b: float):
        self.lr, self.a, self.b = lr, a, b

    def predict_proba(self, X) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-(self.a * self.lr.decision_function(X) + self.b)))
        return np.column_stack([1.0 - p, p])


class TopicModel:
    """Relevance + multi-label topics over one shared vectoriser per task. Picklable (joblib)."""

    def __init__(self, relevance_vec, relevance_clf, relevance_threshold: float,
                 topic_vec, topic_clfs: dict, thresholds: dict[str, float], meta: dict | None = None):
        self.relevance_vec = relevance_vec
        self.relevance_clf = relevance_clf
        self.relevance_threshold = relevance_threshold
        self.topic_vec = topic_vec
        self.topic_clfs = topic_clfs
        self.thresholds = thresholds
        self.meta = meta or {}
        self.cue_thresholds: dict[str, float] = {}  # label -> lower threshold when its cue words lead the text

    @property
    def version(self) -> str:
        return self.meta.get("version", MODEL_VERSION)

    def predict_scores(self, titles: list[str | None], texts: list[str | None]) -> list[dict[str, float]]:
        """Calibrated probability of every label, whatever the relevance (for explanations and audits)."""
        docs = [prepare_text(t, x) for t, x in zip(titles, texts, strict=True)]
        if not docs:
            return []
        return self._scores(self.topic_vec.transform(docs))

    def _scores(self, X) -> list[dict[str, float]]:
        return rounded_scores(self._columns(X), X.shape[0])

    def _columns(self, X) -> dict[str, np.ndarray]:
        return {lab: clf.predict_proba(X)[:, 1] for lab, clf in self.topic_clfs.items()}

    def predict(self, titles: list[str | None], texts: list[str | None]) -> list[TopicPrediction]:
        """Relevance, then the labels over their thresholds; an irrelevant article gets no topics."""
        docs = [prepare_text(t, x) for t, x in zip(titles, texts, strict=True)]
        if not docs:
            return []
        Xr, Xt = shared_transform([self.relevance_vec, self.topic_vec], docs)
        rel = self.relevance_clf.predict_proba(Xr)[:, 1]
        cue_t = getattr(self, "cue_thresholds", None) or {}  # models trained before cues have none
        return decide(docs, rel, self._columns(Xt), self.relevance_threshold, self.thresholds, cue_t)

    def explain(self, title: str | None, text: str | None, top: int = 8) -> dict[str, list[tuple[str, float]]]:
        """Per label (and `relevant`), the n-grams of this article that pushed its score up the most."""
        doc = prepare_text(title, text)
        out = {"relevant": _top_terms(self.relevance_vec, self.relevance_clf, doc, top)}
        for lab, clf in self.topic_clfs.items():
            out[lab] = _top_terms(self.topic_vec, clf, doc, top)
        return out


def _coef(clf) -> np.ndarray:
    """Mean weight vector of a (calibrated) linear classifier."""
    if isinstance(clf, CalibratedLinear):
        return clf.lr.coef_[0]
    if hasattr(clf, "calibrated_classifiers_"):
        return np.mean([c.estimator.coef_[0] for c in clf.calibrated_classifiers_], axis=0)
    return clf.coef_[0]


def _feature_names(vec) -> np.ndarray:
    cache = getattr(vec, "_pantau_names", None)
    if cache is None:
        cache = vec.get_feature_names_out()
        vec._pantau_names = cache
    return cache


def _top_terms(vec, clf, doc: str, top: int) -> list[tuple[str, float]]:
    x = vec.transform([doc]).tocsr()
    contrib = x.data * _coef(clf)[x.indices]
    order = np.argsort(-contrib)[:top]
    names = _feature_names(vec)
    return [(str(names[x.indices[k]]).split("__", 1)[-1], round(float(contrib[k]), 4))
            for k in order if contrib[k] > 0]


MODEL_FILE = "model.pkl.gz"


def save_topic_model(model: TopicModel, model_dir: str | Path) -> Path:
    """gzip + pickle protocol 5 rather than joblib: joblib unpickles in pure Python (1.1 s for this model
    against 0.17 s with the C unpickler), and every `pantau extract` process pays the load.
    Like any pickle, load only models you trained or trust."""
    out = Path(model_dir) / "topics" / MODEL_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with gzip.open(tmp, "wb", compresslevel=6) as f:
        pickle.dump(model, f, protocol=5)
    tmp.replace(out)
    # the same model as plain arrays, for prediction without scikit-learn (nlp/topic_arrays.py); written
    # after the pickle because it records the pickle's sha256
    from nlp.topic_arrays import export_arrays

    export_arrays(model, out)
    return out


def load_pickled_model(path: str | Path) -> TopicModel:
    """The scikit-learn model of a `model.pkl.gz` (imports scikit-learn, ~3 s of CPU)."""
    with gzip.open(path, "rb") as f:
        return pickle.load(f)


def load_topic_model(model_dir: str | Path = "models", arrays: bool = True):
    """The trained model from `<model_dir>/topics/`, or None when it was never trained.

    Prediction uses the exported arrays (`arrays.npz`, no scikit-learn import) when they were made from
    the pickle beside them, else the pickle `model.pkl.gz` (or an older `model.joblib`); both predict
    alike, and the array model loads the pickle itself for `explain`. `arrays=False`: always the pickle."""
    path = Path(model_dir) / "topics" / MODEL_FILE
    if path.exists():
        if arrays:
            from nlp.topic_arrays import load_arrays

            model = load_arrays(path)
            if model is not None:
                return model
        return load_pickled_model(path)
    old = Path(model_dir) / "topics" / "model.joblib"
    if old.exists():
        import joblib

        return joblib.load(old)
    return None
