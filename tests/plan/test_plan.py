"""Plans: strongly connected components, callees first, in parallel waves."""

from __future__ import annotations

import json
from pathlib import Path

from refactor.plan import plan, tarjan
from tests.conftest import write_tree


def test_tarjan_orders_components_after_their_dependencies() -> None:
    succ = {1: [2], 2: [3], 3: [2, 4], 4: [], 5: [1]}
    components = tarjan([1, 2, 3, 4, 5], succ)
    order = {n: i for i, comp in enumerate(components) for n in comp}
    assert sorted(map(sorted, components)) == [[1], [2, 3], [4], [5]]
    assert order[4] < order[2] == order[3] < order[1] < order[5]


def test_tarjan_handles_deep_chains_without_recursion() -> None:
    n = 50_000
    succ = {i: [i + 1] for i in range(n)}
    assert len(tarjan(range(n + 1), succ)) == n + 1


def test_waves_put_every_unit_after_what_it_depends_on() -> None:
    edges = [(10, 11), (11, 12), (12, 11), (13, 12), (14, 10), (14, 13)]
    result = plan([10, 11, 12, 13, 14, 15], edges)
    assert result.waves == (((11, 12), (15,)), ((10,), (13,)), ((14,),))
    wave_of = {u: w for u, w, _ in result.assignments()}
    for src, dst in edges:
        assert wave_of[src] > wave_of[dst] or {src, dst} <= {11, 12}


def test_plan_command_on_a_c_tree(tmp_path: Path, cli) -> None:
    repo = write_tree(tmp_path / "repo", {"m.c": """
        int even(int n);
        int odd(int n) { return n == 0 ? 0 : even(n - 1); }
        int even(int n) { return n == 0 ? 1 : odd(n - 1); }
        int main(void) { return even(10); }
        """})
    ledger = tmp_path / "l.db"
    assert cli("scan", repo, "--ledger", ledger).code == 0
    result = cli("plan", "--ledger", ledger, "--json")
    assert result.code == 0, result.stderr
    (target,) = json.loads(result.stdout)
    assert target["waves"] == [[["even", "odd"]], [["main"]]]
    text = cli("plan", "--ledger", ledger)
    assert "{even, odd}" in text.stdout and "1 cyclic" in text.stdout
