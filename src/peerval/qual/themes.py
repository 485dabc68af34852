"""Themes built from codes: how many documents and people carry each, and quotes for each.

A :class:`Theme` groups codes and may sit under a parent theme; a :class:`ThemeMap` holds
them all and checks them: theme ids are unique, a parent must exist and parents must not
form a cycle, and **a code belongs to at most one theme** (as in a codebook): a finding then
counts towards one line of the story, and a parent theme is never fed the same code twice.
A code that truly fits two themes should be split into two codes. A theme includes the codes
of its sub-themes, so a parent theme counts a document coded with any of them.

:func:`theme_counts` counts, per theme and group, the documents that carry the theme (a
document counts once however many of the theme's codes it has) and, given a respondent id,
the distinct people. :func:`prevalence_by_group` publishes those counts under a
:class:`~peerval.disclosure.DisclosurePolicy`, and :func:`theme_quotes` picks
consented, redacted quotes for each theme.

>>> themes = ThemeMap.from_dict({"themes": [
...     {"id": "support", "name": "Support", "codes": ["listened", "practical"]},
...     {"id": "time", "name": "Time with the PSW", "codes": ["more_time"]},
... ]})
>>> codings = pd.DataFrame({"document_id": ["a1", "a1", "a2"],
...                         "code": ["listened", "practical", "more_time"]})
>>> documents = pd.DataFrame({"document_id": ["a1", "a2", "a3"],
...                           "respondent_group": ["staff"] * 3})
>>> theme_counts(codings, documents, themes)[["theme_id", "n_documents"]].to_dict("list")
{'theme_id': ['support', 'time'], 'n_documents': [1, 1]}
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from peerval.analysis.summaries import NON_ANSWER_PATTERN
from peerval.disclosure import DisclosurePolicy
from peerval.disclosure.consent import consent_by_person
from peerval.disclosure.sections import protect_theme_counts
from peerval.errors import DataError, Location
from peerval.qual.codebook import Codebook
from peerval.qual.quotes import IDEAL, LONGEST, SHORTEST, pick
from peerval.qual.redact import Redactor

__all__ = [
    "Theme",
    "ThemeMap",
    "prevalence_by_group",
    "survey_prevalence",
    "theme_counts",
    "theme_quotes",
]


@dataclass(frozen=True)
class Theme:
    """One theme: the codes it groups and, for a sub-theme, the theme it sits under."""

    id: str
    name: str
    description: str = ""
    code_ids: tuple[str, ...] = field(default_factory=tuple)
    parent_id: str | None = None


@dataclass(frozen=True)
class ThemeMap:
    """Themes in the order they are reported, checked when made (see the module docstring).

    ``codes``, when given, lists every code that exists, and a theme naming any other code is
    an error.
    """

    themes: tuple[Theme, ...]
    codes: frozenset[str] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "themes", tuple(self.themes))
        ids: dict[str, int] = {}
        owner: dict[str, str] = {}
        for i, theme in enumerate(self.themes):
            where = Location(field=f"themes[{i}]")
            if not isinstance(theme, Theme):
                raise DataError(f"themes[{i}] is not a Theme", where)
            if not isinstance(theme.id, str) or not theme.id.strip():
                raise DataError("a theme needs an id (a non-empty text)", where)
            if theme.id in ids:
                raise DataError(f"theme {theme.id!r} is defined twice", where)
            ids[theme.id] = i
            if isinstance(theme.code_ids, str):
                raise DataError(f"theme {theme.id!r}: code_ids must be a list of code ids", where)
            for code in theme.code_ids:
                if code in owner:
                    raise DataError(
                        f"code {code!r} is in theme {owner[code]!r} and in theme {theme.id!r}; "
                        "a code belongs to one theme",
                        where,
                    )
                if self.codes is not None and code not in self.codes:
                    raise DataError(f"theme {theme.id!r} names unknown code {code!r}", where)
                owner[code] = theme.id
        for theme in self.themes:
            if theme.parent_id is not None and theme.parent_id not in ids:
                raise DataError(
                    f"theme {theme.id!r} has unknown parent {theme.parent_id!r}",
                    Location(field=f"themes[{ids[theme.id]}].parent"),
                )
        for theme in self.themes:
            chain = [theme.id]
            parent = theme.parent_id
            while parent is not None:
                if parent in chain:
                    cycle = " -> ".join([*chain[chain.index(parent) :], parent])
                    raise DataError(
                        f"theme {theme.id!r} is its own ancestor: {cycle}",
                        Location(field=f"themes[{ids[theme.id]}].parent"),
                    )
                chain.append(parent)
                parent = self.theme(parent).parent_id

    # ----------------------------------------------------------------- reading the map
    def theme(self, theme_id: str) -> Theme:
        """The theme with this id."""
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise DataError(f"unknown theme {theme_id!r}")

    def children(self, theme_id: str) -> tuple[Theme, ...]:
        """The themes directly under this one."""
        return tuple(t for t in self.themes if t.parent_id == theme_id)

    def codes_of(self, theme_id: str) -> frozenset[str]:
        """The codes of a theme and of every theme under it."""
        codes = set(self.theme(theme_id).code_ids)
        for child in self.children(theme_id):
            codes |= self.codes_of(child.id)
        return frozenset(codes)

    def ancestors(self, theme_id: str) -> tuple[str, ...]:
        """The ids of the theme's parent, its parent's parent, and so on."""
        chain: list[str] = []
        parent = self.theme(theme_id).parent_id
        while parent is not None:
            chain.append(parent)
            parent = self.theme(parent).parent_id
        return tuple(chain)

    def themes_of(self, code_id: str) -> tuple[str, ...]:
        """The theme a code belongs to, then that theme's ancestors (empty if in none)."""
        for theme in self.themes:
            if code_id in theme.code_ids:
                return (theme.id, *self.ancestors(theme.id))
        return ()

    # ----------------------------------------------------------------- plain data
    def to_dict(self) -> dict[str, Any]:
        """A plain structure (lists, strings, None) that YAML or JSON can hold."""
        return {
            "themes": [
                {
                    "id": t.id,
                    "name": t.name,
                    "description": t.description,
                    "codes": list(t.code_ids),
                    "parent": t.parent_id,
                }
                for t in self.themes
            ]
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, codes: Iterable[str] | None = None) -> ThemeMap:
        """Read :meth:`to_dict`'s structure; ``codes`` lists the codes that exist, if known."""
        if not isinstance(data, Mapping) or not isinstance(data.get("themes"), list):
            raise DataError("a theme map is a mapping with a list under 'themes'")
        themes = []
        for i, entry in enumerate(data["themes"]):
            where = Location(field=f"themes[{i}]")
            if not isinstance(entry, Mapping):
                raise DataError(f"themes[{i}] must be a mapping", where)
            unknown = set(entry) - {"id", "name", "description", "codes", "parent"}
            if unknown:
                raise DataError(
                    f"themes[{i}] has unknown keys: {', '.join(sorted(unknown))}", where
                )
            theme_id, codes_listed = entry.get("id"), entry.get("codes", [])
            if not isinstance(codes_listed, list) or not all(
                isinstance(c, str) for c in codes_listed
            ):
                raise DataError(f"theme {theme_id!r}: 'codes' must be a list of code ids", where)
            themes.append(
                Theme(
                    id=theme_id,
                    name=str(entry.get("name") or theme_id),
                    description=str(entry.get("description") or ""),
                    code_ids=tuple(codes_listed),
                    parent_id=entry.get("parent"),
                )
            )
        return cls(tuple(themes), None if codes is None else frozenset(codes))

    @classmethod
    def from_codebook(cls, codebook: Codebook) -> ThemeMap:
        """The themes of a :class:`~peerval.qual.codebook.Codebook` (which has no sub-themes)."""
        themes = tuple(
            Theme(t.id, t.title, t.description, tuple(c.id for c in t.codes))
            for t in codebook.themes
        )
        codes = frozenset(c.id for t in codebook.themes for c in t.codes)
        return cls(themes, codes)


# --------------------------------------------------------------------------- prevalence
def theme_counts(
    codings: pd.DataFrame,
    documents: pd.DataFrame,
    themes: ThemeMap,
    *,
    by: str = "respondent_group",
    respondent_id: str | None = None,
) -> pd.DataFrame:
    """Documents (and people) carrying each theme, per group; unrounded and unprotected.

    ``codings`` has one row per code applied: ``document_id`` and ``code``. ``documents`` has
    one row per document that counts (pass only substantive answers if non-answers should
    not count): ``document_id``, the ``by`` column, and the ``respondent_id`` column when
    given. A document counts once per theme, however many of the theme's codes (or its
    sub-themes' codes) it carries. Codes in no theme are ignored.

    Columns: ``theme_id``, ``theme_name``, ``parent_id``, the ``by`` column,
    ``n_documents``, ``n_documents_in_group``, ``percent_documents`` and, with
    ``respondent_id``, ``n_respondents``, ``n_respondents_in_group``,
    ``percent_respondents``. Every theme has a row for every group, zeros included.
    """
    docs = _documents(documents, by, respondent_id)
    coded = _codings(codings, docs)
    lookup = {code: themes.themes_of(code) for code in coded["code"].unique()}
    coded = coded.assign(theme_id=coded["code"].map(lookup)).explode("theme_id")
    coded = coded.dropna(subset=["theme_id"]).merge(docs, on="document_id")
    theme_ids = [t.id for t in themes.themes]
    grid = pd.MultiIndex.from_product(
        [theme_ids, _ordered(docs[by].unique())], names=["theme_id", by]
    )
    table = grid.to_frame(index=False)
    table.insert(1, "theme_name", table["theme_id"].map({t.id: t.name for t in themes.themes}))
    table.insert(2, "parent_id", table["theme_id"].map({t.id: t.parent_id for t in themes.themes}))
    kinds = {
        "documents": "document_id",
        **({"respondents": respondent_id} if respondent_id else {}),
    }
    for kind, column in kinds.items():
        with_theme = coded.groupby(["theme_id", by])[column].nunique()
        n = with_theme.reindex(grid, fill_value=0).to_numpy(dtype=int)
        base = table[by].map(docs.groupby(by)[column].nunique()).to_numpy(dtype=int)
        table[f"n_{kind}"], table[f"n_{kind}_in_group"] = n, base
        table[f"percent_{kind}"] = 100.0 * n / base
    return table


def survey_prevalence(
    answers: pd.DataFrame, codings: pd.DataFrame, codebook: Codebook, respondents: pd.DataFrame
) -> pd.DataFrame:
    """How many people's free-text answers carry each theme, by question and group: the
    report's theme prevalence, counted by :func:`theme_counts` like every other.

    ``codings`` has one row per code applied: ``instrument``, ``response_id``, ``item_id``,
    ``code_id``. Each substantive answer (non-answers such as "n/a" left out, and any codes
    on them with it) is a document; a question's answers by one respondent group form a
    group. ``n_answered`` counts the people who answered the question substantively; ``n``
    those whose answer carries a code of the theme. Columns: ``theme_id``, ``instrument``,
    ``item_id``, ``respondent_group``, ``n``, ``n_answered``.
    """
    columns = ["theme_id", "instrument", "item_id", "respondent_group", "n", "n_answered"]
    keys = ["instrument", "response_id"]
    people = respondents[[*keys, "respondent_id", "respondent_group"]]
    text = answers.dropna(subset=["text"])
    text = text[~text["text"].str.strip().str.lower().str.match(NON_ANSWER_PATTERN)]
    docs = text[[*keys, "item_id"]].merge(people, on=keys, how="left", validate="many_to_one")
    if docs.empty or not codebook.themes:
        return pd.DataFrame(columns=columns)
    key = ["instrument", "item_id", "respondent_group"]
    docs = docs.assign(
        document_id=_document_ids(docs),
        cell=list(zip(*(docs[k] for k in key), strict=True)),
    )
    coded = codings.merge(docs[[*keys, "item_id", "document_id"]], on=[*keys, "item_id"])
    counts = theme_counts(
        coded.rename(columns={"code_id": "code"}),
        docs,
        ThemeMap.from_codebook(codebook),
        by="cell",
        respondent_id="respondent_id",
    )
    cells = pd.DataFrame(counts["cell"].tolist(), columns=key, index=counts.index)
    table = pd.concat([counts[["theme_id"]], cells], axis=1).assign(
        n=counts["n_respondents"].astype(int),
        n_answered=counts["n_respondents_in_group"].astype(int),
    )
    order = {t.id: i for i, t in enumerate(codebook.themes)}
    table = table.sort_values(key, kind="stable").sort_values(
        "theme_id", key=lambda s: s.map(order), kind="stable"
    )
    return table[columns].reset_index(drop=True)


def _document_ids(docs: pd.DataFrame) -> list[str]:
    return [
        f"{i}\x1f{r}\x1f{q}"
        for i, r, q in zip(docs["instrument"], docs["response_id"], docs["item_id"], strict=True)
    ]


def prevalence_by_group(
    codings: pd.DataFrame,
    documents: pd.DataFrame,
    themes: ThemeMap,
    *,
    by: str = "respondent_group",
    respondent_id: str | None = None,
    policy: DisclosurePolicy | None = None,
) -> pd.DataFrame:
    """:func:`theme_counts` as it may be published under the disclosure ``policy``.

    The protected counts are of people when ``respondent_id`` is given, else of documents
    (each taken to be one person's). First the group sizes are protected as one breakdown
    (a hidden group hides every cell of that group); then, for each theme, its counts across
    groups are protected as one breakdown, with primary and secondary suppression by
    :meth:`~peerval.disclosure.DisclosurePolicy.protect_counts`, so that no hidden
    cell can be worked out from the theme's total. The hidden groups enter that breakdown
    as one combined cell, which is itself hidden when it is small (and always when it holds
    one group). Document counts are shown only beside a shown count of people.

    Hidden counts are missing (``<NA>``) and their percentages NaN, with ``suppressed`` true.
    Percentages are of the counts as shown (rounded under NHS Digital's rule). Not carrying
    a theme is not treated as a characteristic of a person, as non-response is not
    (docs/adr/0004), so a theme carried by nearly everyone in a group is shown.
    """
    policy = policy or DisclosurePolicy()
    table = theme_counts(codings, documents, themes, by=by, respondent_id=respondent_id)
    return protect_theme_counts(table, policy, by=by, people=respondent_id is not None)


def _documents(documents: pd.DataFrame, by: str, respondent_id: str | None) -> pd.DataFrame:
    needed = ["document_id", by, *([respondent_id] if respondent_id else [])]
    missing = [c for c in needed if c not in documents]
    if missing:
        raise DataError(f"documents lack the column(s) {', '.join(missing)}")
    docs = documents[needed]
    if docs.empty:
        raise DataError("there are no documents to count")
    twice = docs.loc[docs["document_id"].duplicated(), "document_id"]
    if len(twice):
        raise DataError(f"document {_plain(twice.iloc[0])!r} is listed twice")
    for column in needed:
        empty = docs.loc[docs[column].isna(), "document_id"]
        if len(empty):
            raise DataError(f"document {_plain(empty.iloc[0])!r} has no {column}")
    return docs


def _codings(codings: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in ("document_id", "code") if c not in codings]
    if missing:
        raise DataError(f"codings lack the column(s) {', '.join(missing)}")
    coded = codings[["document_id", "code"]].dropna().drop_duplicates()
    stray = coded.loc[~coded["document_id"].isin(docs["document_id"]), "document_id"]
    if len(stray):
        raise DataError(f"document {_plain(stray.iloc[0])!r} is coded but not among the documents")
    return coded


def _plain(value: object) -> object:
    """A NumPy scalar as the Python value it holds, for messages."""
    return value.item() if isinstance(value, np.generic) else value


def _ordered(values: Iterable[Hashable]) -> list[Hashable]:
    values = list(values)
    try:
        return sorted(values)  # type: ignore[type-var]
    except TypeError:
        return sorted(values, key=str)


# --------------------------------------------------------------------------- quotes
def theme_quotes(
    coded: pd.DataFrame,
    people: pd.DataFrame,
    themes: ThemeMap,
    *,
    person: str = "respondent_id",
    per_theme: int = 3,
    redactor: Redactor | None = None,
    used_texts: set[str] | None = None,
    shortest: int = SHORTEST,
    longest: int = LONGEST,
) -> pd.DataFrame:
    """Up to ``per_theme`` consented, redacted quotes for each theme.

    ``coded`` has one row per code applied to a quotable text: ``document_id``, ``code``,
    ``text`` (the coded excerpt or the whole answer), the ``person`` column and optionally
    ``respondent_group``. ``people`` has the ``person`` column and ``may_quote``: only people
    whose ``may_quote`` is true (True, 1, "Yes") are quoted; false, "No", "Not stated", a
    missing value or a person absent from ``people`` all mean no. Texts that say nothing
    ("n/a") and texts outside ``shortest``..``longest`` characters are left out; the choice
    (different people, new codes first, groups alternating, no text twice) is the report's
    (:func:`peerval.qual.quotes.pick`), and every text is redacted (default: the same
    :class:`~peerval.qual.redact.Redactor` as :func:`~peerval.qual.redact.redact`). A theme
    draws on its sub-themes' codes too; sub-themes choose first, so that a parent theme
    does not take a sub-theme's only quote.

    Columns: ``theme_id``, ``theme_name``, ``code``, ``document_id``, ``respondent_group``,
    ``text`` (redacted). ``used_texts`` collects the original texts quoted.
    """
    missing = [c for c in ("document_id", "code", "text", person) if c not in coded]
    if missing:
        raise DataError(f"coded documents lack the column(s) {', '.join(missing)}")
    consent = _consent(people, person)
    pool = coded.dropna(subset=["text"])
    pool = pool[pool[person].map(lambda who: consent.get(who, False)).astype(bool)]
    pool = pool.assign(text=pool["text"].astype(str))
    pool = pool[~pool["text"].str.strip().str.lower().str.match(NON_ANSWER_PATTERN)]
    length = pool["text"].str.len()
    pool = pool[(length >= shortest) & (length <= longest)]
    # pick() names where a quote came from by instrument and item: a document is the item
    pool = pd.DataFrame(
        {
            "respondent_id": pool[person],
            "text": pool["text"],
            "code_id": pool["code"],
            "respondent_group": pool.get("respondent_group"),
            "instrument": "",
            "item_id": pool["document_id"],
            "fit": (pool["text"].str.len() - IDEAL).abs(),
        }
    ).sort_values(["fit", "item_id", "code_id"], kind="stable")
    redactor = redactor or Redactor()
    used = used_texts if used_texts is not None else set()
    chosen: dict[str, list[dict[str, Any]]] = {}
    # sub-themes choose first, so a parent theme does not take its sub-theme's only quote
    for theme in sorted(themes.themes, key=lambda t: -len(themes.ancestors(t.id))):
        mine = pool[pool["code_id"].isin(themes.codes_of(theme.id))].assign(theme_id=theme.id)
        chosen[theme.id] = []
        for quote in pick(mine, per_theme, used, redactor):
            group = quote.respondent_group
            chosen[theme.id].append(
                {
                    "theme_id": theme.id,
                    "theme_name": theme.name,
                    "code": quote.code_id,
                    "document_id": quote.item_id,
                    "respondent_group": None if pd.isna(group) else group,
                    "text": quote.text,
                }
            )
    columns = ["theme_id", "theme_name", "code", "document_id", "respondent_group", "text"]
    rows = [row for theme in themes.themes for row in chosen[theme.id]]
    return pd.DataFrame(rows, columns=columns)


def _consent(people: pd.DataFrame, person: str) -> dict[Hashable, bool]:
    missing = [c for c in (person, "may_quote") if c not in people]
    if missing:
        raise DataError(f"people lack the column(s) {', '.join(missing)}")
    return consent_by_person(zip(people[person], people["may_quote"], strict=True))
