"""Copy of our own in which a new item bridges two stories grouping kept apart: an
avalanche on a mountain pass (Northwire) and a storm's power cuts in the valley below
(Meridian Press) share too little to be one story, until Coastal News reports both.

The desk has opened both stories (`pass_and_power`): grouping no longer changes them by
itself, so the item that bridges them offers the merge (services.merge_offers). Stories no
one has touched it would merge (services.story_revisits)."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone

from stories.models import MergeOffer, Provider, Story, StoryReading
from stories.services.ingest import IncomingCopy, ingest_files

PASS = """Avalanche Closes Brekke Pass

BREKKE (Northwire) - An avalanche buried the road over Brekke Pass on Thursday night, closing the
only route between Tindvik and Osterdal, the roads agency said.

Snow up to 4 metres deep covered 300 metres of the road near the summit tunnel. No vehicles were
caught, agency engineer Marte Solheim said.

Ploughs will not reach the slide before Saturday because of the risk of further avalanches.
"""

POWER = """Storm Leaves Osterdal Without Power

OSTERDAL (Meridian Press) - About 8,500 homes in Osterdal lost electricity on Thursday night
after heavy snow brought down power lines across the valley, the grid operator Kraftnett said.

Repair crews were working through the night, but some farms may wait until the weekend, operator
spokesman Jonas Vik said.

Schools in the valley will stay closed on Friday.
"""

BRIDGE = """Osterdal Cut Off by Avalanche and Power Cuts

OSTERDAL (Coastal News) - An avalanche closed Brekke Pass on Thursday night, the only road between
Tindvik and Osterdal, while heavy snow brought down power lines, leaving about 8,500 homes in Osterdal
without electricity.

Roads agency engineer Marte Solheim said snow up to 4 metres deep covered 300 metres of the road
near the summit tunnel, and ploughs would not reach it before Saturday.

Grid operator Kraftnett said repair crews were working through the night; spokesman Jonas Vik said
some farms may wait until the weekend.
"""

# An item about the pass that gives the power cuts a paragraph: it matches the power story
# well enough to have joined it, but the two stories still read as two.
ASIDE = """Brekke Pass Stays Shut After Avalanche

TINDVIK (Fjord Wire) - Brekke Pass stayed closed on Friday after an avalanche buried the road on
Thursday night, the only route between Tindvik and Osterdal, the roads agency said.

Snow up to 4 metres deep covers 300 metres of the road near the summit tunnel, agency engineer
Marte Solheim said, and ploughs will not reach the slide before Saturday.

In Osterdal, about 8,500 homes lost electricity on Thursday night after heavy snow brought down
power lines, the grid operator Kraftnett said.
"""


def take_in(name: str, text: str, provider: str) -> Story:
    """One item through the ingest service, grouped, with the offers it makes stored (they
    are stored once the item's transaction commits, which a test's transaction never does)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        report = ingest_files(
            files=[IncomingCopy(f"{name}.txt", text.encode())],
            user=None,
            provider=Provider.objects.get_or_create(name=provider)[0],
            group=True,
        )
    return report.results[0].version.source.story


def pass_and_power(filed: str = "") -> tuple[Story, Story]:
    """The two stories grouping keeps apart (`filed`, a line added to each item, makes
    another copy of them: a test that takes them in again)."""
    tag = filed.split(".")[0].replace(" ", "-").lower()
    stories = (
        take_in(f"nw-brekke{tag}", PASS + filed, "Northwire"),
        take_in(f"mp-osterdal{tag}", POWER + filed, "Meridian Press"),
    )
    opened(*stories)
    return stories


def opened(*stories: Story) -> None:
    """Someone on the desk opens the stories: they are no longer grouping's own."""
    reader, _ = get_user_model().objects.get_or_create(username="desk-reader")
    for story in stories:
        StoryReading.objects.update_or_create(user=reader, story=story, defaults={"read_at": timezone.now()})


def bridged(filed: str = "") -> MergeOffer:
    """Both stories, then the item that matches both: the offer it makes."""
    pass_story, power_story = pass_and_power(filed)
    assert pass_story != power_story
    tag = filed.split(".")[0].replace(" ", "-").lower()
    take_in(f"cn-osterdal{tag}", BRIDGE + filed, "Coastal News")
    return MergeOffer.objects.select_related("story", "other").get(story=pass_story)
