"""The code map's rules, checked: a pure core and thin agents."""
from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FORBIDDEN_IN_CORE = {"faust", "aiokafka", "mode"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_pipeline_never_imports_faust_or_kafka():
    offenders = {str(p.relative_to(REPO)): sorted(_imports(p) & FORBIDDEN_IN_CORE)
                 for p in (REPO / "pipeline").rglob("*.py") if _imports(p) & FORBIDDEN_IN_CORE}
    assert offenders == {}


def test_agents_are_thin_adapters():
    for path in (REPO / "agents").glob("*.py"):
        imported = _imports(path)
        assert not imported & {"re", "spacy", "httpx", "aiohttp", "feedparser", "trafilatura"}, path
        if path.name not in {"app.py", "__init__.py"}:
            code = [line for line in path.read_text().splitlines()
                    if line.strip() and not line.strip().startswith(("#", '"""'))]
            assert len(code) <= 40, f"{path.name} has {len(code)} lines of code"
