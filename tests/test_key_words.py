"""Key words found in lower-cased text are where re's case-insensitive matching finds them."""

import re

from pipelines.extract.key_words import sentences_with_key_words
from pipelines.extract.numbers import find_money, find_months
from pipelines.extract.sentences import split_sentences

EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def test_lower_casing_keeps_offsets_and_agrees_with_ignorecase_on_ascii_letters_except_three_characters():
    assert [c for c in EVERY_CHARACTER if len(c.lower()) != 1] == ["\u0130"]
    matched_as_ascii_letters = set(re.findall(r"(?i:[a-z])", EVERY_CHARACTER))
    disagreeing = {c for c in matched_as_ascii_letters if not (len(c.lower()) == 1 and "a" <= c.lower() <= "z")}
    assert disagreeing == {"\u0130", "\u0131", "\u017f"}


def test_only_the_sentences_with_a_key_word_in_any_case_are_kept():
    text = "Segments Covered: A, B.\nNothing here. The market, TRACKED by region.\nKey PLAYERS include X."
    sentences = split_sentences(text)
    kept = sentences_with_key_words(text, sentences, ("covered", "tracked", "by"))
    assert [s.text for s in kept] == ["Segments Covered: A, B.", "The market, TRACKED by region."]


def test_a_text_with_a_dotless_i_or_a_long_s_keeps_every_sentence():
    for odd in ("\u0131", "\u0130", "\u017f"):
        text = f"Segment {odd}ncluded. Nothing here."
        sentences = split_sentences(text)
        assert sentences_with_key_words(text, sentences, ("included",)) == sentences


def test_lower_casing_keeps_word_characters_spaces_and_hyphens_apart_from_the_rest():
    text = EVERY_CHARACTER.replace("\u0130", "")
    lowered = text.lower()
    assert len(lowered) == len(text)
    for character_class in (r"[\w$]", r"[\s\-]"):
        assert [m.start() for m in re.finditer(character_class, text)] == [
            m.start() for m in re.finditer(character_class, lowered)
        ]
    assert {c for c in text if not c.isascii() and c.lower().isascii()} == {"\u212a"}


def test_scale_words_and_months_written_with_a_dotless_i_or_a_long_s_read_as_re_matched_them():
    (money,) = find_money("Revenue reached USD 4.5 b\u0131ll\u0131on in 2024.")
    assert money.low_millions == 4500
    (month,) = find_months("In Augu\u017ft 2025, a contract was signed.")
    assert month.month == "2025-08"
