"""Accepted and rejected suggestions join the training data, and retraining follows them."""

import numpy as np

from peerval.qual.autocode import UNDECIDED, Decision, retrain, with_decisions


def test_rejecting_a_suggestion_stops_it_for_that_text(model):
    # a new kind of comment: "music group" suggests the activities code, wrongly here
    text = "the music group for carers was full"
    assert model.predict([text]).loc[0, "activities"] == 1
    after = retrain(model, [Decision(text, "activities", accepted=False)])
    assert after.predict([text]).loc[0, "activities"] == 0
    assert after.data_hash != model.data_hash
    assert len(after.training) == len(model.training) + 1


def test_accepting_a_new_code_for_texts_makes_it_suggested(model):
    texts = [
        "the music group for carers was full",
        "the art sessions for carers were full",
        "cooking club for carers had no places",
    ]
    assert model.predict(texts)["waiting"].tolist() == [0, 0, 0]
    decisions = [Decision(t, "waiting", accepted=True) for t in texts]
    decisions += [Decision(t, "activities", accepted=False) for t in texts]
    after = retrain(model, decisions)
    assert after.predict(texts)["waiting"].tolist() == [1, 1, 1]
    assert after.predict(texts)["activities"].tolist() == [0, 0, 0]
    # the settings and backend carry over
    assert after.backend == model.backend and after.settings == model.settings


def test_a_new_text_has_only_the_decided_code_labelled(coded):
    updated = with_decisions(coded, [Decision("quiet garden", "environment", accepted=True)])
    row = updated.labels[-1]
    assert updated.texts[-1] == "quiet garden"
    assert row[coded.codes.index("environment")] == 1
    assert (np.delete(row, coded.codes.index("environment")) == UNDECIDED).all()


def test_a_decision_on_a_known_text_changes_its_label(coded):
    text = coded.texts[0]
    code = coded.codes[int(np.argmax(coded.labels[0]))]
    updated = with_decisions(coded, [Decision(text, code, accepted=False)])
    assert len(updated) == len(coded)
    assert updated.labels[0, coded.codes.index(code)] == 0
