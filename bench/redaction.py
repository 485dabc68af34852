"""Redaction measured on the labelled sets in tests/qual/data/redaction (dev and held out).

Recall per kind is the share of marked spans wholly covered by redactions; precision the
share of redactions of a kind that overlap a marked span; "ordinary answers changed" counts
answers with nothing marked in which anything was redacted (tests/qual/redaction_sets.py).

    .venv/bin/python bench/redaction.py [--show-misses]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.qual.redaction_sets import KINDS, answers, measure  # noqa: E402

from peerval.qual.redact import Redactor  # noqa: E402


def fft_comments(redactor: Redactor) -> None:
    """What is redacted in the NHS Friends and Family Test comments (real, unlabelled)."""
    import pandas as pd

    from tests.shared_data import fft_file

    texts = pd.read_csv(fft_file())["FFT answer"].dropna().astype(str)
    changed = 0
    for text in texts:
        found = redactor.redact(text).redactions
        changed += bool(found)
        for span in found:
            print(f"  {span.kind}: {span.text!r} ({span.reason})")
    print(f"FFT comments with anything redacted: {changed} of {len(texts)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument(
        "--fft", action="store_true", help="also list what is redacted in the real FFT comments"
    )
    args = parser.parse_args(argv)
    redactor = Redactor()
    if args.fft:
        fft_comments(redactor)
    for name in ("dev", "heldout"):
        if args.show_misses:
            print(f"== {name}")
        table = measure(name, redactor, args.show_misses)
        print(f"\n{name}: {len(answers(name))} answers")
        print(f"{'kind':<14}{'spans':>6}{'recall':>8}{'exact':>7}{'precision':>10}")
        for kind in (*KINDS, "all"):
            row = table[kind]
            print(
                f"{kind:<14}{row['expected']:>6}{row['recall']:>8.3f}{row['exact']:>7.3f}"
                f"{row['precision']:>10.3f}"
            )
        ordinary = table["ordinary"]
        print(f"ordinary answers changed: {ordinary['changed']} of {ordinary['answers']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
