"""Microsoft Forms exports import with the msforms preset; personal data is dropped."""

from __future__ import annotations

import pytest

from peerval.errors import ImportValidationError
from peerval.ingest import PRESETS, Mapping, import_table

FORMS_COLUMNS = ["ID", "Start time", "Completion time", "Email", "Name"]
EMAILS = ["jo.bloggs@example.nhs.uk", "sam.smith@example.nhs.uk"]
NAMES = ["Jo Bloggs", "Sam Smith"]


def _all_cells(result) -> set[str]:
    cells: set[str] = set()
    for frame in (result.answers, result.respondents):
        cells |= {str(c) for c in frame.columns}
        cells |= {str(v) for v in frame.to_numpy().ravel()}
    return cells


@pytest.fixture
def forms_export(write_csv, test_instrument):
    header = FORMS_COLUMNS + [item.text for item in test_instrument.items]
    assert header[5:] == ["Age", "Start date", "How do you contact your PSW?", "Rating"]
    rows = [
        header,
        ["1", "1/5/24 10:01:02", "1/5/24 10:04:40", EMAILS[0], NAMES[0],
         "34", "2024-01-05", "Phone;Text;", "High"],
        ["2", "1/6/24 09:00:00", "1/6/24 09:03:00", EMAILS[1], NAMES[1],
         "51", "", "In person;", "Low"],
    ]  # fmt: skip
    return write_csv(rows, name="Staff survey(1-2).csv")


def test_preset_is_msforms_shaped():
    preset = PRESETS["msforms"]
    assert preset.response_id == "ID"
    assert preset.multi_separator == ";"
    for column in ("Start time", "Completion time", "Email", "Name"):
        assert preset.ignores(column)


def test_forms_export_imports_with_the_preset(forms_export, test_instrument):
    result = import_table(forms_export, test_instrument, Mapping(preset="msforms"), wave="2026")
    assert list(result.respondents["response_id"]) == ["1", "2"]
    answers = result.answers
    first = answers[answers["response_id"] == "1"]
    assert first.loc[first["item_id"] == "age", "value"].tolist() == [34.0]
    assert first.loc[first["item_id"] == "start", "text"].tolist() == ["2024-01-05"]
    assert first.loc[first["item_id"] == "rating", "value"].tolist() == [3.0]
    second = answers[answers["response_id"] == "2"]
    assert second.loc[second["item_id"] == "rating", "value"].tolist() == [1.0]
    assert "start" not in set(second["item_id"])


def test_multi_choice_cell_with_trailing_separator_splits_into_one_row_per_option(
    forms_export, test_instrument
):
    result = import_table(forms_export, test_instrument, Mapping(preset="msforms"), wave="2026")
    channels = result.answers[result.answers["item_id"] == "channels"]
    chosen = {
        rid: sorted(group["value"].tolist()) for rid, group in channels.groupby("response_id")
    }
    # "Phone;Text;" -> Phone (1) and Text (2); "In person;" -> In person (3); no empty option
    assert chosen == {"1": [1.0, 2.0], "2": [3.0]}
    assert channels["text"].isna().all()


def test_email_and_name_never_appear_in_the_output(forms_export, test_instrument):
    result = import_table(forms_export, test_instrument, Mapping(preset="msforms"), wave="2026")
    cells = _all_cells(result)
    for personal in [*EMAILS, *NAMES, "Email", "Name", "Start time", "Completion time"]:
        assert personal not in cells
    assert not any("@" in cell for cell in cells)
    assert not any("Bloggs" in cell or "Smith" in cell for cell in cells)


def test_without_the_preset_the_forms_columns_are_unknown(forms_export, test_instrument):
    with pytest.raises(ImportValidationError) as info:
        import_table(forms_export, test_instrument, wave="2026")
    unknown = [p.location.column for p in info.value.problems if p.kind == "unknown_column"]
    assert set(unknown) == set(FORMS_COLUMNS)
    # personal data is not quoted back in the problems either
    assert not any(e in str(info.value) for e in EMAILS + NAMES)


def test_mapping_fields_add_to_the_preset(write_csv, test_instrument):
    rows = [
        FORMS_COLUMNS + ["Team", "Age", "How do you contact your PSW?", "Rating"],
        ["7", "t", "t", "x@example.org", "X", "Ward 4", "40", "Phone|Text", "Mid"],
    ]
    mapping = Mapping(preset="msforms", ignore=["Team"], multi_separator="|")
    result = import_table(write_csv(rows), test_instrument, mapping, wave="2026")
    channels = result.answers[result.answers["item_id"] == "channels"]
    assert sorted(channels["value"]) == [1.0, 2.0]
    assert "Ward 4" not in _all_cells(result)


def test_unknown_option_in_a_multi_choice_cell_names_row_and_column(write_csv, test_instrument):
    rows = [
        FORMS_COLUMNS + ["Age", "How do you contact your PSW?"],
        ["1", "t", "t", "a@b.org", "A", "30", "Phone;"],
        ["2", "t", "t", "c@d.org", "C", "31", "Phone;Carrier pigeon;"],
    ]
    with pytest.raises(ImportValidationError) as info:
        import_table(write_csv(rows), test_instrument, Mapping(preset="msforms"), wave="2026")
    [problem] = info.value.problems
    assert problem.kind == "unknown_label"
    assert problem.location.row == 3
    assert problem.location.column == "How do you contact your PSW?"
    assert problem.location.item == "channels"
    assert "'Carrier pigeon'" in problem.message


def test_staff_survey_forms_export_with_question_text_headers(write_csv, staff):
    texts = [staff.item(i).text for i in ("care_group", "valued_member", "helps_recovery")]
    rows = [
        FORMS_COLUMNS + texts,
        ["11", "t", "t", EMAILS[0], NAMES[0], "Older adults", "Agree", "Strongly agree"],
    ]
    result = import_table(write_csv(rows), staff, Mapping(preset="msforms"), wave="2026")
    values = dict(zip(result.answers["item_id"], result.answers["value"], strict=True))
    assert values == {"care_group": 4.0, "valued_member": 4.0, "helps_recovery": 5.0}
    assert list(result.respondents["response_id"]) == ["11"]
    assert EMAILS[0] not in _all_cells(result)
