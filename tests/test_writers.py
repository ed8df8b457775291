import pytest

from newsclaims.models import InputError
from newsclaims.run.writers import ERRORS, Output


def test_writers_commit_renames_complete_files(tmp_path):
    with Output(tmp_path) as out:
        out.errors.write(InputError(source="a.txt", error="empty file"))
        assert not (tmp_path / ERRORS).exists()
        assert (tmp_path / f".{ERRORS}.partial").exists()
    assert (tmp_path / ERRORS).read_text() == (
        '{"source":"a.txt","error":"empty file","level":"error","kind":null}\n'
    )
    assert not list(tmp_path.glob(".*.partial"))


def test_writers_interrupted_run_leaves_no_finished_file(tmp_path):
    with pytest.raises(KeyboardInterrupt):
        with Output(tmp_path) as out:
            out.errors.write(InputError(source="a.txt", error="empty file"))
            raise KeyboardInterrupt
    assert not (tmp_path / ERRORS).exists()
    assert not list(tmp_path.glob(".*.partial"))


def test_writers_previous_output_kept_until_new_one_is_complete(tmp_path):
    (tmp_path / ERRORS).write_text("old\n")
    with pytest.raises(RuntimeError):
        with Output(tmp_path) as out:
            out.errors.write(InputError(source="b.txt", error="binary file"))
            raise RuntimeError("crash")
    assert (tmp_path / ERRORS).read_text() == "old\n"
