"""Typed summary objects: the contract of ``../shared/eval/GUIDE.md`` in code.

Everything downstream (alerts, digests, ``/latest``, ``/summary``, search)
reads these objects, so they serialise to exactly the GUIDE's JSON keys plus
one additive key, ``notices``, that tells a reader why a summary is thin
(empty text, not Arabic, cut at the size limit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Act = Literal[
    "killing_civilians",
    "attacking_infrastructure",
    "attacking_forces",
    "violating_sovereignty",
    "violating_international_law",
    "war_crimes",
    "supporting_terrorism",
    "occupation_settlement",
    "siege_starvation",
    "disinformation",
    "obstruction",
    "other",
]
ACTS: tuple[str, ...] = Act.__args__  # type: ignore[attr-defined]

Qualifier = Literal["exact", "more_than", "at_least", "about", "up_to", "less_than"]
QUALIFIERS: tuple[str, ...] = Qualifier.__args__  # type: ignore[attr-defined]

Category = Literal[
    "killed",
    "injured",
    "displaced",
    "detained",
    "missing",
    "structures",
    "attacks",
    "money",
    "people",
    "other",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]

# Machine-readable reasons a summary may be thin; renderers translate them.
Notice = Literal["empty", "not_arabic", "truncated", "html_stripped"]


@dataclass(slots=True)
class Issuer:
    name: str
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}


@dataclass(slots=True)
class Accusation:
    accused: str
    act: str
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"accused": self.accused, "act": self.act, "evidence": self.evidence}


@dataclass(slots=True)
class Demand:
    target: str
    action: str
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"target": self.target, "action": self.action, "evidence": self.evidence}


@dataclass(slots=True)
class Figure:
    value: int | float
    qualifier: str = "exact"
    unit: str = ""
    category: str = "other"
    text: str = ""
    evidence: str = ""  # the sentence; not part of the GUIDE object

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "category": self.category,
            "text": self.text,
        }


@dataclass(slots=True)
class Summary:
    is_statement: bool = False
    issuer: Issuer | None = None
    addressees: list[str] = field(default_factory=list)
    accusations: list[Accusation] = field(default_factory=list)
    demands: list[Demand] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    key_sentences: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "is_statement": self.is_statement,
            "issuer": self.issuer.to_dict() if self.issuer else None,
            "addressees": list(self.addressees),
            "accusations": [a.to_dict() for a in self.accusations],
            "demands": [d.to_dict() for d in self.demands],
            "figures": [f.to_dict() for f in self.figures],
            "places": list(self.places),
            "key_sentences": list(self.key_sentences),
            "notices": list(self.notices),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Summary:
        """Rebuild a stored summary (the store keeps ``to_dict()`` JSON)."""
        issuer = data.get("issuer")
        return cls(
            is_statement=bool(data.get("is_statement")),
            issuer=Issuer(issuer["name"], issuer.get("country")) if issuer else None,
            addressees=list(data.get("addressees") or []),
            accusations=[
                Accusation(a["accused"], a["act"], a.get("evidence", ""))
                for a in data.get("accusations") or []
            ],
            demands=[
                Demand(d.get("target", ""), d.get("action", ""), d.get("evidence", ""))
                for d in data.get("demands") or []
            ],
            figures=[
                Figure(
                    f["value"],
                    f.get("qualifier", "exact"),
                    f.get("unit", ""),
                    f.get("category", "other"),
                    f.get("text", ""),
                )
                for f in data.get("figures") or []
            ],
            places=list(data.get("places") or []),
            key_sentences=list(data.get("key_sentences") or []),
            notices=list(data.get("notices") or []),
        )
