from stories.views.compare import compare
from stories.views.inbox import inbox
from stories.views.story import story_detail

__all__ = ["compare", "inbox", "story_detail"]
