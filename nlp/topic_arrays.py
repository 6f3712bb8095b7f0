"""The trained topic and relevance model as plain arrays, and inference over them with numpy alone.

Why: unpickling the model imports scikit-learn, which pulls in scipy.stats and pandas: ~3 s of CPU in
every `pantau extract` process, longer than a 300-article run takes on 2 cores. Prediction needs only
what the fitted model already holds (vocabularies, idf vectors, coefficients, intercepts, the Platt
sigmoid's a and b, thresholds), so `pantau train topics` also writes them to `models/topics/arrays.npz`
(no pickle inside: `np.load(allow_pickle=False)`), and prediction reproduces scikit-learn's arithmetic
step by step: n-grams as `TfidfVectorizer.build_analyzer` makes them, counts, sublinear tf, idf, l2 row
norm summed in index order in double precision as scikit-learn's Cython loop does, the FeatureUnion's
concatenation, and the sparse dot product summed in index order as scipy's `csr_matvecs` does. The
probabilities come out bit for bit the same (tests/test_topic_arrays.py compares them on corpus articles).

The pickle stays the source of truth (training, `pantau explain`). The arrays carry the sha256 of the
pickle they were exported from; `load_arrays` refuses arrays that do not match the pickle beside them,
and `export_arrays` writes none (removing a stale file) for a model that uses a feature this module
does not reproduce, so `load_topic_model` falls back to the pickle rather than predicting differently.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import zipfile
from itertools import chain, repeat
from pathlib import Path

import numpy as np

ARRAYS_FILE = "arrays.npz"
FORMAT = 1
log = logging.getLogger(__name__)

# preprocessors a vectoriser may name: resolved by name at load time, never unpickled
_PREPROCESSORS = ("nlp.topics.lead",)
_SEP = "\x00"  # between vocabulary terms (no analyser here produces it; export checks)

# synthetic sentences for the export's self-check (no corpus text)
_CHECK_DOCS = [
    "razia kamar hunian . razia kamar hunian . petugas lapas kelas iia sukamaju menyita dua unit hp, "
    "charger dan sendok yang diasah. kalapas menegaskan larangan ponsel bagi warga binaan.",
    "kunjungan kerja kakanwil . kunjungan kerja kakanwil . kepala kantor wilayah meninjau rutan kelas iib "
    "mekarsari, bertemu petugas dan tahanan, lalu menandatangani nota kesepahaman dengan pemkab.",
    "tes urine . tes urine . bnnk dan lapas menggelar tes urine bagi 120 narapidana; hasilnya negatif narkoba.",
    "klub sepak bola menang 3-1 . klub sepak bola menang 3-1 . pelatih memuji lini tengah di stadion kota.",
    "",
]


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ---------------------------------------------------------------- export (imports scikit-learn's objects)


class Unsupported(ValueError):
    """The model uses a vectoriser or classifier feature that the array inference does not reproduce."""


def _preprocessor_name(fn) -> str | None:
    if fn is None:
        return None
    name = f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', '')}"
    if name not in _PREPROCESSORS:
        raise Unsupported(f"preprocessor {name}")
    return name


def _vectorizer_spec(v) -> dict:
    """The analysis and weighting settings of one fitted TfidfVectorizer, or Unsupported."""
    if type(v).__name__ != "TfidfVectorizer":
        raise Unsupported(f"transformer {type(v).__name__}")
    p = v.get_params()
    if p["analyzer"] not in ("word", "char_wb"):
        raise Unsupported(f"analyzer {p['analyzer']!r}")
    if p["input"] != "content" or p["tokenizer"] is not None or p["stop_words"] is not None \
            or p["strip_accents"] is not None or p["binary"] or p["norm"] not in ("l2", None):
        raise Unsupported("input / tokenizer / stop_words / strip_accents / binary / norm")
    if p["analyzer"] == "word" and re.compile(p["token_pattern"]).groups > 1:
        raise Unsupported("token_pattern with several groups")
    dtype = np.dtype(p["dtype"])
    if dtype not in (np.float32, np.float64):
        raise Unsupported(f"dtype {dtype}")
    lo, hi = p["ngram_range"]
    return {"analyzer": p["analyzer"], "ngram_range": [int(lo), int(hi)], "token_pattern": p["token_pattern"],
            "lowercase": bool(p["lowercase"]), "preprocessor": _preprocessor_name(p["preprocessor"]),
            "sublinear_tf": bool(p["sublinear_tf"]), "norm": p["norm"], "use_idf": bool(p["use_idf"]),
            "dtype": dtype.name}


def _union_arrays(union, prefix: str, arrays: dict) -> list[dict]:
    if type(union).__name__ != "FeatureUnion" or getattr(union, "transformer_weights", None) is not None:
        raise Unsupported(f"{prefix}: not a plain FeatureUnion")
    specs = []
    for name, v in union.transformer_list:
        spec = _vectorizer_spec(v) | {"name": name}
        terms = [None] * len(v.vocabulary_)
        for term, i in v.vocabulary_.items():
            terms[i] = term
        if any(t is None or _SEP in t for t in terms):
            raise Unsupported(f"{prefix}.{name}: vocabulary indices not 0..n-1 or a term holds NUL")
        arrays[f"{prefix}.{name}.vocab"] = np.frombuffer(_SEP.join(terms).encode("utf-8"), dtype=np.uint8)
        if spec["use_idf"]:
            arrays[f"{prefix}.{name}.idf"] = np.asarray(v.idf_, dtype=spec["dtype"])
        spec["n_features"] = len(terms)
        specs.append(spec)
    return specs


def _linear_arrays(clfs: list, n_features: int) -> tuple[np.ndarray, np.ndarray, list[list[float]]]:
    """Coefficients as (n_features, n_labels), intercepts, and the Platt (a, b) of each classifier."""
    cols, icpt, platt = [], [], []
    for clf in clfs:
        lr = getattr(clf, "lr", None)
        if type(clf).__name__ != "CalibratedLinear" or lr is None or getattr(lr, "coef_", None) is None:
            raise Unsupported(f"classifier {type(clf).__name__}")
        if lr.coef_.shape != (1, n_features) or np.shape(lr.intercept_) != (1,) or list(lr.classes_) != [0, 1]:
            raise Unsupported("a classifier that is not binary over the vectoriser's features")
        cols.append(np.asarray(lr.coef_[0], dtype=np.float64))
        icpt.append(float(lr.intercept_[0]))
        platt.append([float(clf.a), float(clf.b)])
    coef = np.ascontiguousarray(np.stack(cols, axis=1)) if cols else np.zeros((n_features, 0))
    return coef, np.array(icpt, dtype=np.float64), platt


def export_arrays(model, pickle_path: str | Path, out: str | Path | None = None) -> Path | None:
    """Write `arrays.npz` beside the pickle the model was saved to; None (and no stale file left behind)
    when the model cannot be reproduced from arrays or the self-check finds a difference."""
    pickle_path = Path(pickle_path)
    out = Path(out) if out else pickle_path.with_name(ARRAYS_FILE)
    try:
        arrays: dict[str, np.ndarray] = {}
        rel_specs = _union_arrays(model.relevance_vec, "relevance", arrays)
        top_specs = _union_arrays(model.topic_vec, "topics", arrays)
        rel_n = sum(s["n_features"] for s in rel_specs)
        top_n = sum(s["n_features"] for s in top_specs)
        arrays["relevance.coef"], arrays["relevance.intercept"], rel_platt = _linear_arrays(
            [model.relevance_clf], rel_n)
        labels = list(model.topic_clfs)
        arrays["topics.coef"], arrays["topics.intercept"], top_platt = _linear_arrays(
            [model.topic_clfs[k] for k in labels], top_n)
        meta = {
            "format": FORMAT, "pickle_sha256": file_sha256(pickle_path), "meta": dict(model.meta),
            "relevance": {"vectorizers": rel_specs, "platt": rel_platt[0],
                          "threshold": float(model.relevance_threshold)},
            "topics": {"vectorizers": top_specs, "platt": top_platt, "labels": labels,
                       "thresholds": {k: float(model.thresholds[k]) for k in labels},
                       "cue_thresholds": {k: float(v) for k, v in (getattr(model, "cue_thresholds", None)
                                                                   or {}).items()}},
        }
        arrays["meta.json"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
        _self_check(model, ArrayTopicModel(arrays, meta, pickle_path))
    except (Unsupported, AttributeError, IndexError, KeyError, TypeError, ValueError) as exc:  # never fail training
        log.warning("topic arrays not written (%s: %s): predictions will use the pickle", type(exc).__name__, exc)
        out.unlink(missing_ok=True)
        return None
    tmp = out.with_name(out.name + ".tmp.npz")
    np.savez_compressed(tmp, **arrays)
    tmp.replace(out)
    return out


def _self_check(model, arr: ArrayTopicModel) -> None:
    """The arrays must give the pickled model's probabilities on a few texts (to 1e-9)."""
    from nlp.topics import shared_transform

    Xr, Xt = shared_transform([model.relevance_vec, model.topic_vec], _CHECK_DOCS)
    want_rel = model.relevance_clf.predict_proba(Xr)[:, 1]
    got_rel, got_top = arr.probabilities(_CHECK_DOCS)
    if not np.allclose(got_rel, want_rel, rtol=0, atol=1e-9):
        raise Unsupported("self-check: relevance probabilities differ")
    for j, lab in enumerate(arr.labels):
        if not np.allclose(got_top[:, j], model.topic_clfs[lab].predict_proba(Xt)[:, 1], rtol=0, atol=1e-9):
            raise Unsupported(f"self-check: {lab} probabilities differ")


# ---------------------------------------------------------------- loading and inference (numpy only)


def load_arrays(pickle_path: str | Path) -> ArrayTopicModel | None:
    """The array model beside `pickle_path`, or None when absent, unreadable, of another format, or
    exported from a different pickle (the sha256 it carries is not the pickle's)."""
    pickle_path = Path(pickle_path)
    path = pickle_path.with_name(ARRAYS_FILE)
    if not path.exists() or not pickle_path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        meta = json.loads(arrays["meta.json"].tobytes().decode("utf-8"))
        if meta.get("format") != FORMAT:
            log.info("topic arrays %s have format %s, not %s: using the pickle", path, meta.get("format"), FORMAT)
            return None
        if meta.get("pickle_sha256") != file_sha256(pickle_path):
            log.info("topic arrays %s were exported from another pickle: using the pickle", path)
            return None
        return ArrayTopicModel(arrays, meta, pickle_path)
    except (OSError, EOFError, zipfile.BadZipFile, ValueError, KeyError, TypeError) as exc:  # damaged: use the pickle
        log.warning("topic arrays %s unreadable (%s): using the pickle", path, exc)
        return None


def _word_grams(spec: dict):
    """TfidfVectorizer's word analyser after preprocessing: tokens, then n-grams joined by a space
    (`_word_ngrams`; only the multiset matters here, the n-grams are counted)."""
    tokenize = re.compile(spec["token_pattern"]).findall
    lo, hi = spec["ngram_range"]

    def grams(doc: str) -> list[str]:
        tokens = tokenize(doc)
        out = list(tokens) if lo == 1 else []
        for n in range(max(lo, 2), min(hi + 1, len(tokens) + 1)):
            out.extend(map(" ".join, zip(*(tokens[k:] for k in range(n)), strict=False)))
        return out

    return grams


def _char_wb_grams(word: str, lo: int, hi: int) -> list[str]:
    """TfidfVectorizer._char_wb_ngrams of one word: padded with spaces, its n-grams for n = lo..hi; a
    padded word no longer than n counts once, whole, and stops the larger n."""
    w = f" {word} "
    w_len = len(w)
    out: list[str] = []
    for n in range(lo, hi + 1):
        if w_len <= n:
            out.append(w)
            break
        out.extend([w[i:i + n] for i in range(w_len - n + 1)])
    return out


def _preprocessor(name: str | None, lowercase: bool):
    """As TfidfVectorizer.build_preprocessor: a given preprocessor replaces the lower-casing."""
    if name is None:
        return str.lower if lowercase else None
    if name not in _PREPROCESSORS:
        raise ValueError(f"unknown preprocessor {name}")
    import importlib

    mod, attr = name.rsplit(".", 1)
    return getattr(importlib.import_module(mod), attr)


def _analysis_key(spec: dict) -> tuple:
    """Vectorisers with equal keys produce the same n-grams from a text: analysed once, shared."""
    pre = spec["preprocessor"] or ("lower" if spec["lowercase"] else None)
    if spec["analyzer"] == "word":
        return ("word", tuple(spec["ngram_range"]), spec["token_pattern"], pre)
    return ("char_wb", tuple(spec["ngram_range"]), pre)


class _Block:
    """One fitted TfidfVectorizer: vocabulary, idf and weighting settings."""

    def __init__(self, spec: dict, terms: list[str], idf: np.ndarray | None):
        self.spec = spec
        self.key = _analysis_key(spec)
        self.vocab = dict(zip(terms, range(len(terms)), strict=True))
        self.n_features = len(terms)
        self.idf = idf
        self.dtype = np.dtype(spec["dtype"])
        self.sublinear = spec["sublinear_tf"]
        self.l2 = spec["norm"] == "l2"

    def weights(self, rows: np.ndarray, idx: np.ndarray, n_docs: int):
        """(row, column, value) of this block's tf-idf entries, sorted by row then column, from the
        (row, column) of every in-vocabulary n-gram occurrence."""
        nf = self.n_features
        keys, counts = np.unique(rows * nf + idx, return_counts=True)  # sorted: by row, then column
        r = keys // nf
        c = keys - r * nf
        val = counts.astype(self.dtype)
        if self.sublinear:
            np.log(val, out=val)
            val += 1.0
        if self.idf is not None:
            val *= self.idf[c]
        if self.l2 and len(val):
            _l2_rows(val, r, n_docs)
        return r, c, val


class _Analysis:
    """The blocks that read texts alike (the same analyser settings): the texts are analysed once and
    every n-gram occurrence is looked up in each block's vocabulary.

    Character n-grams never cross a word, so for them each distinct word's in-vocabulary indices are
    computed once and kept (`_cache`, bounded): the press repeats its words, and building and hashing
    ~1,200 n-gram strings per lead was most of the inference time."""

    CACHE_WORDS = 50_000  # distinct words kept (a few tens of MB at most), then the cache starts over

    def __init__(self, blocks: list[_Block]):
        self.blocks = blocks
        spec = blocks[0].spec
        self.pre = _preprocessor(spec["preprocessor"], spec["lowercase"])
        self.word = spec["analyzer"] == "word"
        self.lo, self.hi = spec["ngram_range"]
        self.grams = _word_grams(spec) if self.word else None
        self._cache: list[dict[str, tuple[int, ...]]] = [{} for _ in blocks]
        if self.word and len(blocks) > 1:
            # one dictionary for all the blocks' terms: one lookup per n-gram, then an array per block
            # maps it to the block's column (-1: not in that block)
            self._joint: dict[str, int] = dict(blocks[0].vocab)  # its ids are 0..n-1 (checked at export)
            for b in blocks[1:]:
                new = [t for t in b.vocab if t not in self._joint]
                self._joint.update(zip(new, range(len(self._joint), len(self._joint) + len(new)), strict=True))
            self._to_block = []
            for b in blocks:
                m = np.full(len(self._joint) + 1, -1, dtype=np.int64)  # the last slot: not in any block
                m[np.fromiter(map(self._joint.__getitem__, b.vocab), dtype=np.int64, count=len(b.vocab))] = \
                    np.fromiter(b.vocab.values(), dtype=np.int64, count=len(b.vocab))
                self._to_block.append(m)
        else:
            self._joint = None

    def occurrences(self, docs: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per block: (row, column) of every in-vocabulary n-gram occurrence, rows ascending."""
        texts = docs if self.pre is None else [self.pre(d) for d in docs]
        arange = np.arange(len(docs), dtype=np.int64)
        if self.word:
            per_doc = [self.grams(t) for t in texts]
            flat = list(chain.from_iterable(per_doc))
            rows = np.repeat(arange, [len(g) for g in per_doc])
            out = []
            if self._joint is not None:
                jid = np.fromiter(map(self._joint.get, flat, repeat(-1)), dtype=np.int64, count=len(flat))
                for m in self._to_block:
                    idx = m[jid]
                    keep = idx >= 0
                    out.append((rows[keep], idx[keep]))
                return out
            for b in self.blocks:
                idx = np.fromiter(map(b.vocab.get, flat, repeat(-1)), dtype=np.int64, count=len(flat))
                keep = idx >= 0
                out.append((rows[keep], idx[keep]))
            return out
        # TfidfVectorizer._char_wb_ngrams first collapses runs of white space, which split() ignores anyway
        per_doc = [t.split() for t in texts]
        words = list(chain.from_iterable(per_doc))
        word_rows = np.repeat(arange, [len(w) for w in per_doc])
        caches = self._cache
        missing = set(words).difference(caches[0])
        if missing:
            if len(caches[0]) + len(missing) > self.CACHE_WORDS:
                for c in caches:
                    c.clear()
                missing = set(words)
            for w in missing:
                grams = _char_wb_grams(w, self.lo, self.hi)
                for b, c in zip(self.blocks, caches, strict=True):
                    # a tuple of ints: the garbage collector stops tracking it, a list it would walk
                    c[w] = tuple([i for i in map(b.vocab.get, grams) if i is not None])
        out = []
        for c in caches:
            per_word = list(map(c.__getitem__, words))
            n = np.fromiter(map(len, per_word), dtype=np.int64, count=len(per_word))
            idx = np.fromiter(chain.from_iterable(per_word), dtype=np.int64, count=int(n.sum()))
            out.append((np.repeat(word_rows, n), idx))
        return out


def _row_bounds(rows: np.ndarray, n_docs: int) -> np.ndarray:
    return np.searchsorted(rows, np.arange(n_docs + 1))


def _l2_rows(val: np.ndarray, rows: np.ndarray, n_docs: int) -> None:
    """In place, as sklearn's `_inplace_csr_row_normalize_l2`: squares in the data's precision, summed in
    order into a double, and each value divided by the root in double precision."""
    sq = (val * val).astype(np.float64)
    bounds = _row_bounds(rows, n_docs)
    norms = np.ones(len(val), dtype=np.float64)
    for i in range(n_docs):
        s, e = bounds[i], bounds[i + 1]
        if e > s:
            total = np.cumsum(sq[s:e])[-1]  # cumsum adds in order (np.sum would add pairwise)
            if total != 0.0:
                norms[s:e] = np.sqrt(total)
    val[:] = (val.astype(np.float64) / norms).astype(val.dtype)


class _Linear:
    """A FeatureUnion of blocks and the calibrated linear classifiers over it."""

    def __init__(self, blocks: list[_Block], coef: np.ndarray, intercept: np.ndarray, platt: list):
        self.blocks = blocks
        self.offsets = np.cumsum([0] + [len(b.vocab) for b in blocks]).tolist()
        self.coef = np.ascontiguousarray(coef, dtype=np.float64)  # (n_features, n_labels)
        self.intercept = intercept.astype(np.float64)
        self.platt = [(float(a), float(b)) for a, b in platt]
        k = len(self.platt)
        if self.coef.shape != (self.offsets[-1], k) or self.intercept.shape != (k,) or any(
                b.idf is not None and b.idf.shape != (len(b.vocab),) for b in blocks):
            raise ValueError("array shapes do not fit the vocabularies")  # load_arrays: use the pickle

    def probabilities(self, occurrences: dict, n_docs: int) -> np.ndarray:
        """(n_docs, n_labels) calibrated probabilities, from `_occurrences`."""
        parts = [b.weights(*occurrences[id(b)], n_docs) for b in self.blocks]
        # the FeatureUnion's hstack: per row, the first block's entries, then the next block's (offset)
        rows = np.concatenate([p[0] for p in parts])
        cols = np.concatenate([p[1] + off for p, off in zip(parts, self.offsets, strict=False)])
        vals = np.concatenate([p[2].astype(np.float64) for p in parts])
        order = np.argsort(rows, kind="stable")
        rows, cols, vals = rows[order], cols[order], vals[order]
        k = self.coef.shape[1]
        dec = np.zeros((n_docs, k), dtype=np.float64)
        if len(vals):
            prod = vals[:, None] * self.coef[cols]  # csr_matvecs: y += x_ij * w_j, in column order
            bounds = _row_bounds(rows, n_docs)
            for i in range(n_docs):
                s, e = bounds[i], bounds[i + 1]
                if e > s:
                    dec[i] = np.cumsum(prod[s:e], axis=0)[-1]
        dec += self.intercept
        out = np.empty((n_docs, k), dtype=np.float64)
        for j, (a, b) in enumerate(self.platt):  # CalibratedLinear.predict_proba, column by column
            d = np.ascontiguousarray(dec[:, j])
            out[:, j] = 1.0 / (1.0 + np.exp(-(a * d + b)))
        return out


def _occurrences(analyses: list[_Analysis], docs: list[str]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """id(block) -> (row, column) of every in-vocabulary n-gram occurrence in `docs`."""
    out = {}
    for an in analyses:
        for b, occ in zip(an.blocks, an.occurrences(docs), strict=True):
            out[id(b)] = occ
    return out


class ArrayTopicModel:
    """`TopicModel`'s predictions from the exported arrays (see the module docstring). `explain` and
    `topic_clfs` need the fitted scikit-learn objects and load the pickle on first use."""

    def __init__(self, arrays: dict, meta: dict, pickle_path: Path):
        self._source = (arrays, meta)
        self.pickle_path = Path(pickle_path)
        self.meta = dict(meta.get("meta") or {})
        rel, top = meta["relevance"], meta["topics"]
        self.relevance_threshold = float(rel["threshold"])
        self.labels: list[str] = list(top["labels"])
        self.thresholds = {k: float(v) for k, v in top["thresholds"].items()}
        self.cue_thresholds = {k: float(v) for k, v in top["cue_thresholds"].items()}
        self._rel = _Linear(self._blocks(arrays, "relevance", rel["vectorizers"]), arrays["relevance.coef"],
                            arrays["relevance.intercept"], [rel["platt"]])
        self._top = _Linear(self._blocks(arrays, "topics", top["vectorizers"]), arrays["topics.coef"],
                            arrays["topics.intercept"], top["platt"])
        if len(self._rel.platt) != 1 or len(self.labels) != len(self._top.platt) or \
                any(lab not in self.thresholds for lab in self.labels):
            raise ValueError("labels, classifiers and thresholds do not match")
        self._analyses = self._group(self._rel.blocks + self._top.blocks)
        self._topic_analyses = self._group(self._top.blocks)
        self._pickled = None

    def __reduce__(self):
        """Picklable (like TopicModel) by its arrays; the analysers' closures and caches are rebuilt."""
        return (ArrayTopicModel, (*self._source, self.pickle_path))

    @staticmethod
    def _group(blocks: list[_Block]) -> list[_Analysis]:
        by_key: dict[tuple, list[_Block]] = {}
        for b in blocks:
            by_key.setdefault(b.key, []).append(b)
        return [_Analysis(bs) for bs in by_key.values()]

    @staticmethod
    def _blocks(arrays: dict, prefix: str, specs: list[dict]) -> list[_Block]:
        blocks = []
        for s in specs:
            terms = arrays[f"{prefix}.{s['name']}.vocab"].tobytes().decode("utf-8").split(_SEP)
            if len(terms) != s["n_features"]:
                raise ValueError(f"{prefix}.{s['name']}: {len(terms)} terms, expected {s['n_features']}")
            blocks.append(_Block(s, terms, arrays.get(f"{prefix}.{s['name']}.idf") if s["use_idf"] else None))
        return blocks

    @property
    def version(self) -> str:
        from nlp.topics import MODEL_VERSION

        return self.meta.get("version", MODEL_VERSION)

    def probabilities(self, docs: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Relevance (n_docs,) and topic (n_docs, n_labels) probabilities of prepared texts."""
        occ = _occurrences(self._analyses, docs)
        return self._rel.probabilities(occ, len(docs))[:, 0], self._top.probabilities(occ, len(docs))

    def predict(self, titles: list[str | None], texts: list[str | None]):
        from nlp.topics import decide, prepare_text

        docs = [prepare_text(t, x) for t, x in zip(titles, texts, strict=True)]
        if not docs:
            return []
        rel, top = self.probabilities(docs)
        return decide(docs, rel, {lab: top[:, j] for j, lab in enumerate(self.labels)}, self.relevance_threshold,
                      self.thresholds, self.cue_thresholds)

    def predict_scores(self, titles: list[str | None], texts: list[str | None]) -> list[dict[str, float]]:
        from nlp.topics import prepare_text, rounded_scores

        docs = [prepare_text(t, x) for t, x in zip(titles, texts, strict=True)]
        if not docs:
            return []
        top = self._top.probabilities(_occurrences(self._topic_analyses, docs), len(docs))
        return rounded_scores({lab: top[:, j] for j, lab in enumerate(self.labels)}, len(docs))

    def pickled(self):
        """The scikit-learn model these arrays were exported from (imports scikit-learn)."""
        if self._pickled is None:
            from nlp.topics import load_pickled_model

            self._pickled = load_pickled_model(self.pickle_path)
        return self._pickled

    @property
    def topic_clfs(self) -> dict:
        return self.pickled().topic_clfs

    def explain(self, title: str | None, text: str | None, top: int = 8) -> dict[str, list[tuple[str, float]]]:
        return self.pickled().explain(title, text, top)


def main(argv: list[str] | None = None) -> int:
    """`python -m nlp.topic_arrays [MODELS_DIR]`: (re-)export the arrays from the pickle, e.g. after
    copying in a model trained elsewhere. `pantau train topics` writes them itself."""
    import sys

    from nlp.topics import MODEL_FILE, load_pickled_model

    args = sys.argv[1:] if argv is None else argv
    pickle_path = Path(args[0] if args else "models") / "topics" / MODEL_FILE
    out = export_arrays(load_pickled_model(pickle_path), pickle_path)
    print(out or "not exported (see the warning): predictions will use the pickle")
    return 0 if out else 1


if __name__ == "__main__":
    raise SystemExit(main())
