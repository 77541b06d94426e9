"""Declarative alert rules: YAML files compiled to one phrase automaton plus a condition tree per rule."""

from services.rules.engine import RuleSet, evaluate, load_rules

__all__ = ["RuleSet", "evaluate", "load_rules"]
