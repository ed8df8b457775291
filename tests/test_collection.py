import gc

import pytest

from newsclaims.run.collection import YOUNG_THRESHOLD, fewer_collections


@pytest.fixture
def default_thresholds():
    old = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*old)


def test_a_batch_raises_the_young_threshold_and_puts_it_back(default_thresholds):
    with fewer_collections():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_the_threshold_is_put_back_when_the_batch_fails(default_thresholds):
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("broken batch")
    assert gc.get_threshold() == (700, 10, 10)


def test_a_higher_threshold_a_caller_chose_is_kept(default_thresholds):
    gc.set_threshold(YOUNG_THRESHOLD * 2, 10, 10)
    with fewer_collections():
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD * 2


def test_extract_leaves_the_callers_thresholds_as_they_were(default_thresholds, tmp_path):
    from newsclaims import extract

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Exports fell 3% in October, the ministry said.\n")
    summary = extract([tmp_path / "in"], out=tmp_path / "out", model="blank")
    assert summary.articles == 1
    assert gc.get_threshold() == (700, 10, 10)
