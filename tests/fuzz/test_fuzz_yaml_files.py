"""Any mapping, instrument or wording pack YAML gives a result or a PeervalError in bounded
time: random text, damaged real files, deep nesting and alias bombs."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerval.ingest import Mapping, load_mapping
from peerval.instruments import Instrument, load_instrument
from peerval.instruments.wording import WordingPack, load_pack
from tests.fuzz.bounds import read_within
from tests.fuzz.mutations import damaged

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

MAPPING = b"""\
wave: "2026"
respondent_group: staff
response_id: ID
columns:
  "PSWs are valued": valued_member
  Role: {item: profession, labels: {"Nurse (RMN)": 1, HCA: 2}}
attributes: {Team: team}
ignore: [Start time, Completion time]
multi_separator: ";"
"""
INSTRUMENT = b"""\
id: fuzz
version: "1"
title: Fuzz
respondent_group: staff
licence: {name: test, wording: included}
items:
  - {id: age, type: number, text: Age, min: 16, max: 100, required: true}
  - {id: rating, type: likert, text: Rating,
     options: [{code: 1, label: Low}, {code: 2, label: High}]}
"""
PACK = b"""\
instrument: inspire
versions: ["1.0"]
items: {s01_important: "Some words"}
option_sets: {rating04: {0: "Not at all", 4: "Very much"}}
"""
READERS = [
    (load_mapping, Mapping, MAPPING),
    (load_instrument, Instrument, INSTRUMENT),
    (load_pack, WordingPack, PACK),
]
KIND = st.sampled_from(range(len(READERS)))


def _read(tmp_path, which, data):
    read, model, _ = READERS[which]
    path = tmp_path / "file.yaml"
    path.write_bytes(data)
    outcome = read_within(lambda: read(path))
    assert isinstance(outcome, model | Exception)
    return outcome


def test_the_valid_files_read():
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        for which, (_, model, _) in enumerate(READERS):
            assert isinstance(_read(Path(folder), which, READERS[which][2]), model)


@FUZZ
@given(which=KIND, data=st.binary(max_size=1000))
def test_random_bytes(tmp_path, which, data):
    _read(tmp_path, which, data)


@FUZZ
@given(which=KIND, text=st.text(alphabet="{}[]:,-&*!|>'\"\n #ab0", max_size=400))
def test_yaml_punctuation(tmp_path, which, text):
    _read(tmp_path, which, text.encode("utf-8"))


@FUZZ
@given(which=KIND, data=st.data())
def test_a_damaged_valid_file(tmp_path, which, data):
    _read(tmp_path, which, data.draw(damaged(READERS[which][2])))


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    which=KIND,
    depth=st.integers(1, 5000),
    opener=st.sampled_from(["[", "{a: ", "- "]),
)
def test_deep_nesting(tmp_path, which, depth, opener):
    if opener == "- ":
        text = "".join("  " * i + "-\n" for i in range(depth))
    else:
        closer = "]" if opener == "[" else "}"
        text = "items: " + opener * depth + "1" + closer * depth + "\n"
    _read(tmp_path, which, text.encode())


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(which=KIND, levels=st.integers(1, 12), width=st.integers(2, 12))
def test_alias_bombs(tmp_path, which, levels, width):
    lines = ["l0: &l0 [" + ", ".join(["x"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    lines.append(f"items: {{a: *l{levels - 1}}}")
    _read(tmp_path, which, "\n".join(lines).encode())
