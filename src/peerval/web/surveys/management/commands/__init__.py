"""``peerval manage`` commands for survey housekeeping."""
