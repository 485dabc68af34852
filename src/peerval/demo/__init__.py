"""The built-in demo: a synthetic peer support evaluation (nobody in it is real)."""

from .codebook import DEMO_CODEBOOK
from .generator import DEMO_INSTRUMENTS, DemoEvaluation, generate_demo
from .qualitative import demo_project
from .writer import write_demo, write_demo_project

__all__ = [
    "DEMO_CODEBOOK",
    "DEMO_INSTRUMENTS",
    "DemoEvaluation",
    "demo_project",
    "generate_demo",
    "write_demo",
    "write_demo_project",
]
