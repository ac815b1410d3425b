from stories.views.inbox import inbox
from stories.views.story import story_detail

__all__ = ["inbox", "story_detail"]
