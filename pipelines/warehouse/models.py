"""The SQL models in sql/: discovery, dependencies (read from the SQL with sqlglot), build statements, docs.

``sql/<layer>/<name>.sql`` builds table ``<layer>.<name>``: staging models are views, the rest tables. A model is
a single ``select`` (a chain of CTEs ending in ``final``); its leading ``--`` lines are its description.
Column descriptions, data tests and ``incremental_by: report_id`` (the model can be rebuilt for some reports
only, see incremental.py) live in ``sql/<layer>/schema.yml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import sqlglot
import yaml
from sqlglot import exp

LAYERS = ("staging", "intermediate", "marts")
VIEW_LAYERS = frozenset({"staging"})


class ModelError(ValueError):
    """A SQL model that cannot be built as written."""


@dataclass(frozen=True)
class ColumnTest:
    column: str | None
    kind: str  # 'not_null' | 'unique' | 'accepted_values' | 'unique_combination'
    argument: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        target = self.column or "_".join(self.argument)
        return f"{self.kind}__{target}"


@dataclass(frozen=True)
class SqlModel:
    layer: str
    name: str
    path: Path
    sql: str
    column_docs: dict[str, str] = field(default_factory=dict)
    tests: tuple[ColumnTest, ...] = ()
    audits: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    incremental_by: str | None = None  # 'report_id': each report's rows come from that report's inputs alone

    @property
    def table(self) -> str:
        return f"{self.layer}.{self.name}"

    @property
    def materialization(self) -> str:
        return "view" if self.layer in VIEW_LAYERS else "table"

    @property
    def description(self) -> str:
        lines = []
        for line in self.sql.splitlines():
            if not line.startswith("--"):
                break
            lines.append(line.removeprefix("--").strip())
        return " ".join(lines)

    @cached_property
    def upstream_tables(self) -> tuple[str, ...]:
        """'schema.table' names the model reads, from its parsed SQL (CTE names excluded)."""
        return tables_read_by(self.sql, f"{self.layer}/{self.name}.sql")

    def build_statement(self) -> str:
        return f'create or replace {self.materialization} "{self.layer}"."{self.name}" as\n{self.sql}'

    def comment_statements(self) -> list[str]:
        """COMMENT ON statements for the model and its documented columns (DuckDB takes no parameters here)."""
        statements = [
            f'comment on {self.materialization} "{self.layer}"."{self.name}" is {sql_literal(self.description)}'
        ]
        statements += [
            f'comment on column "{self.layer}"."{self.name}"."{column}" is {sql_literal(text)}'
            for column, text in self.column_docs.items()
        ]
        return statements


def sql_literal(text: str) -> str:
    """A SQL string literal: quotes doubled, so any text stays one literal."""
    return "'" + text.replace("'", "''") + "'"


def tables_read_by(sql: str, where: str) -> tuple[str, ...]:
    try:
        statement = sqlglot.parse_one(sql, read="duckdb")
    except sqlglot.errors.ParseError as error:
        raise ModelError(f"sql/{where}: cannot parse: {error}") from error
    cte_names = {cte.alias_or_name for cte in statement.find_all(exp.CTE)}
    tables = []
    for table in statement.find_all(exp.Table):
        if not table.db and table.name in cte_names:
            continue
        if not table.db:
            raise ModelError(f"sql/{where}: table {table.name!r} must be named with its schema (e.g. staging.x)")
        tables.append(f"{table.db}.{table.name}")
    return tuple(sorted(set(tables)))


def _tests_from_docs(name: str, doc: dict) -> tuple[dict[str, str], list[ColumnTest]]:
    column_docs: dict[str, str] = {}
    tests: list[ColumnTest] = []
    for column, spec in (doc.get("columns") or {}).items():
        column_docs[column] = spec.get("description", "")
        for test in spec.get("tests") or []:
            if isinstance(test, str):
                tests.append(ColumnTest(column, test))
            else:
                ((kind, values),) = test.items()
                tests.append(ColumnTest(column, kind, tuple(str(value) for value in values)))
    if doc.get("unique_combination"):
        tests.append(ColumnTest(None, "unique_combination", tuple(doc["unique_combination"])))
    return column_docs, tests


def discover_models(sql_dir: Path) -> list[SqlModel]:
    """Every model under sql/, in layer order."""
    models = []
    for layer in LAYERS:
        folder = sql_dir / layer
        docs_path = folder / "schema.yml"
        docs = yaml.safe_load(docs_path.read_text(encoding="utf-8")) if docs_path.exists() else {}
        for path in sorted(folder.glob("*.sql")):
            doc = (docs or {}).get(path.stem) or {}
            if doc.get("incremental_by") not in (None, "report_id"):
                raise ModelError(f"{docs_path}: {path.stem}: incremental_by must be report_id")
            column_docs, tests = _tests_from_docs(path.stem, doc)
            models.append(
                SqlModel(
                    layer=layer,
                    name=path.stem,
                    path=path,
                    sql=path.read_text(encoding="utf-8").strip().rstrip(";"),
                    column_docs=column_docs,
                    tests=tuple(tests),
                    audits=tuple(doc.get("audits") or ()),
                    warnings=tuple(doc.get("warnings") or ()),
                    incremental_by=doc.get("incremental_by"),
                )
            )
        for documented in docs or {}:
            if not (folder / f"{documented}.sql").exists():
                raise ModelError(f"{docs_path}: documents {documented!r}, but there is no {documented}.sql")
    return models


def test_query(model: SqlModel, test: ColumnTest) -> str:
    """A query returning the rows that break ``test`` (empty means it passes)."""
    table = f'"{model.layer}"."{model.name}"'
    column = f'"{test.column}"' if test.column else None
    if test.kind == "not_null":
        return f"select * from {table} where {column} is null"
    if test.kind == "unique":
        return f"select {column}, count(*) as n from {table} group by all having count(*) > 1"
    if test.kind == "unique_combination":
        columns = ", ".join(f'"{name}"' for name in test.argument)
        return f"select {columns}, count(*) as n from {table} group by all having count(*) > 1"
    if test.kind == "accepted_values":
        allowed = ", ".join("'" + value.replace("'", "''") + "'" for value in test.argument)
        # with the report, where the table has one: the report is then withheld, not the whole publish stopped
        named = '"report_id", ' if "report_id" in model.column_docs and test.column != "report_id" else ""
        return f"select distinct {named}{column} from {table} where {column} not in ({allowed})"
    raise ModelError(f"{model.table}: unknown test {test.kind!r}")


def audit_sql(sql_dir: Path, audit_name: str) -> str:
    path = sql_dir / "audits" / f"{audit_name}.sql"
    if not path.exists():
        raise ModelError(f"audit {audit_name!r} is named in a schema.yml but {path} does not exist")
    return path.read_text(encoding="utf-8").strip().rstrip(";")
