"""Planning a target recorded in the ledger: its plannable units ordered by its edges."""

from __future__ import annotations

from refactor.ledger import Ledger
from refactor.plan.waves import Plan, plan


def plan_target(ledger: Ledger, target_id: int) -> Plan:
    """Plan the target's units (COBOL paragraphs and sections go with their program) and
    store the plan, with a `plan` run holding its figures."""
    units = ledger.plannable_units(target_id)
    result = plan(units, ((src, dst) for src, dst, _ in ledger.edges(target_id)))
    run_id = ledger.begin_run(target_id, "plan", None)
    ledger.store_plan(target_id, run_id, result.assignments())
    ledger.finish_run(run_id, "ok", {"units": len(units), "waves": len(result.waves),
                                     "components": result.components,
                                     "cyclic_components": result.cyclic})
    return result
