import peerval

EXPECTED = {
    "DataError",
    "DisclosurePolicy",
    "EvaluationResults",
    "ImportValidationError",
    "Instrument",
    "InstrumentError",
    "Mapping",
    "PeervalError",
    "Registry",
    "ResponseSet",
    "ScoringError",
    "__version__",
    "default_registry",
    "evaluate",
    "get_instrument",
    "import_table",
    "load_instrument",
    "load_mapping",
    "score",
    "score_wide",
    "to_wide",
}


def test_the_exported_names_are_the_intended_ones():
    assert set(peerval.__all__) == EXPECTED
    for name in peerval.__all__:
        assert hasattr(peerval, name)


def test_every_error_shares_one_base():
    from peerval import errors

    classes = [getattr(errors, n) for n in errors.__all__]
    exceptions = [c for c in classes if isinstance(c, type) and issubclass(c, Exception)]
    assert all(issubclass(c, peerval.PeervalError) for c in exceptions)


def test_the_package_ships_type_information():
    from pathlib import Path

    assert (Path(peerval.__file__).parent / "py.typed").exists()
