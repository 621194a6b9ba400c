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
