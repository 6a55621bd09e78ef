"""Target descriptions: `targets/<name>.toml`, validated with pydantic."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class TargetError(Exception):
    """A target TOML file that cannot be read or does not validate."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BuildSpec(_Strict):
    """How the original program is built: shell commands run in a fresh copy of `source`."""

    commands: list[str] = Field(default_factory=list)
    timeout: float = 300.0


class Workload(_Strict):
    """One run of the built program whose observable behaviour must be preserved.

    It runs in a fresh copy of the built source directory; every path is relative to it.
    """

    name: str
    command: list[str] = Field(min_length=1)
    stdin: str | None = None
    expected_stdout: str | None = None
    expected_stderr: str | None = None
    expected_status: int = 0
    outputs: dict[str, str] = Field(
        default_factory=dict,
        description="file the program writes -> file holding its expected content",
    )
    timeout: float = 60.0


# How the fuzzer makes one parameter (see refactor/verify/fuzz): a NUL-terminated string,
# a buffer whose element count is another parameter, one element written by the callee,
# a fixed number of elements, or "skip" (the key "*" skips the whole function).
ParamHint = Annotated[str, Field(pattern=r"^(cstring|out|skip|buffer:[A-Za-z_]\w*|array:[0-9]+)$")]


class ModelPrice(_Strict):
    """Price of one million tokens."""

    input: float = Field(ge=0)
    output: float = Field(ge=0)


class LLMSettings(_Strict):
    """The llm and hybrid backends' settings; command-line options override them."""

    model: str | None = None
    base_url: str | None = None
    concurrency: int = Field(default=4, ge=1, le=256)
    timeout: float = Field(default=120.0, gt=0)
    max_tokens_per_unit: int | None = Field(default=None, ge=1)
    max_cost_per_unit: float | None = Field(default=None, ge=0)
    max_tokens: int | None = Field(default=None, ge=1, description="per run")
    max_cost: float | None = Field(default=None, ge=0, description="per run")
    compile_rounds: int = Field(default=3, ge=0)
    counterexample_rounds: int = Field(default=3, ge=0)
    prices: dict[str, ModelPrice] = Field(default_factory=dict, description="model -> price")


class Target(_Strict):
    """A code base being moved to Rust."""

    name: str = Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
    language: Literal["c", "cobol", "mixed"] = "c"
    source: str = "."
    description: str = ""
    exclude: list[str] = Field(default_factory=list)
    include_dirs: list[str] = Field(default_factory=list)
    defines: list[str] = Field(default_factory=list)
    copybook_dirs: list[str] = Field(default_factory=list)
    build: BuildSpec = Field(default_factory=BuildSpec)
    workloads: list[Workload] = Field(default_factory=list)
    functions: dict[str, dict[str, ParamHint]] = Field(
        default_factory=dict,
        description="function -> parameter -> input hint for the fuzzed level",
    )
    llm: LLMSettings = Field(default_factory=LLMSettings)

    # Set by `load_target`, not by the TOML file.
    toml_path: Path | None = Field(default=None, exclude=True)

    @property
    def source_dir(self) -> Path:
        base = self.toml_path.parent if self.toml_path else Path.cwd()
        return (base / self.source).resolve()


def load_target(path: Path) -> Target:
    """Read and validate one target TOML file; errors name the file and the field."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TargetError(f"{path}: no such target file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TargetError(f"{path}: not valid TOML ({exc})") from None
    try:
        target = Target.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise TargetError(f"{path}: invalid target description ({problems})") from None
    target = target.model_copy(update={"toml_path": path.resolve()})
    if not target.source_dir.is_dir():
        raise TargetError(f"{path}: source directory {target.source_dir} does not exist")
    return target
