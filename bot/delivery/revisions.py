"""What changed between two summaries of one statement, and whether it matters.

A statement's text is edited often (a typo, a new paragraph at the end); only
a change in what the statement *says* — who is accused of what, what is
demanded, which figures, who issues it — is worth a second message to people
who already received the first. Items are compared on normalized strings so a
hamza or a diacritic added in an edit is not a "change".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.chats import normalize_value
from bot.summarize.model import Figure, Summary


def _norm(text: str | None) -> str:
    return normalize_value("keyword", text or "")


@dataclass(slots=True)
class RevisionDiff:
    accusations_added: list[dict[str, Any]] = field(default_factory=list)
    accusations_removed: list[dict[str, Any]] = field(default_factory=list)
    demands_added: list[dict[str, Any]] = field(default_factory=list)
    demands_removed: list[dict[str, Any]] = field(default_factory=list)
    figures_added: list[dict[str, Any]] = field(default_factory=list)
    figures_removed: list[dict[str, Any]] = field(default_factory=list)
    figures_changed: list[dict[str, Any]] = field(default_factory=list)
    issuer_changed: dict[str, Any] | None = None

    @property
    def material(self) -> bool:
        return any(
            (
                self.accusations_added,
                self.accusations_removed,
                self.demands_added,
                self.demands_removed,
                self.figures_added,
                self.figures_removed,
                self.figures_changed,
                self.issuer_changed,
            )
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            k: v
            for k, v in (
                ("accusations_added", self.accusations_added),
                ("accusations_removed", self.accusations_removed),
                ("demands_added", self.demands_added),
                ("demands_removed", self.demands_removed),
                ("figures_added", self.figures_added),
                ("figures_removed", self.figures_removed),
                ("figures_changed", self.figures_changed),
            )
            if v
        }
        if self.issuer_changed:
            out["issuer_changed"] = self.issuer_changed
        return out


def _fig_key(fig: Figure) -> tuple[str, str]:
    """A figure's identity across edits: what it counts (category and unit)."""
    return (fig.category, _norm(fig.unit))


def _fig_dict(fig: Figure) -> dict[str, Any]:
    return fig.to_dict()


def diff_summaries(previous: Summary, current: Summary) -> RevisionDiff:
    diff = RevisionDiff()

    before_acc = {(_norm(a.accused), a.act): a for a in previous.accusations}
    after_acc = {(_norm(a.accused), a.act): a for a in current.accusations}
    diff.accusations_added = [
        {"accused": a.accused, "act": a.act} for k, a in after_acc.items() if k not in before_acc
    ]
    diff.accusations_removed = [
        {"accused": a.accused, "act": a.act} for k, a in before_acc.items() if k not in after_acc
    ]

    before_dem = {(_norm(d.target), _norm(d.action)): d for d in previous.demands}
    after_dem = {(_norm(d.target), _norm(d.action)): d for d in current.demands}
    diff.demands_added = [
        {"target": d.target, "action": d.action}
        for k, d in after_dem.items()
        if k not in before_dem
    ]
    diff.demands_removed = [
        {"target": d.target, "action": d.action}
        for k, d in before_dem.items()
        if k not in after_dem
    ]

    _diff_figures(diff, previous.figures, current.figures)

    b_name = _norm(previous.issuer.name if previous.issuer else "")
    a_name = _norm(current.issuer.name if current.issuer else "")
    if b_name != a_name and a_name:
        diff.issuer_changed = {
            "before": previous.issuer.name if previous.issuer else None,
            "after": current.issuer.name if current.issuer else None,
        }
    return diff


def _diff_figures(diff: RevisionDiff, before: list[Figure], after: list[Figure]) -> None:
    """The same (category, unit) with another value or qualifier is a change
    ("43 killed" → "50 killed"); otherwise an addition or removal."""
    unmatched_before = list(before)
    after_left: list[Figure] = []
    for fig in after:
        same = next(
            (
                f
                for f in unmatched_before
                if f.value == fig.value
                and _fig_key(f) == _fig_key(fig)
                and f.qualifier == fig.qualifier
            ),
            None,
        )
        if same is not None:
            unmatched_before.remove(same)
        else:
            after_left.append(fig)
    for fig in after_left:
        old = next((f for f in unmatched_before if _fig_key(f) == _fig_key(fig)), None)
        if old is not None:
            unmatched_before.remove(old)
            diff.figures_changed.append({"before": _fig_dict(old), "after": _fig_dict(fig)})
        else:
            diff.figures_added.append(_fig_dict(fig))
    diff.figures_removed = [_fig_dict(f) for f in unmatched_before]
