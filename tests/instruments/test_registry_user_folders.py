import pytest

from peerval.errors import InstrumentNotFound
from peerval.instruments import BUILTIN_DIR, default_registry


def test_a_user_instrument_in_the_data_folder_is_found(isolated_home):
    folder = isolated_home / "instruments"
    folder.mkdir()
    text = (BUILTIN_DIR / "fft.yaml").read_text().replace("id: fft\n", "id: fft-local\n")
    (folder / "fft-local.yaml").write_text(text)
    assert "fft-local" in default_registry().ids()


def test_folders_on_the_instrument_path_are_searched(tmp_path, monkeypatch):
    text = (BUILTIN_DIR / "fft.yaml").read_text().replace('version: "2020.1"', 'version: "2030.1"')
    (tmp_path / "fft-2030.yaml").write_text(text)
    monkeypatch.setenv("PEERVAL_INSTRUMENT_PATH", str(tmp_path))
    registry = default_registry()
    assert registry.versions("fft") == ["2020.1", "2030.1"]
    assert registry.get("fft").version == "2030.1"
    assert registry.get("fft", "2020.1").version == "2020.1"


def test_an_unknown_id_lists_the_known_ones():
    with pytest.raises(InstrumentNotFound, match="known: brief-inspire, fft"):
        default_registry().get("nope")


def test_an_unknown_version_is_a_clear_error():
    with pytest.raises(InstrumentNotFound, match="no version '9'"):
        default_registry().get("fft", "9")


def test_a_broken_user_instrument_is_skipped_and_reported_with_its_file(isolated_home):
    folder = isolated_home / "instruments"
    folder.mkdir()
    (folder / "broken.yaml").write_text("id: broken\n")
    registry = default_registry()
    assert "fft" in registry.ids()  # everything else still works
    (problem,) = registry.broken()
    assert "broken.yaml" in str(problem)
    with pytest.raises(InstrumentNotFound, match="skipped as invalid.*broken.yaml"):
        registry.get("broken")


def test_versions_are_ordered_by_number_not_text(tmp_path, monkeypatch):
    for version in ("1.9", "1.10"):
        text = (BUILTIN_DIR / "fft.yaml").read_text()
        text = text.replace('version: "2020.1"', f'version: "{version}"').replace(
            "id: fft\n", "id: fft-ordered\n"
        )
        (tmp_path / f"fft-{version}.yaml").write_text(text)
    monkeypatch.setenv("PEERVAL_INSTRUMENT_PATH", str(tmp_path))
    registry = default_registry()
    assert registry.versions("fft-ordered") == ["1.9", "1.10"]
    assert registry.get("fft-ordered").version == "1.10"
