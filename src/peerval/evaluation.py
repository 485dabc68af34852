"""From response files to a finished evaluation: import, analyse, write results and reports."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from peerval.disclosure import DisclosurePolicy
from peerval.errors import DataError
from peerval.ingest import Mapping, import_table, load_mapping
from peerval.instruments import default_registry
from peerval.responses import ResponseSet
from peerval.results import evaluate

__all__ = ["evaluate_files", "parse_invited"]


def _pair(values: Sequence, count: int, what: str) -> list:
    if len(values) == count:
        return list(values)
    if len(values) == 1:
        return list(values) * count
    raise DataError(f"give one {what} for all {count} files, or one per file (got {len(values)})")


def evaluate_files(
    files: Sequence[str | Path],
    instrument_ids: Sequence[str],
    mapping_files: Sequence[str | Path],
    out: str | Path,
    *,
    name: str,
    wave: str = "1",
    policy: DisclosurePolicy | None = None,
    invited: dict[str, int] | None = None,
) -> list[Path]:
    """Import every file (all or nothing), then write results.json and the three reports."""
    from peerval.report import build_report, write_reports  # charting loads slowly

    if not files:
        raise DataError("no response files given")
    registry = default_registry()
    instruments = [registry.get(i) for i in _pair(instrument_ids, len(files), "instrument")]
    mappings = (
        [load_mapping(m) for m in _pair(mapping_files, len(files), "mapping")]
        if mapping_files
        else [Mapping()] * len(files)
    )
    parts = [
        import_table(path, instrument, mapping, wave=mapping.wave or wave)
        for path, instrument, mapping in zip(files, instruments, mappings, strict=True)
    ]
    responses = ResponseSet.concat(parts)
    results = evaluate(responses, {i.id: i for i in instruments}, name=name, invited=invited)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = [results.write_json(out / "results.json", policy)]
    report = build_report(results, answers=responses.answers, policy=policy)
    return written + write_reports(report, out)


def parse_invited(values: Sequence[str]) -> dict[str, int]:
    """``["staff=120", "service_user=80"]`` as a dict, with clear errors."""
    invited: dict[str, int] = {}
    for value in values:
        group, _, number = value.partition("=")
        group = group.strip()
        if group not in ("service_user", "staff") or not number.strip().isdigit():
            raise DataError(
                f"--invited {value!r}: write GROUP=NUMBER, e.g. staff=120, with "
                "GROUP service_user or staff"
            )
        invited[group] = int(number)
    return invited
