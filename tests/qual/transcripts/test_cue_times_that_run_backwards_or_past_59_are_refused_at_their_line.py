"""A timed cue, subtitle or speaker line whose time is malformed, has minutes or seconds past
59, or ends before it starts is refused with a TranscriptError naming the file and the
line of the time, instead of becoming a turn that ends before it begins or vanishing."""

import pytest

from peerval.qual.transcripts import TranscriptError, read_transcript

VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ana>Hello.</v>\n\n{timing}\n<v Ben>Hi.</v>\n"
SRT = "1\n00:00:01,000 --> 00:00:03,000\nAna: Hello.\n\n2\n{timing}\nBen: Hi.\n"


def _read(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_transcript(path)


def test_a_vtt_cue_that_ends_before_it_starts_is_refused_at_its_line(tmp_path):
    with pytest.raises(TranscriptError) as caught:
        _read(tmp_path, "a.vtt", VTT.format(timing="00:00:09.000 --> 00:00:04.500"))
    assert str(caught.value).startswith(f"{tmp_path / 'a.vtt'}, line 6: ")
    assert "the cue ends before it starts" in caught.value.message


def test_a_srt_subtitle_that_ends_before_it_starts_is_refused_at_its_line(tmp_path):
    with pytest.raises(TranscriptError) as caught:
        _read(tmp_path, "a.srt", SRT.format(timing="00:01:00,000 --> 00:00:59,999"))
    assert str(caught.value).startswith(f"{tmp_path / 'a.srt'}, line 6: ")
    assert "the subtitle ends before it starts" in caught.value.message


@pytest.mark.parametrize(
    ("name", "timing"),
    [
        ("a.vtt", "00:61:00.000 --> 00:62:00.000"),
        ("a.vtt", "00:00:75.000 --> 00:00:76.000"),
        ("a.srt", "00:00:01,000 --> 00:99:00,000"),
    ],
)
def test_minutes_or_seconds_past_59_are_refused_at_their_line(tmp_path, name, timing):
    template = VTT if name.endswith(".vtt") else SRT
    with pytest.raises(TranscriptError) as caught:
        _read(tmp_path, name, template.format(timing=timing))
    assert caught.value.location.line == 6
    assert "minutes and seconds go up to 59" in caught.value.message


@pytest.mark.parametrize(
    ("name", "timing"),
    [
        ("a.vtt", "-00:00:05.000 --> 00:00:06.000"),
        ("a.vtt", "9" * 5000 + ":00:05.000 --> 00:00:06.000"),
        ("a.srt", "00:00:05,000 --> -00:00:06,000"),
    ],
)
def test_a_negative_or_malformed_time_is_refused_at_its_line(tmp_path, name, timing):
    template = VTT if name.endswith(".vtt") else SRT
    with pytest.raises(TranscriptError) as caught:
        _read(tmp_path, name, template.format(timing=timing))
    assert caught.value.location.line == 6
    assert "bad timing" in caught.value.message or "bad cue timing" in caught.value.message
    assert len(caught.value.message) < 300


def test_a_plain_text_speaker_time_past_59_is_refused_at_its_line(tmp_path):
    text = "Interview 3\n\n[00:00:05] Interviewer: Hello.\n[00:01:75] P3: Hi.\n"
    with pytest.raises(TranscriptError) as caught:
        _read(tmp_path, "a.txt", text)
    assert str(caught.value).startswith(f"{tmp_path / 'a.txt'}, line 4: bad time '00:01:75'")


def test_a_plain_text_time_with_a_fraction_of_a_second_is_read(tmp_path):
    document = _read(tmp_path, "a.txt", "[01:05.75] Interviewer: Hello.\n")
    assert document.turns[0].begins_at == pytest.approx(65.75)


def test_cues_of_one_speaker_out_of_order_make_a_turn_from_earliest_to_latest(tmp_path):
    text = (
        "WEBVTT\n\n00:00:10.000 --> 00:00:12.000\n<v Ana>Later words.</v>\n\n"
        "00:00:03.000 --> 00:00:05.000\n<v Ana>Earlier words.</v>\n"
    )
    (turn,) = _read(tmp_path, "a.vtt", text).turns
    assert (turn.begins_at, turn.ends_at) == (3.0, 12.0)
