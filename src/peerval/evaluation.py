"""From response files to a finished evaluation: import, analyse, write results and reports."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from peerval.disclosure import DisclosurePolicy, rows
from peerval.errors import DataError
from peerval.ingest import Mapping, import_table, load_mapping
from peerval.instruments import Instrument, default_registry
from peerval.outfiles import write_bytes
from peerval.qual.redact import Redactor
from peerval.qual.redact.listed import evaluation_places
from peerval.responses import ResponseSet
from peerval.results import evaluate

__all__ = ["EXPORTS", "evaluate_files", "export_files", "import_files", "parse_invited"]

#: the protected exports ``peerval export`` writes: file name -> what it holds (the web app's
#: downloads hold the same tables)
EXPORTS = {
    "answers.csv": "every answer, one row each (the long table)",
    "responses.csv": "one row per response, one column per item (the wide table)",
    "codebook.csv": "one row per item and option, naming each column of responses.csv",
}


def _pair(values: Sequence, count: int, what: str) -> list:
    if len(values) == count:
        return list(values)
    if len(values) == 1:
        return list(values) * count
    raise DataError(f"give one {what} for all {count} files, or one per file (got {len(values)})")


def import_files(
    files: Sequence[str | Path],
    instrument_ids: Sequence[str],
    mapping_files: Sequence[str | Path],
    *,
    wave: str = "1",
) -> tuple[ResponseSet, dict[str, Instrument]]:
    """Import every file, each against its instrument and mapping; all or nothing."""
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
    return ResponseSet.concat(parts), {i.id: i for i in instruments}


def export_files(
    files: Sequence[str | Path],
    instrument_ids: Sequence[str],
    mapping_files: Sequence[str | Path],
    out: str | Path,
    *,
    wave: str = "1",
    policy: DisclosurePolicy | None = None,
    places: Sequence[str] = (),
) -> list[Path]:
    """Import every file, then write the protected exports (:data:`EXPORTS`) into ``out``.

    The tables are :mod:`peerval.disclosure.rows`'s, as the web app's downloads: rare
    attribute values merged into Other, free text redacted, formula-like cells made safe.
    Free text is redacted with the evaluation's own place names listed (its care groups and
    ``places``). Each file is written whole or not at all.
    """
    policy = policy or DisclosurePolicy()
    responses, instruments = import_files(files, instrument_ids, mapping_files, wave=wave)
    context = rows.ExportContext(
        instruments=list(instruments.values()),
        policy=policy,
        redactor=Redactor(evaluation_places(instruments, responses.respondents, places)),
    )
    tables = {
        "answers.csv": rows.long_table(responses, context),
        "responses.csv": rows.wide_table(responses, context),
        "codebook.csv": rows.codebook_table(instruments.values(), policy.minimum),
    }
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables.items():
        written.append(write_bytes(out / name, rows.csv_bytes(table)))
    return written


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
    organisation: str = "",
    places: Sequence[str] = (),
) -> list[Path]:
    """Import every file (all or nothing), then write results.json and the three reports;
    quotes are redacted with ``places`` (wards, teams, sites) listed beside the care groups."""
    from peerval.report import report_for, write_reports  # charting loads slowly

    responses, instruments = import_files(files, instrument_ids, mapping_files, wave=wave)
    results = evaluate(responses, instruments, name=name, invited=invited)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = [results.write_json(out / "results.json", policy)]
    report = report_for(
        results,
        answers=responses.answers,
        policy=policy,
        organisation=organisation,
        places=places,
    )
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
