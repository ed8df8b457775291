"""`--engine dask`: the same extraction on a Dask LocalCluster (127.0.0.1, 2 worker processes,
1 thread each) gives the bytes of a local run, and workers get Articles, never Docs."""

from __future__ import annotations

from pathlib import Path

import distributed
import pytest

from newsclaims.run.api import extract
from tests.conftest import CORPUS_ARTICLES
from tests.test_batch import BAD, GOOD, _folder, _output

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    ) as local:
        yield local


def test_dask_cluster_output_equals_local_output(cluster, tmp_path):
    src = _folder(tmp_path / "in", GOOD | BAD)
    inputs = [ROOT / "corpus", src]
    extract(inputs, out=tmp_path / "local", model="blank")
    summary = extract(
        inputs,
        out=tmp_path / "dask",
        model="blank",
        engine="dask",
        scheduler=cluster.scheduler_address,
        batch_size=8,
    )
    assert summary.articles == CORPUS_ARTICLES + 6
    assert _output(tmp_path / "dask") == _output(tmp_path / "local")


def test_dask_rerun_needs_no_cluster(cluster, tmp_path):
    src = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    extract([src], out=out, model="blank", engine="dask", scheduler=cluster.scheduler_address)
    before = _output(out)
    summary = extract([src], out=out, model="blank", engine="dask", scheduler="tcp://127.0.0.1:9")
    assert summary.reused == summary.articles == 6
    assert _output(out) == before


def test_dask_without_scheduler_starts_a_local_cluster(tmp_path):
    src = _folder(tmp_path / "in", {"b.txt": GOOD["b.txt"]})
    extract([src], out=tmp_path / "local", model="blank")
    extract([src], out=tmp_path / "dask", model="blank", engine="dask", workers=1)
    assert _output(tmp_path / "dask") == _output(tmp_path / "local")
