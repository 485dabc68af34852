"""A seeded, reproducible synthetic evaluation shaped like a real Trust's peer support evaluation.

25 Peer Support Workers across five care groups; 32 service users (each completing the
service-user survey, INSPIRE and the Friends and Family Test) and 38 staff with the
profession mix 16 qualified nurses, 12 unqualified nursing staff, 6 occupational
therapists, 2 social workers, 1 psychiatrist and 1 not stated. Answers are mostly
favourable with a realistic spread; free text is drawn from sentences written for peerval,
tagged with the demo codebook's codes, so the codings are known. Nobody in it is real.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from peerval.errors import DataError
from peerval.instruments.registry import Registry, default_registry
from peerval.instruments.schema import Instrument
from peerval.qual.codebook import Codebook
from peerval.responses import ResponseSet

from .codebook import DEMO_CODEBOOK
from .phrases import NON_ANSWERS, PHRASES

__all__ = ["DEMO_INSTRUMENTS", "DemoEvaluation", "generate_demo"]

DEMO_INSTRUMENTS = ("service-user-psw-survey", "inspire", "fft", "staff-psw-survey")
WAVE = "2026"
N_SERVICE_USERS = 32
#: staff profession codes (staff survey) and how many of each; None = not stated
STAFF_PROFESSIONS = {1: 16, 2: 12, 3: 6, 4: 2, 5: 1, None: 1}
#: PSWs per care group code (care group option set of the built-in surveys)
PSWS_PER_CARE_GROUP = {1: 7, 2: 8, 3: 5, 4: 2, 5: 3}
CARE_GROUP_WEIGHTS = np.array([7, 8, 5, 2, 3], dtype=float) / 25

# Answer tendencies over codes 1..5 (agree5), "Don't know" and skips are added separately.
FAVOURABLE = np.array([0.03, 0.06, 0.14, 0.43, 0.34])
MIXED = np.array([0.08, 0.17, 0.25, 0.32, 0.18])
UNFAVOURABLE = np.array([0.30, 0.38, 0.17, 0.10, 0.05])


@dataclass
class DemoEvaluation:
    """Everything the demo makes: responses, PSW roster, free-text codings and codebook."""

    name: str
    wave: str
    responses: ResponseSet
    psws: pd.DataFrame
    codings: pd.DataFrame
    codebook: Codebook
    instruments: dict[str, Instrument]

    def people_by_group(self) -> dict[str, int]:
        """How many people took part, per respondent group."""
        people = self.responses.respondents.drop_duplicates(["respondent_group", "respondent_id"])
        return {str(k): int(v) for k, v in people.groupby("respondent_group").size().items()}


class _Writer:
    """Collects answers and respondents row by row (the demo is small)."""

    def __init__(self, instruments: dict[str, Instrument]) -> None:
        self.instruments = instruments
        self.answers: list[dict[str, object]] = []
        self.respondents: list[dict[str, object]] = []
        self.codings: list[dict[str, object]] = []

    def response(
        self,
        response_id: str,
        person: str,
        group: str,
        instrument_id: str,
        attributes: dict[str, str],
    ) -> None:
        self.respondents.append(
            {
                "response_id": response_id,
                "respondent_id": person,
                "wave": WAVE,
                "respondent_group": group,
                "instrument": instrument_id,
                "mode": "demo",
                **attributes,
            }
        )

    def answer(
        self,
        response_id: str,
        group: str,
        instrument_id: str,
        item_id: str,
        value: float | None = None,
        text: str | None = None,
    ) -> None:
        if value is None and text is None:
            return
        self.answers.append(
            {
                "response_id": response_id,
                "wave": WAVE,
                "instrument": instrument_id,
                "instrument_version": self.instruments[instrument_id].version,
                "respondent_group": group,
                "item_id": item_id,
                "value": np.nan if value is None else float(value),
                "text": text,
            }
        )


class _TextPool:
    """Draws sentences per code without repeating one until its pool is used up.

    Within one answer the sentences agree about the PSW ("she", "he" or a neutral wording),
    and an answer that says nothing needs changing is not joined to a complaint.
    """

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.queues: dict[tuple[str, str, str], list[str]] = {}

    def sentence(self, group: str, question: str, code: str, pronoun: str | None) -> str:
        key = (group, question, code)
        if not self.queues.get(key):
            pool = list(PHRASES[group][question][code])
            self.rng.shuffle(pool)
            self.queues[key] = pool
        queue = self.queues[key]
        for index in range(len(queue) - 1, -1, -1):
            if _pronoun(queue[index]) in (None, pronoun):
                return queue.pop(index)
        fitting = [t for t in PHRASES[group][question][code] if _pronoun(t) in (None, pronoun)]
        return str(self.rng.choice(fitting)) if fitting else queue.pop()

    def answer(
        self, group: str, question: str, weights: dict[str, float], n_sentences: int
    ) -> tuple[str, list[str]]:
        codes = list(weights)
        p = np.array([weights[c] for c in codes], dtype=float)
        chosen = [
            str(c)
            for c in self.rng.choice(
                codes, size=min(n_sentences, len(codes)), replace=False, p=p / p.sum()
            )
        ]
        if question == "could_improve" and DEMO_CODEBOOK.code(chosen[0]).valence == "positive":
            chosen = chosen[:1]  # "nothing to change" stands alone
        elif question == "could_improve":
            chosen = [c for c in chosen if DEMO_CODEBOOK.code(c).valence == "concern"] or chosen
        pronoun = str(self.rng.choice(["she", "he"]))
        sentences = [self.sentence(group, question, code, pronoun) for code in chosen]
        if len(sentences) > 1:  # an informal fragment alone is kept as written
            sentences = [_as_sentence(s) for s in sentences]
        return " ".join(sentences), chosen


def _as_sentence(text: str) -> str:
    """A fragment as a sentence, so that two joined fragments do not run together."""
    text = text.strip()
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else text + "."


_SHE = re.compile(r"\b(she|her|hers|herself)\b", re.IGNORECASE)
_HE = re.compile(r"\b(he|him|his|himself)\b", re.IGNORECASE)


def _pronoun(sentence: str) -> str | None:
    """Which PSW a sentence speaks of: "she", "he", or None when it names nobody's gender."""
    if _SHE.search(sentence):
        return "she"
    if _HE.search(sentence):
        return "he"
    return None


def _likert(
    rng: np.random.Generator,
    p: np.ndarray,
    dont_know: float = 0.03,
    skip: float = 0.03,
    required: bool = False,
) -> int | None:
    u = rng.random()
    if not required and u < skip:
        return None
    if u < skip + dont_know:
        return 9
    return int(rng.choice(5, p=p) + 1)


def generate_demo(
    seed: int = 2026, registry: Registry | None = None, scale: int = 1
) -> DemoEvaluation:
    """Make the demo evaluation; the same seed always gives the same data.

    ``scale`` multiplies the number of service users and of staff in each profession (for
    benchmarks); the default gives the reference case.
    """
    if scale < 1:
        raise DataError(f"scale must be 1 or more, not {scale}")
    registry = registry or default_registry()
    instruments = {i: registry.get(i) for i in DEMO_INSTRUMENTS}
    rng = np.random.default_rng(seed)
    writer = _Writer(instruments)
    text = _TextPool(rng)

    care_labels = {
        o.code: o.label
        for o in instruments["staff-psw-survey"].options_for(
            instruments["staff-psw-survey"].item("care_group")
        )
    }
    psws = _psws(rng, care_labels)
    _service_users(rng, writer, text, instruments, care_labels, N_SERVICE_USERS * scale)
    # consent to quote draws from its own stream, so that adding the question to the staff
    # survey left every other demo answer as it was
    consent = np.random.default_rng([seed, 1])
    _staff(rng, consent, writer, text, instruments, care_labels, scale)

    answers = pd.DataFrame(writer.answers)
    answers["text"] = answers["text"].astype(object)
    respondents = pd.DataFrame(writer.respondents)
    codings = pd.DataFrame(
        writer.codings, columns=["instrument", "response_id", "item_id", "code_id", "coder"]
    )
    return DemoEvaluation(
        name="Peer support service evaluation (demo Trust)",
        wave=WAVE,
        responses=ResponseSet(answers, respondents),
        psws=psws,
        codings=codings,
        codebook=DEMO_CODEBOOK,
        instruments=instruments,
    )


def _psws(rng: np.random.Generator, care_labels: dict[int, str]) -> pd.DataFrame:
    rows = []
    n = 0
    for code, count in PSWS_PER_CARE_GROUP.items():
        for _ in range(count):
            n += 1
            rows.append(
                {
                    "psw_id": f"PSW{n:02d}",
                    "care_group": care_labels[code],
                    "contracted_hours": float(rng.choice([22.5, 30.0, 37.5], p=[0.3, 0.3, 0.4])),
                    "hours_with_service_users": 0.0,
                }
            )
    frame = pd.DataFrame(rows)
    share = rng.uniform(0.45, 0.7, size=len(frame))
    frame["hours_with_service_users"] = np.round(frame["contracted_hours"] * share * 2) / 2
    return frame


def _free_text(
    rng: np.random.Generator,
    writer: _Writer,
    text: _TextPool,
    response_id: str,
    group: str,
    instrument_id: str,
    item_id: str,
    question: str,
    weights: dict[str, float],
    answer_rate: float,
) -> None:
    u = rng.random()
    if u > answer_rate:
        return
    if u > answer_rate - 0.08:
        writer.answer(response_id, group, instrument_id, item_id, text=str(rng.choice(NON_ANSWERS)))
        return
    n_sentences = int(rng.choice([1, 2, 3], p=[0.45, 0.4, 0.15]))
    body, codes = text.answer(group, question, weights, n_sentences)
    writer.answer(response_id, group, instrument_id, item_id, text=body)
    for code in codes:
        writer.codings.append(
            {
                "instrument": instrument_id,
                "response_id": response_id,
                "item_id": item_id,
                "code_id": code,
                "coder": "demo",
            }
        )


def _service_users(
    rng: np.random.Generator,
    writer: _Writer,
    text: _TextPool,
    instruments: dict[str, Instrument],
    care_labels: dict[int, str],
    count: int,
) -> None:
    group = "service_user"
    care_groups = rng.choice(list(PSWS_PER_CARE_GROUP), size=count, p=CARE_GROUP_WEIGHTS)
    for n in range(count):
        person = f"SU{n + 1:03d}"
        care = int(care_groups[n])
        months = int(rng.choice([1, 2, 3, 4], p=[0.15, 0.3, 0.3, 0.25]))
        tone = FAVOURABLE if rng.random() < 0.8 else MIXED
        may_quote = int(rng.random() < 0.75)
        attributes = {
            "care_group": care_labels[care],
            "months_with_psw": [
                "Less than 3 months",
                "3 to 6 months",
                "6 to 12 months",
                "More than a year",
            ][months - 1],
            "may_quote": "Yes" if may_quote else "No",
        }

        rid = f"{person}-SU"
        writer.response(rid, person, group, "service-user-psw-survey", attributes)
        survey = instruments["service-user-psw-survey"]
        writer.answer(rid, group, survey.id, "care_group", care)
        writer.answer(rid, group, survey.id, "months_with_psw", months)
        for item_id in (
            "listens",
            "understands",
            "not_judged",
            "helps_goals",
            "gives_hope",
            "practical_help",
            "feel_supported",
        ):
            required = survey.item(item_id).required
            writer.answer(rid, group, survey.id, item_id, _likert(rng, tone, required=required))
        writer.answer(
            rid,
            group,
            survey.id,
            "hard_to_reach",
            _likert(rng, MIXED if tone is FAVOURABLE else FAVOURABLE),
        )
        time_week = int(rng.choice([1, 2, 3, 4], p=[0.2, 0.4, 0.3, 0.1]))
        short = time_week <= 2
        time_enough = 1 if rng.random() < (0.6 if short else 0.2) else 2
        writer.answer(rid, group, survey.id, "time_per_week", time_week)
        writer.answer(rid, group, survey.id, "time_enough", time_enough)
        writer.answer(rid, group, survey.id, "helps_recovery", _likert(rng, tone))
        writer.answer(
            rid,
            group,
            survey.id,
            "want_more_time",
            _likert(rng, FAVOURABLE if time_enough == 1 else MIXED),
        )
        writer.answer(rid, group, survey.id, "overall_rating", _likert(rng, tone, dont_know=0))
        _free_text(
            rng,
            writer,
            text,
            rid,
            group,
            survey.id,
            "what_helps",
            "what_helps",
            {
                "practical_help": 1.2,
                "emotional_support": 1.2,
                "recovery_hope": 1.0,
                "lived_experience": 1.3,
                "feeling_heard": 1.1,
                "understands_me": 1.1,
                "time_given": 0.6,
            },
            answer_rate=0.9,
        )
        wants_time = 2.5 if time_enough == 1 else 0.6
        _free_text(
            rng,
            writer,
            text,
            rid,
            group,
            survey.id,
            "could_improve",
            "could_improve",
            {
                "not_enough_time": wants_time,
                "spread_thin": 1.0,
                "role_unclear": 0.5,
                "time_given": 0.4,
                "emotional_support": 0.3,
            },
            answer_rate=0.75,
        )
        writer.answer(rid, group, survey.id, "may_quote", may_quote)

        rid = f"{person}-IN"
        writer.response(rid, person, group, "inspire", attributes)
        _inspire(rng, writer, rid, n)

        rid = f"{person}-FFT"
        writer.response(rid, person, group, "fft", attributes)
        fft = int(rng.choice([1, 2, 3, 4, 5, 6], p=[0.55, 0.27, 0.08, 0.04, 0.03, 0.03]))
        writer.answer(rid, group, "fft", "fft_rating", fft)


def _inspire(rng: np.random.Generator, writer: _Writer, rid: str, n: int) -> None:
    group = "service_user"
    # two people mark nothing as important and one skips a relationship item, so that the
    # demo shows how "not scorable" results are reported
    none_important = n in (5, 19)
    for i in range(1, 21):
        important = 0 if none_important else int(rng.random() < 0.82)
        writer.answer(rid, group, "inspire", f"s{i:02d}_important", important)
        if important:
            rating = int(rng.choice(5, p=[0.04, 0.08, 0.2, 0.38, 0.3]))
            writer.answer(rid, group, "inspire", f"s{i:02d}_support", rating)
    for i in range(1, 8):
        if n == 11 and i == 4:
            continue
        writer.answer(
            rid, group, "inspire", f"r{i:02d}", int(rng.choice(5, p=[0.03, 0.06, 0.16, 0.4, 0.35]))
        )


def _staff(
    rng: np.random.Generator,
    consent: np.random.Generator,
    writer: _Writer,
    text: _TextPool,
    instruments: dict[str, Instrument],
    care_labels: dict[int, str],
    scale: int,
) -> None:
    group = "staff"
    survey = instruments["staff-psw-survey"]
    professions: list[int | None] = [
        p for p, k in STAFF_PROFESSIONS.items() for _ in range(k * scale)
    ]
    order = rng.permutation(len(professions))
    profession_labels = {o.code: o.label for o in survey.options_for(survey.item("profession"))}
    care_groups = rng.choice(list(PSWS_PER_CARE_GROUP), size=len(professions), p=CARE_GROUP_WEIGHTS)
    for n, k in enumerate(order):
        profession = professions[int(k)]
        person = f"ST{n + 1:03d}"
        rid = f"{person}-ST"
        care = int(care_groups[n])
        alongside = int(rng.choice([1, 2, 3, 4], p=[0.15, 0.25, 0.3, 0.3]))
        may_quote = int(consent.random() < 0.7)
        attributes = {
            "profession": profession_labels[profession] if profession else "Not stated",
            "care_group": care_labels[care],
            "time_alongside_psws": [
                "Less than 6 months",
                "6 to 12 months",
                "1 to 2 years",
                "More than 2 years",
            ][alongside - 1],
            "may_quote": "Yes" if may_quote else "No",
        }
        writer.response(rid, person, group, survey.id, attributes)
        writer.answer(rid, group, survey.id, "profession", profession)
        writer.answer(rid, group, survey.id, "care_group", care)
        writer.answer(rid, group, survey.id, "time_alongside", alongside)
        tone = FAVOURABLE if rng.random() < 0.75 else MIXED
        # unqualified staff and newer colleagues are less sure what the role involves
        role_tone = MIXED if profession == 2 or alongside == 1 else tone
        for item_id in (
            "valued_member",
            "distinct_contribution",
            "helps_recovery",
            "improves_engagement",
            "builds_hope",
            "want_more_psws",
            "want_more_time",
        ):
            required = survey.item(item_id).required
            writer.answer(rid, group, survey.id, item_id, _likert(rng, tone, required=required))
        writer.answer(rid, group, survey.id, "understand_role", _likert(rng, role_tone))
        writer.answer(rid, group, survey.id, "adds_workload", _likert(rng, UNFAVOURABLE))
        unclear = 2.0 if role_tone is MIXED else 0.6
        _free_text(
            rng,
            writer,
            text,
            rid,
            group,
            survey.id,
            "what_works",
            "what_works",
            {
                "practical_help": 0.9,
                "emotional_support": 0.9,
                "recovery_hope": 1.0,
                "lived_experience": 1.4,
                "feeling_heard": 0.8,
                "understands_me": 1.1,
                "team_integration": 1.1,
                "time_given": 0.8,
            },
            answer_rate=0.85,
        )
        _free_text(
            rng,
            writer,
            text,
            rid,
            group,
            survey.id,
            "could_improve",
            "could_improve",
            {
                "not_enough_time": 1.0,
                "spread_thin": 1.6,
                "role_unclear": unclear,
                "team_integration": 0.4,
            },
            answer_rate=0.8,
        )
        writer.answer(rid, group, survey.id, "may_quote", may_quote)
