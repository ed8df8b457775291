"""Hard to break: property-based tests over the readers and extractors.

Arbitrary text, arbitrary bytes, unbalanced quotation marks, huge numbers and deeply nested
HTML must never raise out of the batch and never hang. Each example runs under a hard
timeout (SIGALRM); hypothesis' own deadline is off because a shared CI machine makes it
flaky. Under CI (`CI=true`) the `ci` profile (tests/conftest.py) derandomizes the examples
so that every run tries the same ones.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import signal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclaims.extraction.dates import resolve_date
from newsclaims.extraction.figures import parse_figure
from newsclaims.ingest import Skipped, read_inputs
from newsclaims.ingest.html import extract_page
from newsclaims.models import Article, InputError
from newsclaims.models.ids import article_id, content_hash
from newsclaims.run.parse import process
from newsclaims.run.results import Result

SECONDS_PER_EXAMPLE = 20
UNEXPECTED = "Unexpected error while reading"
QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def examples(count: int) -> settings:
    """`count` examples, no hypothesis deadline (see `within`), fixtures shared."""
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


@contextlib.contextmanager
def within(seconds: int = SECONDS_PER_EXAMPLE):
    """Fail an example that runs longer than `seconds` (a hang is a failure, not a wait)."""

    def expire(signum, frame):
        raise TimeoutError(f"example took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- strategies ----------------------------------------------------------------------------

words = st.sampled_from(
    "said rose fell 3% $2.1 billion last year in March the company he told analysts , . ; : "
    "according to by 2025 million percent half a third Q3 fiscal 1,200 Mr Smith \n\n".split(" ")
)
newsy = st.lists(words, max_size=60).map(" ".join)
quote_soup = st.lists(st.one_of(st.sampled_from(list(QUOTES)), words), max_size=200).map(
    lambda parts: " ".join(parts)
)
huge_numbers = st.one_of(
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=1, max_value=400).map(lambda n: "9" * n + "%"),
    st.integers(min_value=1, max_value=200).map(lambda n: "$" + ",".join(["999"] * n) + " billion"),
    st.integers(min_value=1, max_value=300).map(lambda n: "1" + "0" * n + "e" + "9" * 5),
)
any_text = st.one_of(
    st.text(max_size=400),
    newsy,
    quote_soup,
    huge_numbers.map(lambda n: f"Sales rose {n} in 2023, he said."),
)


def _article(text: str) -> Article:
    return Article(
        id=article_id("x.txt"), source="x.txt", text=text, content_hash=content_hash(text)
    )


def _check_offsets(result: Result) -> None:
    text = result.article.text
    for mention in [*result.article.figures, *result.article.dates]:
        assert text[mention.start : mention.end] == mention.text
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text
        for mention in [*claim.figures, *claim.dates]:
            assert claim.start <= mention.start < claim.end


# -- extractors ----------------------------------------------------------------------------


@examples(300)
@given(text=any_text)
def test_hardening_parse_figure_never_raises(text):
    with within():
        figure = parse_figure(text)
    assert figure is None or text[figure.start : figure.end] == figure.text


@examples(300)
@given(
    text=any_text, published=st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
)
def test_hardening_resolve_date_never_raises(text, published):
    with within():
        resolution = resolve_date(text, published=published)
    assert resolution is None or resolution is not None


@examples(300)
@given(texts=st.lists(any_text.filter(str.strip), min_size=1, max_size=4))
def test_hardening_blank_pipeline_never_raises_out_of_the_batch(blank_nlp, texts):
    articles = [_article(t) for t in texts]
    with within():
        results = list(process(articles, nlp=blank_nlp, batch_size=2))
    assert len(results) == len(articles)
    for result in results:
        assert isinstance(result, Result | InputError)
        if isinstance(result, Result):
            _check_offsets(result)


@examples(60)
@given(
    text=st.one_of(
        quote_soup, newsy, huge_numbers.map(lambda n: f"Profit rose to {n}, she said.")
    ).filter(str.strip)
)
def test_hardening_trained_pipeline_never_raises_out_of_the_batch(nlp, text):
    with within():
        (result,) = process([_article(text)], nlp=nlp)
    if isinstance(result, Result):
        _check_offsets(result)


# -- readers -------------------------------------------------------------------------------

SUFFIXES = (".txt", ".md", ".html", ".json", ".jsonl")


@examples(400)
@given(data=st.binary(max_size=600), suffix=st.sampled_from(SUFFIXES))
def test_hardening_readers_take_arbitrary_bytes(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
    path.write_bytes(data)
    with within():
        items = list(read_inputs([path]))
    assert items
    for item in items:
        assert isinstance(item, Article | InputError | Skipped)
        if isinstance(item, InputError):
            assert UNEXPECTED not in item.error, item.error


@examples(200)
@given(text=any_text, suffix=st.sampled_from(SUFFIXES), front=st.booleans())
def test_hardening_readers_take_arbitrary_text(tmp_path_factory, text, suffix, front):
    path = tmp_path_factory.mktemp("text") / f"input{suffix}"
    path.write_text(("---\ntitle: [\n---\n" if front else "") + text, encoding="utf-8")
    with within():
        items = list(read_inputs([path]))
    for item in items:
        if isinstance(item, InputError):
            assert UNEXPECTED not in item.error, item.error
        if isinstance(item, Article):
            assert item.text.strip()


@examples(20)
@given(
    depth=st.integers(min_value=1, max_value=20_000),
    tag=st.sampled_from(["div", "span", "b", "section", "blockquote", "p"]),
    text=newsy,
)
def test_hardening_deeply_nested_html(depth, tag, text):
    page = (
        "<html><body>"
        + f"<{tag}>" * depth
        + f"<p>{text}</p>"
        + f"</{tag}>" * depth
        + "</body></html>"
    )
    with within():
        try:
            extract_page(page, source="nested.html")
        except Exception as error:  # an IngestError is an error line; nothing else may escape
            from newsclaims.ingest.errors import IngestError

            assert isinstance(error, IngestError), repr(error)


@pytest.mark.parametrize("depth", [100, 5_000, 50_000])
def test_hardening_nested_html_file_is_one_line_at_most(tmp_path, depth):
    path = tmp_path / "nested.html"
    path.write_text(
        "<html><body>"
        + "<div>" * depth
        + "<p>Exports fell 3% in October, the ministry said.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    with within():
        items = list(read_inputs([path]))
    assert len(items) == 1
    assert not isinstance(items[0], InputError) or UNEXPECTED not in items[0].error


def test_hardening_timeout_fires():
    import time

    with pytest.raises(TimeoutError):
        with within(1):
            time.sleep(3)
