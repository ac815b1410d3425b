"""A published article as IPTC ninjs 2.0 (https://www.iptc.org/std/ninjs/).

A pure function of the article and the request (for absolute URIs): no queries beyond
the article's `published_version`. Field names and shapes follow
ninjs-schema_2.0.json, whose top level allows no other properties.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from stories.models import Article
from stories.public.articles import published_version

SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json"
PLAIN_TEXT = "text/plain"


def to_ninjs(article: Article, request: HttpRequest) -> dict:
    """The article's published version; a withdrawn article is a `canceled` item without text.

    `ednote` is left alone on purpose: the schema says it is not for publication, while a
    correction note is. The note goes into `descriptions` with the role "correction".
    """
    version = published_version(article)
    item: dict[str, Any] = {
        "uri": request.build_absolute_uri(reverse("public:article", args=[article.pk])),
        "standard": {"name": "ninjs", "version": "2.0", "schema": SCHEMA},
        "type": "text",
        "version": str(version.number),
        "firstcreated": timestamp(article.first_published_at or article.created_at),
        "language": language_tag(settings.LANGUAGE_CODE),
    }
    if article.withdrawn_at is not None:  # withdrawn, so not public any more
        return item | {
            "versioncreated": timestamp(article.withdrawn_at),
            "pubstatus": "canceled",
            "representationtype": "partial",
            "descriptions": [_text("withdrawal", article.withdrawn_reason)],
        }
    item |= {
        "versioncreated": timestamp(version.created_at),
        "pubstatus": "usable",
        "representationtype": "full",
        "headlines": [_text("main", version.headline)],
        "bodies": [_text("main", version.body) | _counts(version.body)],
    }
    return item | _credits(version.credits or {}, version.correction_note)


def _credits(credits: dict, correction_note: str) -> dict:
    """The dek (a summary), the byline (`by`), the dateline's place (`located`), the
    agencies of the credit line (`infosources`) and the correction note, where there are."""
    found: dict[str, Any] = {}
    descriptions = [_text("summary", credits["dek"])] if credits.get("dek") else []
    if correction_note:
        descriptions.append(_text("correction", correction_note))
    if descriptions:
        found["descriptions"] = descriptions
    if credits.get("byline"):
        found["by"] = credits["byline"]
    if credits.get("dateline"):
        found["located"] = credits["dateline"]
    agencies = [name.strip() for name in credits.get("credit", "").split(",") if name.strip()]
    if agencies:
        found["infosources"] = [{"name": name, "role": "source"} for name in agencies]
    return found


def timestamp(moment: datetime) -> str:
    """RFC 3339 in UTC, to the second, as the schema's `date-time` format asks."""
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def language_tag(language_code: str) -> str:
    """Django's "en-gb" as the BCP 47 tag "en-GB"."""
    language, _, region = language_code.partition("-")
    return f"{language}-{region.upper()}" if len(region) == 2 else language_code


def _counts(text: str) -> dict:
    return {"charcount": len(text), "wordcount": len(text.split())}


def _text(role: str, value: str) -> dict:
    return {"role": role, "contenttype": PLAIN_TEXT, "value": value}
