"""`summary.md`: the report for CI job summaries and pull-request comments.

Always under 1 MiB (GitHub's limit for a job summary): tables are cut with a pointer to
the full report when they would not fit.
"""

from __future__ import annotations

from typing import Any

LIMIT = 1 << 20
UNIT_ROWS = 200


def render_summary(data: dict[str, Any], full_report: str = "report.json") -> str:
    t = data["totals"]
    goal = data["goal_loc"]
    lines = [
        "# Lines of code secured in Rust",
        "",
        f"**{t['loc_secured']:,}** of {goal:,} lines secured "
        f"({100 * t['loc_secured'] / goal:.4f}% of the goal); this code base: "
        f"{t['loc_secured']:,} of {t['loc']:,} lines "
        f"({_share(t['loc_secured'], t['loc'])}), {t['units_secured']:,} of "
        f"{t['units']:,} units.",
        "",
        f"Projection: {_projection(data['projection'])}",
        "",
        "| target | units | secured | lines | lines secured | model cost |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *(f"| {x['name']} | {x['units']:,} | {x['units_secured']:,} | {x['loc']:,} | "
          f"{x['loc_secured']:,} | {x['cost']:.4f} |" for x in data["targets"]),
        "",
        "| state | units |",
        "| --- | ---: |",
        *(f"| {state} | {n:,} |" for state, n in data["states"].items() if n),
        "",
        f"Model: {t['tokens_in']:,} tokens in, {t['tokens_out']:,} out, cost {t['cost']:.4f}"
        + (f", {t['cost_per_1000_loc_secured']:.4f} per 1,000 lines secured."
           if t["cost_per_1000_loc_secured"] is not None else "."),
    ]
    if data["failures"]:
        lines += ["", "## Why units are not secured", "", "| units | reason |",
                  "| ---: | --- |",
                  *(f"| {f['units']:,} | {_cell(f['reason'])} |" for f in data["failures"])]
    text = "\n".join(lines) + "\n"
    return _with_units(text, data["units"], full_report)


def _with_units(head: str, units: list[dict[str, Any]], full_report: str) -> str:
    rows = sorted(units, key=lambda u: (not u["secured"], -u["loc"]))
    table = ["", "## Units", "", "| unit | lines | level | secured | unsafe lines |",
             "| --- | ---: | --- | --- | ---: |"]
    size = len(head.encode()) + sum(len(x) + 1 for x in table)
    shown = 0
    for u in rows[:UNIT_ROWS]:
        row = (f"| {_cell(u['id'])} | {u['loc']:,} | {u['level']} | "
               f"{'yes' if u['secured'] else 'no'} | {u['unsafe_lines']} |")
        if size + len(row.encode()) + 200 > LIMIT:
            break
        table.append(row)
        size += len(row.encode()) + 1
        shown += 1
    if shown < len(rows):
        table += ["", f"{len(rows) - shown:,} more units: see the full report "
                      f"({full_report}, and index.html)."]
    return head + "\n".join(table) + "\n"


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def _projection(p: dict[str, Any]) -> str:
    if p["eta"]:
        return (f"the goal is reached on {p['eta']} at {p['rate_per_day']:,} lines a day "
                f"({p['basis']}).")
    return f"no date yet: {p['basis']}."


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")[:300]
