"""The parts of `refactor ci`: shard specs, the ratchet, GitHub's output, summary and
annotation formats."""

from __future__ import annotations

from pathlib import Path

from refactor.ci import github
from refactor.ci.ratchet import compare
from refactor.ci.shard import Shard, parse_shard


def _unit(name: str, secured: bool, loc: int = 10, **extra: object) -> dict[str, object]:
    return {"id": f"t:src/{name}.c:function:{name}", "target": "t", "name": name,
            "kind": "function", "path": f"src/{name}.c", "line": 3, "loc": loc,
            "level": "tested" if secured else "builds", "secured": secured,
            "reason": None if secured else "differs from the original at tested: x",
            "state": "secured" if secured else "builds", **extra}


def _report(*units: dict[str, object]) -> dict[str, object]:
    return {"targets": [{"name": "t", "root": "/ws/t"}], "units": list(units)}


def test_shard_spec() -> None:
    assert parse_shard("2/3") == Shard(2, 3) and str(Shard(2, 3)) == "2/3"
    assert parse_shard("0/3") == "--shard 0/3: i must be between 1 and n"
    assert parse_shard("two") == "--shard 'two': expected i/n, e.g. 2/4"


def test_ratchet_fails_on_a_lost_unit_even_when_lines_go_up() -> None:
    base = _report(_unit("a", True), _unit("b", False), _unit("gone", True))
    now = _report(_unit("a", False), _unit("b", True, loc=50), _unit("new", True))
    r = compare(base, now)
    assert r.regressed and [u["name"] for u in r.lost] == ["a"]
    assert (r.baseline_loc, r.current_loc, r.removed, r.new_loc) == (10, 50, 1, 10)
    assert "1 units no longer secured: t:src/a.c:function:a" in r.describe()
    assert r.describe().endswith("REGRESSION")


def test_ratchet_improvement_and_other_targets_ignored() -> None:
    base = _report(_unit("a", True), {**_unit("x", True), "target": "other"})
    now = _report(_unit("a", True), _unit("b", True))
    r = compare(base, now)
    assert not r.regressed and r.improved and r.describe().endswith("improved")
    assert not compare(now, now).improved and not compare(now, now).regressed


def test_outputs_use_delimiters(tmp_path: Path) -> None:
    out = tmp_path / "out"
    github.write_outputs(out, {"a": 1, "b": "two\nlines=x"})
    lines = out.read_text().splitlines()
    assert lines[0].startswith("a<<EOF_") and lines[1] == "1" and lines[2] == lines[0][3:]
    assert lines[4:6] == ["two", "lines=x"]


def test_summary_is_cut_at_githubs_limit(tmp_path: Path) -> None:
    path = tmp_path / "summary"
    github.write_summary(path, "| row |\n" * 300_000)  # 2.4 MB
    data = path.read_bytes()
    assert len(data) <= github.SUMMARY_LIMIT
    assert data.endswith(b"(summary cut at GitHub's 1 MiB limit; see report.json)\n")


def test_annotations_escape_and_cap(tmp_path: Path) -> None:
    lost = [_unit("a", False)]
    failing = [_unit(f"f{i}", False) for i in range(12)]
    notes = github.annotations(_report(*lost, *failing), lost, Path("/ws"))
    assert len(notes) == github.MAX_ERRORS
    assert notes[0].command() == (
        "::error file=t/src/a.c,line=3,title=a%3A no longer secured::a (function, 10 lines): "
        "differs from the original at tested: x")
    assert notes[1].title == "f0: translation fails"
    assert notes[-1].message == "4 more units regressed or fail: see report.json"
    assert notes[0].text() == ("error: t/src/a.c:3: a: no longer secured: a (function, 10 "
                               "lines): differs from the original at tested: x")
    multi = github.Annotation("t", "50%\nnext", "f,1.c", 2).command()
    assert multi == "::error file=f%2C1.c,line=2,title=t::50%25%0Anext"


def test_actions_environment(tmp_path: Path) -> None:
    event = tmp_path / "event.json"
    event.write_text('{"repository": {"default_branch": "main"}}')
    env = {"GITHUB_ACTIONS": "true", "GITHUB_EVENT_PATH": str(event),
           "GITHUB_REF": "refs/heads/main", "GITHUB_WORKSPACE": str(tmp_path)}
    actions = github.from_env(env)
    assert actions is not None and actions.on_default_branch
    assert not github.from_env({**env, "GITHUB_REF": "refs/pull/3/merge"}).on_default_branch  # type: ignore[union-attr]
    assert github.from_env({}) is None
