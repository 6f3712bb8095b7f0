"""Optional Stanza backend: Stanza tokenises, splits sentences (and tags POS / lemmas / dependencies);
the result is a spaCy `Doc`, so the same rule components and the NER consume it unchanged.

Why an adapter and not spacy-stanza: one small class we control, no extra dependency, and the
property the rest of pantau relies on is kept: `doc.text == text` exactly, character for character
(dates and evidence sentences are cut from the raw text by offsets). Whitespace Stanza skips
(double spaces, newlines) becomes spaCy whitespace tokens, as spaCy's own tokenizer does.

Why optional: Stanza has no Indonesian NER, and its Indonesian tokenize / pos / lemma / depparse
models come from a hub this machine cannot reach. A user who has them (a `stanza_resources`
directory, or model files trained from UD Indonesian as in docs/stanza.md) switches the backend on
in config; nothing here downloads anything (`download_method=None`). `import stanza` happens only
when the backend is built, so the default install (no `stanza` extra) never pays for it.

Config (a mapping, e.g. the `[nlp.stanza]` table of the settings file):
    enabled = true
    resources_dir = "~/stanza_resources"     # a normal Stanza model directory with resources.json, or:
    tokenize_model = "models/stanza/id_tokenizer.pt"
    mwt_model = "models/stanza/id_mwt.pt"      # optional; for tokenizers trained with multi-word tokens
    pos_model = "models/stanza/id_tagger.pt"  # optional
    pos_pretrain = "models/stanza/id.pretrain.pt"  # optional (a tagger trained with --no_pretrain needs none)
    lemma_model = "..."                       # optional; lemma = "identity" copies the word
    depparse_model = "..."                    # optional; needs pos
    depparse_pretrain = "..."
    processors = "tokenize,pos"               # optional; default: the ones with a model
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flows.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# spaCy's coarse POS inventory (Universal POS); anything else Stanza emits is mapped to X.
_UPOS = frozenset(
    "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X SPACE".split()
)
_MODEL_KEYS = ("tokenize", "mwt", "pos", "lemma", "depparse")


@dataclass
class StanzaSettings:
    """Where the user's Stanza models are; built from config by `from_mapping`."""

    enabled: bool = False
    resources_dir: Path | None = None
    models: dict[str, Path] = field(default_factory=dict)  # processor -> model file
    pretrains: dict[str, Path] = field(default_factory=dict)  # processor -> pretrain file
    lemma_identity: bool = False
    processors: list[str] = field(default_factory=list)
    use_gpu: bool = False

    @classmethod
    def from_mapping(cls, cfg: Mapping[str, Any] | None, where: str = "[nlp.stanza]") -> StanzaSettings:
        cfg = dict(cfg or {})
        settings = cls(enabled=bool(cfg.get("enabled", False)), use_gpu=bool(cfg.get("use_gpu", False)))
        if cfg.get("resources_dir"):
            settings.resources_dir = Path(os.path.expanduser(str(cfg["resources_dir"])))
        for key in _MODEL_KEYS:
            value = cfg.get(f"{key}_model")
            if value:
                settings.models[key] = Path(os.path.expanduser(str(value)))
            pre = cfg.get(f"{key}_pretrain")
            if pre:
                settings.pretrains[key] = Path(os.path.expanduser(str(pre)))
        if str(cfg.get("lemma", "")).lower() == "identity":
            settings.lemma_identity = True
        procs = cfg.get("processors")
        if isinstance(procs, str):
            procs = [p.strip() for p in procs.split(",") if p.strip()]
        settings.processors = list(procs or [])
        if settings.enabled:
            settings.validate(where)
        return settings

    def wanted_processors(self) -> list[str]:
        if self.processors:
            return self.processors
        procs = [k for k in _MODEL_KEYS if k in self.models]
        if self.lemma_identity and "lemma" not in procs:
            procs.append("lemma")
        if not procs and self.resources_dir is not None:
            procs = ["tokenize"]
        return procs

    def validate(self, where: str = "[nlp.stanza]") -> None:
        """Fail early with a message naming the key, instead of deep inside Stanza."""
        if self.resources_dir is None and "tokenize" not in self.models:
            raise ConfigError(f"{where}: set resources_dir or tokenize_model to use the Stanza backend")
        if self.resources_dir is not None and not (self.resources_dir / "resources.json").exists():
            raise ConfigError(f"{where} resources_dir: no resources.json in {self.resources_dir}")
        for key, path in {**self.models, **{f"{k}_pretrain": v for k, v in self.pretrains.items()}}.items():
            if not path.exists():
                raise ConfigError(f"{where} {key}{'' if key.endswith('_pretrain') else '_model'}: "
                                  f"file not found: {path}")
        procs = self.wanted_processors()
        if "tokenize" not in procs:
            raise ConfigError(f"{where} processors: must include tokenize (got {','.join(procs)})")
        if "depparse" in procs and "pos" not in procs:
            raise ConfigError(f"{where} processors: depparse needs pos")


def _import_stanza():
    try:
        import stanza  # lazy on purpose: the optional extra
    except ImportError as exc:
        raise ConfigError(
            "the Stanza backend is switched on but stanza is not installed: pip install 'pantau[stanza]'"
        ) from exc
    return stanza


def build_stanza_pipeline(settings: StanzaSettings):
    """A `stanza.Pipeline` from local files only (never downloads)."""
    settings.validate()
    stanza = _import_stanza()
    procs = settings.wanted_processors()
    kwargs: dict[str, Any] = {
        "lang": "id",
        "download_method": None,
        "use_gpu": settings.use_gpu,
        "logging_level": "WARN",
    }
    for key, path in settings.models.items():
        if key in procs:
            kwargs[f"{key}_model_path"] = str(path)
    for key, path in settings.pretrains.items():
        if key in procs:
            kwargs[f"{key}_pretrain_path"] = str(path)
    if "pos" in procs and "pos" not in settings.pretrains:
        kwargs["pos_pretrain_path"] = None
    if settings.lemma_identity:
        kwargs["lemma_use_identity"] = True
    if settings.resources_dir is not None:
        kwargs.update(dir=str(settings.resources_dir), processors=",".join(procs))
    else:
        # Explicit model files and no resources.json: Stanza wants a model dir with one, so give
        # it an empty one and name every processor with its own file.
        model_dir = tempfile.mkdtemp(prefix="pantau-stanza-")
        Path(model_dir, "resources.json").write_text("{}", encoding="utf-8")
        kwargs.update(dir=model_dir, allow_unknown_language=True,
                      processors={p: ("identity" if p == "lemma" and settings.lemma_identity else "default")
                                  for p in procs})
    return stanza.Pipeline(**kwargs)


class StanzaTokenizer:
    """A spaCy tokenizer replacement: text -> Doc via a Stanza pipeline.

    Sets sentence starts, and POS / tag / lemma / morph / dependency attributes where the Stanza
    pipeline has those processors. The Doc's text always equals the input text.
    """

    def __init__(self, vocab: Vocab, snlp, batch_size: int = 32):
        self.vocab = vocab
        self.snlp = snlp
        self.batch_size = batch_size

    def __call__(self, text: str) -> Doc:
        if not text.strip():
            return self._empty(text)
        return stanza_to_doc(self.vocab, text, self.snlp(text))

    def pipe(self, texts: Iterable[str], batch_size: int | None = None) -> Iterator[Doc]:
        """Batch through Stanza's bulk processing (one Stanza call per batch of documents)."""
        stanza = _import_stanza()
        size = batch_size or self.batch_size
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= size:
                yield from self._run_batch(stanza, batch)
                batch = []
        if batch:
            yield from self._run_batch(stanza, batch)

    def _run_batch(self, stanza, texts: list[str]) -> Iterator[Doc]:
        idx = [i for i, t in enumerate(texts) if t.strip()]
        done = self.snlp([stanza.Document([], text=texts[i]) for i in idx]) if idx else []
        by_index = dict(zip(idx, done, strict=True))
        for i, text in enumerate(texts):
            yield stanza_to_doc(self.vocab, text, by_index[i]) if i in by_index else self._empty(text)

    def _empty(self, text: str) -> Doc:
        from spacy.tokens import Doc

        return Doc(self.vocab, words=[text] if text else [], spaces=[False] if text else [])

    # spaCy serialises the tokenizer with the pipeline; the Stanza models live outside it.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> StanzaTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, **kwargs) -> StanzaTokenizer:
        return self


def _words_of(token, text: str) -> list[tuple[str, Any]]:
    """(surface, stanza word) pairs for one Stanza token; a multi-word token is split only when
    its words spell the token exactly, otherwise it stays one spaCy token (text must not change)."""
    words = list(token.words)
    if len(words) > 1 and "".join(w.text for w in words) == token.text:
        return [(w.text, w) for w in words]
    return [(token.text, words[0] if words else None)]


def stanza_to_doc(vocab: Vocab, text: str, sdoc) -> Doc:
    """Build a spaCy Doc from a Stanza Document, keeping `doc.text == text`."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    pos: list[str] = []
    tags: list[str] = []
    lemmas: list[str] = []
    morphs: list[str] = []
    sent_starts: list[bool] = []
    heads: list[int] = []
    deps: list[str] = []
    has = {"pos": False, "lemma": False, "dep": False}
    cursor = 0

    def add_gap(gap: str) -> None:
        # Whitespace Stanza skipped: a single space after a token is its `whitespace_`; anything
        # else becomes a whitespace token, as spaCy's own tokenizer does.
        if not gap:
            return
        if words and not spaces[-1] and gap == " ":
            spaces[-1] = True
            return
        if words and not spaces[-1] and gap.startswith(" "):
            spaces[-1] = True
            gap = gap[1:]
        words.append(gap)
        spaces.append(False)
        pos.append("SPACE")
        tags.append("_SP")
        lemmas.append(gap)
        morphs.append("")
        sent_starts.append(not words[:-1])
        heads.append(len(words) - 1)
        deps.append("dep")

    for sent in sdoc.sentences:
        sent_first = True
        word_index: dict[int, int] = {}  # stanza word id -> our token index (within sentence)
        pending_heads: list[tuple[int, int]] = []
        for token in sent.tokens:
            start = getattr(token, "start_char", None)
            end = getattr(token, "end_char", None)
            if start is None or end is None or text[start:end] != token.text:
                found = text.find(token.text, cursor)
                if found < 0:
                    continue  # Stanza normalised this token; its text stays in the gap below
                start, end = found, found + len(token.text)
            if start < cursor:
                continue
            add_gap(text[cursor:start])
            pieces = _words_of(token, text)
            for surface, word in pieces:
                words.append(surface)
                spaces.append(False)
                sent_starts.append(sent_first)
                sent_first = False
                upos = getattr(word, "upos", None) if word is not None else None
                pos.append(upos if upos in _UPOS else ("X" if upos else ""))
                tags.append(getattr(word, "xpos", None) or "")
                lemma = getattr(word, "lemma", None) if word is not None else None
                lemmas.append(lemma or "")
                feats = getattr(word, "feats", None) if word is not None else None
                morphs.append(feats if feats and feats != "_" else "")
                has["pos"] |= bool(upos)
                has["lemma"] |= bool(lemma)
                ids = [w.id for w in token.words] if len(pieces) == 1 else [word.id]
                for wid in ids:
                    word_index[wid] = len(words) - 1
                head = getattr(word, "head", None) if word is not None else None
                if head is not None:
                    has["dep"] = True
                    pending_heads.append((len(words) - 1, int(head)))
                heads.append(len(words) - 1)
                deps.append((getattr(word, "deprel", None) or "dep") if word is not None else "dep")
            cursor = end
        for tok_i, head in pending_heads:
            heads[tok_i] = word_index.get(head, tok_i) if head else tok_i
            if not head:
                deps[tok_i] = "ROOT"
    add_gap(text[cursor:])

    kwargs: dict[str, Any] = {"words": words, "spaces": spaces}
    if has["pos"]:
        kwargs["pos"] = [p or "X" for p in pos]
        kwargs["tags"] = [t or "_" for t in tags]
        kwargs["morphs"] = morphs
    if has["lemma"]:
        kwargs["lemmas"] = [lem or w for lem, w in zip(lemmas, words, strict=True)]
    if has["dep"]:
        kwargs["heads"] = heads
        kwargs["deps"] = deps
    else:
        kwargs["sent_starts"] = sent_starts
    doc = Doc(vocab, **kwargs)
    return doc


def use_stanza(nlp: Language, settings: StanzaSettings | Mapping[str, Any], snlp=None) -> Language:
    """Switch `nlp` to the Stanza backend: its tokenizer becomes a StanzaTokenizer.

    Every later component (entity rulers, the NER, pantau's rules) sees Stanza's tokens and
    sentences. Pass `snlp` to reuse an already loaded Stanza pipeline (tests, long-lived workers).
    """
    if not isinstance(settings, StanzaSettings):
        settings = StanzaSettings.from_mapping(settings)
    if snlp is None:
        snlp = build_stanza_pipeline(settings)
    nlp.tokenizer = StanzaTokenizer(nlp.vocab, snlp)
    return nlp
