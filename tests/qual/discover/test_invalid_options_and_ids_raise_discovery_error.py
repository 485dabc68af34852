"""Invalid options and ids that do not fit the texts raise DiscoveryError, a PeervalError."""

import pytest

from peerval.errors import PeervalError
from peerval.qual.discover import DiscoveryError, discover_themes

from .synthetic import topic_comments

TEXTS, _ = topic_comments(10)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"method": "lda"}, "method must be"),
        ({"n_seeds": 1}, "n_seeds"),
        ({"min_stability": 1.5}, "min_stability"),
        ({"k_values": [1, 3]}, "every k"),
        ({"min_comments": 2}, "min_comments"),
        ({"ids": range(5)}, "30 comments were given with 5 ids"),
        ({"ids": [1] * 30}, "ids must all be different"),
    ],
)
def test_bad_options_are_refused_with_a_clear_message(options, message):
    with pytest.raises(DiscoveryError, match=message) as caught:
        discover_themes(TEXTS, **options)
    assert isinstance(caught.value, PeervalError)
