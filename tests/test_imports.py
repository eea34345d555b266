"""No import cycles: the module-level imports of khaosan form no loop, and every module imports in any order.

Two cycles were removed (audit/chain ↔ audit/models, org/models ↔ org/roles); this keeps every other one
out. A loop of module-level imports works or fails depending on which module is imported first, so it
is checked twice: statically (the graph of `import` statements at module level has no cycle), and for
real, importing every module in a fresh interpreter in several orders.
"""

import ast
import random
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "khaosan"
ORDERS = ("sorted", "reversed", "shuffled-1", "shuffled-2")


def module_names():
    names = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def _module_level_imports(body):
    """Import statements run when the module is imported (not those inside functions or classes)."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If | ast.Try | ast.With):
            yield from _module_level_imports(node.body)
            yield from _module_level_imports(getattr(node, "orelse", []))
            yield from _module_level_imports(getattr(node, "finalbody", []))
            for handler in getattr(node, "handlers", []):
                yield from _module_level_imports(handler.body)


def import_graph():
    """{module: the khaosan modules it imports at module level}."""
    modules = module_names()
    graph = {}
    for name, path in modules.items():
        targets = set()
        for node in _module_level_imports(ast.parse(path.read_text(encoding="utf-8")).body):
            if isinstance(node, ast.Import):
                candidates = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                    package = package[: len(package) - node.level + 1]
                    base = ".".join([*package, base] if base else package)
                candidates = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            targets |= {c for c in candidates if c in modules and c != name}
        graph[name] = targets
    return graph


def cycles(graph):
    """Return the strongly connected groups of more than one module (Tarjan), each sorted."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_the_module_level_imports_have_no_cycle():
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_two_removed_cycles_stay_removed():
    graph = import_graph()
    assert "khaosan.audit.models" not in graph["khaosan.audit.chain"]
    assert "khaosan.org.roles" not in graph["khaosan.org.models"]


IMPORT_ALL = """
import importlib, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khaosan.settings")
import django
django.setup()
for name in sys.argv[1:]:
    importlib.import_module(name)
"""


@pytest.mark.parametrize("order", ORDERS)
def test_every_module_imports_in_any_order_in_a_fresh_interpreter(order, tmp_path):
    names = sorted(module_names())
    if order == "reversed":
        names.reverse()
    elif order.startswith("shuffled"):
        random.Random(order).shuffle(names)
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(SRC), "DEBUG": "true", "KHAOSAN_DATA_DIR": str(tmp_path),
           "PYTHAINLP_DATA_DIR": str(tmp_path / "pythainlp"), "HOME": str(tmp_path)}  # fmt: skip
    result = subprocess.run([sys.executable, "-c", IMPORT_ALL, *names], capture_output=True, text=True, env=env,
                            timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
