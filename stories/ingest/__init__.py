"""From uploaded bytes to parsed copy: decoding, format sniffing, one parser per format.

Pure Python, no Django: the service layer (stories.services.ingest) stores what comes out.
"""

from stories.ingest.decode import CopyLimits, CopyRefused, DecodedCopy, decode_copy
from stories.ingest.parse import ParsedCopy, parse_copy

__all__ = ["CopyLimits", "CopyRefused", "DecodedCopy", "ParsedCopy", "decode_copy", "parse_copy"]
