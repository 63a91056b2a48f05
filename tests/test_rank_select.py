from __future__ import annotations

import numpy as np
import pytest

from summarize import corpus as corpus_module
from summarize import rank
from summarize.cite import cite
from summarize.errors import InputError
from summarize.ingest import load
from summarize.registry import AVAILABLE_METHODS, get
from summarize.schema import Article
from summarize.select import fill, mmr, story_order

REPORTS = [
    "A local farmer said his cattle had fled to the hills before the storm arrived overnight. "
    "The Danube bridge at Novi Sad collapsed on Monday, killing twelve people and injuring forty.",
    "The Danube bridge collapsed on Monday in Novi Sad, killing twelve people, officials said. "
    "Engineers had warned about cracks in the concrete pillars for several years.",
    "Twelve people were killed when the Novi Sad bridge over the Danube collapsed on Monday. "
    "The mayor declared three days of mourning across the whole city.",
    "Shares in the construction company fell sharply in Belgrade trading this afternoon. "
    "Rescue divers searched the Danube for survivors after the bridge collapse in Novi Sad.",
]


@pytest.fixture(scope="module")
def bridge() -> corpus_module.Corpus:
    return corpus_module.build([Article(i + 1, f"r{i + 1}", t) for i, t in enumerate(REPORTS)])


@pytest.fixture(scope="module")
def seed_corpus(seeds) -> corpus_module.Corpus:
    return corpus_module.build(load([seeds]).articles)


def test_vectors_are_unit_length_and_sparse(seed_corpus):
    norms = np.sqrt(np.asarray(seed_corpus.matrix.multiply(seed_corpus.matrix).sum(axis=1)))
    assert np.allclose(norms[norms > 0], 1.0, atol=1e-5)
    assert seed_corpus.matrix.nnz < 0.2 * np.prod(seed_corpus.matrix.shape)


def test_consensus_ranks_the_corroborated_fact_above_a_lone_lead(bridge):
    scores = rank.Consensus().scores(bridge, bridge.matrix)
    texts = [s.text for s in bridge.sentences]
    corroborated = texts.index(
        "The Danube bridge collapsed on Monday in Novi Sad, killing twelve people, officials said."
    )
    lone_lead = texts.index(
        "Shares in the construction company fell sharply in Belgrade trading this afternoon."
    )
    assert scores[corroborated] > scores[lone_lead]
    top = int(np.nanargmax(np.where(np.isfinite(scores), scores, -1e9)))
    assert "collapsed" in texts[top]


def test_support_finds_every_source_reporting_the_fact(bridge):
    texts = [s.text for s in bridge.sentences]
    row = texts.index(
        "The Danube bridge collapsed on Monday in Novi Sad, killing twelve people, officials said."
    )
    (found,) = cite(bridge, [row])
    assert {s.sentence.doc_id for s in found.support} >= {1, 3}
    assert all(s.sentence.doc_id != 2 for s in found.support)


ENVELOPES = [
    "Security is looking for Beatty, who had both envelopes. Beatty was handed an envelope "
    "backstage. The envelope for best actress went to Beatty by mistake.",
    "Beatty starts reading the winner's card aloud, pauses, frowns at what it says and keeps "
    "looking in the envelope as if something else might be inside it. Beatty held the "
    "envelope up to the audience. Dunaway took the envelope from Beatty.",
    "Theatre security staff are searching for Beatty, who still holds both envelopes, "
    "organisers said. Beatty and Dunaway were given the wrong envelope.",
]


def test_a_source_sharing_only_ordinary_words_is_not_cited():
    """The new-user audit's dev cluster: "Security is looking for Beatty, who had both
    envelopes" cited a source whose sentence only had Beatty looking in the envelope."""
    corpus = corpus_module.build([Article(i + 1, f"r{i + 1}", t) for i, t in enumerate(ENVELOPES)])
    (found,) = cite(corpus, [0])
    assert {s.sentence.doc_id for s in found.support} == {3}


@pytest.mark.parametrize("budget", [1, 12, 40, 150, 400])
def test_selection_never_exceeds_the_budget(seed_corpus, budget):
    for method in AVAILABLE_METHODS.values():
        if method.embedding:
            continue
        ranker = method()
        scores = ranker.scores(seed_corpus, seed_corpus.matrix)
        chosen = ranker.choose(seed_corpus, scores, budget)
        assert sum(int(seed_corpus.length[i]) for i in chosen) <= budget
        assert len(set(chosen)) == len(chosen)


def test_mmr_drops_near_duplicates(bridge):
    scores = rank.Consensus().scores(bridge, bridge.matrix)
    chosen = mmr(bridge, scores, 100)
    killed = [i for i in chosen if "twelve" in bridge.sentences[i].text.lower()]
    assert len(killed) == 1


def test_lead_is_round_robin(seed_corpus):
    scores = rank.Lead().scores(seed_corpus, seed_corpus.matrix)
    chosen = fill(seed_corpus, scores, 200)
    assert [int(seed_corpus.position[i]) for i in chosen[:5]] == [0, 0, 0, 0, 0]
    assert sorted(int(seed_corpus.doc[i]) for i in chosen[:5]) == [0, 1, 2, 3, 4]


def test_random_is_seeded(seed_corpus):
    def scores(seed: int) -> np.ndarray:
        return rank.Random(seed=seed).scores(seed_corpus, seed_corpus.matrix)

    assert np.array_equal(scores(3), scores(3))
    assert not np.array_equal(scores(3), scores(4))


def test_lexrank_prefers_central_sentences(bridge):
    scores = rank.LexRank().scores(bridge, bridge.matrix)
    texts = [s.text for s in bridge.sentences]
    best = texts[int(np.argmax(scores))]
    assert "bridge" in best.lower()


def test_story_order_puts_a_lead_sentence_first_then_date_and_position(seed_corpus):
    scores = rank.Consensus().scores(seed_corpus, seed_corpus.matrix)
    chosen = story_order(seed_corpus, mmr(seed_corpus, scores, 150))
    lede, *rest = chosen
    assert seed_corpus.position[lede] <= 1
    dated = [a.date for a in seed_corpus.articles if a.date]
    latest = max(dated)
    keys = [
        (
            (seed_corpus.articles[seed_corpus.doc[i]].date or latest),
            int(seed_corpus.doc[i]),
            int(seed_corpus.position[i]),
        )
        for i in rest
    ]
    assert keys == sorted(keys)


def test_unknown_method_names_the_choices():
    with pytest.raises(InputError) as info:
        get("textrankk")
    assert "consensus" in (info.value.fix or "")
