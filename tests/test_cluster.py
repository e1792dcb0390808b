from __future__ import annotations

import datetime as dt

from stories_fixtures import BRIDGE, BRIDGE_FOLLOW, CHEESE, CHEESE_FOLLOW, CHESS

from storyline.cluster import ClusterParams, StoryClusterer, article_terms, fixed_idf


def add(clusterer: StoryClusterer, text: str, date: dt.date | None):
    counts = article_terms(text)
    clusterer.observe(counts)
    return clusterer.add(clusterer.vector(counts), date)


def test_cluster_follow_ups_join_their_story_and_other_stories_start_new_ones():
    clusterer = StoryClusterer()
    bridge = add(clusterer, BRIDGE, dt.date(2026, 3, 2))
    cheese = add(clusterer, CHEESE, dt.date(2026, 3, 7))
    follow = add(clusterer, BRIDGE_FOLLOW, dt.date(2026, 3, 4))
    cheese_follow = add(clusterer, CHEESE_FOLLOW, dt.date(2026, 3, 9))
    chess = add(clusterer, CHESS, None)
    assert bridge.is_new_story and cheese.is_new_story and chess.is_new_story
    assert follow.story_id == bridge.story_id and not follow.is_new_story
    assert cheese_follow.story_id == cheese.story_id
    assert len({bridge.story_id, cheese.story_id, chess.story_id}) == 3
    story = clusterer.state.stories[bridge.story_id]
    assert (story.first_date, story.last_date, story.size) == (dt.date(2026, 3, 2),
                                                               dt.date(2026, 3, 4), 2)


def test_cluster_story_months_older_needs_a_much_closer_match():
    params = ClusterParams(threshold=0.2, window_days=14, stale_penalty=0.5)
    assert ClusterParams().stale_penalty > 0  # time-aware by default
    clusterer = StoryClusterer(params)
    first = add(clusterer, BRIDGE, dt.date(2026, 3, 2))
    late = add(clusterer, BRIDGE_FOLLOW, dt.date(2026, 9, 1))
    assert late.is_new_story and late.story_id != first.story_id
    undated = add(clusterer, BRIDGE_FOLLOW, None)  # no date: no time limit, a higher bar
    assert not undated.is_new_story


def test_cluster_centroid_stays_within_its_term_budget():
    clusterer = StoryClusterer(ClusterParams(centroid_terms=10))
    story = add(clusterer, BRIDGE, None).story_id
    add(clusterer, BRIDGE_FOLLOW, None)
    assert len(clusterer.state.stories[story].centroid) <= 10


def test_cluster_changed_stories_and_terms_are_reported_once():
    clusterer = StoryClusterer()
    add(clusterer, BRIDGE, None)
    assert [s.id for s in clusterer.take_changed()] == [1]
    assert clusterer.take_changed() == []
    assert clusterer.take_changed_terms()["ostervik"] == 1
    assert clusterer.take_changed_terms() == {}


def test_cluster_batch_idf_gives_the_same_stories():
    texts = [BRIDGE, CHEESE, BRIDGE_FOLLOW, CHEESE_FOLLOW, CHESS]
    clusterer = StoryClusterer(fixed_idf=fixed_idf(article_terms(t) for t in texts))
    ids = [clusterer.add(clusterer.vector(article_terms(t)), None).story_id for t in texts]
    assert ids[0] == ids[2] and ids[1] == ids[3] and len(set(ids)) == 3


def test_cluster_empty_vector_starts_a_story_without_failing():
    clusterer = StoryClusterer()
    assert add(clusterer, "the and of", None).is_new_story


def test_cluster_unknown_dates_need_more_similarity_than_dates_in_the_window():
    dated = StoryClusterer(ClusterParams(threshold=0.05, undated_penalty=0.9))
    first = add(dated, BRIDGE, dt.date(2026, 3, 2))
    assert add(dated, BRIDGE_FOLLOW, dt.date(2026, 3, 4)).story_id == first.story_id
    undated = StoryClusterer(ClusterParams(threshold=0.05, undated_penalty=0.9))
    add(undated, BRIDGE, None)
    assert add(undated, BRIDGE_FOLLOW, None).is_new_story


def test_cluster_similarity_is_the_mean_over_the_story_articles():
    clusterer = StoryClusterer(ClusterParams(threshold=0.0, undated_penalty=0.0))
    counts = [article_terms(t) for t in (BRIDGE, CHEESE, BRIDGE_FOLLOW)]
    for c in counts:
        clusterer.observe(c)
    bridge, cheese, follow = (clusterer.vector(c) for c in counts)
    story = clusterer.add(bridge, None).story_id
    clusterer.join(story, cheese, None)
    clusterer.join(story, None, None)  # a near copy: counted in size, not in the mean
    state = clusterer.state.stories[story]
    assert (state.size, state.members) == (3, 2)
    expected = sum(sum(w * v.get(t, 0.0) for t, w in follow.items()) for v in (bridge, cheese)) / 2
    found = clusterer.best_story(follow, None)
    assert found is not None and found[0] == story and expected > 0
    assert abs(found[1] - expected) < 1e-9
