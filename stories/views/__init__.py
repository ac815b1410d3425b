from stories.views.compare import compare
from stories.views.compose import (
    compose,
    draft_action,
    edit_draft,
    paragraph_action,
    presence,
    restart,
    save,
    settle,
    take_all_refiled,
)
from stories.views.inbox import inbox, inbox_counts
from stories.views.merge_offers import keep_offer_apart, merge_offer
from stories.views.push import push, pushed_batch
from stories.views.regroup import merge, move
from stories.views.story import source_versions_diff, story_detail
from stories.views.workflow import restore, version_diff, versions, workflow_step

__all__ = [
    "compare",
    "compose",
    "draft_action",
    "edit_draft",
    "inbox",
    "inbox_counts",
    "keep_offer_apart",
    "merge",
    "merge_offer",
    "move",
    "paragraph_action",
    "presence",
    "push",
    "pushed_batch",
    "restart",
    "restore",
    "save",
    "settle",
    "source_versions_diff",
    "story_detail",
    "take_all_refiled",
    "version_diff",
    "versions",
    "workflow_step",
]
