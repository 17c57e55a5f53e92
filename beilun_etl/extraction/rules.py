"""The registry of the extractor's named rules: what decides a figure's indicator, zone, period and measure.

Each attribution is a cascade: its rules are tried in the order they are registered here and the
first that answers wins (later rules of a `post` kind may revise an answer, and say so). The name of
the rule that decided is stored with the figure (`trace`), so the warehouse answers "why is this
figure here?"; the registry, with one example sentence per rule, is what `docs/extraction.md` is
generated from (`python -m beilun_etl.extraction.rule_docs`).
"""

from __future__ import annotations

from dataclasses import dataclass

DIMENSIONS = ("indicator", "zone", "period", "measure")


@dataclass(frozen=True)
class Rule:
    dimension: str  # one of DIMENSIONS
    name: str
    description: str
    example: str  # a sentence the rule decides one figure of (see tests/test_extraction_rules.py)
    figure: str  # the text of that figure in the example
    module: str
    revises: bool = False  # runs after the cascade and may change its answer
    published: str | None = None  # the example's publication date, where the rule reads it (else 2024-12-31)


REGISTRY: dict[tuple[str, str], Rule] = {}


def rule(
    dimension: str,
    name: str,
    description: str,
    example: str,
    figure: str,
    revises: bool = False,
    published: str | None = None,
) -> str:
    """Register a rule and return its name (the value the trace stores)."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    import inspect

    module = inspect.currentframe().f_back.f_globals.get("__name__", "?").rsplit(".", 1)[-1]
    known = REGISTRY.get((dimension, name))
    if known is not None and known.module != module:
        raise ValueError(f"rule {dimension}.{name} registered twice ({known.module}, {module})")
    REGISTRY[(dimension, name)] = Rule(dimension, name, description, example, figure, module, revises, published)
    return name


def rules(dimension: str) -> list[Rule]:
    """The rules of one dimension in the order they are tried."""
    return [r for (d, _n), r in REGISTRY.items() if d == dimension]


def trace_names(trace: dict[str, str]) -> list[tuple[str, str]]:
    """(dimension, rule name) of every rule a trace names; a revision is written `first>revision`."""
    return [(d, name) for d, value in trace.items() for name in value.split(">") if name]


def trace_json(trace: dict[str, str]) -> str:
    """A trace as compact JSON (raw.figures.trace), keys in a fixed order. Rule names are identifiers
    (letters, digits, _ and >), so no escaping is needed; this is several times faster than json.dumps
    for the one string every figure stores."""
    return "{" + ",".join(f'"{k}":"{trace[k]}"' for k in TRACE_KEYS if k in trace) + "}"


TRACE_KEYS = ("indicator", "zone", "period", "period_scope", "measure")
