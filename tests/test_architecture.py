"""Dependencies run one way: home ← articles ← editorial, search ← the apps above them.

Read from the source itself (every import statement, top-level or not, migrations included), so a
cycle, an upward import or a function-level import that only dodges a cycle fails here the day it
is written. docs/architecture.md explains the layers.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Each app may import only apps of a lower layer. A new app must be given its layer here.
LAYERS = {
    "home": 0,
    "articles": 1,
    "editorial": 2,
    "search": 2,
    "indices": 3,
    "legal": 3,
    "participation": 3,
    "ops": 3,
    "channels": 3,
    "reports": 3,
    "cms": 9,
}
# Function-level imports of our own modules, each with the reason it cannot be at the top.
FUNCTION_LEVEL_ALLOWED = {
    # Django's documented place for wiring signals: models are loaded only once apps are ready.
    "apps.py": "AppConfig.ready()",
    # A script: it configures Django (settings, DEBUG off) before anything imports a model.
    "search/bench/__main__.py": "entry point that calls django.setup() first",
    "ops/loadtest/__main__.py": "entry point that calls django.setup() first",
}


def project_modules() -> dict[str, Path]:
    modules = {}
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).with_suffix("")
            parts = list(relative.parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


MODULES = project_modules()


def resolve(module: str, node: ast.ImportFrom | ast.Import) -> list[str]:
    """The project modules an import statement in `module` refers to."""
    targets = []
    if isinstance(node, ast.Import):
        targets = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:  # relative: from the module's own package, one level up per extra dot
            package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
            for _level in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{base}" if base else package
        targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
    found = []
    for target in targets:
        while target and target not in MODULES:
            target = target.rpartition(".")[0]
        if target:
            found.append(target)
    return found


class Imports(ast.NodeVisitor):
    def __init__(self, module: str) -> None:
        self.module = module
        self.top: set[str] = set()
        self.nested: list[tuple[str, str, int]] = []  # (function, target, line)
        self.function: list[str] = []
        self.type_checking = 0

    def visit_FunctionDef(self, node) -> None:
        self.function.append(node.name)
        self.generic_visit(node)
        self.function.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_If(self, node: ast.If) -> None:
        guard = ast.unparse(node.test)
        if guard in {"TYPE_CHECKING", "typing.TYPE_CHECKING"}:
            return  # annotations only, never executed
        self.generic_visit(node)

    def _record(self, node) -> None:
        for target in resolve(self.module, node):
            if self.function:
                self.nested.append((self.function[-1], target, node.lineno))
            else:
                self.top.add(target)

    visit_Import = _record
    visit_ImportFrom = _record


def parsed() -> dict[str, Imports]:
    result = {}
    for module, path in MODULES.items():
        visitor = Imports(module)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        result[module] = visitor
    return result


IMPORTS = parsed()


def app_of(module: str) -> str:
    return module.split(".", 1)[0]


def test_every_app_has_a_layer():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps - LAYERS.keys() == set(), "give each new app its layer in LAYERS (and docs/architecture.md)"


def test_apps_import_only_apps_below_them():
    upward = []
    for module, visitor in IMPORTS.items():
        source = app_of(module)
        script = MODULES[module].relative_to(ROOT).as_posix() in FUNCTION_LEVEL_ALLOWED
        nested = {target for _function, target, _line in visitor.nested}
        for target in sorted(visitor.top | nested):
            other = app_of(target)
            if script and other == "cms" and target not in visitor.top:
                continue  # a script may start the project the way its server does (cms.wsgi)
            if other != source and LAYERS[other] >= LAYERS[source]:
                upward.append(f"{module} → {target}")
    assert upward == []


def test_no_import_cycle_between_modules():
    graph = {module: {target for target in visitor.top if target != module} for module, visitor in IMPORTS.items()}
    # A package's __init__ importing its own submodules is how a package is built, not a cycle.
    for module, targets in graph.items():
        if MODULES[module].name == "__init__.py":
            graph[module] = {target for target in targets if not target.startswith(module + ".")}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles = []
    counter = [0]

    def strongconnect(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                strongconnect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for module in graph:
        if module not in index:
            strongconnect(module)
    assert cycles == []


def test_no_function_level_import_of_our_own_modules():
    nested = defaultdict(list)
    for module, visitor in IMPORTS.items():
        path = MODULES[module].relative_to(ROOT).as_posix()
        allowed = path in FUNCTION_LEVEL_ALLOWED or (MODULES[module].name == "apps.py")
        for function, target, line in visitor.nested:
            if allowed and (MODULES[module].name != "apps.py" or function == "ready"):
                continue
            nested[path].append(f"{function}() line {line}: {target}")
    assert dict(nested) == {}


@pytest.mark.parametrize("app", sorted(LAYERS))
def test_each_app_imports_alone_in_a_fresh_interpreter(app):
    """Every module of the app, imported first thing after Django's setup: no partial-import cycle."""
    modules = [
        module
        for module in MODULES
        if app_of(module) == app and ".migrations" not in module and not module.endswith("__main__")
    ]
    script = (
        "import os, importlib, django\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'cms.settings')\n"
        "django.setup()\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
