"""How qualitative things read on the screen: highlighted passages, agreement statistics,
descriptions of an action to undo. Formatting only; nothing here reads or writes."""

from __future__ import annotations

import math
from collections.abc import Iterable

from markupsafe import Markup, escape

from .passages import Passage
from .services.records import Agreement, Code, Coding, Snapshot, UndoTarget

__all__ = [
    "confidence",
    "provenance",
    "NOTES",
    "code_label",
    "highlighted",
    "percent",
    "ratio",
    "statistic_note",
    "undo_description",
]

#: the core's notes on a statistic that cannot be given, in words
NOTES = {
    "no_variation": "every coder made the same decision on every document, so agreement "
    "cannot be told apart from chance",
    "kappa_needs_two_coders": "Cohen's kappa compares exactly two coders",
    "too_few_units_for_ci": "too few documents were coded by two or more coders for an interval",
    "no_pairable_units": "no document was coded by two or more coders",
}


def code_label(code: Code | None, code_id: str = "") -> str:
    """A code's name with the names above it: ``Support › Practical help``."""
    if code is None:
        return f"{code_id} (no longer in the codebook)"
    return " › ".join(code.path)


def highlighted(text: str, passage: Passage, codings: Iterable[Coding]) -> Markup:
    """A passage's text with every coded stretch in ``<mark>``; the outer span carries the
    passage's offsets for the mouse selection script."""
    cuts = {passage.start, passage.end}
    inside = [c for c in codings if c.start < passage.end and c.end > passage.start]
    for coding in inside:
        cuts.update(x for x in (coding.start, coding.end) if passage.start < x < passage.end)
    points = sorted(cuts)
    parts = []
    for a, b in zip(points, points[1:], strict=False):
        piece = escape(text[a:b])
        covering = sum(1 for c in inside if c.start <= a and c.end >= b)
        if covering:
            layered = " peerval-mark--layered" if covering > 1 else ""
            piece = Markup('<mark class="peerval-mark{}">{}</mark>').format(layered, piece)
        parts.append(piece)
    return Markup('<span class="peerval-unit" data-start="{}" data-end="{}">{}</span>').format(
        passage.start, passage.end, Markup("").join(parts)
    )


def _number(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".replace("-", "\u2212")


def confidence(value: float | None) -> str:
    """A model's confidence for people: "83% sure", or "confidence not given"."""
    if value is None:
        return "confidence not given"
    return f"{round(100 * value)}% sure"


def provenance(coding) -> str:
    """Who made a coding: the coder, or the model and the person who accepted it."""
    if coding.origin == "human":
        return f"by {coding.coder}"
    model = coding.model or coding.coder
    sure = f", {confidence(coding.confidence)}" if coding.confidence is not None else ""
    accepted = f", accepted by {coding.reviewed_by}" if coding.reviewed_by else ""
    return f"suggested by {model}{sure}{accepted}"


def statistic_note(note: str) -> str:
    """The core's ``note`` (codes joined by ``; ``) in words."""
    parts = [p.strip() for p in str(note or "").split(";") if p.strip()]
    return "; ".join(NOTES.get(p, p) for p in parts)


def percent(value: float, note: str = "") -> str:
    if value is None or math.isnan(value):
        reason = statistic_note(note)
        return f"not defined: {reason}" if reason else "not defined"
    return f"{value:.1f}%"


def ratio(value: float, note: str = "", *, only: str | None = None) -> str:
    """A kappa or alpha to two decimals, or "not defined" with the reason.

    ``only`` keeps just the note that concerns this statistic (kappa's own note, say).
    """
    if value is None or math.isnan(value):
        notes = [p.strip() for p in str(note or "").split(";") if p.strip()]
        if only is not None:
            notes = [n for n in notes if n == only] or [n for n in notes if n == "no_variation"]
        reason = statistic_note("; ".join(notes))
        return f"not defined: {reason}" if reason else "not defined"
    return _number(value, 2)


def interval(low: float, high: float, confidence: float, note: str = "") -> str:
    """``0.21 to 0.87`` for a confidence interval, or why there is none."""
    if low is None or math.isnan(low) or math.isnan(high):
        notes = [p.strip() for p in str(note or "").split(";") if p.strip()]
        reason = statistic_note("; ".join(n for n in notes if n != "kappa_needs_two_coders"))
        return f"not defined: {reason}" if reason else "not defined"
    return f"{_number(low, 2)} to {_number(high, 2)}"


def undo_description(target: UndoTarget | None, snapshot: Snapshot) -> str:
    """What undoing would reverse, in a sentence fragment: "applying Time to “…”"."""
    if target is None:
        return ""
    known = snapshot.code(target.code_id) if target.code_id else None
    code = code_label(known) if known else (target.name or target.code_id or "")
    excerpt = f"\u201c{target.text}\u201d" if target.text else ""
    phrases = {
        "coding_applied": f"your coding of {excerpt} as {code}",
        "coding_removed": f"your removal of the coding of {excerpt} as {code}",
        "memo_added": "your memo",
        "memo_removed": "your removal of a memo",
        "code_created": f"adding the code {code}",
        "code_removed": f"removing the code {code}",
        "code_renamed": f"renaming the code {code}",
        "code_moved": f"moving the code {code}",
        "code_edited": f"editing the code {code}",
        "suggestion_accepted": "accepting a suggestion",
        "suggestion_rejected": "rejecting a suggestion",
    }
    return phrases.get(target.kind, target.kind.replace("_", " "))


def passage_items(
    text: str, passages: list[Passage], codings: list[Coding], checked: Iterable[int] = ()
) -> list[dict]:
    """The checkboxes of the passages: "Select this passage" with the passage's text, its
    codings highlighted, as the checkbox's hint (so it is read with the checkbox)."""
    ticked = set(checked)
    items = []
    for p in passages:
        body = highlighted(text, p, codings)
        if p.speaker:
            body = Markup('<strong class="peerval-speaker">{}:</strong> {}').format(p.speaker, body)
        items.append(
            {
                "value": p.number,
                "html": Markup(
                    'Select this passage<span class="nhsuk-u-visually-hidden"> {}</span>'
                ).format(p.number),
                "hint": {"html": body, "classes": "peerval-passage"},
                "checked": p.number in ticked,
            }
        )
    return items


def code_options(snapshot: Snapshot) -> list[tuple[str, str]]:
    """The codes that can be applied, as choices named by their path."""
    return [(c.id, code_label(c)) for c in snapshot.codes if c.codable]


def attributes_text(attributes: dict) -> str:
    """A case's attributes in one line: ``staff, Acute and inpatient, Qualified nurse``."""
    return ", ".join(str(v) for v in attributes.values() if v not in (None, ""))


def preview(text: str, length: int = 120) -> str:
    """The start of a text, cut at a word."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + "\u2026"


ATTRIBUTE_NAMES = {
    "respondent_group": "Respondent group",
    "care_group": "Care group",
    "profession": "Profession",
}


def attribute_name(key: str) -> str:
    return ATTRIBUTE_NAMES.get(key, key.replace("_", " ").capitalize())


def _statistics(row: dict, confidence: float) -> dict[str, str]:
    note = row["note"]
    return {
        "percent": percent(row["percent_agreement"], note),
        "kappa": ratio(row["cohen_kappa"], note, only="kappa_needs_two_coders"),
        "alpha": ratio(row["krippendorff_alpha"], note, only="no_variation"),
        "interval": interval(row["alpha_ci_low"], row["alpha_ci_high"], confidence, note),
    }


OVERALL_NAMES = {"pooled": "All codes pooled", "mean_of_codes": "Mean over the codes"}


def agreement_tables(
    result: Agreement | None,
    snapshot: Snapshot,
    hrefs: dict[str, str],
    positions: dict[str, int],
) -> dict[str, list[dict]]:
    """The core's agreement tables as rows to show: per code, overall, disagreements (each
    linked to its document)."""
    if result is None:
        return {"by_code": [], "overall": [], "disagreements": []}
    confidence = result.confidence
    by_code = [
        {
            "code": code_label(snapshot.code(row["code"]), row["code"]),
            "n_applied": row["n_applied"],
        }
        | _statistics(row, confidence)
        for row in result.by_code.to_dict("records")
    ]
    overall = [
        {"name": OVERALL_NAMES.get(row["overall"], row["overall"])} | _statistics(row, confidence)
        for row in result.overall.to_dict("records")
    ]
    disagreements = [
        {
            "href": hrefs[row["unit"]],
            "position": positions[row["unit"]],
            "code": code_label(snapshot.code(row["code"]), row["code"]),
            "applied_by": ", ".join(row["applied_by"]),
            "not_applied_by": ", ".join(row["not_applied_by"]),
        }
        for row in result.disagreements.to_dict("records")
    ]
    return {"by_code": by_code, "overall": overall, "disagreements": disagreements}
