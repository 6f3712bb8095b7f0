"""spaCy, imported without thinc importing torch; every module of nlp/ takes spaCy from here.

Why: thinc (spaCy's model library) runs `import torch` when it is first imported, only to record
whether PyTorch is there (`thinc.compat.has_torch`) for its PyTorch wrappers and GPU helpers. pantau's
pipeline (tokenizer, sentencizer, the optional statistical NER) runs on thinc's numpy ops and never
touches torch, yet with the optional `stanza` extra installed that import cost ~2.5 s of CPU in every
`pantau extract` process. thinc offers no setting to skip it (8.3), so while spaCy is imported, torch is
made unimportable the way Python documents for that purpose: a `None` entry in `sys.modules` makes
`import torch` raise ImportError, which thinc catches and records as "no torch". The entry is removed
right after, so a later `import torch` (the Stanza backend, nlp/stanza_backend.py) loads it normally;
only thinc keeps believing torch is absent, which matters solely for thinc's PyTorch wrappers, unused
here. Nothing is hidden when torch is already loaded (thinc then sees it, as before) or when
PANTAU_THINC_TORCH=1 (for a pipeline that does wrap a PyTorch model in thinc).
"""

from __future__ import annotations

import os
import sys


def _hide_torch() -> bool:
    if "torch" in sys.modules or os.environ.get("PANTAU_THINC_TORCH") == "1":
        return False
    sys.modules["torch"] = None  # type: ignore[assignment]  # import torch -> ModuleNotFoundError
    return True


_hidden = _hide_torch()
try:
    import spacy
    from spacy import util
    from spacy.attrs import IDX, IS_PUNCT, ORTH, SENT_START
    from spacy.language import Language
    from spacy.pipeline import Sentencizer
    from spacy.tokenizer import Tokenizer
    from thinc.api import Config
finally:
    if _hidden and sys.modules.get("torch", 0) is None:
        del sys.modules["torch"]

__all__ = ["IDX", "IS_PUNCT", "ORTH", "SENT_START", "Config", "Language", "Sentencizer", "Tokenizer", "spacy", "util"]
