"""Management commands of the surveys app (run with ``peerval manage``)."""
