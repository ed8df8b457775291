"""`newsclaims link --engine dask`: the pairs judged on a real Dask LocalCluster (127.0.0.1,
2 worker processes), in pair parts, give the bytes of a local run."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsclaims.cli import app
from newsclaims.link import CLUSTERS, CONFLICTS, link_outputs, write_links
from tests import test_dask

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
cluster = test_dask.cluster  # the LocalCluster fixture of the extract tests


@pytest.fixture(scope="module")
def linked_out(tmp_path_factory):
    """Both small linking dev sets extracted once (the trained pipeline)."""
    from newsclaims.run.api import extract

    out = tmp_path_factory.mktemp("linked-out")
    data = ROOT / "tests" / "data"
    extract([str(data / "linked-dev"), str(data / "linked-own")], out=out)
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in (CLUSTERS, CONFLICTS)}


def test_link_dask_writes_the_bytes_of_a_local_run(cluster, linked_out, tmp_path):
    write_links(link_outputs([linked_out]), tmp_path / "local")
    links = link_outputs([linked_out], engine="dask", scheduler=cluster.scheduler_address)
    write_links(links, tmp_path / "dask")
    local = _files(tmp_path / "local")
    assert local[CLUSTERS] and local[CONFLICTS]
    assert _files(tmp_path / "dask") == local


@pytest.mark.parametrize("pairs", [1, 7, 10**9])
def test_link_dask_small_parts_give_the_local_bytes(cluster, linked_out, tmp_path, pairs):
    """Parts of one pair to all pairs in one part: each pair is judged once, in order."""
    write_links(link_outputs([linked_out]), tmp_path / "local")
    links = link_outputs(
        [linked_out], engine="dask", scheduler=cluster.scheduler_address, part_pairs=pairs
    )
    assert links.parts >= (2 if pairs < 10 else 1)
    write_links(links, tmp_path / "dask")
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")


def test_link_command_with_the_dask_engine(cluster, linked_out, tmp_path):
    local = runner.invoke(app, ["link", str(linked_out), "--out", str(tmp_path / "l"), "-q"])
    dask = runner.invoke(app, ["link", str(linked_out), "--out", str(tmp_path / "d"), "-q",
                               "--engine", "dask", "--scheduler", cluster.scheduler_address])  # fmt: skip
    assert local.exit_code == dask.exit_code == 0, dask.output
    assert _files(tmp_path / "d") == _files(tmp_path / "l")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--engine", "spark"], "unknown engine 'spark'"),
        (["--scheduler", "tcp://127.0.0.1:9"], "--scheduler needs --engine dask"),
        (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"], "cannot reach the Dask"),
    ],
)
def test_link_command_refuses_a_bad_engine(linked_out, tmp_path, options, message):
    result = runner.invoke(app, ["link", str(linked_out), "--out", str(tmp_path), *options])
    assert result.exit_code != 0
    assert message in result.output
