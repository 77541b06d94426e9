"""Declarative alert rules: YAML files compiled to one phrase automaton plus a condition tree per rule."""

from services.rules.engine import RuleError, RuleSet, compile_rules, evaluate, load_rules

__all__ = ["RuleError", "RuleSet", "compile_rules", "evaluate", "load_rules"]
