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


#: pipeline/nlp's subpackages, each with the ones it may import: parsing
#: underlies everything, entities are what statements and events refer to,
#: and events read statements' lexicon of reporting verbs as data only.
NLP_LAYERS = {
    "parsing": set(),
    "dates": set(),
    "entities": {"parsing"},
    "statements": {"parsing", "entities"},
    "events": {"parsing", "entities", "dates"},
}


def _modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _nlp_package(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if parts[:2] == ["pipeline", "nlp"] and len(parts) > 2 else None


def test_nlp_subpackages_import_only_the_layers_below():
    nlp = REPO / "pipeline" / "nlp"
    assert {p.name for p in nlp.iterdir() if (p / "__init__.py").is_file()} == set(NLP_LAYERS)
    offenders = []
    for package, allowed in NLP_LAYERS.items():
        for path in (nlp / package).rglob("*.py"):
            used = {_nlp_package(m) for m in _modules(path)} - {None, package, "lexicon"}
            if used - allowed:
                offenders.append((str(path.relative_to(REPO)), sorted(used - allowed)))
    assert offenders == []


def test_nlp_subpackages_are_used_through_their_public_init():
    # Only a package's own modules (and the tests of its internals) reach
    # past its __init__; everything else sees the names it exports.
    offenders = []
    for top in ("pipeline", "agents", "newswire", "bench"):
        for path in (REPO / top).rglob("*.py"):
            own = _nlp_package(".".join(path.relative_to(REPO).with_suffix("").parts))
            for module in _modules(path):
                package = _nlp_package(module)
                if package and package != own and module.count(".") > 2:
                    offenders.append((str(path.relative_to(REPO)), module))
    assert offenders == []


#: The layers of the repository, top first: each may import only the ones
#: after it. patches/ sits beside newswire: start-up code installs it, it
#: may use pipeline's helpers, and nothing below newswire imports it.
LAYERS = ("newswire", "agents", "pipeline")
BESIDE_THE_TOP = {"patches": {"pipeline"}}


def test_every_layer_imports_only_the_layers_below_it():
    offenders = []
    for rank, layer in enumerate(LAYERS):
        forbidden = set(LAYERS[:rank]) | (set(BESIDE_THE_TOP) if rank else set())
        for path in (REPO / layer).rglob("*.py"):
            if wrong := _imports(path) & forbidden:
                offenders.append((str(path.relative_to(REPO)), sorted(wrong)))
    for package, allowed in BESIDE_THE_TOP.items():
        for path in (REPO / package).rglob("*.py"):
            if wrong := _imports(path) & (set(LAYERS) - allowed):
                offenders.append((str(path.relative_to(REPO)), sorted(wrong)))
    assert offenders == []
