"""The bound itself: a reader that hangs fails the test, a PeervalError passes through."""

from __future__ import annotations

import time

import pytest

from peerval.errors import DataError
from tests.fuzz.bounds import read_within


def test_a_reader_that_runs_too_long_fails_the_test():
    with pytest.raises(pytest.fail.Exception, match="ran past 0.2 seconds"):
        read_within(lambda: time.sleep(5), seconds=0.2)


def test_a_peerval_error_is_returned_as_an_accepted_outcome():
    def reader():
        raise DataError("bad row")

    assert isinstance(read_within(reader), DataError)


def test_any_other_exception_escapes_so_the_test_fails():
    with pytest.raises(ZeroDivisionError):
        read_within(lambda: 1 / 0)
