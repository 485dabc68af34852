"""Precision and recall on a small labelled set of synthetic survey answers.

Each answer marks what should be redacted as {kind:text}. A predicted span counts as correct
only when its kind, start and end all match a marked span exactly.
"""

from __future__ import annotations

from collections import Counter

import pytest

from peerval.qual.redact import Redactor

from .redact_helpers import nhs_check_digit, parse_marked

KINDS = (
    "name",
    "nhs_number",
    "phone",
    "email",
    "postcode",
    "date_of_birth",
    "address",
    "listed_term",
)

LABELLED = [
    "My PSW {name:Sarah} was brilliant and always listened.",
    "{name:Dr Okafor} explained my medication properly for the first time.",
    "I will try to keep coming to the group.",
    "The group moved to Tuesdays in May, which suited me.",
    "Will I be able to carry on seeing someone after discharge?",
    "{name:Nurse Jones} and my peer worker {name:Tom} sat with me.",
    "You can reach me on {phone:07700 900123} if you want to follow up.",
    "My NHS number is {nhs_number:943 476 5919} in case you need it.",
    "Please email {email:j.patel@example.org} with any questions.",
    "I live near {postcode:NG5 1PB} so the bus was easy.",
    "I was born on {date_of_birth:12 March 1980} and have used services since my teens.",
    "Since 3 March things have been a lot calmer.",
    "{name:Priya} and {name:Michael} ran the walking group together.",
    "Grace and patience is what the team showed me.",
    "My support worker is {name:Mark} and he never gave up on me.",
    "Mark my words, this service saved my life.",
    "Call the office on {phone:0115 496 0000} before 5pm.",
    "DOB {date_of_birth:01/02/1975}, I was referred in 2021.",
    "The PSW helped me fill in forms for the NHS and the council.",
    "I spoke to {name:Mrs Begum} at reception and she was lovely.",
    "Hope is something I had lost before I met {name:Ahmed}.",
    "My OT suggested the art group on Fridays.",
    "{name:Siobhan Murphy} from the crisis team rang every day.",
    "Text me on {phone:+44 7700 900456} or email {email:sam_r@example.co.uk}.",
    "My date of birth is {date_of_birth:March 12, 1980} but the letter had it wrong.",
    "I got my first letter on 12/03/2022 and the wait was long.",
    "Our peer supporter, {name:Will}, organised a trip to the coast.",
    "It may take time but it works.",
    "Send post to {postcode:SW1A 1AA} rather than my home.",
    "The reference 943 476 5918 on my letter was wrong.",
    "Thanks to {name:Rachel} I finally feel heard.",
    "{name:Dr Ama Mensah} listened without rushing me.",
    "I met {name:Gareth} at the Recovery College.",
    "The Recovery College course in June was the best thing I did.",
    "Faith groups nearby also helped me.",
    "My key worker {name:Pat} helped me apply for benefits.",
    "Ring {phone:020 7946 0018} for the duty team.",
    "Her email is {email:Lucy.Brown@example.nhs.uk} if anyone wants to thank her.",
    "My birthday is {date_of_birth:3rd May} and they sent a card.",
    "In April I started going twice a week.",
    "{name:Chloe}, {name:Aisha} and {name:Jack} made me feel welcome.",
    "Jack of all trades is what they call me now.",
    "My old flat at {postcode:ls6 2ab} was damp.",
    "NHS number {nhs_number:4010232137}, please update my record.",
    "I was on {listed_term:Rowan Ward} for six weeks.",
    "The {listed_term:cedar team} were kind to my family.",
    "{name:Sue} from the cafe always had a smile for me.",  # a name that is also a verb
    "{name:Lee} was my PSW and he was honest about his own recovery.",
    "Call me on {phone:(0161) 496 0123} after six.",
    "Doctors and nurses were rushed, but my PSW {name:Kwame Asante} made time.",
    "I emailed {email:help@peer-support.example.com} and nobody answered.",
    "{name:Mr O'Neill} in the pharmacy sorted my prescription.",
    "D.O.B. {date_of_birth:14/07/1969}, male, referred by my GP.",
    "The number {phone:07700900789} is my mum's mobile.",
    "May I say how grateful I am to {name:Ellie} and the team.",
    "Pop in to {listed_term:Rowan ward} any time, they said.",
    "The Hope Centre runs art sessions on Wednesdays.",
    "St Mary's Hospital was too far away for my dad.",
    "I had 3 sessions in 2023 and 10 out of 10 would recommend.",
    "Sessions at {postcode:B33 8TH} were easier to get to.",
    "{name:Rose} from {listed_term:Rowan Ward} phoned me after I left.",  # a name, a word
    "The PSW came to {address:14 Larch Close} every week when I could not go out.",
    "My new flat is {address:Flat 2, 37 Mill Lane} and it is much quieter.",
    "She still lives on {address:Hawthorn Road} so I see her at the shops.",
    "Post the forms to {address:9 Station Rd}, {postcode:NG7 2AB} please.",
    "The drop-in at the church hall on the high street is open on Mondays.",
    "I walk to the park most days now and it helps.",
    "Room 12 was cold but the staff brought blankets.",
]


def measure() -> dict[str, dict[str, float]]:
    """Per-kind true positives, predictions and expected spans, with precision and recall."""
    redactor = Redactor(extra_terms=["Rowan Ward", "Cedar Team"])
    true_positive: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    for marked in LABELLED:
        text, wanted = parse_marked(marked)
        got = {(r.kind, r.start, r.end) for r in redactor.redact(text).redactions}
        predicted.update(kind for kind, _, _ in got)
        expected.update(kind for kind, _, _ in wanted)
        true_positive.update(kind for kind, _, _ in got & wanted)
    table: dict[str, dict[str, float]] = {}
    for kind in (*KINDS, "overall"):
        if kind == "overall":
            tp, p, e = (sum(c.values()) for c in (true_positive, predicted, expected))
        else:
            tp, p, e = true_positive[kind], predicted[kind], expected[kind]
        table[kind] = {
            "expected": e,
            "predicted": p,
            "correct": tp,
            "precision": tp / p if p else 1.0,
            "recall": tp / e if e else 1.0,
        }
    return table


def report(table: dict[str, dict[str, float]]) -> str:
    lines = [f"{'kind':<14}{'expected':>9}{'found':>7}{'correct':>9}{'precision':>11}{'recall':>8}"]
    for kind, row in table.items():
        lines.append(
            f"{kind:<14}{row['expected']:>9}{row['predicted']:>7}{row['correct']:>9}"
            f"{row['precision']:>11.3f}{row['recall']:>8.3f}"
        )
    return "\n".join(lines)


@pytest.fixture(scope="module")
def table() -> dict[str, dict[str, float]]:
    measured = measure()
    print("\n" + report(measured))
    return measured


def test_the_set_is_big_enough_and_well_formed():
    assert len(LABELLED) >= 40
    kinds_marked = Counter()
    for marked in LABELLED:
        text, spans = parse_marked(marked)
        assert "{" not in text and "}" not in text
        kinds_marked.update(kind for kind, _, _ in spans)
    assert set(kinds_marked) == set(KINDS)
    assert kinds_marked["name"] >= 20


def test_marked_nhs_numbers_are_valid_by_an_independent_check():
    for marked in LABELLED:
        text, spans = parse_marked(marked)
        for kind, start, end in spans:
            if kind == "nhs_number":
                digits = "".join(c for c in text[start:end] if c.isdigit())
                assert nhs_check_digit(digits[:9]) == int(digits[9])


def test_every_nhs_number_email_and_phone_is_found(table):
    for kind in ("nhs_number", "email", "phone"):
        assert table[kind]["recall"] == 1.0, kind


def test_names_are_found_nine_times_in_ten(table):
    assert table["name"]["recall"] >= 0.9


def test_overall_precision_is_at_least_ninety_percent(table):
    assert table["overall"]["precision"] >= 0.9
