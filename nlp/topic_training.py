"""Fitting the topic and relevance classifiers (pure: documents and labels in, model and report out).

Why out-of-fold everything: thresholds and the F1 in the model card must come from predictions on
articles the model did not see. The vectoriser is refitted inside each fold for the same reason.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from nlp.topics import MODEL_VERSION, TOPICS, TopicModel, build_vectorizer, prepare_text

THRESHOLD_GRID = np.round(np.arange(0.15, 0.86, 0.025), 3)


@dataclass(slots=True)
class LabelledDoc:
    id: str
    title: str | None
    text: str
    relevant: bool
    topics: list[str] | None  # None: relevance label only (no topic annotation)
    weight: float = 1.0
    origin: str = "corpus"  # corpus, synthetic


@dataclass(slots=True)
class TrainReport:
    n_topic_docs: int
    n_relevance_docs: int
    label_counts: dict[str, int]
    thresholds: dict[str, float]
    cv_f1: dict[str, dict] = field(default_factory=dict)
    relevance_cv: dict = field(default_factory=dict)
    skipped_labels: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _classifier(n_pos: int, c: float = 4.0):
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression

    base = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=2000)
    return CalibratedClassifierCV(base, method="sigmoid", cv=min(3, n_pos))


def _prf(y: np.ndarray, pred: np.ndarray) -> dict:
    tp = int(((y == 1) & (pred == 1)).sum())
    fp = int(((y == 0) & (pred == 1)).sum())
    fn = int(((y == 1) & (pred == 0)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def _best_threshold(y: np.ndarray, prob: np.ndarray) -> float:
    best_t, best_f = 0.5, -1.0
    for t in THRESHOLD_GRID:
        f = _prf(y, (prob >= t).astype(int))["f1"]
        # prefer the threshold nearest 0.5 among ties: less fitted to the folds
        if f > best_f + 1e-9 or (abs(f - best_f) <= 1e-9 and abs(t - 0.5) < abs(best_t - 0.5)):
            best_t, best_f = float(t), f
    return best_t


def _oof(docs: list[str], Y: np.ndarray, weights: np.ndarray, eval_mask: np.ndarray, n_splits: int, seed: int):
    """Out-of-fold probabilities for every column of Y (vectoriser refitted per fold)."""
    from sklearn.model_selection import KFold

    probs = np.zeros(Y.shape, dtype=float)
    kf = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    idx = np.arange(len(docs))
    for tr, te in kf.split(idx):
        vec = build_vectorizer()
        Xtr = vec.fit_transform([docs[i] for i in tr])
        Xte = vec.transform([docs[i] for i in te])
        for j in range(Y.shape[1]):
            ytr = Y[tr, j]
            npos = int(ytr.sum())
            if npos < 2 or npos == len(ytr):
                continue
            clf = _classifier(npos)
            clf.fit(Xtr, ytr, sample_weight=weights[tr])
            probs[te, j] = clf.predict_proba(Xte)[:, 1]
    return probs


def fit_topic_model(docs: list[LabelledDoc], n_splits: int = 5, seed: int = 13,
                    min_positives: int = 4) -> tuple[TopicModel, TrainReport]:
    t0 = time.perf_counter()
    # --- relevance: every doc with a relevance label
    rel_docs = [prepare_text(d.title, d.text) for d in docs]
    rel_y = np.array([int(d.relevant) for d in docs])
    rel_w = np.array([d.weight for d in docs], dtype=float)
    is_corpus = np.array([d.origin == "corpus" for d in docs])
    rel_prob = _oof(rel_docs, rel_y[:, None], rel_w, is_corpus, n_splits, seed)[:, 0]
    rel_t = _best_threshold(rel_y[is_corpus], rel_prob[is_corpus])
    relevance_cv = _prf(rel_y[is_corpus], (rel_prob[is_corpus] >= rel_t).astype(int)) | {"threshold": rel_t}
    rel_vec = build_vectorizer()
    Xr = rel_vec.fit_transform(rel_docs)
    rel_clf = _classifier(int(rel_y.sum()))
    rel_clf.fit(Xr, rel_y, sample_weight=rel_w)

    # --- topics: relevant docs with a topic annotation
    tdocs = [d for d in docs if d.relevant and d.topics is not None]
    texts = [prepare_text(d.title, d.text) for d in tdocs]
    Y = np.array([[int(lab in d.topics) for lab in TOPICS] for d in tdocs])
    w = np.ones(len(tdocs))
    tcorpus = np.array([d.origin == "corpus" for d in tdocs])
    counts = {lab: int(Y[tcorpus, j].sum()) for j, lab in enumerate(TOPICS)}
    probs = _oof(texts, Y, w, tcorpus, n_splits, seed)
    thresholds, cv, skipped = {}, {}, []
    topic_vec = build_vectorizer()
    Xt = topic_vec.fit_transform(texts)
    clfs = {}
    for j, lab in enumerate(TOPICS):
        npos = int(Y[:, j].sum())
        if npos < min_positives:
            skipped.append(lab)
            continue
        y_c, p_c = Y[tcorpus, j], probs[tcorpus, j]
        thresholds[lab] = _best_threshold(y_c, p_c)
        cv[lab] = _prf(y_c, (p_c >= thresholds[lab]).astype(int)) | {"threshold": thresholds[lab],
                                                                       "n_pos_corpus": int(y_c.sum())}
        clf = _classifier(npos)
        clf.fit(Xt, Y[:, j])
        clfs[lab] = clf
    meta = {"version": MODEL_VERSION, "labels": list(clfs), "n_topic_docs": len(tdocs), "n_relevance_docs": len(docs)}
    model = TopicModel(rel_vec, rel_clf, rel_t, topic_vec, clfs, thresholds, meta)
    report = TrainReport(len(tdocs), len(docs), counts, thresholds, cv, relevance_cv, skipped,
                         round(time.perf_counter() - t0, 1))
    return model, report
