"""The SQL models in sql/: discovery, dependencies (read from the SQL with sqlglot), build statements, docs.

``sql/<layer>/<name>.sql`` builds table ``<layer>.<name>``: staging models are views, the rest tables. A model is
a single ``select`` (a chain of CTEs ending in ``final``); its leading ``--`` lines are its description, after an
optional first line ``-- config(incremental_by='report_id')`` (the model can be rebuilt for some reports only) or
``-- config(incremental_by='market_id')`` (for some markets only: a market's rows come from its reports alone; see
incremental.py), as dbt puts ``{{ config(...) }}`` at the top of a model. Column descriptions and data tests live
in ``sql/<layer>/schema.yml`` in dbt's format (``version: 2``, a ``models:`` list): not_null, unique,
accepted_values, relationships and dbt_utils.unique_combination_of_columns; a model's ``meta`` names its audits
(sql/audits/<name>.sql, which withhold) and warnings (which never do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import sqlglot
import yaml
from sqlglot import exp

LAYERS = ("staging", "intermediate", "marts")
_CONFIG_LINE = re.compile(r"--\s*config\((?P<settings>.*)\)\s*$")
_SETTING = re.compile(r"(?P<key>\w+)\s*=\s*'(?P<value>[^']*)'")
_REF = re.compile(r"ref\(\s*'(?P<model>\w+)'\s*\)")
_UNIQUE_COMBINATION = ("dbt_utils.unique_combination_of_columns", "unique_combination_of_columns")
VIEW_LAYERS = frozenset({"staging"})


class ModelError(ValueError):
    """A SQL model that cannot be built as written."""


@dataclass(frozen=True)
class ColumnTest:
    column: str | None
    kind: str  # 'not_null' | 'unique' | 'accepted_values' | 'relationships' | 'unique_combination'
    argument: tuple[str, ...] = ()  # the accepted values; the columns combined; (parent table, parent column)

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
    # 'report_id': each report's rows come from that report's inputs alone; 'market_id': each market's rows from the
    # rows of the reports on that market
    incremental_by: str | None = None

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
            if not _CONFIG_LINE.match(line):
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


def _column_test(where: str, column: str, test: str | dict) -> ColumnTest:
    """A column's data test as schema.yml writes it: 'not_null', {'accepted_values': {'values': [...]}},
    {'relationships': {'to': "ref('dim_report')", 'field': 'report_id'}}."""
    if isinstance(test, str):
        return ColumnTest(column, test)
    ((kind, arguments),) = test.items()
    if kind == "accepted_values":
        return ColumnTest(column, kind, tuple(str(value) for value in arguments["values"]))
    if kind == "relationships":
        parent = _REF.fullmatch(str(arguments["to"]).strip())
        if parent is None:
            raise ModelError(f"{where}: {column}: relationships 'to' must be ref('<model>')")
        return ColumnTest(column, kind, (parent.group("model"), str(arguments["field"])))
    raise ModelError(f"{where}: {column}: unknown data test {kind!r}")


def _tests_from_docs(where: str, doc: dict) -> tuple[dict[str, str], list[ColumnTest]]:
    column_docs: dict[str, str] = {}
    tests: list[ColumnTest] = []
    for spec in doc.get("columns") or []:
        column = spec["name"]
        column_docs[column] = spec.get("description", "")
        tests += [_column_test(where, column, test) for test in spec.get("data_tests") or []]
    for test in doc.get("data_tests") or []:
        ((kind, arguments),) = test.items() if isinstance(test, dict) else ((test, None),)
        if kind not in _UNIQUE_COMBINATION:
            raise ModelError(f"{where}: unknown model test {kind!r}")
        tests.append(ColumnTest(None, "unique_combination", tuple(arguments["combination_of_columns"])))
    return column_docs, tests


def model_config(sql: str, where: str) -> dict[str, str]:
    """The settings of a model's ``-- config(key='value', ...)`` first line; {} without one."""
    config = _config_line(sql, where, known=("incremental_by",))
    if config.get("incremental_by") not in (None, *INCREMENTAL_KEYS):
        raise ModelError(f"{where}: incremental_by must be one of {', '.join(INCREMENTAL_KEYS)}")
    return config


def audit_holds_per_report(sql: str, where: str) -> bool:
    """Whether an audit says ``-- config(per_report='true')`` on its first line: each failing row names a report,
    and only that report's own rows decide whether it fails (so a build that rewrote some reports' rows may check
    just those)."""
    config = _config_line(sql, where, known=("per_report",))
    if config.get("per_report") not in (None, "true", "false"):
        raise ModelError(f"{where}: per_report must be 'true' or 'false'")
    return config.get("per_report") == "true"


def _config_line(sql: str, where: str, known: tuple[str, ...]) -> dict[str, str]:
    first_line = sql.lstrip().split("\n", 1)[0]
    match = _CONFIG_LINE.match(first_line)
    if match is None:
        return {}
    config = {setting["key"]: setting["value"] for setting in _SETTING.finditer(match.group("settings"))}
    unknown = sorted(set(config) - set(known))
    if unknown:
        raise ModelError(f"{where}: unknown config {', '.join(unknown)}")
    return config


INCREMENTAL_KEYS = ("report_id", "market_id")


def load_schema_docs(docs_path: Path) -> dict[str, dict]:
    """The models a dbt ``schema.yml`` (``version: 2``) documents, by name."""
    if not docs_path.exists():
        return {}
    docs = yaml.safe_load(docs_path.read_text(encoding="utf-8")) or {}
    if docs.get("version") != 2 or not isinstance(docs.get("models"), list):
        raise ModelError(f"{docs_path}: a dbt schema file needs 'version: 2' and a 'models:' list")
    return {entry["name"]: entry for entry in docs["models"]}


def discover_models(sql_dir: Path) -> list[SqlModel]:
    """Every model under sql/, in layer order."""
    models = []
    for layer in LAYERS:
        folder = sql_dir / layer
        docs_path = folder / "schema.yml"
        docs = load_schema_docs(docs_path)
        for path in sorted(folder.glob("*.sql")):
            doc = docs.get(path.stem) or {}
            sql = path.read_text(encoding="utf-8").strip().rstrip(";")
            column_docs, tests = _tests_from_docs(f"{docs_path}: {path.stem}", doc)
            meta = doc.get("meta") or {}
            models.append(
                SqlModel(
                    layer=layer,
                    name=path.stem,
                    path=path,
                    sql=sql,
                    column_docs=column_docs,
                    tests=tuple(tests),
                    audits=tuple(meta.get("audits") or ()),
                    warnings=tuple(meta.get("warnings") or ()),
                    incremental_by=model_config(sql, f"sql/{layer}/{path.name}").get("incremental_by"),
                )
            )
        for documented in docs:
            if not (folder / f"{documented}.sql").exists():
                raise ModelError(f"{docs_path}: documents {documented!r}, but there is no {documented}.sql")
    return _with_parents_resolved(models)


def _with_parents_resolved(models: list[SqlModel]) -> list[SqlModel]:
    """A relationships test names its parent as ref('<model>'); its query needs the parent's table."""
    tables = {model.name: model.table for model in models}
    resolved = []
    for model in models:
        tests = []
        for test in model.tests:
            if test.kind == "relationships":
                parent, parent_column = test.argument
                if parent not in tables:
                    raise ModelError(f"{model.table}: {test.column}: ref({parent!r}) names no model")
                test = replace(test, argument=(tables[parent], parent_column))
            tests.append(test)
        resolved.append(replace(model, tests=tuple(tests)))
    return resolved


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
    if test.kind == "relationships":
        # the child's rows whose key the parent does not hold, with the report when the child has one
        parent_table, parent_column = test.argument
        parent = ".".join(f'"{part}"' for part in parent_table.split("."))
        named = '"report_id", ' if "report_id" in model.column_docs and test.column != "report_id" else ""
        return (
            f"select distinct {named}child.{column} from {table} as child "
            f'anti join {parent} as parent on child.{column} = parent."{parent_column}" '
            f"where child.{column} is not null"
        )
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
