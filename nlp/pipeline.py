"""Build the spaCy Language from models/configs/pantau_pipeline.cfg, once per process.

Why a config file: which components run (sentence splitting, the statistical NER trained by
`pantau train`, later an entity ruler) is a deployment choice, not code; the rule stages of nlp/
read the raw text and the sentence boundaries this Language gives them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from nlp.spacy_import import (  # spaCy without torch (see there)
    IS_PUNCT,
    ORTH,
    Config,
    Language,
    Sentencizer,
    Tokenizer,
    spacy,
    util,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CONFIG = ROOT / "models" / "configs" / "pantau_pipeline.cfg"


def _is_reduplication(form: str) -> bool:
    return "-" in form and "." not in form and "'" not in form


def _top_level_alternatives(expr: str) -> list[str]:
    """expr split at its top-level "|" (outside groups and character classes)."""
    out, cur, depth, in_class, i = [], [], 0, False, 0
    while i < len(expr):
        ch = expr[i]
        if ch == "\\":
            cur.append(expr[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            j = i + 1 + (expr[i + 1:i + 2] == "^")
            if expr[j:j + 1] == "]":  # "[]...]": a leading "]" is a literal
                cur.append(expr[i:j + 1])
                i = j + 1
                continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


class _PrefixSearch:
    """`prefix_search` with exactly `re.search`'s result for spaCy's prefix regex, ~10x faster.

    spaCy joins the prefix rules as "^rule1|^rule2|...", so `search` tries ~170 branches at every
    position of every token chunk although nearly all of them can only match at position 0. Here the
    full regex is tried at position 0 (`match`: the same branches in the same order), and only the
    branches without "^" (a rule with a "|" of its own, e.g. "<b>|<a ...>") are searched from position 1.
    `pattern` keeps Tokenizer.to_bytes working (it stores `prefix_search.__self__.pattern`)."""

    def __init__(self, rx: re.Pattern):
        self.pattern = rx.pattern
        self._match = rx.match
        tail = [b for b in _top_level_alternatives(rx.pattern) if not b.startswith("^")]
        self._tail = re.compile("|".join(tail), rx.flags) if tail else None
        try:  # the split must agree with the regex parser, else the plain search is used
            from re import _parser

            branches = _parser.parse(rx.pattern, rx.flags)
            items = branches[0][1][1] if len(branches) == 1 and branches[0][0] == _parser.BRANCH else [branches]
            unanchored = sum(1 for b in items if not (len(b) and b[0] == (_parser.AT, _parser.AT_BEGINNING)))
            ok = unanchored == len(tail)
        except Exception:  # noqa: BLE001 - a private API; without it the plain search is used
            ok = False
        if not ok:
            self.search = rx.search

    def search(self, string: str):
        m = self._match(string)
        if m is None and self._tail is not None:
            m = self._tail.search(string, 1)
        return m


class ArraySentencizer(Sentencizer):
    """spaCy's Sentencizer with the same boundaries, read from the Doc's arrays.

    Why: the stock `predict` walks the Doc token by token (`token.text`, `token.is_punct`), which builds a
    Python Token object per token: ~1 ms of an article's ~17 ms. Reading ORTH and IS_PUNCT as one array
    and running the same loop over plain ints gives identical sentence starts (checked on every corpus
    article), so the rule stages see the same sentences. Serialisation and scoring are the parent's."""

    def predict(self, docs):
        strings = None
        guesses = []
        for doc in docs:
            n = len(doc)
            if not n:
                guesses.append([])
                continue
            if strings is not doc.vocab.strings:
                strings = doc.vocab.strings
                punct = {strings.add(c) for c in self.punct_chars}
            doc_guesses = [False] * n
            doc_guesses[0] = True
            start, seen_period = 0, False
            for i, (orth, is_punct) in enumerate(doc.to_array([ORTH, IS_PUNCT]).tolist()):
                in_punct = orth in punct
                if seen_period and not is_punct and not in_punct:
                    doc_guesses[start] = True
                    start, seen_period = i, False
                elif in_punct:
                    seen_period = True
            doc_guesses[start] = True
            guesses.append(doc_guesses)
        return guesses


class _SuffixSearch:
    """`suffix_search` over a chunk's last `window` characters only.

    spaCy's suffix rules all end in "$", but `re.search` still tries every start position of the chunk, and the
    tokenizer calls it once per suffix it peels off: a chunk without spaces of n characters costs O(n^2) (10,000
    ")" took 18 s; a page with an inline base64 image would take hours). Suffixes are a few characters long, so
    for chunks up to `window` characters (every real word) the result is exactly `re.search`'s; longer chunks
    can only lose a suffix longer than the window. `pattern` keeps Tokenizer.to_bytes working."""

    def __init__(self, rx: re.Pattern, window: int = 100):
        self.pattern = rx.pattern
        self._search = rx.search
        self._window = window

    def search(self, string: str):
        return self._search(string if len(string) <= self._window else string[-self._window:])


@Language.factory("pantau_sentencizer", default_config={"punct_chars": None, "overwrite": False})
def make_sentencizer(nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool) -> ArraySentencizer:
    return ArraySentencizer(name, punct_chars=punct_chars, overwrite=overwrite)


@spacy.registry.tokenizers("pantau.Tokenizer.v1")
def create_tokenizer(reduplication_exceptions: bool = True):
    """spaCy's Indonesian tokenizer, optionally without its 15,600 reduplication exceptions
    ("anak-anak", "sehari-hari"). Loading those takes ~3 s per process and changes no sentence
    boundary (the abbreviations that do, "Dr.", "S.H.", stay); the statistical NER was trained with
    them, so build_nlp turns them back on whenever the NER is used."""

    def make(nlp: Language) -> Tokenizer:
        d = nlp.Defaults
        rules = d.tokenizer_exceptions
        if not reduplication_exceptions:
            rules = {k: v for k, v in rules.items() if not _is_reduplication(k)}
        return Tokenizer(nlp.vocab, rules=rules,
                         prefix_search=_PrefixSearch(util.compile_prefix_regex(d.prefixes)).search if d.prefixes else None,
                         suffix_search=_SuffixSearch(util.compile_suffix_regex(d.suffixes)).search if d.suffixes else None,
                         infix_finditer=util.compile_infix_regex(d.infixes).finditer if d.infixes else None,
                         token_match=d.token_match, url_match=d.url_match)

    return make


def read_config(path: Path | str | None = None) -> Config:
    path = Path(path) if path else DEFAULT_CONFIG
    if not path.exists():
        # shipped default, so a checkout without models/ still works
        return Config().from_str(
            '[nlp]\nlang = "id"\npipeline = ["sentencizer"]\nbatch_size = 64\n\n[components]\n\n'
            '[components.sentencizer]\nfactory = "pantau_sentencizer"\npunct_chars = [".", "!", "?", "\\n"]\n\n'
            '[pantau]\nner_dir = "ner"\nuse_statistical_ner = false\nregistry_dir = ""\n')
    return Config().from_disk(path)


@lru_cache(maxsize=4)
def build_nlp(model_dir: str = str(ROOT / "models"), config_path: str | None = None) -> Language:
    """spacy.blank("id") + the configured components; the NER is sourced from model_dir/ner when
    enabled and present (so a fresh checkout without a trained model still runs)."""
    cfg = read_config(config_path)
    pantau = cfg.get("pantau", {})
    ner_dir = Path(model_dir) / pantau.get("ner_dir", "ner")
    use_ner = bool(pantau.get("use_statistical_ner")) and (ner_dir / "config.cfg").exists()
    tok = dict(cfg["nlp"].get("tokenizer") or {})
    if tok.get("@tokenizers") == "pantau.Tokenizer.v1" and use_ner:
        tok["reduplication_exceptions"] = True  # tokenise exactly as the NER was trained
    nlp = spacy.blank(cfg["nlp"].get("lang", "id"), config={"nlp": {"tokenizer": tok}} if tok else {})
    for name in cfg["nlp"]["pipeline"]:
        comp = dict(cfg["components"].get(name, {}))
        factory = comp.pop("factory", name)
        nlp.add_pipe(factory, name=name, config=comp)
    if use_ner:
        src = spacy.load(ner_dir)
        if "ner" in src.pipe_names:
            if "tok2vec" in src.pipe_names:
                nlp.add_pipe("tok2vec", source=src)
            nlp.add_pipe("ner", source=src)
    stanza_cfg = pantau.get("stanza", {})
    if stanza_cfg.get("enabled"):
        # Optional backend (extra `stanza`): Stanza tokenises and splits sentences, the same rules follow.
        from nlp.stanza_backend import use_stanza

        use_stanza(nlp, stanza_cfg)
    return nlp


def pantau_settings(config_path: str | None = None) -> dict:
    return dict(read_config(config_path).get("pantau", {}))
