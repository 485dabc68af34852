from peerval.qual.refiqda import write_qdpx
from tests.qual.project.builders import rich_project

from .helpers import NS, qde


def test_machine_suggestions_are_under_a_distinct_user_and_rejected_ones_are_left_out(tmp_path):
    project = rich_project()
    root = qde(write_qdpx(project, tmp_path / "p.qdpx"))
    users = {u.get("guid"): u.get("name") for u in root.iterfind(".//q:User", NS)}
    assert set(users.values()) == {"ana", "ben", "peerval suggestions (tfidf-v1)"}
    selections = root.findall(".//q:PlainTextSelection", NS)
    by_user = {}
    for selection in selections:
        by_user.setdefault(users[selection.get("creatingUser")], []).append(selection)
    machine = by_user["peerval suggestions (tfidf-v1)"]
    descriptions = sorted(s.findtext("q:Description", namespaces=NS) for s in machine)
    assert descriptions == [
        "Suggested by tfidf-v1 (confidence 0.62); not yet reviewed",
        "Suggested by tfidf-v1 (confidence 0.91); accepted by ben at 2026-03-02T09:37:00+00:00",
    ]
    # 3 human codings + 1 accepted + 1 pending; the rejected suggestion is not exported
    assert len(selections) == 5
    assert all(s.find("q:Description", NS) is None for s in by_user["ana"] + by_user["ben"])
