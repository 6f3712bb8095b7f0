"""Leftmost-match search for patterns the regex engine cannot skip ahead in.

Why: Python's `re` jumps straight to candidate positions only when a pattern opens with a literal or a
plain character class. The organisation patterns open with "(?<![\\w])" and an alternation of
sub-groups ("(?:Kantor\\s+Wilayah|[Kk]anwil)..."), so `search` tries the whole pattern at every
character of the text: ~0.2 ms a pattern on a 400-word article. Reading from the parse tree which
characters a match can begin with, and trying the pattern (`match`) only where one of them stands,
gives exactly `search`'s result at a fraction of the cost.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812 - the parser's opcode names
from re import _parser


class _Unknown(Exception):
    """The first character cannot be bounded (a category such as \\w, a negated class, ...)."""


def _cased(chars: set[str], flags: int) -> set[str]:
    if flags & re.IGNORECASE:
        # case-insensitive matching folds more than lower/upper ("k" also matches the Kelvin sign, "s" the long
        # s): rather than copy the engine's folding table, such patterns keep the plain search
        raise _Unknown
    return chars


def _seq(items, flags: int) -> tuple[set[str], bool]:
    """(the characters a match of the sequence can begin with, whether it can match the empty string)"""
    out: set[str] = set()
    for op, av in items:
        first, empty = _one(op, av, flags)
        out |= first
        if not empty:
            return out, False
    return out, True


def _one(op, av, flags: int) -> tuple[set[str], bool]:
    if op is C.LITERAL:
        return _cased({chr(av)}, flags), False
    if op is C.IN:
        out = set()
        for iop, iav in av:
            if iop is C.LITERAL:
                out.add(chr(iav))
            elif iop is C.RANGE and iav[1] - iav[0] < 300:
                out |= {chr(c) for c in range(iav[0], iav[1] + 1)}
            else:
                raise _Unknown
        return _cased(out, flags), False
    if op is C.BRANCH:
        out, empty = set(), False
        for alt in av[1]:
            first, e = _seq(alt, flags)
            out |= first
            empty |= e
        return out, empty
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        return _seq(sub, (flags | add) & ~remove)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, sub = av
        first, empty = _seq(sub, flags)
        return first, empty or low == 0
    if op is C.ATOMIC_GROUP:
        return _seq(av, flags)
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):  # zero-width: the next item decides
        return set(), True
    raise _Unknown


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters every match of `pattern` begins with; None when unknown or when it can match ''."""
    try:
        tree = _parser.parse(pattern, flags)
        out, empty = _seq(list(tree), tree.state.flags)
    except (_Unknown, re.error, AttributeError):
        return None
    return None if empty or not out else frozenset(out)


class ScanSearch:
    """`rx.search(s, pos)`, computed as `rx.match` at the positions where a match can begin."""

    __slots__ = ("_match", "_scan")

    def __init__(self, rx: re.Pattern, chars: frozenset[str], word_start: bool = False):
        self._match = rx.match
        scan = "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"
        if word_start:
            # the pattern opens with "(?<![\w])": skip letters inside words. The lookbehind stands after the
            # class so that the engine still jumps to the class's characters; it only ever rejects a
            # position whose previous character is a word character, so no true start is lost
            scan += r"(?<![\w].)"
        self._scan = re.compile(scan).search

    def search(self, s: str, pos: int = 0) -> re.Match | None:
        scan, match = self._scan, self._match
        c = scan(s, pos)
        while c is not None:
            p = c.start()
            m = match(s, p)
            if m is not None:
                return m
            c = scan(s, p + 1)
        return None


def engine_skips_ahead(pattern: str, flags: int = 0) -> bool:
    """Whether `re` itself jumps to a pattern's candidate positions: it opens with a literal or a plain character
    class (the engine's own prefix analysis; False when that private API is unavailable)."""
    try:
        from re import _compiler

        tree = _parser.parse(pattern, flags)
        return bool(_compiler._get_literal_prefix(tree, flags)[0]) or _compiler._get_charset_prefix(tree, flags) is not None
    except Exception:  # noqa: BLE001 - a private API
        return False


def fast_search(rx: re.Pattern):
    """A search function equal to `rx.search`: the scanning one when the first characters are known and the
    engine cannot skip ahead by itself, else `rx.search`."""
    if engine_skips_ahead(rx.pattern, rx.flags):
        return rx.search
    chars = first_chars(rx.pattern, rx.flags)
    return ScanSearch(rx, chars, rx.pattern.startswith(r"(?<![\w])")).search if chars else rx.search
