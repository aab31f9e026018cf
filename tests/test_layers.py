"""The layers only point down: the core (`explainer/`) knows nothing of MkDocs or Material
(only the command line reads mkdocs.yml, through the adapter), and the pictures and files
are rendered from the context below the views, never from the views."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

CORE = REPO / "explainer"
ADAPTER_PACKAGES = ("mkdocs", "material", "mkdocs_explainer", "mkdocs_static_i18n", "properdocs")


def imported(path: Path) -> set[str]:
    """The absolute module names a file imports, wherever in the file (functions too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def core_modules() -> list[Path]:
    return sorted(p for p in CORE.rglob("*.py") if "skeleton" not in p.relative_to(CORE).parts)


def top(name: str) -> str:
    return name.split(".")[0]


def test_the_core_finds_its_modules() -> None:
    found = {p.relative_to(CORE).as_posix() for p in core_modules()}
    assert {"site.py", "cli.py", "rendering.py", "views/base.py", "outputs/atom.py"} <= found


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: p.relative_to(CORE).as_posix())
def test_no_core_module_but_the_cli_imports_mkdocs_or_material(path: Path) -> None:
    if path == CORE / "cli.py":
        return
    assert not {top(name) for name in imported(path)} & set(ADAPTER_PACKAGES)


@pytest.mark.parametrize(
    "path",
    [p for p in core_modules() if p.parent.name in {"visuals", "outputs"}]
    + [CORE / "rendering.py"],
    ids=lambda p: p.relative_to(CORE).as_posix(),
)
def test_pictures_files_and_the_context_import_nothing_from_the_views(path: Path) -> None:
    assert not [name for name in imported(path) if name.startswith("explainer.views")]


def test_loading_and_rendering_the_core_loads_no_mkdocs() -> None:
    """Not only the import lines: nothing the core imports brings MkDocs in either."""
    script = (
        "import sys, explainer.site, explainer.views.blocks, explainer.outputs.atom\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(ADAPTER_PACKAGES)!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "[]"
