import unicodedata

import pytest

from home.text import exact_key, fold, fold_key, has_marks, slugify_vi, words


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("hòa", "hoà"),
        ("thủy", "thuỷ"),
        ("khỏe", "khoẻ"),
        ("kí", "ký"),
        ("lí", "lý"),
        ("kĩ", "kỹ"),
        ("mĩ", "mỹ"),
        ("qui", "quy"),
        ("Đăng", "đăng"),
        (unicodedata.normalize("NFD", "kết hôn"), "kết hôn"),
    ],
)
def test_spelling_variants_share_the_exact_key(first, second):
    assert [exact_key(word) for word in words(first)] == [exact_key(word) for word in words(second)]


def test_fold_key_removes_every_mark_and_d_stroke():
    assert [fold_key(word) for word in words("Đăng ký kết hôn")] == ["dang", "ki", "ket", "hon"]


def test_exact_key_keeps_tone_and_vowel_marks_apart():
    assert exact_key("mã") != exact_key("má") != exact_key("ma")
    assert fold_key("mã") == fold_key("má") == fold_key("ma") == "ma"


def test_i_y_after_vowel_is_not_unified():
    # "thủy" keeps its y: only a final i/y right after a consonant is a spelling variant.
    assert fold_key("thủy") == "thuy"
    assert fold_key("y") == "y"


def test_has_marks():
    assert has_marks("đăng")
    assert not has_marks("dang")


def test_fold_and_slug_unchanged_for_imports():
    assert fold("Đăng Ký") == "dang ky"
    assert slugify_vi("Đăng ký khai sinh") == "dang-ky-khai-sinh"
