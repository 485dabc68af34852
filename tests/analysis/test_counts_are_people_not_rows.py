import textwrap

import pytest

from peerval.errors import DataError
from peerval.ingest import import_table
from peerval.instruments import get_instrument, load_instrument
from peerval.responses import ResponseSet
from peerval.results import evaluate

MULTI = """\
id: contact
version: "1"
title: Contact
respondent_group: service_user
licence: {name: test}
items:
  - id: channels
    type: multi_choice
    text: How do you contact your PSW?
    options: [{code: 1, label: Phone}, {code: 2, label: Text}, {code: 3, label: In person}]
"""


def test_a_multiple_choice_item_counts_responses_not_choices(tmp_path):
    path = tmp_path / "contact.yaml"
    path.write_text(MULTI)
    contact = load_instrument(path)
    data = tmp_path / "c.csv"
    rows = ["response_id,channels"] + [f"r{i},Phone;Text" for i in range(6)]
    data.write_text("\n".join(rows) + "\n")
    responses = import_table(data, contact, wave="1")
    result = evaluate(responses, {contact.id: contact}).to_dict()
    (item,) = result["items"]
    assert item["n"] == 6  # six people, twelve choices
    assert {o["label"]: o["n"] for o in item["options"]}["Phone"] == 6


def test_the_same_response_id_in_two_instruments_is_two_people(tmp_path):
    staff, su = get_instrument("staff-psw-survey"), get_instrument("service-user-psw-survey")
    a = tmp_path / "staff.csv"
    a.write_text(
        "ID,care_group,valued_member,helps_recovery\n"
        + "".join(f"{i},1,4,4\n" for i in range(1, 7))
    )
    b = tmp_path / "su.csv"
    b.write_text(
        "ID,care_group,listens,feel_supported\n" + "".join(f"{i},1,4,4\n" for i in range(1, 6))
    )
    from peerval.ingest import Mapping

    both = ResponseSet.concat(
        [
            import_table(a, staff, Mapping(response_id="ID"), wave="1"),
            import_table(b, su, Mapping(response_id="ID"), wave="1"),
        ]
    )
    result = evaluate(both, {staff.id: staff, su.id: su}).to_dict()
    groups = {g["respondent_group"]: g["n"] for g in result["respondents"]["by_group"]}
    assert groups == {"staff": 6, "service_user": 5}
    assert result["respondents"]["total"] == 11


def test_two_files_of_one_instrument_without_ids_are_refused_when_combined(tmp_path):
    staff = get_instrument("staff-psw-survey")
    text = textwrap.dedent("""\
        care_group,valued_member,helps_recovery
        1,4,4
        """)
    (tmp_path / "a.csv").write_text(text)
    (tmp_path / "b.csv").write_text(text)
    parts = [import_table(tmp_path / n, staff, wave="1") for n in ("a.csv", "b.csv")]
    with pytest.raises(DataError, match="'row-2' of 'staff-psw-survey' appears more than once"):
        ResponseSet.concat(parts)
