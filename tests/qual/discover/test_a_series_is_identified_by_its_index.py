"""Comments given as a pandas Series are identified by the Series' index."""

import pandas as pd

from peerval.qual.discover import discover_themes

from .synthetic import topic_comments

TEXTS, _ = topic_comments(10)


def test_a_series_is_identified_by_its_index():
    series = pd.Series(TEXTS, index=[f"r{i}" for i in range(len(TEXTS))])
    result = discover_themes(series, seed=0)
    ids = {i for t in result.themes for i in t.member_ids} | set(result.unclustered_ids)
    assert ids == set(series.index)
