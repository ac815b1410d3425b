"""The code's shape, held: no import cycle among the app's modules, and no module so long
that a reader loses their way in it (issue 13). Imports under `if TYPE_CHECKING:` and
inside functions are left out: they run later, or never."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("stories", "newsroom")
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            found[name] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The app's modules `name` imports when it is loaded."""
    tree = ast.parse(path.read_text())
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    wanted: set[str] = set()
    for node in tree.body:  # module level only
        if isinstance(node, ast.Import):
            wanted |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            wanted |= {base} | {f"{base}.{alias.name}" for alias in node.names}
    return {module for module in wanted if module in modules and module != name}


def test_no_module_of_the_app_imports_itself_back():
    modules = _modules()
    cycles = find_cycles({name: _imports(name, path, modules) for name, path in modules.items()})
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_cycle_finder_finds_a_cycle_and_lets_a_package_re_export():
    graph = {"a": {"a.x"}, "a.x": {"b"}, "b": {"c"}, "c": {"b"}}
    assert find_cycles(graph) == ["b -> c -> b"]


def find_cycles(graph: dict[str, set[str]]) -> list[str]:
    """Each cycle found by a depth-first walk, as "a -> b -> a". A package's __init__
    importing its own submodules is how a package re-exports, not a cycle."""
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for imported in sorted(graph[name]):
            if state.get(imported) == 1:
                cycles.append(" -> ".join(path[path.index(imported) :] + [imported]))
            elif imported not in state:
                visit(imported, path + [imported])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    return [cycle for cycle in cycles if not _only_through_own_package(cycle)]


def _only_through_own_package(cycle: str) -> bool:
    steps = cycle.split(" -> ")
    return all(a.startswith(b + ".") or b.startswith(a + ".") for a, b in zip(steps, steps[1:]))


@pytest.mark.parametrize("name", sorted(_modules()))
def test_no_module_is_over_400_lines(name):
    lines = len(_modules()[name].read_text().splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines"
