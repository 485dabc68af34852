from pathlib import Path

import pytest

from peerval.instruments import BUILTIN_DIR, default_registry, load_instrument

BUILTIN_FILES = sorted(BUILTIN_DIR.glob("*.yaml"))


def test_the_expected_builtin_instruments_are_registered():
    assert default_registry().ids() == [
        "brief-inspire",
        "fft",
        "inspire",
        "service-user-psw-survey",
        "staff-psw-survey",
    ]


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=lambda p: Path(p).stem)
def test_every_builtin_instrument_file_validates(path):
    instrument = load_instrument(path)
    assert instrument.items
    assert len(instrument.content_hash) == 64


def test_inspire_has_twenty_gated_support_items_and_seven_relationship_items():
    inspire = default_registry().get("inspire")
    support = inspire.scale("support")
    assert len(support.items) == 20
    assert all(
        entry.gate == entry.item.replace("_support", "_important") for entry in support.items
    )
    assert [e.item for e in inspire.scale("relationship").items] == [
        f"r{i:02d}" for i in range(1, 8)
    ]
    domains = {inspire.item(e.item).domain for e in support.items}
    assert domains == {"Connectedness", "Hope", "Identity", "Meaning", "Empowerment"}
    assert not support.verified and not inspire.scale("relationship").verified


def test_brief_inspire_has_one_item_per_chime_domain():
    brief = default_registry().get("brief-inspire")
    assert sorted(i.domain for i in brief.items) == sorted(
        ["Connectedness", "Hope", "Identity", "Meaning", "Empowerment"]
    )
    assert brief.scale("brief_inspire").method == "sum"
    assert brief.score_range(brief.scale("brief_inspire")) == (0.0, 100.0)


def test_licensed_instruments_ship_no_item_wording():
    for instrument_id in ("inspire", "brief-inspire"):
        instrument = default_registry().get(instrument_id)
        assert instrument.needs_wording_pack
        assert all(item.text is None for item in instrument.items)


def test_fft_has_the_six_standard_responses_with_dont_know_as_missing():
    fft = default_registry().get("fft")
    options = fft.options_for(fft.item("fft_rating"))
    assert [o.label for o in options] == [
        "Very good",
        "Good",
        "Neither good nor poor",
        "Poor",
        "Very poor",
        "Don't know",
    ]
    assert [o.missing for o in options] == [False] * 5 + [True]


def test_staff_survey_covers_profession_care_group_and_time_alongside_psws():
    staff = default_registry().get("staff-psw-survey")
    attributes = {i.attribute for i in staff.items if i.attribute}
    assert attributes == {"profession", "care_group", "time_alongside_psws", "may_quote"}
    assert {i.id for i in staff.items if i.type == "free_text"} == {"what_works", "could_improve"}
    assert staff.item("adds_workload").reverse


def test_staff_survey_asks_consent_to_quote_and_keeps_the_version_that_did_not():
    registry = default_registry()
    assert registry.versions("staff-psw-survey") == ["2026.1", "2026.2"]
    item = registry.get("staff-psw-survey").item("may_quote")
    assert item.type == "yes_no" and item.attribute == "may_quote" and not item.required
    old = registry.get("staff-psw-survey", "2026.1")
    assert "may_quote" not in {i.id for i in old.items}
