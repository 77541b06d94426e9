"""YAML for the operator's files (rules, subscriptions) and the coder's data: libyaml's safe loader, aliases, deep
nesting and keys given twice refused.

An alias (`*name`) lets 831 bytes expand to hundreds of megabytes when the document is built (the "billion
laughs"); rule and subscription files have no use for one, so the node graph is checked before anything is
constructed: a node reached twice is an alias. A key given twice in one mapping is refused too: PyYAML keeps the
last value without a word, so a rule's second `severity:` or a word list written twice in words.yaml silently
replaced the first. Errors quote at most a short excerpt of what they refuse.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_DEPTH = 64  # mappings and lists nested deeper than this are refused (rules nest 5 or 6 levels)
EXCERPT = 60  # characters of a refused value quoted in an error


class UnsafeYAML(yaml.YAMLError):
    """A document refused before construction: an alias, a key given twice, or nesting deeper than MAX_DEPTH."""


def excerpt(value: Any, limit: int = EXCERPT) -> str:
    """repr(value) cut to `limit` characters: an error must not carry a megabyte of input."""
    text = repr(value) if not isinstance(value, str) else value
    text = text.encode("unicode_escape", "backslashreplace").decode("ascii") if not text.isprintable() else text
    return text if len(text) <= limit else text[:limit] + f"...({len(text)} chars)"


def check_nodes(root: yaml.Node) -> None:
    """Refuse aliases (a node met twice), keys given twice and nesting deeper than MAX_DEPTH, walking without
    recursion."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise UnsafeYAML(f"line {node.start_mark.line + 1}: YAML aliases (*name) are not accepted")
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise UnsafeYAML(f"line {node.start_mark.line + 1}: nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            _check_keys(node)
            stack.extend((part, depth + 1) for pair in node.value for part in pair)


def _check_keys(node: yaml.MappingNode) -> None:
    keys: dict[str, int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        line = key.start_mark.line + 1
        if key.value in keys:
            raise UnsafeYAML(f"line {line}: key {excerpt(key.value)!r} given twice (first on line {keys[key.value]})")
        keys[key.value] = line


class SafeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """yaml.SafeLoader (libyaml's parser where PyYAML has it: 10,000 rules load in a second instead of ten)
    that checks the node graph before constructing it."""

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        check_nodes(node)
        return self.construct_document(node)


def load(data: bytes | str, loader: type[SafeLoader] = SafeLoader) -> Any:
    """One YAML document; yaml.YAMLError (UnsafeYAML included) when it cannot or must not be read."""
    try:
        return yaml.load(data, Loader=loader)  # a SafeLoader subclass
    except RecursionError as exc:  # a constructor nested too deep for Python's stack
        raise UnsafeYAML("nested too deeply") from exc
