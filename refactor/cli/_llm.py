"""Options of the llm and hybrid backends, shared by `refactor translate` and `refactor run`.

A command-line option wins over the target TOML's `[llm]` table, which wins over the
defaults; OPENAI_BASE_URL and OPENAI_API_KEY are read by the client when nothing else
names them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from refactor.cli._common import abort, check_backend
from refactor.model.target import LLMSettings

if TYPE_CHECKING:  # the model backend (and the openai SDK) load only when a model is used
    from refactor.translate.llm.backend import ModelConfig

Backend = Annotated[str, typer.Option(help="Translation backend: rules (offline), llm or "
                                     "hybrid (the model improves the rules draft).")]
Model = Annotated[str | None, typer.Option(
    help="Model name for --backend llm|hybrid (or [llm] model in the target TOML).")]
BaseUrl = Annotated[str | None, typer.Option(
    help="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1 (default: "
         "OPENAI_BASE_URL, else OpenAI).")]
Concurrency = Annotated[int | None, typer.Option(help="Model requests in flight at once.")]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Ask the model again even when "
                                       "the ledger holds the answer.")]
MaxTokens = Annotated[int | None, typer.Option(help="Token cap for the whole run.")]
MaxCost = Annotated[float | None, typer.Option(help="Cost cap for the whole run.")]


def model_config(settings: LLMSettings, backend: str, model: str | None,
                 base_url: str | None, concurrency: int | None, no_cache: bool,
                 max_tokens: int | None, max_cost: float | None) -> ModelConfig | None:
    """The model configuration of a run, or None for the rules backend; an unknown
    backend or a missing model ends the command with what to pass."""
    check_backend(backend)
    if backend == "rules":
        return None
    name = model or settings.model
    if not name:
        abort(f"--backend {backend} needs a model: pass --model NAME (and --base-url for a "
              "local server) or set [llm] model in the target TOML")
    from refactor.translate.llm.backend import ModelConfig
    from refactor.translate.llm.budget import Caps
    from refactor.translate.llm.driver import Settings
    from refactor.translate.llm.loop import Limits
    from refactor.translate.llm.model import Prices

    price = settings.prices.get(name)
    return ModelConfig(
        model=name, base_url=base_url or settings.base_url,
        concurrency=concurrency or settings.concurrency, timeout=settings.timeout,
        prices=Prices(price.input, price.output) if price else Prices(),
        caps=Caps(settings.max_tokens_per_unit, settings.max_cost_per_unit,
                  max_tokens if max_tokens is not None else settings.max_tokens,
                  max_cost if max_cost is not None else settings.max_cost),
        settings=Settings(limits=Limits(settings.compile_rounds,
                                        settings.counterexample_rounds),
                          no_cache=no_cache))
