"""What every reader must do with any input: give a result or a PeervalError, in bounded time.

A reader that hangs never returns, so a per-example deadline measured after the call cannot
catch it; :func:`read_within` arms a real-time alarm instead and fails the test when it rings.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from typing import Any

import pytest

from peerval.errors import PeervalError

#: Seconds any reader may take on a small hostile input before the test fails.
READ_SECONDS = 10.0


class _TooSlow(BaseException):
    """Raised by the alarm; a BaseException so that no ``except Exception`` in a reader eats it."""


def _ring(signum: int, frame: Any) -> None:
    raise _TooSlow


def read_within(read: Callable[[], Any], seconds: float = READ_SECONDS) -> Any:
    """Call ``read()``; return its result, or the PeervalError it raised.

    Fails the test when it takes longer than ``seconds`` or raises anything else.
    """
    previous = signal.signal(signal.SIGALRM, _ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return read()
    except PeervalError as error:
        return error
    except _TooSlow:
        pytest.fail(f"the reader ran past {seconds:g} seconds")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
