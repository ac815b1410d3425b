"""Re-filed copy on the way into the article: a source used by a draft (or by the article's
newest version) got a newer version since its passage was taken.

Each paragraph remembers the source versions its passages came from. For those that are no
longer their source's newest, the two versions of the source are compared with the text
engine (stored like any analysis), and the passage's new wording is found in the row the
old passage falls in. Taking the new wording applies the source's own word changes (old
passage → new passage) to the paragraph, each found by its words and their neighbours, so
an edit the editor made elsewhere in the paragraph survives; a paragraph whose edit
overlaps a change is left for a hand edit, never guessed at.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Max, Q, QuerySet

from stories.analysis.diff import apply_word_changes
from stories.models import ArticleDraft, ArticleVersion, SourceVersion, Story
from stories.services.analysis import analyse_versions, source_label
from stories.services.draft_edits import DraftEditError, paragraph_of

V = TypeVar("V", ArticleVersion, SourceVersion)


@dataclass(frozen=True)
class Refile:
    """One passage of a paragraph whose source was re-filed: its wording then and now."""

    source_label: str
    old_version_id: int
    old_block: int  # the passage's block number in the old version
    old_number: int  # the source's version numbers
    new_number: int
    old_text: str
    new_text: str  # empty when the new version leaves the passage out
    new_version_id: int
    new_blocks: tuple[int, ...]  # the passage's block numbers in the new version

    @property
    def changed(self) -> bool:
        return " ".join(self.old_text.split()) != " ".join(self.new_text.split())


def refiles_of(story: Story, paragraphs: list[dict]) -> dict[str, list[Refile]]:
    """For each paragraph (by id) taken from a source version that is no longer the newest,
    what changed in its passages."""
    used = _used_versions(paragraphs)
    newest = _newest_of({version.source_id for version in used.values()})
    found: dict[str, list[Refile]] = {}
    passages: dict[tuple[int, int], dict[int, tuple[str, str, tuple[int, ...]]]] = {}
    for paragraph in paragraphs:
        for entry in paragraph.get("sources", []):
            old = used.get(entry["version"])
            new = newest.get(old.source_id) if old else None
            if old is None or new is None or new.number <= old.number:
                continue
            if (old.pk, new.pk) not in passages:
                passages[(old.pk, new.pk)] = _passage_map(story, old, new)
            old_text, new_text, blocks = passages[(old.pk, new.pk)].get(entry["paragraph"], ("", "", ()))
            found.setdefault(paragraph["id"], []).append(
                Refile(
                    source_label(old.source),
                    old.pk,
                    entry["paragraph"],
                    old.number,
                    new.number,
                    old_text,
                    new_text,
                    new.pk,
                    blocks,
                )
            )
    return found


def refiled_since(stories: Iterable[Story]) -> dict[int, int]:
    """For each story whose article's newest version uses copy re-filed since, that
    version's number (the inbox says "Re-filed since version N")."""
    ids = [story.pk for story in stories]
    newest_versions = _newest_per(ArticleVersion.objects.filter(article__story_id__in=ids), "article_id")
    latest = list(newest_versions.values_list("article__story_id", "number", "paragraphs"))
    used = _used_versions([p for _story, _number, paragraphs in latest for p in paragraphs])
    newest = _newest_of({version.source_id for version in used.values()})
    refiled = {}
    for story_id, number, paragraphs in latest:
        for version_id in {entry["version"] for p in paragraphs for entry in p.get("sources", [])}:
            old = used.get(version_id)
            if old is not None and newest[old.source_id].number > old.number:
                refiled[story_id] = number
    return refiled


def take_new_wording(draft: ArticleDraft, pid: str, refiles: list[Refile]) -> None:
    """Apply the re-filed wording to one paragraph of the (locked) draft, and point its
    provenance at the new versions."""
    paragraph = paragraph_of(draft, pid)
    text = paragraph["text"]
    # The blocks of one passage split in two share one change: apply it once.
    for passage in {(r.old_version_id, r.old_text): r for r in refiles}.values():
        text = _patched(text, passage)
    by_entry = {(r.old_version_id, r.old_block): r for r in refiles}
    sources = []
    for entry in paragraph.get("sources", []):
        refile = by_entry.get((entry["version"], entry["paragraph"]))
        if refile is None or not refile.new_blocks:
            sources.append(entry)
            continue
        letter = entry["block"].rstrip("0123456789")
        number = refile.new_blocks[0]
        sources.append({**entry, "version": refile.new_version_id, "paragraph": number, "block": f"{letter}{number}"})
    paragraph.update(text=text, sources=_unique(sources))


def _unique(entries: list[dict]) -> list[dict]:
    seen: dict[tuple, dict] = {}
    for entry in entries:
        seen.setdefault((entry["version"], entry["paragraph"]), entry)
    return list(seen.values())


def _patched(text: str, refile: Refile) -> str:
    if not refile.changed:
        return text
    if not refile.new_text:
        raise DraftEditError(f"The new version of {refile.source_label} leaves this passage out; drop it or edit it.")
    if text == refile.old_text:
        return refile.new_text
    patched = apply_word_changes(text, refile.old_text, refile.new_text)
    if patched is None:
        raise DraftEditError(
            "Your edit of this paragraph overlaps the re-filed change, so it was not taken; "
            "edit the paragraph by hand using the change shown."
        )
    return patched


def _passage_map(story: Story, old: SourceVersion, new: SourceVersion) -> dict[int, tuple[str, str, tuple[int, ...]]]:
    """For each block number of `old`: its row's wording in `old`, in `new`, and the new block numbers."""
    labels = [f"{source_label(old.source)} v{old.number}", f"{source_label(old.source)} v{new.number}"]
    comparison = analyse_versions(story=story, versions=[old, new], labels=labels).comparison
    blocks = comparison.blocks_by_id
    mapping = {}
    for row in comparison.rows:
        cells = {cell.source: cell.blocks for cell in row.cells if cell.status != "repeat"}
        old_blocks, new_blocks = cells.get("A", ()), cells.get("B", ())
        old_text = " ".join(blocks[block].text for block in old_blocks)
        new_text = " ".join(blocks[block].text for block in new_blocks)
        numbers = tuple(blocks[block].number for block in new_blocks)
        for block in old_blocks:
            mapping[blocks[block].number] = (old_text, new_text, numbers)
    return mapping


def _used_versions(paragraphs: list[dict]) -> dict[int, SourceVersion]:
    ids = {entry["version"] for paragraph in paragraphs for entry in paragraph.get("sources", [])}
    versions = SourceVersion.objects.filter(pk__in=ids).defer("original").select_related("source__provider")
    return {version.pk: version for version in versions}


def _newest_of(source_ids: set[int]) -> dict[int, SourceVersion]:
    """Each source's newest version, by source id."""
    versions = _newest_per(SourceVersion.objects.filter(source_id__in=source_ids).defer("original"), "source_id")
    return {version.source_id: version for version in versions}


def _newest_per(versions: QuerySet[V], group: str) -> QuerySet[V]:
    """The versions with the highest number in their `group` (an article's, a source's):
    two queries, however many groups."""
    numbers = versions.values(group).annotate(last=Max("number")).values_list(group, "last")
    wanted = Q(pk__in=[])
    for key, number in numbers:
        wanted |= Q(**{group: key, "number": number})
    return versions.filter(wanted)
