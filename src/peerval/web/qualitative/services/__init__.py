"""Writes (each in one transaction, significant ones audited) and the core adapter."""
