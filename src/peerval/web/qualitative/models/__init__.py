"""A qualitative project in the database: its cases and documents as rows, its analysis as
an append-only log of events (docs/adr/0012), the sample drawn for blind double coding, and
the themes that group codes."""

from .events import ProjectEvent
from .project import Case, Document, Project
from .sample import Sample
from .theme import Theme

__all__ = ["Case", "Document", "Project", "ProjectEvent", "Sample", "Theme"]
