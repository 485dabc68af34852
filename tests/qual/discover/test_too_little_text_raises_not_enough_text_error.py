"""Too few substantive comments raise a DataError that says how many there were."""

import pytest

from peerval.errors import DataError, PeervalError
from peerval.qual.discover import NotEnoughTextError, discover_themes

from .synthetic import topic_comments


def test_the_error_gives_the_count_left_and_the_minimum():
    texts, _ = topic_comments(4)  # 12 comments
    with pytest.raises(NotEnoughTextError) as caught:
        discover_themes(texts + ["n/a"] * 5 + [texts[0]], min_comments=20)
    error = caught.value
    assert isinstance(error, DataError) and isinstance(error, PeervalError)
    assert (error.n_comments, error.n_substantive, error.n_distinct) == (18, 13, 12)
    assert error.minimum == 20
    message = str(error)
    assert "13 of 18 comments remained after dropping 5 non-answers" in message
    assert "12 different" in message
    assert "at least 20" in message


def test_comments_made_only_of_stop_words_are_not_enough():
    fillers = ["it was", "we were there", "they are", "he was", "she is", "it is"]
    texts = [f"{a} and {b}" for a in fillers for b in fillers]
    with pytest.raises(NotEnoughTextError, match="other than stop words"):
        discover_themes(texts)
