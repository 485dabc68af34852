"""Qualitative coding in the web app: projects of survey free text, coded in the browser.

The core (:mod:`peerval.qual`) does every check and computation; this app stores each
project's documents and event log in the database (docs/adr/0012) and draws the screens.
:mod:`.services.store` is the one module that talks to the core.
"""
