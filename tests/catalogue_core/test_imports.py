"""The catalogue's seams: catalog never imports the crawler, and its modules import each other one way."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CATALOG = Path(__file__).resolve().parents[2] / "catalog"


def imports(path: Path, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            if node.module == "catalog":
                out |= {f"catalog.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
    return out


@pytest.mark.parametrize("path", sorted(CATALOG.glob("*.py")), ids=lambda p: p.name)
def test_catalog_never_imports_the_crawler(path: Path) -> None:
    assert not {m for m in imports(path, top_level_only=False) if m.split(".")[0] == "crawler"}


def test_catalog_modules_import_each_other_one_way() -> None:
    """No cycle, counting imports inside functions too (load ↔ store was one, through function-level imports)."""
    graph = {p.stem: {m.split(".")[1] for m in imports(p, top_level_only=False)
                      if m.startswith("catalog.") and m.count(".") == 1} for p in CATALOG.glob("*.py")}
    seen: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        if seen.get(node) == "done":
            return
        assert seen.get(node) != "open", f"import cycle: {' → '.join([*path, node])}"
        seen[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            visit(nxt, [*path, node])
        seen[node] = "done"

    for module in sorted(graph):
        visit(module, [])
    assert "store" not in graph["write"] and "load" not in graph["store"]
