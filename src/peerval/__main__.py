"""``python -m peerval`` runs the command line."""

from peerval.cli import main

main()
