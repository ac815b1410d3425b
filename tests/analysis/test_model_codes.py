"""Model codes told two ways (`model_codes.check_model_codes`): the same letters with other
digits name another product. Copy of our own."""

from .reported import conflicts


def test_a_code_with_other_digits_is_another_model():
    a = "Additionally, the Kestrel h2210's cradle has room to charge a second battery."
    b = "The cradle for the Kestrel h2200 has space for recharging a second battery."
    assert conflicts(a, b, ("name",)) == [("name", "h2210", "h2200")]


def test_a_sum_a_year_and_a_sentence_naming_two_models_raise_nothing():
    a = "Kestrel offered NZ75 a share for the Varna line in 2003, and flies the A380 and the A350."
    b = "Kestrel offered NZ75c a share for the Varna line in 2004, and flies the A350 and the A380."
    assert conflicts(a, b, ("name",)) == []
