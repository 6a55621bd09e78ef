"""Re-scans are incremental and a changed declaration makes its users stale."""

from __future__ import annotations

import json
import os
from pathlib import Path

import git

from tests.conftest import write_tree

HEADER = """
    #ifndef SHAPES_H
    #define SHAPES_H
    #define SCALE 2
    struct point { int x; int y; };
    typedef struct point point_t;
    struct box { point_t lo; point_t hi; };
    int area(const struct box *b);
    #endif
    """
SOURCE = """
    #include "shapes.h"
    static int calls = 0;
    int width(const struct box *b) { return (b->hi.x - b->lo.x) * SCALE; }
    int height(const struct box *b) { return (b->hi.y - b->lo.y) * SCALE; }
    int area(const struct box *b) { calls++; return width(b) * height(b); }
    int origin_x(point_t p) { return p.x; }
    int unrelated(int v) { return v + 1; }
    """


def scan(cli, repo: Path, ledger: Path) -> dict:
    result = cli("scan", repo, "--json", "--ledger", ledger)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def stale(data: dict) -> dict[str, str]:
    return {u["name"]: u["stale"] for u in data["units"] if u["stale"]}


def last_run_stats(ledger: Path) -> dict:
    import sqlite3

    with sqlite3.connect(ledger) as conn:
        row = conn.execute("SELECT stats FROM runs WHERE command = 'scan' "
                           "ORDER BY id DESC LIMIT 1").fetchone()
    return json.loads(row[0])


def test_rescan_parses_only_changed_files_and_marks_users_stale(tmp_path: Path, cli) -> None:
    repo = write_tree(tmp_path / "repo", {"shapes.h": HEADER, "shapes.c": SOURCE,
                                          "other.c": "int other(void) { return 7; }\n"})
    ledger = tmp_path / "ledger.db"
    first = scan(cli, repo, ledger)
    assert last_run_stats(ledger)["parsed"] == 3
    assert stale(first) == {}

    first_stats = last_run_stats(ledger)
    again = scan(cli, repo, ledger)
    stats = last_run_stats(ledger)
    assert {k: stats[k] for k in ("candidates", "parsed", "unchanged", "removed",
                                  "skipped", "newly_stale")} == {
        "candidates": 3, "parsed": 0, "unchanged": 3, "removed": 0, "skipped": 0,
        "newly_stale": 0}
    assert "resolve" not in stats["phases"]  # nothing changed: nothing re-resolved
    assert stats["aggregates"] == first_stats["aggregates"]
    assert stats["aggregates"]["units"] == len(first["units"]) > 0
    assert again["units"] == first["units"]

    # Touching a file without changing it: hashed, not parsed.
    os.utime(repo / "other.c", ns=(1, 1))
    scan(cli, repo, ledger)
    assert last_run_stats(ledger)["parsed"] == 0

    # Editing struct point makes everything that uses it, directly or not, stale.
    (repo / "shapes.h").write_text(
        (repo / "shapes.h").read_text().replace("int x; int y;", "long x; long y;"))
    edited = scan(cli, repo, ledger)
    assert last_run_stats(ledger)["parsed"] == 1
    reasons = stale(edited)
    assert set(reasons) == {"struct point", "point_t", "struct box", "width", "height",
                            "area", "origin_x"}
    assert reasons["struct point"] == "its source changed"
    assert "struct point changed" in reasons["area"]
    assert "unrelated" not in reasons and "other" not in reasons


def test_callers_are_stale_only_when_a_signature_changes(tmp_path: Path, cli) -> None:
    repo = write_tree(tmp_path / "repo", {"shapes.h": HEADER, "shapes.c": SOURCE})
    ledger = tmp_path / "ledger.db"
    scan(cli, repo, ledger)
    source = repo / "shapes.c"
    source.write_text(source.read_text().replace("* SCALE; }\nint height",
                                                 "* SCALE + 0; }\nint height"))
    body_edit = stale(scan(cli, repo, ledger))
    assert body_edit == {"width": "its source changed"}
    source.write_text(source.read_text().replace("int width(const struct box *b)",
                                                 "long width(const struct box *b)"))
    sig_edit = stale(scan(cli, repo, ledger))
    assert sig_edit["area"].startswith("the signature of a callee changed: width")


def test_removed_declaration_makes_users_stale_and_removed_files_leave(tmp_path: Path,
                                                                       cli) -> None:
    repo = write_tree(tmp_path / "repo", {"shapes.h": HEADER, "shapes.c": SOURCE,
                                          "other.c": "int other(void) { return 7; }\n"})
    ledger = tmp_path / "ledger.db"
    scan(cli, repo, ledger)
    (repo / "other.c").unlink()
    header = repo / "shapes.h"
    header.write_text(header.read_text().replace("#define SCALE 2\n", ""))
    data = scan(cli, repo, ledger)
    assert "other.c" not in {f["path"] for f in data["files"]}
    assert last_run_stats(ledger)["removed"] == 1
    reasons = stale(data)
    assert reasons["width"] == "a declaration it uses changed: SCALE was removed"


def test_git_repository_honours_gitignore_and_records_commit(tmp_path: Path, cli) -> None:
    repo = write_tree(tmp_path / "repo", {
        "src/main.c": "int main(void) { return 0; }\n",
        "build/generated.c": "int generated(void) { return 1; }\n",
        "untracked.c": "int fresh(void) { return 2; }\n",
        ".gitignore": "build/\n",
    })
    g = git.Repo.init(repo)
    g.index.add(["src/main.c", ".gitignore"])
    commit = g.index.commit("initial", author=git.Actor("t", "t@example.org"),
                            committer=git.Actor("t", "t@example.org"))
    data = scan(cli, repo, tmp_path / "ledger.db")
    paths = {f["path"] for f in data["files"]}
    assert paths == {"src/main.c", "untracked.c"}
    assert data["commit"] == commit.hexsha


def test_copybook_change_makes_its_programs_stale(tmp_path: Path, cli) -> None:
    program = """\
       IDENTIFICATION DIVISION.
       PROGRAM-ID. {name}.
       DATA DIVISION.
       LINKAGE SECTION.
           COPY CUSTREC.
       PROCEDURE DIVISION USING CUST-REC.
       MAIN-PARA.
           DISPLAY CUST-ID.
           GOBACK.
"""
    repo = write_tree(tmp_path / "repo", {
        "src/a.cbl": program.format(name="PROGA"),
        "src/b.cbl": program.format(name="PROGB").replace("COPY CUSTREC.", "COPY OTHER."),
        "copy/custrec.cpy": "       01  CUST-REC.\n           05 CUST-ID   PIC 9(6).\n",
        "copy/other.cpy": "       01  CUST-REC.\n           05 CUST-ID   PIC 9(4).\n",
    })
    ledger = tmp_path / "ledger.db"
    first = scan(cli, repo, ledger)
    assert [u for u in first["units"] if u["reason"]] == []
    book = repo / "copy/custrec.cpy"
    book.write_text(book.read_text().replace("9(6)", "9(8)"))
    reasons = stale(scan(cli, repo, ledger))
    assert reasons == {"CUSTREC": "its source changed",
                       "PROGA": "a declaration it uses changed: CUSTREC changed"}


def test_cold_scan_totals_equal_totals_counted_again(tmp_path: Path, cli) -> None:
    """A cold scan counts units as shards arrive; a later change counts them in the ledger."""
    repo = write_tree(tmp_path / "repo", {"shapes.h": HEADER, "shapes.c": SOURCE})
    ledger = tmp_path / "ledger.db"
    scan(cli, repo, ledger)
    cold = last_run_stats(ledger)["aggregates"]
    (repo / "shapes.c").write_text((repo / "shapes.c").read_text() + "\n")  # same units
    scan(cli, repo, ledger)
    recounted = last_run_stats(ledger)["aggregates"]
    assert "resolve.names" in last_run_stats(ledger)["phases"]  # the recount really ran
    assert cold == recounted
    assert cold["kinds"] == [["c", "function", 5], ["c", "global", 1], ["c", "macro", 1],
                             ["c", "type", 3]]
