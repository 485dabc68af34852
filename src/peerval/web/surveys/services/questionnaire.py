"""A collection's questionnaire as pages: one topic (an instrument section) per page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from peerval.errors import PeervalError
from peerval.instruments import default_registry
from peerval.instruments.schema import Instrument, Item

__all__ = [
    "Page",
    "Questionnaire",
    "load_instrument",
    "open_problems",
    "publish_problem",
    "questionnaire_for",
]


@dataclass(frozen=True)
class Page:
    """Items of one instrument that share a section, asked together."""

    number: int
    instrument: Instrument
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Questionnaire:
    instruments: tuple[Instrument, ...]
    pages: tuple[Page, ...]

    def page(self, number: int) -> Page:
        if not 0 <= number < len(self.pages):
            raise IndexError(number)
        return self.pages[number]


def load_instrument(instrument_id: str, version: str | None = None) -> Instrument:
    """An instrument from the registry (with its wording pack applied when installed)."""
    return default_registry().get(instrument_id, version)


def publish_problem(instrument: Instrument) -> str | None:
    """Why an instrument cannot be shown to respondents, or None when it can."""
    if instrument.has_wording:
        return None
    if instrument.needs_wording_pack:
        return (
            f"{instrument.title} is a licensed instrument and its wording is not installed. "
            "Install your organisation's licensed wording pack with "
            f"`peerval instruments install-wording FILE`, then open the collection."
        )
    return f"{instrument.title} has items without wording"


def open_problems(refs: list[tuple[str, str]]) -> list[str]:
    """Why these questionnaires cannot be shown to respondents (empty: they can).

    Uses the cached questionnaire, so the public pages can ask on every request; only when
    an instrument fails to load are they loaded one by one to say which.
    """
    try:
        questionnaire = questionnaire_for(refs)
    except PeervalError:
        problems = []
        for instrument_id, version in refs:
            try:
                load_instrument(instrument_id, version)
            except PeervalError as exc:
                problems.append(f"{instrument_id} {version} cannot be loaded: {exc}")
        return problems
    return problems_of(questionnaire)


def problems_of(questionnaire: Questionnaire) -> list[str]:
    """Why a loaded questionnaire cannot be shown to respondents (empty: it can)."""
    return [problem for problem in map(publish_problem, questionnaire.instruments) if problem]


def paginate(instruments: list[Instrument]) -> tuple[Page, ...]:
    pages: list[Page] = []
    for instrument in instruments:
        current: list[Item] = []
        section: str | None = None
        for item in instrument.items:
            if current and item.section != section:
                pages.append(_page(len(pages), instrument, section, current))
                current = []
            section = item.section
            current.append(item)
        if current:
            pages.append(_page(len(pages), instrument, section, current))
    return tuple(pages)


def _page(number: int, instrument: Instrument, section: str | None, items: list[Item]) -> Page:
    return Page(number, instrument, section or instrument.title, tuple(items))


@lru_cache(maxsize=64)
def _cached(refs: tuple[tuple[str, str], ...], wording_key: str) -> Questionnaire:
    instruments = tuple(load_instrument(i, v) for i, v in refs)
    return Questionnaire(instruments, paginate(list(instruments)))


def questionnaire_for(refs: list[tuple[str, str]]) -> Questionnaire:
    """The questionnaire for ``[(instrument_id, version), ...]``, cached per process."""
    try:
        return _cached(tuple(refs), _wording_key())
    except PeervalError:
        _cached.cache_clear()
        raise


def _wording_key() -> str:
    """Changes when a wording pack is installed, so cached questionnaires pick it up."""
    from peerval.instruments.paths import data_home

    folder = data_home() / "wording"
    if not folder.exists():
        return ""
    # a pack being installed is copied under a hidden name first, and may vanish meanwhile
    packs = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    return "|".join(f"{p.name}:{p.stat().st_mtime_ns}" for p in packs)
