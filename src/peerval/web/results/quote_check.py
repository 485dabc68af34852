"""What the lead sees when checking the report's quotes before it is published.

Each quote the report prints, as it will read (redacted), with a row for every piece of
text redaction took out: the words themselves, what they were taken as and why. The quotes
come from the same inputs as the report (:func:`.services.report_inputs`), so what is
checked here is what the report shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse

from peerval.qual.quotes import ChosenQuote
from peerval.qual.redact import Redaction
from peerval.results import EvaluationResults
from peerval.web.qualitative.services.report import for_report
from peerval.web.surveys.models import Wave

from . import selectors, services

__all__ = ["CheckedQuote", "QuoteCheck", "QuoteSection", "Removed", "quote_check", "taken_as"]

#: what each kind of redaction was taken to be, in words
_KINDS = {
    "name": "A person's name",
    "place": "A place",
    "listed_term": "A place listed for this evaluation",
    "nhs_number": "An NHS number",
    "phone": "A phone number",
    "email": "An email address",
    "postcode": "A postcode",
    "date_of_birth": "A date of birth",
    "address": "An address",
}


def taken_as(kind: str) -> str:
    """What a redaction's kind means, in words.

    >>> taken_as("phone"), taken_as("listed_term"), taken_as("car_registration")
    ('A phone number', 'A place listed for this evaluation', 'Car registration')
    """
    return _KINDS.get(kind, kind.replace("_", " ").capitalize())


def _sentence(text: str) -> str:
    """The rule's reason starting with a capital letter, as a table cell reads."""
    return text[:1].upper() + text[1:] if text else "No reason given"


@dataclass(frozen=True)
class Removed:
    """One piece of text taken out of a quote."""

    words: str
    taken_as: str
    why: str


@dataclass(frozen=True)
class CheckedQuote:
    """A quote as the report prints it, where it came from, and what was taken out."""

    text: str
    source: str
    removed: tuple[Removed, ...]


@dataclass(frozen=True)
class QuoteSection:
    title: str
    quotes: tuple[CheckedQuote, ...]


@dataclass
class QuoteCheck:
    """The quote check page: its sections, or why there is nothing to check yet."""

    wave: str
    evaluation: str
    has_responses: bool
    has_coding: bool
    sections: list[QuoteSection] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    projects_href: str = ""
    settings_href: str = ""

    @property
    def quote_count(self) -> int:
        return sum(len(section.quotes) for section in self.sections)

    @property
    def redaction_count(self) -> int:
        return sum(len(q.removed) for section in self.sections for q in section.quotes)


def _removed(redaction: Redaction) -> Removed:
    return Removed(redaction.text, taken_as(redaction.kind), _sentence(redaction.reason))


#: who gave an answer, as the source line under a quote names them
_WHO = {"service_user": "a service user", "staff": "a member of staff"}


def _source(quote: ChosenQuote, results: EvaluationResults) -> str:
    """Who gave the answer and to which question: "From a member of staff, answering ..."."""
    who = _WHO.get(quote.respondent_group, "a respondent")
    instrument = results.instruments.get(quote.instrument)
    question = ""
    if instrument is not None:
        try:
            question = instrument.item(quote.item_id).text or ""
        except KeyError:
            question = ""
    if not question:
        return f"From {who}"
    return f"From {who}, answering \u201c{question}\u201d"


def _checked(quotes, results: EvaluationResults) -> tuple[CheckedQuote, ...]:
    return tuple(
        CheckedQuote(q.text, _source(q, results), tuple(_removed(r) for r in q.redactions))
        for q in quotes
    )


def quote_check(wave: Wave) -> QuoteCheck:
    """The report's quotes for ``wave``, each with what redaction took out of it and why."""
    evaluation = wave.evaluation
    check = QuoteCheck(
        wave=wave.label,
        evaluation=evaluation.name,
        has_responses=bool(selectors.respondents_by_group(wave)),
        has_coding=False,
        projects_href=reverse("qualitative:projects", args=[evaluation.pk]),
        settings_href=reverse("surveys:evaluation_settings", args=[evaluation.pk]),
    )
    check.places = services.redaction_places(evaluation)
    coded = for_report(wave) if check.has_responses else None
    if coded is None:
        return check
    check.has_coding = True
    inputs = services.report_inputs(evaluation, selectors.report_waves(wave), coded)
    quotes = inputs.quotes()
    results = inputs.results
    themes = results.codebook.themes if results.codebook is not None else ()
    titles = {theme.id: theme.title for theme in themes}
    for theme_id, chosen in quotes.by_theme.items():
        if chosen:
            check.sections.append(
                QuoteSection(titles.get(theme_id, theme_id), _checked(chosen, results))
            )
    if quotes.what_works:
        check.sections.append(QuoteSection("What works", _checked(quotes.what_works, results)))
    return check
