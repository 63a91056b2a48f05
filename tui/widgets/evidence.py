"""Evidence panel: the source sentence behind the current briefing sentence, and its support."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from summarize.schema import Article, Briefing, Point, Sentence


def evidence_for(point: Point) -> list[tuple[Sentence, float | None]]:
    """The point's own sentences first (no similarity), then each supporting sentence."""
    items: list[tuple[Sentence, float | None]] = [(s, None) for s in point.sentences]
    items += [(s.sentence, s.similarity) for s in point.support]
    return items


def evidence_prompt(
    article: Article, evidence: Sentence, similarity: float | None, side: str | None = None
) -> Content:
    if side is not None:
        how = f"says {side}"
    elif similarity is None:
        how = "source sentence"
    else:
        how = f"states it · similarity {similarity:.2f}"
    return Content.assemble(
        (f"[{article.id}] ", "$text-accent bold"),
        (article.label, "bold"),
        (f"  {how}\n", "$text-muted"),
        (evidence.text, ""),
    )


class EvidenceList(OptionList):
    """One option per supporting sentence; selecting one opens its article there."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[Sentence] = []
        self.border_title = "Evidence"

    def show(self, briefing: Briefing | None, point: Point | None) -> None:
        self.clear_options()
        self.items = []
        if briefing is None or point is None:
            self.add_option(Option(Content("No sentence selected."), disabled=True))
            return
        options: list[Option | None] = []
        for evidence, similarity in evidence_for(point):
            self.items.append(evidence)
            article = briefing.source(evidence.doc_id)
            options.append(Option(evidence_prompt(article, evidence, similarity)))
            options.append(None)
        for number in point.disputes:
            disagreement = briefing.disagreements[number]
            options.append(
                Option(
                    Content.assemble(
                        ("⚠ Sources differ: ", "bold $text-warning"), (disagreement.topic, "bold")
                    ),
                    disabled=True,
                )
            )
            self.items.append(point.origin)  # keeps option indexes and items aligned
            options.append(None)
            for side in disagreement.sides:
                for sentence in side.sentences[:3]:
                    self.items.append(sentence)
                    article = briefing.source(sentence.doc_id)
                    options.append(Option(evidence_prompt(article, sentence, None, side.value)))
                    options.append(None)
        self.add_options(options[:-1])
        self.highlighted = 0

    @property
    def current(self) -> Sentence | None:
        """The highlighted evidence sentence (separators are not options, so indexes match)."""
        if self.highlighted is None or not self.items:
            return None
        return self.items[min(self.highlighted, len(self.items) - 1)]
