"""The shape of extract/: a construction layer under field readers that never import one another.

Read from the source (``ast``), not from what happens to be imported: every import counts, also one
inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EXTRACT = Path(__file__).resolve().parents[2] / "extract"
MAX_LINES = 520


def _module_name(path: Path) -> str:
    rel = path.relative_to(EXTRACT.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(EXTRACT.rglob("*.py"))}


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The extract.* modules a file imports (``from extract.x import y`` counts y when y is a module)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("extract")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("extract"):
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in modules}
    return {m for m in out if m in modules}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path, modules) - {name} for name, path in modules.items()}


def _field_family(module: str) -> str | None:
    """``extract.fields.awards.sentence`` → ``awards``; None outside the field readers."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "fields" else None


def test_no_import_cycle():
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph[m]):
            # a package importing its own submodules is how a package is assembled, not a cycle
            if n.startswith(m + "."):
                continue
            if state.get(n) == 1:
                cycle = stack[stack.index(n):] + [n]
                pytest.fail("import cycle: " + " → ".join(cycle))
            if n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_field_readers_never_import_one_another():
    bad = []
    for m, deps in _graph().items():
        fam = _field_family(m)
        if fam is None:
            continue
        for d in deps:
            other = _field_family(d)
            if other is not None and other != fam:
                bad.append(f"{m} imports {d}")
    assert not bad, bad


def test_construction_layer_reads_no_field_reader():
    bad = [f"{m} imports {d}" for m, deps in _graph().items()
           if m.startswith(("extract.constructions", "extract.patterns", "extract.frontend", "extract.gazetteer"))
           for d in deps if d.startswith("extract.fields")]
    assert not bad, bad


@pytest.mark.parametrize("name", sorted(_modules()))
def test_module_size(name):
    n = len(_modules()[name].read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{name}: {n} lines; split it along its seams"
