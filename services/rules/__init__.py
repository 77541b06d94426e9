"""Declarative alert rules: YAML files compiled to one phrase automaton plus a typed condition tree per rule."""

from services.rules.compile import RuleSet, compile_rules, load_rules
from services.rules.evaluation import evaluate
from services.rules.load import RuleError

__all__ = ["RuleError", "RuleSet", "compile_rules", "evaluate", "load_rules"]
