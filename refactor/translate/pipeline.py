"""`refactor translate`: every planned unit of a target, callees first, into its crate.

The `rules` backend translates a C file at a time (a unit's Rust needs the types, macros
and declarations of its translation unit); files are taken in the order of their earliest
planned wave, so callees come first. Every unit gets an attempt in the ledger: translated
(with its unsafe lines measured from its Rust), or skipped with the reason; a file the
translator cannot process at all makes its units `failed` with the file named, and the
rest of the target goes on. Each file is preprocessed with its own flags from the
repository's `compile_commands.json` when it has one, else with the target's include
directories and defines.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from refactor.ledger import Attempt, Ledger
from refactor.ledger.views import UnitView
from refactor.model import FileTranslation
from refactor.translate import compdb
from refactor.translate.crate import module_names, write_crate
from refactor.translate.unsafe_lines import count_unsafe_lines

if TYPE_CHECKING:
    from refactor.model.target import Target
    from refactor.translate.llm.backend import ModelConfig, ModelSummary

BACKENDS = ("rules", "llm", "hybrid")
TRANSLATABLE_KINDS = frozenset({"function", "type", "global", "macro"})

Translator = Callable[[Path, Sequence[Path], Sequence[str]], FileTranslation]


@dataclass
class TranslateSummary:
    run_id: int
    crate: Path
    files: int = 0
    translated: int = 0
    skipped: int = 0
    failed: int = 0
    unsafe_lines: int = 0
    loc_translated: int = 0
    loc_total: int = 0
    problems: list[str] = field(default_factory=list)
    reasons: dict[str, int] = field(default_factory=dict)  # skip reason (construct) -> units
    compile_commands: str | None = None  # the compilation database used, if any
    model: ModelSummary | None = None  # the llm and hybrid backends' figures

    def add(self, other: TranslateSummary) -> None:
        """Take in another share's figures (refactor/execute runs a target in items)."""
        for name in ("files", "translated", "skipped", "failed", "unsafe_lines",
                     "loc_translated", "loc_total"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.problems += other.problems
        for reason, n in other.reasons.items():
            self.reasons[reason] = self.reasons.get(reason, 0) + n
        self.compile_commands = self.compile_commands or other.compile_commands
        if other.model is not None:
            self.model = other.model if self.model is None else self.model.plus(other.model)


def _default_translator(path: Path, include_dirs: Sequence[Path],
                        defines: Sequence[str]) -> FileTranslation:
    from refactor.translate.c import translate_file

    return translate_file(path, include_dirs, defines)


def translate_target(
    ledger: Ledger, target_id: int, target: str, root: Path, crate_dir: Path,
    include_dirs: Sequence[Path] = (), defines: Sequence[str] = (),
    backend: str = "rules", translator: Translator = _default_translator,
    progress: Callable[[str], None] | None = None, model: ModelConfig | None = None,
    on_start: Callable[[int], None] | None = None, description: Target | None = None,
    only: Collection[int] | None = None,
) -> TranslateSummary:
    """Translate the target's planned C units into `crate_dir` and record every attempt.

    With the `llm` or `hybrid` backend, the rules pass writes the drafts first and the
    model then works on every function (refactor/translate/llm/backend.py) and every COBOL
    run unit (refactor/translate/llm/cobol.py, checked on `description`'s workloads).
    `only`: the planned units to translate (a CI shard, refactor/ci/shard.py); all if None."""
    if backend not in BACKENDS:
        raise ValueError(f"backend {backend!r} is not available; use one of {BACKENDS}")
    if backend != "rules" and model is None:
        raise ValueError(f"the {backend} backend needs a model (--model)")
    planned = ledger.planned(target_id)
    c_units = [u for u in ledger.units(target_id)
               if u.language == "c" and u.kind in TRANSLATABLE_KINDS and u.id in planned]
    # module names from every planned file: a share of the units (`only`) names its
    # modules as the whole target does, so the shares' modules make one crate
    modules = module_names({u.path for u in c_units})
    if only is not None:
        planned = {uid: p for uid, p in planned.items() if uid in only}
    units = [u for u in c_units if u.id in planned]
    by_file: dict[str, list[UnitView]] = {}
    for unit in units:
        by_file.setdefault(unit.path, []).append(unit)
    order = sorted(by_file, key=lambda p: (min(planned[u.id][0] for u in by_file[p]), p))
    hashes = ledger.unit_hashes(target_id)
    run_id = ledger.begin_run(target_id, "translate", None)
    summary = TranslateSummary(run_id, crate_dir)
    database = compdb.load(root)
    if database.problem:
        summary.problems.append(database.problem)
    elif database.path:
        summary.compile_commands = str(database.path)
    code: dict[str, str] = {}
    drafts: dict[int, Attempt] = {}
    if on_start:  # the files, then (with a model) the functions: one step each
        functions = sum(u.kind == "function" for u in units)
        on_start(len(order) + (functions if model is not None and backend != "rules" else 0))
    try:
        for path in order:
            if progress:
                progress(path)
            flags = database.files.get((root / path).resolve())
            result = _translate_one(
                root / path, [*flags.include_dirs, *include_dirs] if flags else include_dirs,
                [*flags.defines, *defines] if flags else defines, translator)
            attempts = _attempts(by_file[path], result, modules[path], hashes, "rules",
                                 summary)
            ledger.record_attempts(run_id, attempts)  # each file's results as they finish
            drafts.update((a.unit_id, a) for a in attempts)
            if isinstance(result, FileTranslation) and any(
                    a.status == "translated" for a in attempts):
                code[modules[path]] = result.rust
            summary.files += 1
        if model is not None and backend != "rules":
            _model_pass(ledger, target_id, root, units, drafts, code, include_dirs, defines,
                        model, backend, crate_dir, run_id, summary, progress)
        runtime = _cobol(ledger, target_id, root, crate_dir, planned, hashes, run_id,
                         summary, (model, backend, description)
                         if model is not None and backend != "rules" else None, progress)
        write_crate(crate_dir, target, code, [runtime] if runtime else [])
    except BaseException:
        ledger.finish_run(run_id, "failed", run_stats(summary))
        raise
    ledger.finish_run(run_id, "ok", run_stats(summary))
    return summary


def _cobol(ledger: Ledger, target_id: int, root: Path, crate_dir: Path,
           planned: dict[int, tuple[int, int]], hashes: dict[int, str], run_id: int,
           summary: TranslateSummary,
           model: tuple[ModelConfig, str, Target | None] | None = None,
           progress: Callable[[str], None] | None = None) -> str | None:
    """COBOL programs (refactor/translate/cobol/pipeline.py): one binary per run unit,
    then, with a model, a model loop per run unit over the rules' drafts. Returns the
    runtime crate the binaries depend on, if any."""
    cobol = [u for u in ledger.units(target_id) if u.language == "cobol" and u.id in planned]
    programs = [u for u in cobol if u.kind == "program"]
    if not programs:
        return None
    from refactor.translate.cobol.pipeline import RUNTIME_CRATE, translate_cobol, write_binaries

    done = translate_cobol(ledger, target_id, root, programs, hashes, "rules",
                           [u for u in cobol if u.kind == "copybook"])
    ledger.record_attempts(run_id, done.attempts)
    final = {a.unit_id: a for a in done.attempts}
    if model is not None:
        from refactor.translate.llm.cobol import cobol_model_pass

        config, backend, description = model
        attempts, model_summary = cobol_model_pass(
            ledger, target_id, root, programs, done, hashes, description, config, backend,
            crate_dir.parent / f".{crate_dir.name}-cobol-model", progress)
        ledger.record_attempts(run_id, attempts)
        final.update((a.unit_id, a) for a in attempts if a.status != "failed")
        summary.model = model_summary if summary.model is None else \
            summary.model.plus(model_summary)
    has_binaries = write_binaries(crate_dir, done.binaries)
    summary.problems.extend(done.problems)
    loc = {u.id: u.loc for u in cobol}
    for attempt in final.values():
        summary.loc_total += loc[attempt.unit_id]
        if attempt.status == "translated":
            summary.translated += 1
            summary.loc_translated += loc[attempt.unit_id]
        else:
            summary.skipped += 1
            _count_reason(summary, attempt.reason or "skipped")
    return RUNTIME_CRATE if has_binaries else None


def _model_pass(ledger: Ledger, target_id: int, root: Path, units: list[UnitView],
                drafts: dict[int, Attempt], code: dict[str, str],
                include_dirs: Sequence[Path], defines: Sequence[str], model: ModelConfig,
                backend: str, crate_dir: Path, run_id: int, summary: TranslateSummary,
                progress: Callable[[str], None] | None) -> None:
    from refactor.translate.llm.backend import model_pass
    from refactor.translate.llm.checker import CTarget

    c_files = tuple(sorted({root / u.path for u in units if u.path.endswith(".c")}))
    attempts, summary.model = model_pass(
        ledger, target_id, root, units, drafts, code,
        CTarget(c_files, tuple(include_dirs), tuple(defines)), model, backend,
        crate_dir.parent / f".{crate_dir.name}-model", progress)
    ledger.record_attempts(run_id, attempts)
    for a in attempts:  # the figures follow what the crate now holds
        if a.status == "translated" and a.backend != "rules":
            previous = drafts.get(a.unit_id)
            summary.unsafe_lines += a.unsafe_lines - (
                previous.unsafe_lines if previous and previous.status == "translated" else 0)
            if previous is None or previous.status != "translated":
                summary.translated += 1
                summary.skipped -= 1


def _translate_one(path: Path, include_dirs: Sequence[Path], defines: Sequence[str],
                   translator: Translator) -> FileTranslation | str:
    """The file's translation, or why there is none (a bug of the translator included)."""
    try:
        return translator(path, include_dirs, defines)
    except RecursionError:
        return f"{path.name}: nesting too deep for the translator"
    except Exception as exc:  # one file must not stop the target
        return (f"{path.name}: the translator failed ({type(exc).__name__}: {exc}); "
                "please report it with this file")


def _attempts(units: list[UnitView], result: FileTranslation | str, module: str,
              hashes: dict[int, str], backend: str,
              summary: TranslateSummary) -> list[Attempt]:
    out: list[Attempt] = []
    if isinstance(result, str):
        summary.problems.append(result)
        for unit in units:
            out.append(Attempt(unit.id, backend, "failed", hashes[unit.id], None, "",
                               result, 0))
            summary.failed += 1
            summary.loc_total += unit.loc
        return out
    summary.problems.extend(f"{units[0].path}: {p}" for p in result.problems)
    found = {(t.kind, t.name): t for t in result.units}
    for unit in units:
        summary.loc_total += unit.loc
        done = found.get((unit.kind, unit.name))
        if done is not None and done.status == "translated":
            unsafe = count_unsafe_lines(done.rust)  # measured, not the backend's word
            out.append(Attempt(unit.id, backend, "translated", hashes[unit.id], module,
                               done.rust, None, unsafe))
            summary.translated += 1
            summary.unsafe_lines += unsafe
            summary.loc_translated += unit.loc
            continue
        if done is not None:
            reason = done.reason or "skipped by the translator"
        elif result.problems:
            reason = "the file could not be translated: " + "; ".join(result.problems)
        else:
            reason = f"the rules translator did not produce this {unit.kind}"
        out.append(Attempt(unit.id, backend, "skipped", hashes[unit.id], module, "",
                           reason, 0))
        summary.skipped += 1
        _count_reason(summary, reason)
    return out


def _count_reason(summary: TranslateSummary, reason: str) -> None:
    key = reason.split(" at line", 1)[0].split(" (line", 1)[0][:80]
    summary.reasons[key] = summary.reasons.get(key, 0) + 1


def run_stats(summary: TranslateSummary) -> dict[str, object]:
    return {"files": summary.files, "translated": summary.translated,
            "skipped": summary.skipped, "failed": summary.failed,
            "unsafe_lines": summary.unsafe_lines, "loc_translated": summary.loc_translated,
            "loc_total": summary.loc_total, "crate": str(summary.crate),
            "compile_commands": summary.compile_commands,
            "model": vars(summary.model) if summary.model else None,
            "problems": summary.problems[:50]}
