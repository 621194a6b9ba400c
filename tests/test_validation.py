"""pandera models: failing rows are quarantined with the rules they break; the rest pass unchanged."""

from pipelines.extract.report import extract_report
from pipelines.tables import frames_from_rows, report_rows
from pipelines.validation import validate_table

PAGE = """Lunar Water Market

Pages: 80 | Base Year: 2024

The global lunar water market size was valued at USD 120.5 million in 2024.
The market held a share of 12% in 2024.
North America accounted for a share of 140% in 2024.
The market is expected to reach USD 410 million by 2030, at a CAGR of 22.6% from 2024 to 2030.
"""


def frames():
    return frames_from_rows(report_rows("lunar-water", "reports/lunar-water.txt", "0" * 64, extract_report(PAGE)))


def test_good_figures_pass_and_bad_ones_are_quarantined_with_readable_reasons():
    valid, quarantined = validate_table("stated_figures", frames()["stated_figures"])
    loaded = valid[["metric", "year", "period_end_year"]].astype("object").where(valid.notna(), None)
    assert sorted(loaded.itertuples(index=False, name=None), key=str) == sorted(
        [("value", 2024, None), ("value", 2030, None), ("cagr", None, 2030)], key=str
    )
    assert sorted(zip(quarantined["reason"], quarantined["quote"], strict=True)) == [
        (
            "a share is a percentage between 0 and 100",
            "North America accounted for a share of 140% in 2024.",
        ),
        (
            "a share names the region, country or segment it is a share of",
            "The market held a share of 12% in 2024.",
        ),
    ]
    assert set(quarantined["stage"]) == {"validate"}
    assert all(quarantined["row_key"].str.startswith("fact_id="))


def test_a_table_that_passes_is_returned_whole_with_an_empty_quarantine():
    metadata = frames()["report_metadata"]
    valid, quarantined = validate_table("report_metadata", metadata)
    assert len(valid) == 1 and quarantined.empty
    assert (int(valid.loc[0, "base_year"]), int(valid.loc[0, "pages"])) == (2024, 80)
