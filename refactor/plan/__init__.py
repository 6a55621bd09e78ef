"""The plan stage: strongly connected components, callees first, in parallel waves."""

from refactor.plan.scc import tarjan
from refactor.plan.target import plan_target
from refactor.plan.waves import Plan, plan

__all__ = ["Plan", "plan", "plan_target", "tarjan"]
