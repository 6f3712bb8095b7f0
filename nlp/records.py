"""Typed records that cross the boundary between `nlp/` and the rest of pantau.

Why dataclasses and not dicts: the flows, the store and `pantau extract` all read the same
fields; a typo in a key should fail loudly at construction, not silently in SQL later.
`Analysis.to_json()` is the one place that fixes the `pantau extract` output shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass(slots=True)
class ArticleText:
    """What the NLP stage needs of an article: text and the date it was published."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass(slots=True)
class Mention:
    """A span in the analysed text (title + "\\n\\n" + text), kept for evidence and auditing."""

    text: str
    start: int
    end: int
    label: str  # FACILITY, ORG, PERSON, DATE, TITLE, ...
    sentence: str = ""


@dataclass(slots=True)
class Facility:
    """A UPT Pemasyarakatan (lapas, rutan, cabang_rutan, lpka, bapas, rupbasan)."""

    name: str
    kind: str
    city: str | None = None
    province: str | None = None
    facility_id: str | None = None  # registry id, or None when not in the registry
    registered: bool = False
    facility_class: str | None = None  # "I", "IIA", "IIB", "III"
    specialty: str | None = None  # narkotika, perempuan, terbuka, ...
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Organization:
    """Any named organisation that is not a UPT (corrections offices included)."""

    name: str
    kind: str  # corrections_office, ministry, bnn, police, military, prosecutor, court, ...
    level: str | None = None  # national, province, regency, city, district
    region: str | None = None
    province: str | None = None
    org_id: str | None = None  # stable normalised id, e.g. "corrections_office:jawa-timur"
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Official:
    """A person named in an official capacity (never inmates, suspects, relatives, initials)."""

    name: str
    title: str | None = None
    organization: str | None = None  # display name of the facility / organisation
    organization_id: str | None = None
    honorifics: list[str] = field(default_factory=list)  # Dr., H., ...
    rank: str | None = None  # Kombes Pol., AKBP, ...
    degrees: list[str] = field(default_factory=list)  # S.H., M.H., ...
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class DateMention:
    text: str
    date: date | None
    start: int = -1
    end: int = -1
    weekday_ok: bool | None = None  # None when the expression names no weekday


@dataclass(slots=True)
class Partnership:
    parties: tuple[str, str]  # (corrections unit, outside organisation) display names
    kind: str  # visit, meeting, agreement, joint_operation, program, attendance
    date: date | None = None
    evidence: str = ""
    direction: str | None = None  # "unit->partner", "partner->unit" (visitor -> host) or None
    party_ids: tuple[str | None, str | None] = (None, None)


@dataclass(slots=True)
class Analysis:
    """Everything pantau knows about one article; `to_json` is the `pantau extract` line."""

    id: str
    relevant: bool = False
    relevance_score: float | None = None
    topics: list[str] = field(default_factory=list)
    topic_scores: dict[str, float] = field(default_factory=dict)
    event_date: date | None = None
    facilities: list[Facility] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)

    def to_json(self) -> dict:
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "id": self.id,
            "relevant": self.relevant,
            "relevance_score": self.relevance_score,
            "topics": list(self.topics),
            "topic_scores": dict(self.topic_scores),
            "event_date": iso(self.event_date),
            "facilities": [
                {
                    "name": f.name,
                    "kind": f.kind,
                    "city": f.city,
                    "province": f.province,
                    "facility_id": f.facility_id,
                    "registered": f.registered,
                    "class": f.facility_class,
                    "aliases": list(f.aliases),
                }
                for f in self.facilities
            ],
            "organizations": [
                {
                    "name": o.name,
                    "kind": o.kind,
                    "level": o.level,
                    "region": o.region,
                    "province": o.province,
                    "org_id": o.org_id,
                    "aliases": list(o.aliases),
                }
                for o in self.organizations
            ],
            "officials": [
                {
                    "name": p.name,
                    "title": p.title,
                    "organization": p.organization,
                    "honorifics": list(p.honorifics),
                    "rank": p.rank,
                    "degrees": list(p.degrees),
                    "aliases": list(p.aliases),
                }
                for p in self.officials
            ],
            "dates": [{"text": d.text, "date": iso(d.date)} for d in self.dates],
            "partnerships": [
                {
                    "parties": list(p.parties),
                    "kind": p.kind,
                    "date": iso(p.date),
                    "direction": p.direction,
                    "evidence": p.evidence,
                }
                for p in self.partnerships
            ],
        }


def as_dict(obj) -> dict:
    """Plain-dict view of any record (for DataFrames and debugging)."""
    return asdict(obj)
