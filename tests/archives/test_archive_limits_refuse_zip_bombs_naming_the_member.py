"""An archive is refused, naming the file and the member, before anything expands it."""

from __future__ import annotations

import zipfile
import zlib

import pytest

from peerval.archives import ArchiveLimits, check_archive, open_archive
from peerval.errors import DataError

from .bombs import MIB, declare_sizes, write_zip


def test_a_large_member_compressed_beyond_the_ratio_is_refused_by_name(tmp_path):
    path = write_zip(tmp_path / "bomb.zip", {"ok.txt": b"hello", "xl/bomb.xml": bytes(40 * MIB)})
    with pytest.raises(DataError, match="zip bomb") as caught:
        check_archive(path)
    assert "bomb.zip" in str(caught.value)
    assert "'xl/bomb.xml'" in str(caught.value)
    assert "PEERVAL_ARCHIVE_MAX_RATIO" in str(caught.value)


def test_a_small_member_is_not_held_to_the_ratio(tmp_path):
    # a megabyte of one repeated XML tag compresses about a thousand times, and is harmless
    path = write_zip(tmp_path / "styles.zip", {"xl/styles.xml": b"<x/>" * (MIB // 4)})
    with open_archive(path) as archive:
        assert archive.read("xl/styles.xml") == b"<x/>" * (MIB // 4)


def test_a_member_declaring_more_than_the_member_limit_is_refused(tmp_path):
    path = write_zip(
        tmp_path / "huge.zip", {"Sources/a.txt": b"tiny"}, declared={"Sources/a.txt": 2**30}
    )
    with pytest.raises(DataError, match="'Sources/a.txt' would expand to 1,024.0 MiB"):
        check_archive(path)


def test_members_together_over_the_total_are_refused(tmp_path):
    path = write_zip(tmp_path / "many.zip", {f"m{i}": bytes(1000) for i in range(5)})
    limits = ArchiveLimits(max_total_bytes=4500)
    with pytest.raises(DataError, match="passing the limit at member 'm4'"):
        check_archive(path, limits=limits)
    check_archive(path, limits=ArchiveLimits(max_total_bytes=5000))  # at the limit: accepted


def test_too_many_members_are_refused(tmp_path):
    path = write_zip(tmp_path / "many.zip", {f"m{i}": b"" for i in range(11)})
    with pytest.raises(DataError, match="11 members, more than the limit of 10"):
        check_archive(path, limits=ArchiveLimits(max_members=10))


def test_zipfile_stops_at_the_declared_size_of_a_member_that_lies(tmp_path):
    # a megabyte of zeros that says it is 100 bytes, with the CRC of 100 zeros
    path = write_zip(tmp_path / "liar.zip", {"a.xml": bytes(MIB)})
    declare_sizes(path, {"a.xml": 100}, crcs={"a.xml": zlib.crc32(bytes(100))})
    with zipfile.ZipFile(path) as archive:
        assert archive.read("a.xml") == bytes(100)


def test_a_member_that_holds_more_than_it_declares_is_refused_when_read(tmp_path):
    path = write_zip(tmp_path / "liar.zip", {"a.xml": bytes(MIB)}, declared={"a.xml": 100})
    with open_archive(path) as archive, pytest.raises(DataError) as caught:
        archive.read("a.xml")
    assert "liar.zip" in str(caught.value)
    assert "'a.xml'" in str(caught.value)


def test_a_file_that_is_not_a_zip_is_refused_naming_the_kind_wanted(tmp_path):
    path = tmp_path / "notes.qdpx"
    path.write_text("notes")
    with pytest.raises(DataError, match="notes.qdpx: not a .qdpx file"):
        check_archive(path, what=".qdpx")


def test_a_directory_asking_for_an_unknown_zip_version_is_refused(tmp_path):
    path = write_zip(tmp_path / "odd.zip", {"a.txt": b"hello"})
    data = bytearray(path.read_bytes())
    directory = data.find(b"PK\x01\x02")
    data[directory + 6] = 148  # "version needed to extract": 14.8
    path.write_bytes(bytes(data))
    with pytest.raises(DataError, match="odd.zip: not a zip file: zip file version 14.8"):
        check_archive(path)
