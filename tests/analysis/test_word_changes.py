"""Applying an agency's re-filed wording to an editor's paragraph, change by change."""

from stories.analysis.diff import apply_word_changes

OLD = "Firefighters fought the flames for six hours at the Pier 9 warehouse."
NEW = "Firefighters fought the flames for seven hours at the Pier 9 warehouse."


def test_an_unedited_passage_becomes_the_new_wording():
    assert apply_word_changes(OLD, OLD, NEW) == NEW


def test_an_edit_elsewhere_in_the_paragraph_stays():
    edited = "Brave firefighters fought the flames for six hours at the Pier 9 warehouse, police said."
    assert apply_word_changes(edited, OLD, NEW) == (
        "Brave firefighters fought the flames for seven hours at the Pier 9 warehouse, police said."
    )


def test_an_edit_of_the_changed_words_is_never_guessed_at():
    assert apply_word_changes("Firefighters fought the flames for 6 hours at the Pier 9 warehouse.", OLD, NEW) is None
    assert apply_word_changes("Firefighters fought the flames for five hours.", OLD, NEW) is None


def test_a_change_is_placed_by_its_neighbours_and_left_alone_when_they_do_not_tell():
    twice = "Firefighters fought for six hours. Crews worked for six hours."
    placed = apply_word_changes(twice, "Crews worked for six hours.", "Crews worked for seven hours.")
    assert placed == "Firefighters fought for six hours. Crews worked for seven hours."
    assert apply_word_changes(twice, "They stayed for six hours.", "They stayed for seven hours.") is None


def test_several_changes_in_one_passage_all_apply():
    old = "A fire late on Tuesday injured 12 people at the harbour."
    new = "A fire early on Wednesday injured 14 people at the harbour."
    combined = old + " The harbour authority put the damage at 38 million kroner."
    assert apply_word_changes(combined, old, new) == new + " The harbour authority put the damage at 38 million kroner."
