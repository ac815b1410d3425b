from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Prefetch, QuerySet

from stories.credits import CREDIT_LINES
from stories.models import UNATTRIBUTED, ArticleStatus, Provider, Source, Story
from stories.queries import AWAITING_ME, NO_ARTICLE
from stories.services.analysis import MAX_COMPARED, default_selection
from stories.services.draft_edits import DraftTexts, TypedText
from stories.services.ingest import IncomingCopy, read_upload
from stories.services.merge import Choice

if TYPE_CHECKING:
    from stories.services.analysis import StorySource


CONFLICT_KEY = r"^[0-9a-f]{10}(-\d{1,3})?$"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class WireFilesField(forms.Field):
    """Any number of uploaded files, taken as they are.

    Unlike forms.FileField it does not refuse an empty file: the ingest service refuses it
    with a message naming it, and the other files of the batch still go in.
    """

    widget = MultipleFileInput

    def clean(self, value: Any) -> list[UploadedFile]:
        files = [item for item in (value if isinstance(value, (list, tuple)) else [value]) if item]
        limit = settings.NEWSROOM_MAX_FILES_PER_UPLOAD
        if len(files) > limit:
            raise forms.ValidationError(f"At most {limit} files can be uploaded at once; you chose {len(files)}.")
        return files


class UploadCopyForm(forms.Form):
    # The form's metaclass moves declared fields into base_fields, so this does not hide
    # BaseForm.files (the uploaded files); the stubs cannot know that.
    files = WireFilesField(  # type: ignore[assignment]
        required=False,
        label="Wire files",
        help_text="One or many files: plain text, Markdown-style text, HTML, NITF, NewsML-G2 or ninjs, "
        "or zip archives of them.",
    )
    pasted_text = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 10, "cols": 80}), label="Or paste copy"
    )
    pasted_name = forms.CharField(
        required=False,
        max_length=200,
        label="Name of the pasted copy",
        help_text="Identifies the item, like a file name; the same name from the same provider "
        "later makes a new version of it.",
    )
    story = forms.ModelChoiceField(
        queryset=Story.objects.filter(merged_into__isnull=True),
        required=False,
        empty_label="— no story chosen —",
    )
    grouping = forms.ChoiceField(
        choices=[
            ("similar", "each new item joins the story it resembles, or starts one"),
            ("together", "the files start one new story together"),
        ],
        initial="similar",
        required=False,
        widget=forms.RadioSelect,
        label="Without a story chosen",
    )
    # The empty choice stands for Unattributed, so its row is not listed a second time.
    provider = forms.ModelChoiceField(
        queryset=Provider.objects.exclude(name=UNATTRIBUTED),
        required=False,
        empty_label=f"The one the copy names, else {UNATTRIBUTED}",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text += (
            f" At most {settings.NEWSROOM_MAX_FILES_PER_UPLOAD} files at once; a zip archive counts as one "
            f"and may hold {settings.NEWSROOM_MAX_FILES_PER_ARCHIVE}."
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if not cleaned.get("files") and not cleaned.get("pasted_text", "").strip():
            raise forms.ValidationError("Choose at least one file or paste some copy.")
        return cleaned

    def group_by_similarity(self) -> bool:
        return self.cleaned_data["story"] is None and self.cleaned_data.get("grouping") != "together"

    def incoming_copies(self) -> list[IncomingCopy]:
        """The files and the pasted text as the ingest service takes them, size-bounded."""
        limit = settings.NEWSROOM_MAX_COPY_BYTES
        copies = [IncomingCopy(name=f.name, data=read_upload(f)) for f in self.cleaned_data["files"]]
        pasted = self.cleaned_data["pasted_text"]
        if pasted.strip():
            name = self.cleaned_data["pasted_name"].strip() or "pasted copy"
            copies.append(IncomingCopy(name=name, data=pasted.encode("utf-8")[: limit + 1], item_id=name))
        return copies


class SourceChoiceField(forms.ModelMultipleChoiceField):
    """Sources, each labelled with its provider's name."""

    def label_from_instance(self, obj: Source) -> str:
        return str(obj.provider)


class CompareForm(forms.Form):
    """Which sources the compare page shows, whether repeats are open, which conflict is chosen.

    Read from the query string, so a reload or a shared link shows the same state. A bad
    choice of sources falls back to the default choice, with the error shown.
    """

    sources = SourceChoiceField(queryset=Source.objects.none(), required=False, widget=forms.CheckboxSelectMultiple)
    repeats = forms.BooleanField(required=False, label="Show repeats")
    only = forms.BooleanField(required=False, label="Only differences")
    conflict = forms.RegexField(regex=CONFLICT_KEY, required=False, widget=forms.HiddenInput)

    def __init__(self, data, *, sources: list[StorySource]) -> None:
        super().__init__(data)
        self.story_sources = sources
        field = cast(SourceChoiceField, self.fields["sources"])
        field.queryset = Source.objects.filter(pk__in=[source.pk for source in sources])

    def clean_sources(self) -> list[StorySource]:
        chosen = {source.pk for source in self.cleaned_data["sources"]}
        if not chosen:
            return []
        at_least = min(2, len(self.story_sources))
        if not at_least <= len(chosen) <= MAX_COMPARED:
            raise forms.ValidationError(
                f"Choose {at_least} to {MAX_COMPARED} sources to compare; you chose {len(chosen)}. "
                "Showing the default choice."
            )
        return [source for source in self.story_sources if source.pk in chosen]

    def selection(self) -> list[StorySource]:
        return self._clean("sources") or default_selection(self.story_sources)

    def show_repeats(self) -> bool:
        return bool(self._clean("repeats"))

    def only_differences(self) -> bool:
        return bool(self._clean("only"))

    def chosen_conflict(self) -> str | None:
        return self._clean("conflict") or None

    def _clean(self, name: str):
        """A field's clean value, or None when it is bad: one bad field spoils no other."""
        return self.cleaned_data.get(name) if self.errors is not None else None


class InboxFilterForm(forms.Form):
    """The inbox's search and filters, read from the query string."""

    text = forms.CharField(required=False, max_length=200, label="Search headlines and copy")
    status = forms.ChoiceField(
        required=False,
        choices=[
            ("", "Any status"),
            (AWAITING_ME, "Awaiting my review"),
            (NO_ARTICLE, "No article yet"),
            *ArticleStatus.choices,
        ],
    )
    provider = forms.ModelChoiceField(queryset=Provider.objects.all(), required=False, empty_label="Any provider")

    def filters(self) -> dict:
        """The valid filters; a bad one is left out (and shown as an error), never guessed at."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) or default for name, default in FILTER_DEFAULTS.items()}


FILTER_DEFAULTS = {"text": "", "status": "", "provider": None}


PARAGRAPH_ID = r"[A-Za-z0-9_-]{1,40}"
MAX_DRAFT_PARAGRAPHS = 1000


class DraftTextsForm(forms.Form):
    """What the compose page carries with every action: the headline box and, for each
    paragraph box, `text-<id>` (its text now) and `seen-<id>` (the digest of the text it was
    drawn with). Lengths are checked paragraph by paragraph by the service, so one bad box
    keeps no other from being saved."""

    headline = forms.CharField(required=False, strip=False)

    def __init__(self, data=None) -> None:
        super().__init__(data)
        ids = [match[1] for key in (data or {}) if (match := re.fullmatch(f"text-({PARAGRAPH_ID})", key))]
        for pid in ids[:MAX_DRAFT_PARAGRAPHS]:
            self.fields[f"text-{pid}"] = forms.CharField(required=False, strip=False)
            self.fields[f"seen-{pid}"] = forms.RegexField(regex=r"^[0-9a-f]{16}$", required=False)
        self.paragraph_ids = ids[:MAX_DRAFT_PARAGRAPHS]

    def texts(self) -> DraftTexts:
        """The valid boxes; a box without its digest is taken as typed in."""
        self.is_valid()
        data = self.cleaned_data
        headline = data.get("headline") if self.data.get("headline") is not None else None
        paragraphs = {
            pid: TypedText(data[f"text-{pid}"], data.get(f"seen-{pid}") or "")
            for pid in self.paragraph_ids
            if f"text-{pid}" in data
        }
        credits = {name: str(self.data[name])[:2000] for name in CREDIT_LINES if self.data.get(name) is not None}
        return DraftTexts(headline=headline, paragraphs=paragraphs, credits=credits)


class ParagraphActionForm(forms.Form):
    """A change to one paragraph: which fields matter depends on the change."""

    step = forms.TypedChoiceField(required=False, choices=[("-1", "up"), ("1", "down")], coerce=int, empty_value=None)
    choice = forms.IntegerField(required=False, min_value=0)


class DraftActionForm(forms.Form):
    """A change to the whole draft: which fields matter depends on the change."""

    new_text = forms.CharField(required=False, strip=False)
    after = forms.CharField(required=False, max_length=20)  # a paragraph's id; "" for first
    passage = forms.RegexField(regex=r"^\d{1,6}:[A-Z]{1,3}\d{1,6}$", required=False)  # "row:block" left out

    def left_out_passage(self) -> tuple[int, str]:
        """The row and block of the passage to bring back; (-1, "") when none was named."""
        value = self.cleaned_data.get("passage") if self.is_valid() else None
        if not value:
            return -1, ""
        row, block = value.split(":")
        return int(row), block


class SaveDraftForm(forms.Form):
    reason = forms.CharField(
        max_length=300,
        label="Why this version",
        error_messages={"required": "Say briefly why you save this version."},
        widget=forms.TextInput(attrs={"placeholder": "e.g. first draft, took Meridian's quote"}),
    )
    # Required of a correction to a published article: the save service says so when it is missing.
    correction_note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    base = forms.IntegerField(min_value=0, required=False, help_text="The version the page showed the draft from.")
    token = forms.RegexField(regex=r"^[0-9a-f]{32}$", required=False, help_text="One per form: sent twice, saves once.")
    theirs = forms.IntegerField(min_value=1, required=False, help_text="The version a merge's choices were made on.")

    def __init__(self, *args, correcting: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if correcting:  # the browser asks for the note before sending; the service holds to it
            self.fields["correction_note"].widget.attrs["required"] = True

    def merge_choices(self) -> dict[str, Choice]:
        """The merge prompt's answers: `take-<id>` (theirs, mine or edit) and `edit-<id>` (the text)."""
        choices = {}
        for key, value in self.data.items():
            match = re.fullmatch(f"take-({PARAGRAPH_ID})", key)
            if match and value in ("theirs", "mine", "edit"):
                text = str(self.data.get(f"edit-{match[1]}", ""))[:20_000]
                choices[match[1]] = Choice(value, text)
        return choices


class WorkflowForm(forms.Form):
    """A workflow step: the version the person was shown, and a comment or reason where the
    step needs one (sending back, withdrawing)."""

    version = forms.IntegerField(
        min_value=1, error_messages={"required": "The page did not say which version you saw; reload it and try again."}
    )
    reason = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class SettleConflictForm(forms.Form):
    # "a", "b" between two sources; a fact of more sources has a letter for each of its values
    stands = forms.ChoiceField(
        choices=[
            ("a", "the first value stands"),
            ("b", "the second value stands"),
            *((letter, f"value {letter} stands") for letter in "cdefghijklmnopqrstuvwxyz"),
            ("none", "not a real conflict"),
        ],
        error_messages={"required": "Choose which value stands, or that it is not a real conflict."},
    )
    note = forms.CharField(required=False, max_length=500)


class PresenceForm(forms.Form):
    seen = forms.IntegerField(min_value=0, required=False)


class VersionPairForm(forms.Form):
    """Two versions (of the article, or of one source) to read side by side, and the
    conflict chosen between them."""

    a = forms.IntegerField(min_value=1)
    b = forms.IntegerField(min_value=1)
    conflict = forms.RegexField(regex=CONFLICT_KEY, required=False)

    def clean_conflict(self) -> str | None:
        return self.cleaned_data["conflict"] or None


STORIES_OFFERED = 50  # the newest stories a move or merge offers; any open story is accepted


NEW_STORY = "new"  # the move form's value for "a new story of its own"


class _OpenStoryField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Story) -> str:
        return story_choice_label(obj)


def story_choice_label(story: Story) -> str:
    """A story as a list of stories offers it: its number, headline, providers and newest
    copy ("#12 · Harbour fire — Northwire, Meridian Press · newest copy 29 Nov 21:31");
    its sources come prefetched with their providers."""
    providers = ", ".join(dict.fromkeys(str(source.provider) for source in story.sources.all()))
    newest = f"{story.last_received_at:%d %b %H:%M}"
    return f"#{story.pk} · {story.headline} — {providers or 'no source'} · newest copy {newest}"


def _open_stories_but(story: Story) -> QuerySet[Story]:
    return Story.objects.filter(merged_into__isnull=True).exclude(pk=story.pk)


def offered_stories(story: Story) -> list[tuple[int, str]]:
    """What a page's move lists offer: read once, given to each source's MoveSourceForm."""
    return _offered(story)


def _offered(story: Story) -> list[tuple[int, str]]:
    """The newest open stories but this one, as the lists offer them (any open one is accepted)."""
    newest = (
        _open_stories_but(story)
        .order_by("-last_received_at")
        .prefetch_related(
            Prefetch("sources", queryset=Source.objects.select_related("provider").order_by("created_at"))
        )[:STORIES_OFFERED]
    )
    return [(other.pk, story_choice_label(other)) for other in newest]


def _offer_open_stories(field: forms.Field, story: Story, empty_label: str) -> None:
    choice = cast(forms.ModelChoiceField, field)
    choice.queryset = _open_stories_but(story)
    choice.widget.choices = [("", empty_label), *_offered(story)]


class MoveSourceForm(forms.Form):
    """Where a source goes: an open story, or a new story of its own; chosen, never assumed."""

    to_story = forms.CharField(label="Move to", widget=forms.Select)

    def __init__(self, data=None, *, story: Story, offered: list[tuple[int, str]] | None = None, **kwargs) -> None:
        """`offered`: the stories the list offers (`offered_stories`), read once for a page of forms."""
        super().__init__(data, **kwargs)
        self.story = story
        stories = offered if offered is not None else _offered(story)
        choices = [("", "— choose where —"), (NEW_STORY, "A new story of its own"), *stories]
        self.fields["to_story"].widget.choices = choices

    def clean_to_story(self) -> Story | None:
        value = self.cleaned_data["to_story"]
        if value == NEW_STORY:
            return None
        try:
            return _open_stories_but(self.story).get(pk=int(value))
        except (ValueError, Story.DoesNotExist):
            raise forms.ValidationError("not an open story") from None


class MergeStoryForm(forms.Form):
    into = _OpenStoryField(queryset=Story.objects.none(), label="Merge this story into")

    def __init__(self, data=None, *, story: Story) -> None:
        super().__init__(data, auto_id="merge-%s")
        _offer_open_stories(self.fields["into"], story, "— choose a story —")
        self.fields["into"].widget.attrs["aria-describedby"] = "merge-hint"
