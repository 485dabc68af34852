"""The demo codebook: four central themes of a peer support evaluation, written for peerval."""

from __future__ import annotations

from peerval.qual.codebook import Code, Codebook, Theme

__all__ = ["DEMO_CODEBOOK"]

DEMO_CODEBOOK = Codebook(
    name="Peer support evaluation (demo)",
    version="1",
    themes=(
        Theme(
            "support",
            "Support",
            "The help a PSW gives: practical, emotional and towards recovery goals.",
            (
                Code(
                    "practical_help",
                    "Practical help",
                    "Help with appointments, benefits, housing, activities or groups.",
                ),
                Code(
                    "emotional_support",
                    "Emotional support",
                    "Someone to talk to, encouragement, being there when things are hard.",
                ),
                Code(
                    "recovery_hope",
                    "Hope and recovery",
                    "Hope that recovery is possible; working towards goals; confidence.",
                ),
            ),
        ),
        Theme(
            "empathy",
            "Empathy",
            "Being met by someone who has been there and who listens without judging.",
            (
                Code(
                    "lived_experience",
                    "Shared lived experience",
                    "The PSW's own experience of mental ill-health and recovery.",
                ),
                Code(
                    "feeling_heard",
                    "Feeling heard",
                    "Listened to without judgement; treated as a person, not a diagnosis.",
                ),
            ),
        ),
        Theme(
            "understanding",
            "Understanding",
            "Understanding between service users, PSWs and the team, and of the role itself.",
            (
                Code(
                    "understands_me",
                    "Understands the service user",
                    "The PSW understands what the person is going through, and helps the "
                    "team understand it too.",
                ),
                Code(
                    "team_integration",
                    "Part of the team",
                    "The PSW is a valued member of the team and a bridge to service users.",
                ),
                Code(
                    "role_unclear",
                    "Role unclear",
                    "Some staff or service users are unsure "
                    "what PSWs do, or the role is not used well.",
                    "concern",
                ),
            ),
        ),
        Theme(
            "time",
            "Time with the PSW",
            "How much time service users get with a PSW, and whether there are enough PSWs.",
            (
                Code("time_given", "Time given", "PSWs have time and do not rush."),
                Code(
                    "not_enough_time",
                    "Not enough time",
                    "Sessions too short, too rare or cancelled.",
                    "concern",
                ),
                Code(
                    "spread_thin",
                    "PSWs spread thin",
                    "Too few PSWs or hours across wards and teams; PSWs need more support.",
                    "concern",
                ),
            ),
        ),
    ),
)
