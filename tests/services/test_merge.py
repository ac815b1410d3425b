"""The three-way merge of the article: base, theirs, mine (pure, no database)."""

from stories.services.merge import HEADLINE, ArticleText, Choice, merge_article


def text(headline: str, *paragraphs: tuple[str, str]) -> ArticleText:
    return ArticleText(headline, [{"id": pid, "text": body, "sources": []} for pid, body in paragraphs])


BASE = text(
    "Ferry Delayed", ("a", "The ferry left late."), ("b", "Passengers waited two hours."), ("c", "The line apologised.")
)


def bodies(merge) -> list[str]:
    return [paragraph["text"] for paragraph in merge.paragraphs]


class TestCombiningWithoutAsking:
    def test_changes_to_different_paragraphs_both_land(self):
        theirs = text(
            "Ferry Delayed",
            ("a", "The ferry left an hour late."),
            ("b", "Passengers waited two hours."),
            ("c", "The line apologised."),
        )
        mine = text(
            "Ferry Delayed",
            ("a", "The ferry left late."),
            ("b", "Passengers waited three hours."),
            ("c", "The line apologised."),
        )
        merge = merge_article(BASE, theirs, mine)
        assert merge.is_complete and not merge.clashes
        assert bodies(merge) == [
            "The ferry left an hour late.",
            "Passengers waited three hours.",
            "The line apologised.",
        ]
        assert merge.from_theirs == 1

    def test_the_same_change_on_both_sides_is_no_clash(self):
        both = text(
            "Ferry Delayed", ("a", "The ferry left late."), ("b", "They waited."), ("c", "The line apologised.")
        )
        assert bodies(merge_article(BASE, both, both)) == bodies(both) and merge_article(BASE, both, both).is_complete

    def test_a_headline_changed_on_one_side_and_a_paragraph_on_the_other(self):
        theirs = text("Ferry Two Hours Late", *[(p["id"], p["text"]) for p in BASE.paragraphs])
        mine = text(
            "Ferry Delayed",
            ("a", "The ferry left late."),
            ("b", "Passengers waited two hours."),
            ("c", "The ferry line apologised."),
        )
        merge = merge_article(BASE, theirs, mine)
        assert merge.headline == "Ferry Two Hours Late" and bodies(merge)[2] == "The ferry line apologised."

    def test_additions_from_both_sides_land_where_each_side_put_them(self):
        theirs = text(
            "Ferry Delayed",
            ("a", "The ferry left late."),
            ("t", "Theirs after a."),
            ("b", "Passengers waited two hours."),
            ("c", "The line apologised."),
        )
        mine = text(
            "Ferry Delayed",
            ("m", "Mine first."),
            ("a", "The ferry left late."),
            ("b", "Passengers waited two hours."),
            ("c", "The line apologised."),
        )
        merge = merge_article(BASE, theirs, mine)
        assert [p["id"] for p in merge.paragraphs] == ["m", "a", "t", "b", "c"]

    def test_a_drop_on_one_side_holds_when_the_other_left_it_alone(self):
        theirs = text("Ferry Delayed", ("a", "The ferry left late."), ("c", "The line apologised."))
        mine = text(
            "Ferry Delayed",
            ("a", "The ferry left late."),
            ("b", "Passengers waited two hours."),
            ("c", "The line apologised!"),
        )
        merge = merge_article(BASE, theirs, mine)
        assert bodies(merge) == ["The ferry left late.", "The line apologised!"]

    def test_my_reordering_wins_and_their_edit_comes_along(self):
        theirs = text(
            "Ferry Delayed",
            ("a", "The ferry left late."),
            ("b", "Passengers waited two hours."),
            ("c", "The line said sorry."),
        )
        mine = text(
            "Ferry Delayed",
            ("c", "The line apologised."),
            ("a", "The ferry left late."),
            ("b", "Passengers waited two hours."),
        )
        merge = merge_article(BASE, theirs, mine)
        assert bodies(merge) == ["The line said sorry.", "The ferry left late.", "Passengers waited two hours."]

    def test_their_reordering_stands_when_i_only_edited(self):
        theirs = text(
            "Ferry Delayed",
            ("b", "Passengers waited two hours."),
            ("a", "The ferry left late."),
            ("c", "The line apologised."),
        )
        mine = text(
            "Ferry Delayed",
            ("a", "The ferry left very late."),
            ("b", "Passengers waited two hours."),
            ("c", "The line apologised."),
        )
        assert [p["id"] for p in merge_article(BASE, theirs, mine).paragraphs] == ["b", "a", "c"]


class TestClashes:
    def test_both_changing_one_paragraph_waits_for_a_choice_and_keeps_mine_meanwhile(self):
        theirs = text(
            "Ferry Delayed", ("a", "Their lede."), ("b", "Passengers waited two hours."), ("c", "The line apologised.")
        )
        mine = text(
            "Ferry Delayed", ("a", "My lede."), ("b", "Passengers waited two hours."), ("c", "The line apologised.")
        )
        merge = merge_article(BASE, theirs, mine)
        assert not merge.is_complete
        [clash] = merge.unsettled
        assert (clash.key, clash.kind, clash.base, clash.theirs, clash.mine, clash.number) == (
            "a",
            "both-changed",
            "The ferry left late.",
            "Their lede.",
            "My lede.",
            1,
        )
        assert bodies(merge)[0] == "My lede."

    def test_each_choice_settles_its_clash(self):
        theirs = text(
            "Ferry Late", ("a", "Their lede."), ("b", "Passengers waited two hours."), ("c", "The line apologised.")
        )
        mine = text(
            "Ferry Held Up", ("a", "My lede."), ("b", "Passengers waited two hours."), ("c", "The line apologised.")
        )
        choices = {"a": Choice("edit", "Our lede, agreed."), HEADLINE: Choice("theirs")}
        merge = merge_article(BASE, theirs, mine, choices)
        assert merge.is_complete and merge.headline == "Ferry Late" and bodies(merge)[0] == "Our lede, agreed."
        assert merge.paragraphs[0]["edited"]

    def test_a_drop_against_an_edit_is_a_clash_either_way(self):
        they_dropped = text("Ferry Delayed", ("a", "The ferry left late."), ("c", "The line apologised."))
        i_changed = text(
            "Ferry Delayed",
            ("a", "The ferry left late."),
            ("b", "Passengers waited for hours."),
            ("c", "The line apologised."),
        )
        merge = merge_article(BASE, they_dropped, i_changed)
        assert [c.kind for c in merge.unsettled] == ["they-dropped"]
        assert bodies(merge_article(BASE, they_dropped, i_changed, {"b": Choice("theirs")})) == [
            "The ferry left late.",
            "The line apologised.",
        ]
        kept = merge_article(BASE, they_dropped, i_changed, {"b": Choice("mine")})
        assert bodies(kept) == ["The ferry left late.", "Passengers waited for hours.", "The line apologised."]
        merge = merge_article(BASE, i_changed, they_dropped)
        assert [c.kind for c in merge.unsettled] == ["i-dropped"]

    def test_nothing_is_lost_when_every_clash_is_answered_with_an_edit(self):
        theirs = text("Ferry Delayed", ("a", "A by them."), ("b", "B by them."), ("c", "The line apologised."))
        mine = text("Ferry Delayed", ("a", "A by me."), ("b", "B by me."), ("c", "C by me."))
        choices = {"a": Choice("edit", "A by both."), "b": Choice("mine")}
        assert bodies(merge_article(BASE, theirs, mine, choices)) == ["A by both.", "B by me.", "C by me."]
