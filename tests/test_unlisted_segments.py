"""Segments a page names without listing them are searched only where such a phrase can stand."""

import pytest

from pipelines.extract.gazetteer import _UNLISTED_SEGMENT, _span_that_can_hold_unlisted_segments

TEXTS = [
    "Overview. By vehicle type, the two-wheelers segment led; the buses Segment grew.\nThe end.",
    "The market grew (by 5%). By end use, the\nresidential   segment, the others SEGMENTS and the B2B segmentation.",
    "No such phrase here: only segments.",
    "the long-haul segment",
    "Nothing at all.",
    "The ſmall segment and the large ſegment.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_span_holds_every_unlisted_segment_of_the_whole_text(text):
    span = _span_that_can_hold_unlisted_segments(text)
    whole = [(m.span(), m.groupdict()) for m in _UNLISTED_SEGMENT.finditer(text)]
    assert ([(m.span(), m.groupdict()) for m in _UNLISTED_SEGMENT.finditer(text, *span)] if span else []) == whole


def test_the_span_runs_from_the_sentence_of_the_first_segment_to_just_after_the_last():
    text = "Overview. By type, the hardware segment led; the software segment grew. The end."
    assert _span_that_can_hold_unlisted_segments(text) == (9, text.index(" grew") + 1)
    assert _span_that_can_hold_unlisted_segments("Nothing at all.") is None
