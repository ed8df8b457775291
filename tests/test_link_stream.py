"""The streaming link run: the items it holds at once are bounded by a part, not by the
claims; small parts give the bytes of one part; its temporary stores keep what they are
given."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from newsclaims.evaluate.link_synthetic import write_output
from newsclaims.link import link_outputs, write_links
from newsclaims.link.facts import item
from newsclaims.link.spill import Parts, Records, Sorter, decode, encode, text_key
from newsclaims.link.stream import Seen
from newsclaims.models.links import Appearance
from tests.link_support import claim, figure, month, origin

SMALL = {"part_rows": 2048, "part_pairs": 128, "cap": 8}
# What one part can name: its pairs (about `part_pairs`, and those of its last claim: at
# most one block per key, each of `cap` claims), two items each.
BOUND = 2 * (SMALL["part_pairs"] + 32 * (SMALL["cap"] - 1))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """Synthetic outputs (events told by two to six outlets) of two sizes."""
    root = tmp_path_factory.mktemp("synthetic")
    return {size: write_output(size, root / str(size)) for size in (800, 3200)}


def test_link_stream_holds_a_part_not_every_claim(synthetic):
    small = link_outputs([synthetic[800]], **SMALL)
    large = link_outputs([synthetic[3200]], **SMALL)
    assert large.claims >= 4 * small.claims * 0.9 and large.parts > small.parts > 1
    # Four times the claims: the items held at once stay within what one part names.
    assert small.held <= BOUND and large.held <= BOUND < large.claims / 4
    assert large.held <= 2 * small.held


def test_link_stream_small_parts_give_the_bytes_of_one_part(synthetic, tmp_path):
    write_links(link_outputs([synthetic[800]]), tmp_path / "one")
    tiny = link_outputs([synthetic[800]], part_rows=256, part_pairs=8)
    assert tiny.parts > 50
    write_links(tiny, tmp_path / "tiny")
    for name in ("clusters.jsonl", "conflicts.jsonl"):
        one = (tmp_path / "one" / name).read_bytes()
        assert one and (tmp_path / "tiny" / name).read_bytes() == one


def test_link_stream_an_output_read_twice_is_linked_once(synthetic, tmp_path):
    once, twice = link_outputs([synthetic[800]]), link_outputs([synthetic[800]] * 2)
    assert twice.claims == once.claims
    assert list(twice.clusters.lines()) == list(once.clusters.lines())


def test_link_stream_seen_ids_across_merges():
    seen = Seen()
    ids = [f"c_{n}" for n in range(10_000)]
    assert all(seen.add(i) for i in ids)
    assert not any(seen.add(i) for i in ids[::7])
    assert seen.add("c_new")


def test_spill_item_round_trip():
    it = item(
        3,
        claim("a/b.md", "Sales rose 5% to $12.4 million in May.", speaker="Acme",
              figures=[figure("5%", 5, unit="%"), figure("$12.4 million", 12.4e6,
                                                          currency="USD")],
              dates=[month(2024, 5)]),
        origin("2024-06-01", "Wire"),
    )  # fmt: skip
    assert decode(encode(it)) == it


def test_spill_parts_give_each_row_to_its_part(tmp_path):
    parts = Parts(tmp_path, "rows", 3, np.int64, buffer=4)
    values = np.arange(20, dtype=np.int64)
    parts.add(values % 3, values)
    parts.add(np.array([1]), np.array([100]))
    got = [parts.read(p).tolist() for p in range(3)]
    assert got == [list(range(0, 20, 3)), [*range(1, 20, 3), 100], list(range(2, 20, 3))]


@pytest.mark.parametrize(
    "keys",
    [
        [("0", "2024-01-02", "b.md"), ("0", "2024-01-02", "a.md"), ("1", "None", "a.md")],
        [("x", "ab"), ("x", "a"), ("x", "a\u00e9"), ("x", "a\U0001f600"), ("xy", "")],
    ],
)
def test_spill_sorter_orders_lines_as_their_key_tuples(tmp_path, keys):
    sorter = Sorter(tmp_path, "t")
    for key in keys:
        sorter.add(text_key(*key), "|".join(key))
    assert list(sorter.lines()) == ["|".join(k) for k in sorted(keys)]


def test_spill_records_read_back_one_at_a_time():
    rows = [
        Appearance(claim_id=f"c{n}", article_id="a", source=f"s{n}.md",
                   published=dt.date(2024, 1, n + 1), copy_of_first=n == 0)
        for n in range(3)
    ]  # fmt: skip
    records = Records(Appearance, (r.model_dump_json() for r in rows))
    assert len(records) == 3 and records[1] == rows[1] and records[-1] == rows[2]
    assert records == rows and list(records) == rows and records[:2] == rows[:2]
    assert list(records.lines()) == [r.model_dump_json() for r in rows]
    with pytest.raises(IndexError):
        records[3]
