import hashlib

from peerval.qual.refiqda.schemas import SCHEMA_DIR

#: SHA-256 of the files as published (see schema/README.md)
EXPECTED = {
    "Project.xsd": "a2cc1ffb4ab1c07c51d6c78e69f2c9968458a9f0ad3b317ddde27f1e86f15a15",
    "Codebook.xsd": "62a941a02df90991fd9e18bd97c571b88e3c493a722ef1e45a7247f787849c75",
}


def test_the_shipped_schemas_are_unchanged_and_carry_their_licence():
    for name, digest in EXPECTED.items():
        data = (SCHEMA_DIR / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, name
        assert b"This specification is licensed under the MIT license." in data
    readme = (SCHEMA_DIR / "README.md").read_text(encoding="utf-8")
    assert "MIT" in readme and "third-party" in readme.lower()
