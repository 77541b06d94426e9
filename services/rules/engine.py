"""The rule engine's entry points in one place, for callers that imported them from here.

The engine itself is split by concern: load.py (read and validate), conditions.py (the typed condition
tree), compile.py (automaton and routing), plan.py (the tree as plain objects, what evaluation runs),
evaluation.py, groups.py (group keys) and render.py (alert text).
"""

from services.rules.compile import RuleSet, compile_rules, load_rules, phrase_forms
from services.rules.evaluation import evaluate
from services.rules.groups import group_keys, show_key
from services.rules.load import DEDUPE_KEYS, TEMPLATE_FIELDS, Rule, RuleError, content_digest, read_rule_files

__all__ = ["DEDUPE_KEYS", "TEMPLATE_FIELDS", "Rule", "RuleError", "RuleSet", "compile_rules", "content_digest",
           "evaluate", "group_keys", "load_rules", "phrase_forms", "read_rule_files", "show_key"]
