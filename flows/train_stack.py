"""Training of the official_visit second stage (nlp/topic_stack.py), run by `pantau train topics` after the text
model: it needs the text model's out-of-fold probabilities and the extraction (partnerships) of every labelled
article, so it runs the Analyzer over them (~15 s for 1,100 articles) with the topic model switched off.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from nlp.records import ArticleText
from nlp.topic_stack import LABEL, features, fit_stack
from nlp.topics import cued


def train_stack(models_dir: Path, docs: list, model) -> dict | None:
    """Fit and save `models/topics/stack.json`; returns its cross-validated scores, or None when the text model
    kept no out-of-fold probabilities for the label. `docs`: the LabelledDoc list the text model was fitted on."""
    oof = model.__dict__.pop("oof", None)  # transient: never pickled with the model
    if not oof or LABEL not in oof["probs"]:
        return None
    from nlp.analyze import Analyzer

    az = Analyzer._load(Path(models_dir), None)  # uncached, and without the text model or the stage itself
    az.topic_model = None
    az.stack = None
    by_id = {d.id: d for d in docs}
    arts = [ArticleText(id=i, title=by_id[i].title or "", text=by_id[i].text or "", published=None)
            for i in oof["ids"]]
    X, y = [], []
    for k, (art, an) in enumerate(zip(arts, az.pipe(arts), strict=True)):
        X.append(features(float(oof["probs"][LABEL][k]), [p.kind for p in an.partnerships],
                          cued(LABEL, oof["texts"][k]), Analyzer.full_text(art)))
        y.append(int(LABEL in (by_id[art.id].topics or [])))
    stack, cv = fit_stack(np.array(X), np.array(y), np.asarray(oof["scored"]))
    stack.save(Path(models_dir) / "topics")
    return cv
