"""NER training and evaluation data: NERGrit / NERP readers, label mapping, BIO repair, DocBins, scoring.

Why one module: the trainer (flows/train_ner.py), `pantau evaluate` and the tests must read the
corpora the same way, map their label sets onto the one scheme the pipeline uses (PERSON, ORG, LOC)
and repair the same broken BIO sequences; a second copy of any of that would drift.

The corpora (from the IndoNLU benchmark) are token-per-line files, `token<TAB>BIO-label`, with a blank
line between sentences. NERGrit labels PERSON / PLACE / ORGANISATION; NERP labels PPL / PLC / IND and
also EVT / FNB, which this project does not extract and maps to O.

Nothing here touches the network; paths to ../shared/data are resolved from the repo root unless
`PANTAU_SHARED_DATA` points elsewhere.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy is a hard dependency, but keep import time low for callers that only read
    from spacy.language import Language
    from spacy.tokens import Doc, DocBin
    from spacy.vocab import Vocab

log = logging.getLogger(__name__)

LABELS: tuple[str, ...] = ("PERSON", "ORG", "LOC")

# Source label -> pipeline label; a source label missing from its map becomes O (dropped).
LABEL_MAPS: dict[str, dict[str, str]] = {
    "nergrit": {"PERSON": "PERSON", "PLACE": "LOC", "ORGANISATION": "ORG"},
    "nerp": {"PPL": "PERSON", "PLC": "LOC", "IND": "ORG"},
    # Already in the pipeline's scheme (domain data, synthetic tests).
    "pantau": {"PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC"},
}

REPO_ROOT = Path(__file__).resolve().parent.parent

# Tokens glued to the previous token / the next token when a sentence is turned back into text.
# Realistic spacing matters: spaCy's training corpus re-tokenises `doc.text` with the runtime
# tokenizer and aligns it to the gold tokens, so text that looks like news text trains on the
# tokenisation the model will see at run time.
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "...", "'s"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{"})


def shared_data_root() -> Path:
    """Where ../shared/data lives: `PANTAU_SHARED_DATA` or the `shared/data` beside the repo."""
    env = os.environ.get("PANTAU_SHARED_DATA")
    return Path(env) if env else REPO_ROOT.parent / "shared" / "data"


def ner_data_root() -> Path:
    return shared_data_root() / "ner"


@dataclass
class Sentence:
    """One gold sentence: tokens and their BIO tags (already mapped + repaired when from read_corpus)."""

    tokens: list[str]
    tags: list[str]
    source: str = ""
    line: int = 0  # 1-based line of the first token in the source file, for error messages


@dataclass
class ReadReport:
    """What a reader skipped or fixed, so a caller can print it instead of failing a whole corpus."""

    sentences: int = 0
    bad_lines: list[str] = field(default_factory=list)
    repaired_tags: int = 0


def read_conll(path: str | Path, report: ReadReport | None = None) -> list[Sentence]:
    """Read a token<TAB>tag file into raw (unmapped) sentences.

    Lines with no tag (or spaces instead of a tab) are tolerated: the last whitespace-separated field
    is the tag when it looks like one, otherwise the line is skipped and recorded in `report`.
    """
    path = Path(path)
    report = report if report is not None else ReadReport()
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    start = 0
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    sentences.append(Sentence(tokens, tags, str(path), start))
                tokens, tags = [], []
                continue
            if "\t" in line:
                token, _, tag = line.rpartition("\t")
            else:
                parts = line.split()
                token, tag = (" ".join(parts[:-1]), parts[-1]) if len(parts) >= 2 else ("", "")
            token, tag = token.strip(), tag.strip()
            if not token or not _looks_like_tag(tag):
                report.bad_lines.append(f"{path}:{lineno}: {line[:60]!r}")
                continue
            if not tokens:
                start = lineno
            tokens.append(token)
            tags.append(tag)
    if tokens:
        sentences.append(Sentence(tokens, tags, str(path), start))
    report.sentences += len(sentences)
    for bad in report.bad_lines[:5]:
        log.warning("skipped malformed NER line %s", bad)
    return sentences


def _looks_like_tag(tag: str) -> bool:
    return tag == "O" or (len(tag) > 2 and tag[1] == "-" and tag[0] in "BIES")


def map_tags(tags: Sequence[str], mapping: dict[str, str]) -> list[str]:
    """Map BIO(ES) tags of a source scheme onto the pipeline's labels; unmapped types become O."""
    out = []
    for tag in tags:
        if tag == "O" or len(tag) < 3 or tag[1] != "-":
            out.append("O")
            continue
        label = mapping.get(tag[2:])
        out.append(f"{tag[0]}-{label}" if label else "O")
    return out


def repair_bio(tags: Sequence[str]) -> tuple[list[str], int]:
    """Turn any tag sequence into valid BIO; return the tags and how many were changed.

    Rules (the usual "IOB1 -> IOB2" repair): an I- that does not continue an entity of the same type
    starts one (B-); E-/S- from BIOES are read as I-/B-; anything unreadable becomes O.
    """
    out: list[str] = []
    changed = 0
    prev = "O"
    for tag in tags:
        new = tag
        if tag != "O":
            if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BIES":
                new = "O"
            else:
                prefix, label = tag[0], tag[2:]
                prefix = {"E": "I", "S": "B"}.get(prefix, prefix)
                if prefix == "I" and (prev == "O" or prev[2:] != label):
                    prefix = "B"
                new = f"{prefix}-{label}"
        changed += new != tag
        out.append(new)
        prev = new
    return out, changed


def recase(sent: Sentence) -> Sentence:
    """Capitalise a lowercased sentence the way news text is: its first token and every token of a
    (source) entity, whatever its type. Call on raw tags, before mapping, so EVT/FNB names are
    capitalised too and the model does not learn "capitalised means PERSON/ORG/LOC".

    Why: NERP is all lowercase, while the articles pantau reads are cased; trained only on
    lowercase NERP plus cased NERGrit, the model learns to ignore case and tags lowercase context
    words ("oleh Ronaldinho"). A recased copy of part of NERP restores the case signal.
    """
    tokens = list(sent.tokens)
    for i, (tok, tag) in enumerate(zip(tokens, sent.tags, strict=True)):
        if i == 0 or tag != "O":
            tokens[i] = tok[:1].upper() + tok[1:]
    return Sentence(tokens, list(sent.tags), sent.source, sent.line)


def read_corpus(
    name: str,
    split: str,
    root: str | Path | None = None,
    report: ReadReport | None = None,
    recase_fraction: float = 0.0,
    seed: int = 0,
) -> list[Sentence]:
    """Read `<root>/<name>/<split>.txt` with labels mapped to PERSON/ORG/LOC and BIO repaired.

    `recase_fraction` of the sentences that have no uppercase letter at all are recased (see
    `recase`); training uses it for NERP, evaluation never does.
    """
    if name not in LABEL_MAPS:
        raise ValueError(f"unknown NER corpus {name!r}; known: {', '.join(sorted(LABEL_MAPS))}")
    root = Path(root) if root is not None else ner_data_root()
    path = root / name / f"{split}.txt"
    if not path.exists():
        raise FileNotFoundError(f"NER corpus file not found: {path}")
    return read_file(path, name, report, recase_fraction, seed)


def read_file(
    path: str | Path, scheme: str, report: ReadReport | None = None, recase_fraction: float = 0.0, seed: int = 0
) -> list[Sentence]:
    """Read one token<TAB>tag file of a known label scheme, mapped and repaired."""
    import random

    report = report if report is not None else ReadReport()
    sentences = read_conll(path, report)
    if recase_fraction > 0:
        rng = random.Random(seed)
        sentences = [
            recase(s) if rng.random() < recase_fraction and not any(c.isupper() for t in s.tokens for c in t) else s
            for s in sentences
        ]
    mapping = LABEL_MAPS[scheme]
    for sent in sentences:
        sent.tags, changed = repair_bio(map_tags(sent.tags, mapping))
        report.repaired_tags += changed
    return sentences


def spaces_for(tokens: Sequence[str]) -> list[bool]:
    """Whitespace after each token so the joined text reads like news text ("Jakarta, Senin (3/6)")."""
    spaces = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None:
            spaces.append(False)
        elif tok in _NO_SPACE_AFTER or nxt in _NO_SPACE_BEFORE:
            spaces.append(False)
        else:
            spaces.append(True)
    return spaces


def sentence_to_doc(vocab: Vocab, sent: Sentence) -> Doc:
    """A gold Doc: the corpus tokens, realistic spaces, entities from the BIO tags."""
    from spacy.tokens import Doc

    return Doc(vocab, words=list(sent.tokens), spaces=spaces_for(sent.tokens), ents=list(sent.tags))


def to_docbin(docs: Iterable[Doc]) -> DocBin:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for doc in docs:
        db.add(doc)
    return db


def corpus_docbin(name: str, split: str, vocab: Vocab, root: str | Path | None = None) -> DocBin:
    return to_docbin(sentence_to_doc(vocab, s) for s in read_corpus(name, split, root))


# --- domain sentences (offsets into ../shared/data/corpus, labelled by rules and corrected by hand) ---


@dataclass
class DomainSentence:
    """A labelled sentence of a corpus article, stored as offsets only (the text stays in ../shared)."""

    article_id: str
    start: int
    end: int
    ents: list[tuple[int, int, str]]
    split: str = "train"  # "test": kept out of training, scored as the in-domain check


def read_domain_annotations(path: str | Path) -> list[DomainSentence]:
    out = []
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                out.append(
                    DomainSentence(
                        rec["article_id"], int(rec["start"]), int(rec["end"]),
                        [(int(s), int(e), str(lab)) for s, e, lab in rec["ents"]],
                        str(rec.get("split", "train")),
                    )
                )
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("%s:%d: bad domain annotation skipped (%s)", path, lineno, exc)
    return out


def load_article_texts(path: str | Path | None = None, ids: set[str] | None = None) -> dict[str, str]:
    path = Path(path) if path is not None else shared_data_root() / "corpus" / "articles.jsonl"
    texts: dict[str, str] = {}
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if ids is None or rec["id"] in ids:
                texts[rec["id"]] = rec.get("text") or ""
    return texts


def domain_docs(
    nlp: Language, annotations: str | Path, articles: str | Path | None = None, split: str | None = "train"
) -> tuple[list[Doc], list[str]]:
    """Rebuild the labelled domain sentences as gold Docs from the article texts in ../shared.

    Returns the docs and a list of problems (missing article, span out of range, an entity that does
    not fall on token boundaries); a problem skips one entity or sentence, never the batch.
    """
    anns = [a for a in read_domain_annotations(annotations) if split is None or a.split == split]
    texts = load_article_texts(articles, {a.article_id for a in anns})
    docs, problems = [], []
    for ann in anns:
        text = texts.get(ann.article_id)
        if text is None or ann.end > len(text) or ann.start >= ann.end:
            problems.append(f"{ann.article_id}:{ann.start}-{ann.end}: article or span missing")
            continue
        doc = nlp.make_doc(text[ann.start : ann.end])
        spans = []
        for s, e, label in ann.ents:
            span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is None or span.text.strip() != doc.text[s:e].strip():
                problems.append(f"{ann.article_id}:{ann.start}: entity {doc.text[s:e]!r} off token boundaries")
                if span is None:
                    continue
            spans.append(span)
        try:
            doc.ents = spans
        except ValueError as exc:  # overlapping spans after expansion
            problems.append(f"{ann.article_id}:{ann.start}: {exc}")
            continue
        docs.append(doc)
    return docs, problems


# --- evaluation ---


def _resolve_eval_input(path_or_corpus: Any) -> tuple[str, list[Sentence]]:
    """Accept a corpus name ("nergrit", "nerp", "nergrit:valid"), a .txt file, a corpus dir or sentences."""
    if isinstance(path_or_corpus, list):
        return "sentences", path_or_corpus
    spec = str(path_or_corpus)
    name, _, split = spec.partition(":")
    if name in LABEL_MAPS and not Path(spec).exists():
        return f"{name}:{split or 'test'}", read_corpus(name, split or "test")
    path = Path(spec)
    if path.is_dir():
        path = path / "test.txt"
    if not path.exists():
        raise FileNotFoundError(f"NER evaluation data not found: {spec}")
    scheme = path.parent.name if path.parent.name in LABEL_MAPS else "pantau"
    return str(path), read_file(path, scheme)


def evaluate_ner(nlp: Language, path_or_corpus: Any, batch_size: int = 256) -> dict[str, Any]:
    """Per-label and overall precision / recall / F1 of `nlp`'s entities on a gold NER split.

    The pipeline runs on the corpus's own tokens (a Doc built from them), so the score measures the
    model, not tokenizer disagreements. Labels outside PERSON/ORG/LOC that `nlp` predicts (e.g. from
    an entity ruler) are dropped before scoring, since the corpora do not annotate them.
    """
    from spacy.scorer import Scorer
    from spacy.tokens import Doc
    from spacy.training import Example

    name, sentences = _resolve_eval_input(path_or_corpus)
    refs = [sentence_to_doc(nlp.vocab, s) for s in sentences]
    preds = [Doc(nlp.vocab, words=list(s.tokens), spaces=spaces_for(s.tokens)) for s in sentences]
    examples = []
    for ref, pred in zip(refs, nlp.pipe(preds, batch_size=batch_size), strict=True):
        pred.ents = [e for e in pred.ents if e.label_ in LABELS]
        examples.append(Example(pred, ref))
    scores = Scorer.score_spans(examples, "ents")
    per_type = {
        label: {k: round(float(v), 4) for k, v in vals.items()}
        for label, vals in sorted((scores.get("ents_per_type") or {}).items())
    }
    return {
        "data": name,
        "sentences": len(sentences),
        "precision": round(float(scores["ents_p"] or 0.0), 4),
        "recall": round(float(scores["ents_r"] or 0.0), 4),
        "f1": round(float(scores["ents_f"] or 0.0), 4),
        "per_type": per_type,
    }


def format_scores(result: dict[str, Any]) -> str:
    """A small text table of an evaluate_ner result, for the CLI and the model card."""
    lines = [f"{result['data']} ({result['sentences']} sentences)", f"{'label':<8} {'P':>6} {'R':>6} {'F1':>6}"]
    for label, v in result["per_type"].items():
        lines.append(f"{label:<8} {v['p']:>6.3f} {v['r']:>6.3f} {v['f']:>6.3f}")
    lines.append(f"{'overall':<8} {result['precision']:>6.3f} {result['recall']:>6.3f} {result['f1']:>6.3f}")
    return "\n".join(lines)
