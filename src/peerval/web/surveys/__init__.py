"""Evaluations, waves, collections and responses; the public survey and paper entry."""
