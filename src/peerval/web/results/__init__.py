"""The report and data exports for a wave, under disclosure control."""
