"""Property: any list of texts gives a result or a PeervalError, never another exception."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerval.errors import PeervalError
from peerval.qual.discover import ThemeDiscovery, discover_themes

WORDS = st.sampled_from(
    [
        "wait", "kind", "food", "staff", "the", "and", "n/a", "nothing", "Sarah", "07700 900123",
        "é", "!!", "-", "   ", "\n", "no", "it", "was", "123", "naïve", "ÅÅ", "🙂", "a",
    ]
)  # fmt: skip
TEXTS = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.lists(WORDS, max_size=8).map(" ".join),
        st.none(),
        st.floats(allow_nan=True),
    ),
    max_size=40,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=TEXTS, method=st.sampled_from(["kmeans", "minibatch", "hdbscan"]))
def test_discovery_returns_themes_or_raises_a_peerval_error(texts, method):
    try:
        result = discover_themes(texts, method=method, min_comments=4, n_seeds=2, seed=0)
    except PeervalError:
        return
    assert isinstance(result, ThemeDiscovery)
    shown = {i for t in result.themes for i in t.member_ids}
    shown |= set(result.unclustered_ids) | set(result.non_answer_ids)
    assert shown == set(range(len(texts)))
    assert all(0.0 <= t.stability <= 1.0 for t in result.themes)
