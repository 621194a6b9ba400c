"""The package's layers import downward only: extraction knows nothing of the rest, nothing below the assets
imports them, and the warehouse code imports neither the assets nor the command line."""

import ast
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "pipelines"
# A module may import from the modules its layer allows, and from its own layer.
ALLOWED = {
    "pipelines.extract": ("pipelines.extract",),
    "pipelines.warehouse": ("pipelines.warehouse", "pipelines.config", "pipelines.previews", "pipelines.schemas",
                            "pipelines.extract"),
    "pipelines.schemas": ("pipelines.extract",),
    "pipelines.previews": (),
    "pipelines.config": (),
}  # fmt: skip
ABOVE_THE_ASSETS = ("pipelines.definitions", "pipelines.cli", "pipelines.__main__", "pipelines.assets")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name == "pipelines" or name.startswith("pipelines.")}


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(PROJECT_ROOT).as_posix())
def test_a_module_imports_only_from_its_own_layer_or_the_ones_below(path):
    module = _module_name(path)
    imported = _imports(path)
    for layer, allowed in ALLOWED.items():
        if module == layer or module.startswith(layer + "."):
            upward = {name for name in imported if not name.startswith((layer, *allowed))}
            assert not upward, f"{module} imports {sorted(upward)}"
    if not module.startswith(ABOVE_THE_ASSETS):
        upward = {name for name in imported if name.startswith(ABOVE_THE_ASSETS)}
        assert not upward, f"{module} imports {sorted(upward)}"


ASSET_DECORATORS = ("asset", "multi_asset", "graph_multi_asset", "op", "asset_check", "multi_asset_check")
MOST_LINES_IN_AN_ASSET_BODY = 39


def _decorator_name(decorator: ast.expr) -> str:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")


def _asset_bodies() -> list[tuple[str, int]]:
    """(module:function, lines of its body after the docstring) of every function an asset decorator wraps."""
    bodies = []
    for path in sorted((PACKAGE / "assets").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and any(
                _decorator_name(decorator) in ASSET_DECORATORS for decorator in node.decorator_list
            ):
                body = node.body[1:] if ast.get_docstring(node) is not None else node.body
                bodies.append((f"{path.stem}:{node.name}", body[-1].end_lineno - body[0].lineno + 1))
    return bodies


def test_every_asset_body_asks_what_changed_calls_a_step_and_writes_in_under_forty_lines():
    bodies = _asset_bodies()
    assert {name for name, _ in bodies} >= {
        "ingest:raw_documents",
        "ingest:analyst_tables",
        "extract:extracted_tables",
        "validate:validated_tables",
        "sql_models:warehouse_models",
        "publish:published_warehouse",
    }
    too_long = {name: lines for name, lines in bodies if lines > MOST_LINES_IN_AN_ASSET_BODY}
    assert not too_long, f"asset bodies over {MOST_LINES_IN_AN_ASSET_BODY} lines: {too_long}"
