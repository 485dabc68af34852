"""REFI-QDA exchange with NVivo, ATLAS.ti, MAXQDA and other qualitative analysis software.

A whole project travels as a ``.qdpx`` (:func:`write_qdpx`, :func:`read_qdpx`) and a codebook
alone as a ``.qdc`` (:func:`write_qdc`, :func:`read_qdc`). Every file is checked against the
official REFI-QDA schemas in ``schema/`` (see its README for their source and licence).
"""

from .qdc import codebook_xml, read_qdc, write_qdc
from .reader import QdpxImport, read_qdpx
from .schemas import RefiQdaError, validate_codebook, validate_project
from .writer import machine_user_name, project_xml, qde_bytes, write_qdpx

__all__ = [
    "QdpxImport",
    "RefiQdaError",
    "codebook_xml",
    "machine_user_name",
    "project_xml",
    "qde_bytes",
    "read_qdc",
    "read_qdpx",
    "validate_codebook",
    "validate_project",
    "write_qdc",
    "write_qdpx",
]
