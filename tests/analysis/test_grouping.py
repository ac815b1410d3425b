"""Grouping items into stories: a rewrite and a re-file join, a different event of the
same kind, an unrelated story, an item from ten days later and an empty item do not.
The stories are the project's own invention."""

import json
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stories.analysis.grouping import ItemEvidence, band_keys, best_story, evidence_of, match
from stories.analysis.story_merges import MERGE_ITEMS, alike, one_story

NOON = 1_717_416_000.0  # 3 June 2024, 12:00 UTC
HOUR = 3600.0

FERRY_STRIKE = (
    "Ferry strike strands thousands of travellers in Piraeus",
    """\
PIRAEUS, June 3 - Greek ferry crews walked off the job on Tuesday for 48 hours, leaving about 12,000 \
passengers stranded at Piraeus, the country's busiest port.
The seamen's union PNO called the strike over a pay deal that it says has left wages frozen since 2019.
Shipping Minister Eleni Vasilakou urged the union to return to talks and said the government would consider \
a 4.5% rise.
Ferries to Crete, Rhodes and the Cyclades stayed in port, and coast guard officers turned back dozens of cars \
at the gates.
"We will not sail for promises," union leader Giorgos Marinakis told reporters at the harbour.""",
)

REWRITE = (
    "Greek seamen halt island ferries in walkout over pay",
    """\
ATHENS - Thousands of holidaymakers were stuck on the quayside in Piraeus on Tuesday after Greece's seamen \
began a two-day stoppage.
Union leader Giorgos Marinakis said crews had gone without a raise for five years.
The government offered to look at a 4.5% increase, Shipping Minister Vasilakou said, but no new talks were set.
Boats to Crete and Rhodes were cancelled, the coast guard said.""",
)

REFILE = (
    FERRY_STRIKE[0],
    FERRY_STRIKE[1].replace("about 12,000", "about 15,000")
    + """
The ministry said emergency sailings would carry medicines to the smaller islands.""",
)

OTHER_FERRY_STRIKE = (
    "Ferry strike halts Corsica crossings from Marseille",
    """\
MARSEILLE, June 4 - French ferry crews stopped work on Wednesday for 24 hours, cancelling crossings to \
Ajaccio and Bastia and leaving some 3,000 passengers waiting at the port of Marseille.
The CGT union called the strike after talks on staffing rules broke down with the operator Corsica Lines.
Transport Minister Julien Morel said the strike was unjustified and urged both sides to meet again.
Lorries queued on the quays while the port authority opened a car park for stranded drivers.
"We are not asking for the moon," union delegate Sandrine Ferrandi said.""",
)

UNRELATED = (
    "Council approves tram line in record budget",
    """\
The city council of Lyon approved a budget of 1.2 billion euros on Monday, including the first section of a \
tram line to the eastern suburbs.
Deputy mayor Claire Dubois said the line would open in 2027 and carry 40,000 people a day.
Opposition councillors voted against, saying the debt would burden the next council.""",
)


def evidence(item: tuple[str, str], received_at: float | None = NOON, provider: str | None = None) -> ItemEvidence:
    return evidence_of(item[0], item[1], received_at, provider)


STRIKE = evidence(FERRY_STRIKE, provider="Harbour Wire")


def test_it_joins_a_rewrite_from_another_agency():
    found = match(evidence(REWRITE, NOON + 2 * HOUR, "Continental Press"), STRIKE)
    assert found.same_story
    assert "Marinakis" in found.reason and "4.5%" in found.reason


def test_a_rewrite_meets_its_original_in_a_band_key():
    assert set(band_keys(evidence(REWRITE))) & set(band_keys(STRIKE))


def test_it_joins_a_near_copy_with_a_high_score():
    found = match(evidence(REFILE, NOON + 3 * HOUR, "Harbour Wire"), STRIKE)
    assert found.same_story
    assert found.score > 0.8


def test_it_keeps_apart_a_strike_in_another_city():
    found = match(evidence(OTHER_FERRY_STRIKE, NOON + 20 * HOUR, "Continental Press"), STRIKE)
    assert not found.same_story
    assert found.reason.startswith("too little in common")


def test_it_keeps_apart_an_unrelated_story():
    assert not match(evidence(UNRELATED), STRIKE).same_story


def test_it_keeps_apart_similar_items_received_ten_days_apart():
    found = match(evidence(REWRITE, NOON + 240 * HOUR, "Continental Press"), STRIKE)
    assert not found.same_story
    assert found.reason == "received 10 days apart"


def test_an_unknown_time_is_no_reason_to_keep_apart():
    assert match(evidence(REWRITE, None), STRIKE).same_story


def test_another_item_of_the_same_provider_must_be_a_near_copy():
    found = match(evidence(REWRITE, NOON + HOUR, "harbour wire"), STRIKE)
    assert not found.same_story
    assert found.reason.startswith("another item of the same provider")


def test_best_story_picks_the_story_whose_item_matches_best():
    candidates = [
        ("corsica", evidence(OTHER_FERRY_STRIKE)),
        ("piraeus", evidence(REWRITE)),
        ("lyon", evidence(UNRELATED)),
        ("piraeus-refile", evidence(REFILE)),
    ]
    key, found = best_story(evidence(FERRY_STRIKE), candidates)
    assert key == "piraeus-refile"
    assert found.same_story


def test_best_story_is_none_when_nothing_matches():
    assert best_story(STRIKE, [(1, evidence(UNRELATED)), (2, evidence(OTHER_FERRY_STRIKE))]) is None
    assert best_story(STRIKE, []) is None


def test_evidence_round_trips_through_json():
    data = json.loads(json.dumps(STRIKE.to_dict()))
    assert ItemEvidence.from_dict(data) == STRIKE
    assert {"marinakis", "piraeus", "pno"} <= STRIKE.names
    assert {"12,000", "4.5%"} <= STRIKE.numbers


def test_a_reason_stays_short_however_many_and_long_the_names():
    names = ", ".join(f"Zed{n}{'q' * 60}" for n in range(10))
    item = evidence_of("", f"We met {names} with 1,234,567 and 2,345,678 and 3,456,789 others.", None)
    found = match(item, item)
    assert found.same_story and found.score == 1.0
    assert len(found.reason) <= 200 and found.reason.endswith("\u2026")


def test_evidence_stored_without_a_provider_still_loads():
    data = STRIKE.to_dict()
    del data["provider"]
    assert ItemEvidence.from_dict(data).provider is None


def test_band_keys_are_short_and_the_same_on_every_run():
    keys = band_keys(evidence_of("Ferry strike", "Ferry crews in Piraeus walk out.", None))
    assert len(keys) == 144 and len(set(keys)) == 144  # 64 + 64 of its words, 16 of its one name
    assert max(len(k) for k in keys) <= 20
    assert keys[:2] == ["0:b19a4f4998095301", "1:d0984b4f5f6dfce9"]
    assert keys[64] == "x0:3661cfb1681d0786"
    assert keys[128].startswith("n0:")


def test_an_item_naming_no_one_has_only_the_keys_of_its_words():
    keys = band_keys(evidence_of("", "ferry crews walk out in the port today.", None))
    assert len(keys) == 128 and not any(key.startswith("n") for key in keys)


# A short rewrite: the people and the port of FERRY_STRIKE, none of its figures.
SHORT_REWRITE = (
    "Piraeus ferries stay in port",
    """\
Union leader Giorgos Marinakis said crews at Piraeus would not sail until Shipping Minister Vasilakou \
offers a real rise.""",
)


def test_figures_only_one_item_gives_say_nothing_either_way():
    """A short rewrite gives no figures: the original's 12,000 passengers and 4.5% neither
    count against it nor for it."""
    short = evidence(SHORT_REWRITE, NOON + HOUR, "Continental Press")
    assert not short.numbers
    found = match(short, STRIKE)
    assert found.same_story
    assert found.score == match(short, replace(STRIKE, numbers=frozenset())).score


def test_a_short_rewrite_meets_its_original_in_a_key_of_their_names():
    short, original = set(band_keys(evidence(SHORT_REWRITE))), set(band_keys(STRIKE))
    assert any(key.startswith("n") for key in short & original)


def test_empty_text_matches_nothing():
    empty = evidence_of("", " \n\t", None)
    assert not empty.terms and band_keys(empty) == []
    assert not match(empty, empty).same_story
    assert not match(empty, STRIKE).same_story and not match(STRIKE, empty).same_story


@settings(max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.text(max_size=1500), st.one_of(st.none(), st.floats(0, 4e9)))
def test_it_never_crashes_on_any_unicode(headline, text, received_at):
    item = evidence_of(headline, text, received_at, headline[:20])
    assert ItemEvidence.from_dict(json.loads(json.dumps(item.to_dict()))) == item
    assert bool(band_keys(item)) == bool(item.terms)
    assert match(item, item).same_story == bool(item.terms)
    found = match(item, STRIKE)
    assert 0.0 <= found.score <= 1.0
    assert len(found.reason) <= 200 and len(match(item, item).reason) <= 200


def test_a_reason_prints_years_as_written_and_the_telling_names_first():
    """Once "1,798" and noise such as "B", "AL" and "Act" led the reason's names."""
    history = (
        "Museum reopens 1798 hall",
        """\
VALLETTA - The Heritage Museum reopened its 1798 hall on Monday after a restoration that cost 2,400,000 euros.
Curator Beatrix Zammit-Leone said the B wing and the Act room would follow in 2027.""",
    )
    retold = (
        "Heritage Museum hall from 1798 opens again",
        """\
The Heritage Museum in Valletta reopened the 1798 hall on Monday; the work cost 2,400,000 euros.
The B wing and the Act room come next, curator Beatrix Zammit-Leone said.""",
    )
    found = match(evidence(retold, NOON + HOUR, "Island Wire"), evidence(history, provider="Harbour Wire"))
    assert "1798" in found.reason and "1,798" not in found.reason and "2,400,000" in found.reason
    names = found.reason.split("the names ")[1].split(" and the numbers")[0].split(", ")
    assert names[0] == "Zammit-Leone", found.reason
    assert "B" not in names


def test_a_reason_prints_names_as_the_new_item_writes_them():
    """Once as folded keys: "Engebretsenholm" for Engebretsen-Holm, "Soren" for Søren."""
    first = (
        "Skerry Point lighthouse relit",
        """\
SKERRY POINT - Keeper Søren Engebretsen-Holm relit the Skerry Point lighthouse on Saturday after a restoration.""",
    )
    retold = (
        "Keeper relights Skerry Point lighthouse",
        """\
Søren Engebretsen-Holm, the keeper, relit the lighthouse at Skerry Point on Saturday after its restoration.""",
    )
    found = match(evidence(retold, NOON + HOUR, "Island Wire"), evidence(first, provider="Harbour Wire"))
    names = found.reason.split("the names ")[1].split(", ")
    assert found.same_story and names[:2] == ["Engebretsen-Holm", "Skerry"], found.reason
    assert "Søren" in names and "Soren" not in found.reason, found.reason


# One landslide told by three outlets: the third names what each of the first two names in
# part (the mayor and 340 residents from one, the engineer and 72 millimetres of rain from
# the other), so it shares too little with either alone and enough with both together.
SLIDE = (
    "Landslide buries road above Valdoria",
    """\
VALDORIA - A landslide buried the mountain road above Valdoria on Thursday night, cutting off 340 residents \
of the hamlet of Pellarino.
Mayor Ottavia Brunetti said bulldozers would need at least four days to clear 18,000 cubic metres of rock and mud.
Helicopters flew bottled water and medicines to the hamlet on Friday morning, and 26 tourists were taken down \
to Castelmonte.""",
)
SLIDE_RESCUE = (
    "Rescue teams reach cut-off hamlet after slide",
    """\
Civil protection teams reached Pellarino on foot on Friday after a slide of rock closed its only road.
Regional engineer Lucio Ferrandina said 72 millimetres of rain fell in six hours before the slope gave way, \
the most since 1994.
Prefect Anselmo Guidarelli said 45 firefighters and 12 soldiers were at work.""",
)
SLIDE_THIRD = (
    "Pellarino isolated as rain brings down hillside",
    """\
Heavy rain brought down a hillside in the Alps, leaving Pellarino and its 340 residents isolated for a \
second day, Mayor Brunetti said.
Engineer Ferrandina said 72 millimetres fell before the slope collapsed.
Shops in the valley are rationing bread, and farmers cannot reach their cattle on the upper pastures.
The army has offered a bridging unit, while the tourist office cancelled a festival that drew 5,000 \
visitors last year.""",
)
# Another landslide in the Alps the same week: its vocabulary, not its places, people or figures.
OTHER_SLIDE = (
    "Mudslide closes pass road near Rocca Alta",
    """\
ROCCA ALTA - A mudslide closed the pass road near Rocca Alta on Wednesday, stranding 90 drivers overnight.
Mayor Teodoro Sanvitale said the road would reopen once geologists had checked the slope above the tunnel.""",
)
OTHER_SLIDE_RETOLD = (
    "Drivers stranded as mud blocks Alpine pass",
    """\
Ninety drivers spent the night in their cars after mud and rock blocked the pass at Rocca Alta, \
Mayor Sanvitale said; heavy rain had soaked the slope for three days and the road stays shut.""",
)


def slide_story(key="slide"):
    return [(key, evidence(SLIDE, NOON, "Alpine Wire")), (key, evidence(SLIDE_RESCUE, NOON + HOUR, "Valley Press"))]


def test_a_rewrite_joins_a_story_whose_items_it_matches_only_together():
    third = evidence(SLIDE_THIRD, NOON + 5 * HOUR, "Summit News")
    assert not any(match(third, stored).same_story for _, stored in slide_story())
    key, found = best_story(third, slide_story())
    assert key == "slide" and found.same_story
    assert found.reason.startswith("with 2 items of the story:")
    assert "Brunetti" in found.reason and "Ferrandina" in found.reason and "340, 72" in found.reason


def test_a_rewrite_that_items_of_two_stories_match_together_joins_its_own():
    other = [
        ("rocca", evidence(OTHER_SLIDE, NOON, "Alpine Wire")),
        ("rocca", evidence(OTHER_SLIDE_RETOLD, NOON + HOUR, "Valley Press")),
    ]
    key, _ = best_story(evidence(SLIDE_THIRD, NOON + 5 * HOUR, "Summit News"), other + slide_story())
    assert key == "slide"


def test_a_related_event_stays_apart_from_a_story_of_two_items():
    other = [
        ("rocca", evidence(OTHER_SLIDE, NOON, "Alpine Wire")),
        ("rocca", evidence(OTHER_SLIDE_RETOLD, NOON + HOUR, "Valley Press")),
    ]
    assert best_story(evidence(SLIDE_THIRD, NOON + 5 * HOUR, "Summit News"), other) is None
    assert best_story(evidence(OTHER_SLIDE_RETOLD, NOON + 2 * HOUR, "Summit News"), slide_story()) is None


def test_items_pool_only_across_providers_and_inside_the_window():
    """A provider's own items on a beat are different stories unless one re-files the
    other, together as alone; copy from days apart is no evidence either."""
    assert best_story(evidence(SLIDE_THIRD, NOON + 5 * HOUR, "Valley Press"), slide_story()) is None
    assert best_story(evidence(SLIDE_THIRD, NOON + 100 * HOUR, "Summit News"), slide_story()) is None


def test_two_stories_of_one_event_read_as_one_and_two_events_of_one_kind_do_not():
    greek = [STRIKE, evidence(REWRITE, provider="Continental Press")]
    assert one_story(greek, [evidence(REFILE, provider="Aegean News")])
    assert not one_story(greek, [evidence(OTHER_FERRY_STRIKE, provider="Rhone Press")])
    assert alike(greek, []) == 0.0 and not one_story([], greek)


def test_only_each_story_s_newest_items_are_weighed():
    older = [evidence(UNRELATED, provider=f"Agency {n}") for n in range(5)]
    newest = [STRIKE] * MERGE_ITEMS
    assert alike(older + newest, [evidence(REWRITE, provider="Continental Press")]) == alike(
        newest, [evidence(REWRITE, provider="Continental Press")]
    )
