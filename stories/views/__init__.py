from stories.views.compare import compare
from stories.views.compose import compose, edit_headline, edit_paragraph, restart, save
from stories.views.inbox import inbox
from stories.views.regroup import merge, move
from stories.views.story import story_detail
from stories.views.workflow import restore, version_diff, versions, workflow_step

__all__ = [
    "compare",
    "compose",
    "edit_headline",
    "edit_paragraph",
    "inbox",
    "merge",
    "move",
    "restart",
    "restore",
    "save",
    "story_detail",
    "version_diff",
    "versions",
    "workflow_step",
]
