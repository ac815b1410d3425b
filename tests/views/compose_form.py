"""The compose page's draft form as a browser holds it: read from the page, typed into, sent."""

from __future__ import annotations

from html.parser import HTMLParser

from django.test import Client
from django.urls import reverse


class _FormReader(HTMLParser):
    """The named fields of the form with id `form_id`, in page order (buttons left out)."""

    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.textarea = form_id, False, None
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attr = dict(attrs)
        if tag == "form" and attr.get("id") == self.form_id:
            self.inside = True
        elif self.inside and tag == "input" and attr.get("name") and attr.get("type") not in ("submit", "radio"):
            self.fields[attr["name"]] = attr.get("value") or ""
        elif self.inside and tag == "textarea" and attr.get("name"):
            self.textarea = attr["name"]
            self.fields[self.textarea] = ""

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self.textarea = None
        elif tag == "form" and self.inside:
            self.inside = False


class DraftForm:
    """#draft-form of one compose page: what the page was drawn with, and what was typed."""

    def __init__(self, html: str) -> None:
        reader = _FormReader("draft-form")
        reader.feed(html)
        self.fields = reader.fields
        self.ids = [name[len("text-") :] for name in self.fields if name.startswith("text-")]

    @classmethod
    def of(cls, client: Client, story) -> DraftForm:
        response = client.get(reverse("stories:compose", args=[story.pk]))
        assert response.status_code == 200
        return cls(response.content.decode())

    def text(self, number: int) -> str:
        return self.fields[f"text-{self.ids[number - 1]}"]

    def type(self, number: int, text: str) -> DraftForm:
        """Replace paragraph `number`'s box with `text`, as an editor typing would."""
        self.fields[f"text-{self.ids[number - 1]}"] = text
        return self

    def data(self, **extra: object) -> dict:
        return {**self.fields, **extra}

    def pid(self, number: int) -> str:
        return self.ids[number - 1]
