"""Alert text: formatted from what matched, once per text that goes out, never patched afterwards.

The article's alert shows every group key; when a rule's text names `{key}` and the article has several,
each candidate's alert is formatted again from the same inputs with its own key (the inputs are kept on
the article, by alert id, for the candidates). (The text used to be
formatted with a "{key}" placeholder and string-replaced twice, which also rewrote a "{key}" or an
"IRQ -> USA" that came from the article's title or the matched words.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from services.models import Alert, EnrichedArticle
from services.rules.groups import show_key


@dataclass(slots=True)  # not frozen: a frozen dataclass sets each field through object.__setattr__
class Rendering:
    """What one rule matched in one article, as its text needs it, and the group keys found once."""

    template: str
    title: str
    article_title: str
    matches: str
    actors: str
    severity: str
    rule_id: str
    keys: tuple[str, ...]

    def text(self, keys: Sequence[str] | None = None) -> str:
        """The alert text showing these group keys (default: all of the article's)."""
        shown = show_key(self.keys if keys is None else keys) if "{key}" in self.template else ""
        return self.template.format(title=self.title, article_title=self.article_title, matches=self.matches,
                                    actors=self.actors, severity=self.severity, rule_id=self.rule_id, key=shown)


def keep(article: EnrichedArticle, renderings: dict[str, Rendering]) -> None:
    """Keep the renderings of the article's alerts (by alert id, not serialised) for its candidates."""
    article._renderings = renderings


def rendering_of(article: EnrichedArticle, alert: Alert) -> Rendering | None:
    """The rendering evaluate() kept for this alert; None for an alert made elsewhere (e.g. read from a topic)."""
    found = (article._renderings or {}).get(alert.alert_id)
    return found if isinstance(found, Rendering) and found.rule_id == alert.rule_id else None
