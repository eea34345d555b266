"""Folding for search: one form for the spellings people type, marks never split from their letter."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khaosan.thai.text import cluster_ceil, cluster_floor, fold, fold_spans, normalize, query_words

NAM = "\u0e19\u0e49\u0e33"  # น้ำ as typed


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("มาตรา ๙ (๑)", "มาตรา 9 (1)"),
        ("\u0e19\u0e49\u0e4d\u0e32", NAM),  # NIKHAHIT + SARA AA, as pypdf extracts it
        ("\u0e19\u0e4d\u0e49\u0e32", NAM),  # the same with the marks the other way round
        ("\u0e17\u0e48\u0e35", "\u0e17\u0e35\u0e48"),  # tone mark typed before the vowel: ที่
        ("ที่่", "ที่"),  # doubled tone mark
        ("เเละ", "และ"),  # SARA E twice for SARA AE
        ("ฉี่\u200bหนู", "ฉี่หนู"),  # zero-width space
        ("กฏหมาย", "กฎหมาย"),  # variants.yaml
        ("เว็บลิงค์", "เว็บลิงก์"),
        ("Heat Stroke", "ฮีทสโตรก"),
        ("ＰＭ２．５", "pm2.5"),  # full-width forms
    ],
)
def test_spellings_fold_to_one_form(typed, folded):
    assert fold(typed) == folded


def test_folding_twice_changes_nothing():
    for text in ("กฏหมาย อีเมล์ ๑๒๓ น้ํา", "เว็บไซท์ ลิงค์"):
        assert fold(fold(text)) == fold(text)


def test_spans_point_at_the_text_as_written():
    text = "ตามกฏหมายมาตรา ๙"
    folded = fold_spans(text)
    start = folded.text.index("กฎหมาย")
    a, b = folded.original(start, start + len("กฎหมาย"))
    assert text[a:b] == "กฏหมาย"
    digit = folded.text.index("9")
    assert text[slice(*folded.original(digit, digit + 1))] == "๙"


@given(st.text(alphabet=st.sampled_from(list("กขนมยาำิีุู่้๊๋็์ํเแะ ๑2aB\u200b")), max_size=30))
def test_the_spans_path_folds_exactly_like_the_fast_path(text):
    assert fold_spans(normalize(text)).text == fold(text)


def test_cuts_never_leave_a_mark_without_its_letter():
    word = "น้ำที่"
    assert cluster_floor(word, 2) == 0 and cluster_ceil(word, 1) == 3
    assert cluster_floor(word, 3) == 3


def test_a_word_the_dictionary_lacks_is_searched_whole():
    assert query_words("ฮีทสโตรก") == ["ฮีทสโตรก"]
