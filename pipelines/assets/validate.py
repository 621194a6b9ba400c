"""Validate: apply the pandera model of every table; failing rows go to quarantine with the reason."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.extract import EXTRACTED_SCHEMA, EXTRACTED_TABLE_DESCRIPTIONS, extracted_key
from pipelines.assets.ingest import FORECAST_WEIGHTS, FX_RATES, MARKET_ALIASES, TABLE_FACTS
from pipelines.assets.ui_metadata import table_metadata
from pipelines.previews import markdown_preview
from pipelines.resources import WORKING_DATABASE_TAG
from pipelines.validation import DOCUMENT_TABLES, VALIDATION_VERSION, validate_all
from pipelines.warehouse.database import IN_REPORTS, read_table, replace_report_rows, replace_table, table_exists
from pipelines.warehouse.state import EXTRACTION, VALIDATION, Changes, fingerprints_written_by, table_fingerprints

VALIDATED_SCHEMA = "validated"
QUARANTINED_ROWS = dg.AssetKey([VALIDATED_SCHEMA, "quarantined_rows"])


def validated_key(table: str) -> dg.AssetKey:
    return dg.AssetKey([VALIDATED_SCHEMA, table])


_SPECS = [
    *(
        dg.AssetSpec(
            validated_key(table),
            deps=[extracted_key(table), *([TABLE_FACTS] if table in ("stated_figures", "report_metadata") else [])],
            description=f"{EXTRACTED_TABLE_DESCRIPTIONS[table]} Only rows that pass pipelines.schemas.",
            kinds={"pandera", "duckdb"},
            code_version=VALIDATION_VERSION,
        )
        for table in DOCUMENT_TABLES
    ),
    dg.AssetSpec(
        validated_key("forecast_weights"),
        deps=[FORECAST_WEIGHTS, extracted_key("segment_members"), extracted_key("region_countries")],
        description="Analyst weights that pass their pandera model and name a member some report lists.",
        kinds={"pandera", "duckdb"},
        code_version=VALIDATION_VERSION,
    ),
    dg.AssetSpec(
        validated_key("fx_rates"),
        deps=[FX_RATES],
        description="Exchange rates (US dollars per unit) that pass their pandera model.",
        kinds={"pandera", "duckdb"},
        code_version=VALIDATION_VERSION,
    ),
    dg.AssetSpec(
        validated_key("market_aliases"),
        deps=[MARKET_ALIASES],
        description="Market aliases and parents that pass their pandera model and contradict no earlier line.",
        kinds={"pandera", "duckdb"},
        code_version=VALIDATION_VERSION,
    ),
    dg.AssetSpec(
        QUARANTINED_ROWS,
        deps=[
            *(extracted_key(table) for table in EXTRACTED_TABLE_DESCRIPTIONS),
            TABLE_FACTS,
            FORECAST_WEIGHTS,
            FX_RATES,
            MARKET_ALIASES,
        ],
        description="Rows kept out of the warehouse, each with the rule it broke (or why extraction skipped it).",
        kinds={"pandera", "duckdb"},
        code_version=VALIDATION_VERSION,
    ),
]


_ANALYST_TABLES = ("table_facts", "forecast_weights", "fx_rates", "market_aliases")


def _report_rows(connection, table: str, report_ids: tuple[str, ...] | None):
    if report_ids is None:
        return read_table(connection, EXTRACTED_SCHEMA, table)
    return connection.execute(
        f'select * from {EXTRACTED_SCHEMA}."{table}" where {IN_REPORTS}',
        [list(report_ids)],
    ).df()


def reports_to_validate(connection, analyst: dict) -> Changes:
    """The reports whose extracted rows changed since the last validation. Analyst facts and weights tie reports
    together (a fact names a report, a weight a member some report lists), so while there are any, every report is
    validated again; and the analyst files are part of the shared fingerprint, so that removing or changing one
    validates every report again too (the rows its facts gave must leave)."""
    analyst_files = sorted(
        {(row.source_file, row.sha256) for frame in analyst.values() for row in frame.itertuples(index=False)}
    )
    # the extracted rows are written by extraction alone: what it last completed says which reports' rows changed
    current = fingerprints_written_by(
        EXTRACTION, connection, VALIDATION_VERSION, str(analyst_files)
    ) or table_fingerprints(
        connection,
        [f"{EXTRACTED_SCHEMA}.{table}" for table in EXTRACTED_TABLE_DESCRIPTIONS],
        code=f"{VALIDATION_VERSION}\x1f{analyst_files}",
    )
    rewrite_all = None
    if not all(table_exists(connection, VALIDATED_SCHEMA, table) for table in (*DOCUMENT_TABLES, "quarantined_rows")):
        rewrite_all = "a validated table is missing"
    elif len(analyst["table_facts"]) or len(analyst["forecast_weights"]):
        rewrite_all = "analyst facts or weights are loaded"
    return VALIDATION.changes(connection, current, rewrite_all)


def _quarantine_summary(reasons, shown: int = 3) -> str:
    """One line for the run's log: how many rows were quarantined and the commonest reasons (all of them are in
    marts.meta_quarantine)."""
    kinds = reasons.str.replace(r"^'[^']*' at \d+: ", "", regex=True).value_counts()
    common = "; ".join(f"{count} x {reason}" for reason, count in kinds.head(shown).items())
    return f"quarantined {len(reasons)} row(s) (see marts.meta_quarantine); most often: {common}"


@dg.multi_asset(specs=_SPECS, group_name="validate", op_tags=WORKING_DATABASE_TAG)
def validated_tables(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """Validates with pandera (lazy, so every failure of a row is reported), then loads the valid rows. Only the
    reports whose extracted rows changed since the last validation are validated again."""
    with duckdb.get_connection() as connection:
        analyst = {table: read_table(connection, "landing", table) for table in _ANALYST_TABLES}
        changes = reports_to_validate(connection, analyst)
        chunks = report_chunks(connection, changes, analyst)
        how = f"{changes.summary}, in {len(chunks)} chunk(s) of reports"
        context.log.info(f"validation: {how}")
        VALIDATION.begin(connection, changes)
        quarantined = 0
        for number, reports in enumerate(chunks):
            extracted = {table: _report_rows(connection, table, reports) for table in EXTRACTED_TABLE_DESCRIPTIONS}
            result = validate_all(extracted, *(analyst[table] for table in _ANALYST_TABLES))
            if number:  # the analyst tables' rows (no report) came with the first chunk
                result = result.of_reports_only()
            quarantined += len(result.quarantine)
            # a full validation replaces every table with the first chunk, then adds the others' rows
            scope = changes.reports if changes.reports is not None or number == 0 else reports
            write_validated(connection, result, scope, first=number == 0)
        if quarantined:
            context.log.warning(
                _quarantine_summary(read_table(connection, VALIDATED_SCHEMA, "quarantined_rows")["reason"])
            )
        VALIDATION.commit(connection, changes.fingerprints)
        yield from validation_results(connection, list(result.tables), how)


# Reports validated at a time in a full validation: pandera and pandas hold a chunk's rows several times over (all
# 100,000 reports at once took 3.2 GB).
REPORTS_PER_CHUNK = 20000


def report_chunks(connection, changes, analyst: dict) -> list[tuple[str, ...] | None]:
    """The reports to validate, in chunks validated one after another: the changed ones, or every report (None)
    in one go when analyst facts or weights tie reports together, else in chunks of REPORTS_PER_CHUNK."""
    if changes.reports is not None:
        return [changes.reports]
    if len(analyst["table_facts"]) or len(analyst["forecast_weights"]):
        return [None]
    reports = [
        report_id
        for (report_id,) in connection.execute(
            f"select report_id from {EXTRACTED_SCHEMA}.report_metadata order by report_id"
        ).fetchall()
    ]
    if len(reports) <= REPORTS_PER_CHUNK:
        return [None]
    return [tuple(reports[start : start + REPORTS_PER_CHUNK]) for start in range(0, len(reports), REPORTS_PER_CHUNK)]


def write_validated(connection, result, changed: tuple[str, ...] | None, first: bool = True) -> None:
    """The valid rows and the quarantine: whole tables, or the rows of the ``changed`` reports only. Rows
    without a report come from the analyst tables, which were validated again whole (with the ``first`` chunk)."""
    for table, frame in result.tables.items():
        if changed is None or (table not in DOCUMENT_TABLES and first):
            replace_table(connection, VALIDATED_SCHEMA, table, frame)
        elif table in DOCUMENT_TABLES:
            replace_report_rows(connection, VALIDATED_SCHEMA, table, list(changed), frame)
    if changed is None:
        replace_table(connection, VALIDATED_SCHEMA, "quarantined_rows", result.quarantine)
    else:
        replace_report_rows(
            connection,
            VALIDATED_SCHEMA,
            "quarantined_rows",
            list(changed),
            result.quarantine,
            rows_without_report=first,
        )


def validation_results(connection, tables: list[str], how: str):
    quarantined_by_table = dict(
        connection.execute(
            f"select table_name, count(*) from {VALIDATED_SCHEMA}.quarantined_rows group by 1 order by 1"
        ).fetchall()
    )
    for table in tables:
        yield dg.MaterializeResult(
            asset_key=validated_key(table),
            metadata={
                **table_metadata(connection, VALIDATED_SCHEMA, table),
                "quarantined_rows": quarantined_by_table.get(table, 0),
                "validated": how,
            },
        )
    reasons = read_table(connection, VALIDATED_SCHEMA, "quarantined_rows")[["report_id", "stage", "reason"]]
    yield dg.MaterializeResult(
        asset_key=QUARANTINED_ROWS,
        metadata={
            **table_metadata(connection, VALIDATED_SCHEMA, "quarantined_rows"),
            "by_table": dg.MetadataValue.json(quarantined_by_table),
            "reasons": dg.MetadataValue.md(markdown_preview(reasons)),
        },
    )
