import pytest
import yaml

from peerval.errors import WordingPackError
from peerval.instruments import default_registry, install_pack, publish_problem


def pack_for(instrument, **extra):
    return {
        "instrument": instrument.id,
        "versions": [instrument.version],
        # placeholder text written for the test; never the licensed wording
        "items": {item.id: f"Placeholder wording for {item.id}" for item in instrument.items},
        **extra,
    }


def write_pack(tmp_path, data):
    path = tmp_path / "pack.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_without_a_pack_a_licensed_instrument_cannot_be_published_and_says_why():
    brief = default_registry().get("brief-inspire")
    problem = publish_problem(brief)
    assert problem is not None
    assert "licensed" in problem and "install-wording" in problem


def test_installing_a_pack_gives_the_items_their_text(tmp_path, isolated_home):
    registry = default_registry()
    brief = registry.get("brief-inspire")
    path = write_pack(tmp_path, pack_for(brief, option_sets={"rating04": {0: "None", 4: "All"}}))
    target = install_pack(path, brief, registry.wording_dir)
    assert target.parent == isolated_home / "wording"
    worded = default_registry().get("brief-inspire")
    assert worded.item("b3").text == "Placeholder wording for b3"
    assert publish_problem(worded) is None
    labels = [o.label for o in worded.options_for(worded.item("b1"))]
    assert labels[0] == "None" and labels[-1] == "All"
    # the wording does not change the instrument's identity
    assert worded.content_hash == brief.content_hash


def test_a_pack_missing_an_item_is_refused_and_names_the_item(tmp_path):
    registry = default_registry()
    brief = registry.get("brief-inspire")
    data = pack_for(brief)
    del data["items"]["b4"]
    with pytest.raises(WordingPackError, match="b4"):
        install_pack(write_pack(tmp_path, data), brief, registry.wording_dir)
    assert not (registry.wording_dir / "brief-inspire.yaml").exists()


def test_a_pack_with_an_unknown_item_is_refused(tmp_path):
    registry = default_registry()
    brief = registry.get("brief-inspire")
    data = pack_for(brief)
    data["items"]["b9"] = "Extra"
    with pytest.raises(WordingPackError, match="unknown item ids: b9"):
        install_pack(write_pack(tmp_path, data), brief, registry.wording_dir)


def test_a_pack_for_another_version_is_refused(tmp_path):
    registry = default_registry()
    brief = registry.get("brief-inspire")
    data = pack_for(brief, versions=["0.9"])
    with pytest.raises(WordingPackError, match="not 'brief-inspire' version"):
        install_pack(write_pack(tmp_path, data), brief, registry.wording_dir)


def test_an_instrument_with_its_own_wording_takes_no_pack(tmp_path):
    registry = default_registry()
    fft = registry.get("fft")
    with pytest.raises(WordingPackError, match="takes no pack"):
        install_pack(write_pack(tmp_path, pack_for(fft)), fft, registry.wording_dir)


def test_installing_again_replaces_the_pack_whole_and_leaves_no_partial_copy(
    tmp_path, isolated_home
):
    registry = default_registry()
    brief = registry.get("brief-inspire")
    first = write_pack(tmp_path, pack_for(brief))
    target = install_pack(first, brief, registry.wording_dir)
    inode = target.stat().st_ino
    again = tmp_path / "again"
    again.mkdir()
    second = write_pack(again, pack_for(brief, option_sets={"rating04": {0: "Nil", 4: "Every"}}))
    assert install_pack(second, brief, registry.wording_dir) == target
    assert target.read_bytes() == second.read_bytes()
    assert target.stat().st_ino != inode  # renamed into place, not rewritten where it stood
    assert [p.name for p in registry.wording_dir.iterdir()] == [target.name]
