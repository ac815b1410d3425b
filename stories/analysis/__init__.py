"""The text engine: pure Python, no Django. Text in, frozen dataclasses out.

from stories.analysis import compare_sources, SourceText
comparison = compare_sources([SourceText("a.txt", text_a), SourceText("b.txt", text_b)])
"""

from .compare import compare_sources, parse_source
from .fingerprint import Fingerprint, fingerprint
from .model import (
    Block,
    Cell,
    Change,
    Comparison,
    Conflict,
    FactRef,
    Row,
    Sentence,
    Source,
    SourceText,
)
from .report import from_json, to_json, to_text

__all__ = [
    "Block",
    "Cell",
    "Change",
    "Comparison",
    "Conflict",
    "FactRef",
    "Fingerprint",
    "Row",
    "Sentence",
    "Source",
    "SourceText",
    "compare_sources",
    "fingerprint",
    "from_json",
    "parse_source",
    "to_json",
    "to_text",
]
