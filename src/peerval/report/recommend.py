"""Draft recommendations from the results: starting points for the evaluation team to edit.

Each rule reads results.json numbers only and says which finding it rests on.
"""

from __future__ import annotations

from typing import Any

from peerval.instruments.schema import Instrument

from .words import fmt_pct, group_label

__all__ = ["draft_recommendations"]

#: a concern mentioned by at least this share of those answering earns a recommendation
CONCERN_SHARE = 25.0
#: the share rating a service good or very good in the Friends and Family Test at or above
#: which the draft says to keep what works (below it, to look into the other ratings)
FFT_GOOD = 80.0


def draft_recommendations(data: dict[str, Any], instruments: dict[str, Instrument]) -> list[str]:
    """Recommendations drafted from the protected results, most specific first."""
    out: list[str] = []
    themes = {t["theme"]: t for t in data["themes"]}
    for theme_id, advice in (
        (
            "time",
            "Review PSW capacity: the time service users get with a PSW, and PSW numbers "
            "and hours across teams, were raised when people were asked what could be "
            "better",
        ),
        (
            "understanding",
            "Help teams understand the PSW role, for example through induction "
            "for new staff and clear information for service users about what "
            "PSWs do",
        ),
    ):
        theme = themes.get(theme_id)
        if not theme:
            continue
        shares = [
            (p["respondent_group"], p["percent"])
            for p in theme["prevalence"]
            if p["item"] == "could_improve"
            and p["percent"] is not None
            and p["percent"] >= CONCERN_SHARE
        ]
        if shares:
            basis = "; ".join(
                f"{fmt_pct(pct)} of {group_label(g)} who answered" for g, pct in shares
            )
            out.append(f"{advice} ({basis}).")
    for scale in data["scales"]:
        if (
            scale["scale"] == "want_more"
            and scale["estimate"] is not None
            and scale["estimate"] >= 60
        ):
            out.append(
                "Consider growing the peer support service: staff support more PSWs and more PSW "
                f"time (score {scale['estimate']:.0f} out of 100)."
            )
    for fft in data["fft"]:
        pos, neg = fft["positive"]["estimate"], fft["negative"]["estimate"]
        if pos is None:
            continue
        who = group_label(fft["respondent_group"])
        if pos >= FFT_GOOD:
            out.append(
                f"Keep what makes the service work for {who}: {fmt_pct(pos)} rated it good or "
                "very good in the Friends and Family Test."
            )
        else:
            # most people rating it well is still a favourable finding: the recommendation is
            # about the rest, not a call to improve something that is mostly good
            rest = f", and {fmt_pct(neg)} poor or very poor" if neg is not None else ""
            out.append(
                f"Find out what lies behind the less favourable Friends and Family Test ratings: "
                f"{fmt_pct(pos)} of {who} rated the service good or very good{rest}; their "
                "free-text answers say why."
            )
    weakest = [
        r
        for r in data["likert"]
        if r["pct_agree"] is not None
        and r["pct_agree"] < 60
        and instruments[r["instrument"]].item(r["item"]).text
    ]
    for row in sorted(weakest, key=lambda r: r["pct_agree"])[:2]:
        text = instruments[row["instrument"]].item(row["item"]).text
        out.append(
            f"Look into \u201c{text}\u201d: only {fmt_pct(row['pct_agree'])} of "
            f"{group_label(row['respondent_group'])} agreed."
        )
    unverified = sorted({s["title"] for s in data["scales"] if not s["verified"]})
    if unverified:
        out.append(
            "Check the scoring of "
            + (", ".join(unverified[:-1]) + " and " if len(unverified) > 1 else "")
            + unverified[-1]
            + " against the official "
            "scoring instructions before these scores are published or compared."
        )
    out.append(
        "Repeat the staff survey every year and the service-user survey every two years "
        "with the same instruments, so that later waves can be compared with this one."
    )
    return out
