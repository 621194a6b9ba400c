"""The stated-figure columns have one definition, the pandera model (pipelines/schemas.py); the extractor's record,
an analyst table's fact row and the staging model are each checked against it."""

import dataclasses

import sqlglot
from sqlglot import exp

from pipelines.analyst_tables import table_fact
from pipelines.config import SQL_DIR
from pipelines.extract.records import StatedFigure
from pipelines.schemas import StatedFigureSchema

COLUMNS = set(StatedFigureSchema.to_schema().columns)
# Added when a report's rows are made (pipelines/tables.py): its ids and where it was read, and its base year.
REPORT_COLUMNS = {"fact_id", "report_id", "source_file", "source_kind", "source_line", "base_year"}


def test_the_extractors_record_is_the_model_without_the_reports_columns():
    assert {field.name for field in dataclasses.fields(StatedFigure)} == COLUMNS - REPORT_COLUMNS


def test_an_analyst_tables_fact_row_fills_every_column_but_the_ids_and_base_year_added_later():
    row = {
        "source_file": "tables/reported_facts.csv", "line": 2, "line_start": 0, "line_end": 10, "line_text": "x",
        "report_id": None, "source": "Orbit Research 2025", "market": "Space Mining", "metric": "value",
        "scope": "market", "dimension": None, "member": None, "year": "2025", "period_start_year": None,
        "period_end_year": None, "value": "2.58", "unit": "billion", "currency": "USD", "note": None,
    }  # fmt: skip
    fact = table_fact(row, loaded_reports=set())
    assert fact.problem is None
    assert set(fact.row) == COLUMNS - {"fact_id", "base_year"}


def test_the_staging_model_keeps_every_column_but_base_year_and_adds_the_conversions():
    statement = sqlglot.parse_one((SQL_DIR / "staging" / "stg_stated_figures.sql").read_text(), read="duckdb")
    (final,) = [cte for cte in statement.find_all(exp.CTE) if cte.alias == "final"]
    published = {column.alias_or_name for column in final.this.expressions}
    conversions = {"value_usd_m", "value_high_usd_m", "fx_usd_per_unit", "fx_source", "statement_order"}
    assert published == (COLUMNS - {"base_year"}) | conversions
