"""The review app under misuse and load: undo, ignore, search, tokens, hosts and origins,
body limits, NUL and non-finite input, concurrent reviewers and very long articles.

API behaviour goes through FastAPI's TestClient; concurrency through a real uvicorn
server on loopback, against a real SQLite file and the real PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from newsclaims.models import Article, Claim
from newsclaims.models.ids import article_id, claim_id, content_hash
from newsclaims.review import create_app
from newsclaims.review.app import same_origin
from newsclaims.store import export_claims, load_output, open_store
from newsclaims.store.schema import review_decisions, review_log
from tests.db.records import output_dir
from tests.db.test_review_browser import Server
from tests.db.test_store import ACME_FIRST, BUDGET, JANE, RIVALS

BASE = "http://127.0.0.1"


@pytest.fixture
def loaded(db_url, out_v1):
    """A store (SQLite file, then PostgreSQL) holding the hand-made articles."""
    store = open_store(db_url)
    load_output(store, out_v1)
    yield store
    store.close()


@pytest.fixture
def client(loaded):
    with TestClient(create_app(loaded, reviewer="ana"), base_url=BASE) as test_client:
        yield test_client


def decide(client, claim, status="accepted", reviewer="ana", headers=None):
    body = {"status": status, "reviewer": reviewer}
    return client.post(f"/api/claims/{claim}/decision", json=body, headers=headers)


def status_of(client, claim) -> str:
    return client.get(f"/api/claims/{claim}").json()["status"]


# Each row: decisions taken in order (claim, status, reviewer), then who presses undo how
# often, and the statuses of the claims afterwards.
UNDO_CASES = [
    # The page moved on after two accepts: undo takes back the later one, then the earlier.
    (
        [(ACME_FIRST, "accepted", "ana"), (JANE, "accepted", "ana")],
        ["ana"],
        ["accepted", "pending"],
    ),
    (
        [(ACME_FIRST, "accepted", "ana"), (JANE, "accepted", "ana")],
        ["ana", "ana"],
        ["pending", "pending"],
    ),
    # A changed mind: undo gives the earlier decision back, a second undo pending.
    (
        [(ACME_FIRST, "accepted", "ana"), (ACME_FIRST, "rejected", "ana")],
        ["ana"],
        ["accepted", "pending"],
    ),
    (
        [(ACME_FIRST, "accepted", "ana"), (ACME_FIRST, "rejected", "ana")],
        ["ana", "ana"],
        ["pending", "pending"],
    ),
    # Another reviewer's undo leaves ana's decisions alone.
    ([(ACME_FIRST, "accepted", "ana"), (JANE, "ignored", "ana")], ["ben"], ["accepted", "ignored"]),
    # Nothing to undo: nothing changes, however often.
    ([], ["ana", "ana"], ["pending", "pending"]),
]


@pytest.mark.parametrize(("decisions", "undoers", "after"), UNDO_CASES)
def test_review_undo_takes_back_the_last_decision(client, decisions, undoers, after):
    for claim, status, reviewer in decisions:
        assert decide(client, claim, status, reviewer).status_code == 200
    for name in undoers:
        response = client.post("/api/undo", json={"reviewer": name})
        assert response.status_code == 200
    assert [status_of(client, c) for c in (ACME_FIRST, JANE)] == after


def test_review_undo_answers_with_the_claim(client):
    decide(client, ACME_FIRST)
    decide(client, JANE, "rejected")
    undone = client.post("/api/undo", json={"reviewer": "ana"}).json()
    assert undone["claim_id"] == JANE and undone["claim"]["status"] == "pending"
    assert client.post("/api/undo", json={"reviewer": ""}).status_code == 422


def test_review_ignored_leaves_the_queue_and_exports(client, loaded):
    decide(client, RIVALS, "ignored")
    counts = client.get("/api/counts").json()
    assert (counts["ignored"], counts["pending"], counts["total"]) == (1, 3, 4)
    pending = client.get("/api/claims", params={"status": "pending"}).json()["claims"]
    assert RIVALS not in [c["key"] for c in pending]
    ignored = client.get("/api/claims", params={"status": "ignored"}).json()["claims"]
    assert [c["key"] for c in ignored] == [RIVALS]
    out = json.loads(json.dumps([]))
    for status in ("accepted", "rejected"):
        buffer = __import__("io").StringIO()
        assert export_claims(loaded, buffer, status=status).count == 0
        out.append(buffer.getvalue())
    assert out == ["", ""]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("grow", [JANE]),
        ("WE WILL   grow", [JANE]),  # any case, runs of spaces as one
        ("5%", [ACME_FIRST]),  # LIKE wildcards are literal: "1_%" would match "12%"
        ("1_%", []),
        ("drop next year", [RIVALS]),
        ("", [ACME_FIRST, JANE, RIVALS, BUDGET]),
        ("no such words", []),
    ],
)
def test_review_search_over_claim_text(client, q, expected):
    listed = client.get("/api/claims", params={"status": "all", "q": q}).json()
    assert [c["key"] for c in listed["claims"]] == expected
    page = client.get("/", params={"status": "all", "q": q})
    assert page.status_code == 200
    if expected:
        assert f'data-claim="{expected[0]}"' in page.text


def test_review_list_shows_article_titles(client):
    page = client.get("/", params={"status": "all", "claim": BUDGET}).text
    # The Acme article's title (escaped); the budget article has none: its source only.
    assert page.count('<span class="ttl">Acme &lt;b&gt;sales&lt;/b&gt;</span>') == 3
    budget_item = page[page.index(f'data-claim="{BUDGET}">') :].split("</li>")[0]
    assert 'class="ttl"' not in budget_item and "policy/budget.txt" in budget_item
    listed = client.get("/api/claims", params={"status": "all"}).json()["claims"]
    assert [c["title"] for c in listed] == ["Acme <b>sales</b>"] * 3 + [None]


NON_FINITE = '{"status": "accepted", "reviewer": "ana", "edits": {"figures": {"0": {"value": %s}}}}'


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("get", "/", {"params": {"speaker": "a\x00b"}}),
        ("get", "/", {"params": {"q": "\x00"}}),
        ("get", "/api/claims", {"params": {"target": "x\x00"}}),
        ("get", "/api/claims", {"params": {"source": "\x00"}}),
        ("get", "/api/counts", {"params": {"speaker": "\x00"}}),
        ("get", f"/api/claims/{ACME_FIRST}%00", {}),
        ("get", "/", {"params": {"claim": "c_\x00"}}),
        ("post", f"/api/claims/{ACME_FIRST}/decision", {"content": NON_FINITE % "1e400"}),
        ("post", f"/api/claims/{ACME_FIRST}/decision", {"content": NON_FINITE % "-1e400"}),
        ("post", f"/api/claims/{ACME_FIRST}/decision", {"content": NON_FINITE % "NaN"}),
        ("post", f"/api/claims/{ACME_FIRST}/decision", {"content": NON_FINITE % "Infinity"}),
        (
            "post",
            f"/api/claims/{ACME_FIRST}/decision",
            {"json": {"status": "accepted", "reviewer": "a\x00"}},
        ),
        (
            "post",
            f"/api/claims/{ACME_FIRST}/decision",
            {
                "json": {
                    "status": "accepted",
                    "reviewer": "ana",
                    "edits": {"target": {"name": "\x00"}},
                }
            },
        ),
        (
            "post",
            f"/api/claims/{ACME_FIRST}/decision",
            {
                "json": {
                    "status": "accepted",
                    "reviewer": "ana",
                    "edits": {"speaker": {"name": "Jo", "kind": "person", "title": "x\x00"}},
                }
            },
        ),
        ("post", "/api/undo", {"json": {"reviewer": "\x00"}}),
        ("delete", f"/api/claims/{ACME_FIRST}/decision", {"params": {"reviewer": "\x00"}}),
    ],
)
def test_review_nul_and_non_finite_input_is_a_4xx(client, loaded, method, path, kwargs):
    if "content" in kwargs:
        kwargs = {**kwargs, "headers": {"content-type": "application/json"}}
    response = getattr(client, method)(path, **kwargs)
    assert 400 <= response.status_code < 500, response.text
    assert status_of(client, ACME_FIRST) == "pending"
    buffer = __import__("io").StringIO()
    export_claims(loaded, buffer, status="all")
    assert "Infinity" not in buffer.getvalue() and "NaN" not in buffer.getvalue()


def test_review_finite_figure_edit_is_kept(client, loaded):
    response = client.post(
        f"/api/claims/{ACME_FIRST}/decision",
        content=NON_FINITE % "1e300",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200
    assert response.json()["claim"]["figures"][0]["value"] == 1e300


def _chunks():
    return (b"x" * 65_536 for _ in range(40))


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"content": b"x" * 2_000_000}, 413),  # Content-Length says too much
        ({"content": _chunks}, 413),  # chunked, no length
        ({"json": {"status": "accepted", "reviewer": "ana"}}, 200),
    ],
    ids=["length", "chunked", "small"],
)
def test_review_request_body_limit(client, kwargs, status):
    kwargs = {k: v() if callable(v) else v for k, v in kwargs.items()}
    response = client.post(
        f"/api/claims/{ACME_FIRST}/decision",
        headers={"content-type": "application/json"},
        **kwargs,
    )
    assert response.status_code == status


@pytest.mark.parametrize(
    ("origin", "host", "same"),
    [
        ("http://127.0.0.1:8765", "127.0.0.1:8765", True),
        ("http://127.0.0.1", "127.0.0.1:80", True),
        ("http://127.0.0.1:9999", "127.0.0.1:8765", False),  # another server on this host
        ("http://localhost:8765", "127.0.0.1:8765", False),
        ("https://127.0.0.1:8765", "127.0.0.1:8765", False),
        ("http://evil.example:8765", "127.0.0.1:8765", False),
        ("null", "127.0.0.1:8765", False),
        ("http://127.0.0.1:99999", "127.0.0.1:8765", False),
    ],
)
def test_review_same_origin(origin, host, same):
    assert same_origin(origin, scheme="http", host_header=host) is same


def test_review_origin_of_another_port_is_refused(client):
    other = decide(client, ACME_FIRST, headers={"origin": "http://127.0.0.1:1234"})
    assert other.status_code == 403 and status_of(client, ACME_FIRST) == "pending"
    mine = decide(client, ACME_FIRST, headers={"origin": BASE})
    assert mine.status_code == 200


def test_review_testserver_host_is_refused(loaded):
    with TestClient(create_app(loaded)) as default:  # Host: testserver
        assert default.get("/").status_code == 400


@pytest.mark.parametrize(
    ("how", "status"),
    [
        ({}, 401),
        ({"params": {"token": "wrong"}}, 401),
        ({"headers": {"authorization": "Bearer wrong"}}, 401),
        ({"params": {"token": "s3cret-token"}}, 200),
        ({"headers": {"authorization": "Bearer s3cret-token"}}, 200),
        ({"cookies": {"newsclaims-token": "s3cret-token"}}, 200),
    ],
)
@pytest.mark.parametrize("path", ["/", "/api/counts", "/static/review.js", "/export"])
def test_review_token_is_checked_on_every_request(loaded, how, status, path):
    app = create_app(loaded, host="0.0.0.0", token="s3cret-token")
    with TestClient(app, base_url="http://192.0.2.1:8765") as remote:
        cookies = how.get("cookies")
        if cookies:
            remote.cookies.update(cookies)
        kwargs = {k: v for k, v in how.items() if k != "cookies"}
        assert remote.get(path, **kwargs).status_code == status


def test_review_token_in_the_address_sets_a_cookie(loaded):
    app = create_app(loaded, host="0.0.0.0", token="s3cret-token")
    with TestClient(app, base_url="http://192.0.2.1:8765") as remote:
        first = remote.get("/", params={"token": "s3cret-token"})
        assert first.status_code == 200
        assert "httponly" in first.headers["set-cookie"].lower()
        # The page's own requests now carry the cookie: a decision goes through.
        origin = {"origin": "http://192.0.2.1:8765"}
        assert decide(remote, JANE, headers=origin).status_code == 200
        remote.cookies.clear()
        assert decide(remote, ACME_FIRST, headers=origin).status_code == 401


CLIENTS, ROUNDS = 20, 5


def test_review_concurrent_reviewers_lose_nothing(loaded):
    """20 clients deciding the same claim at once: no 5xx, every decision in the log, and
    the decision in force is the last one logged."""

    undone: list[str] = []

    def reviewer(number: int) -> list[int]:
        codes = []
        with httpx.Client(base_url=server.url, timeout=60) as http:
            for round_ in range(ROUNDS):
                status = ("accepted", "rejected", "ignored")[(number + round_) % 3]
                body = {"status": status, "reviewer": f"r{number}"}
                if round_ % 2:
                    body["edits"] = {"modality": ("asserted", "goal", "forecast")[number % 3]}
                codes.append(http.post(f"/api/claims/{JANE}/decision", json=body).status_code)
                if round_ == ROUNDS - 1 and number % 4 == 0:
                    response = http.post("/api/undo", json={"reviewer": f"r{number}"})
                    codes.append(response.status_code)
                    if response.status_code == 200 and response.json()["claim_id"]:
                        undone.append(response.json()["claim_id"])
        return codes

    with Server(loaded) as server, ThreadPoolExecutor(CLIENTS) as pool:
        codes = [c for result in pool.map(reviewer, range(CLIENTS)) for c in result]
    assert [c for c in codes if c >= 500] == []
    assert set(codes) == {200}
    with loaded.engine.connect() as conn:
        log = conn.execute(
            select(review_log).where(review_log.c.claim_id == JANE).order_by(review_log.c.id)
        ).all()
        current = conn.execute(
            select(review_decisions).where(review_decisions.c.claim_id == JANE)
        ).all()
    # Every decision is logged, and every undo that found its reviewer's decision in force.
    assert set(undone) <= {JANE}
    assert len(log) == CLIENTS * ROUNDS + len(undone)
    assert len(current) <= 1
    last = log[-1]
    if last.status == "pending":
        assert current == []
    else:
        assert (current[0].status, current[0].reviewer) == (last.status, last.reviewer)


def _long_article(claims: int) -> tuple[Article, list[Claim]]:
    sentences = [
        f"Sales rose {i % 90 + 1}% in {('March', 'April', 'May')[i % 3]}, the firm said."
        for i in range(claims)
    ]
    text = " ".join(sentences)
    article = Article(
        id=article_id("long.txt"),
        source="long.txt",
        text=text,
        published=dt.date(2024, 6, 1),
        published_from="article",
        content_hash=content_hash(text),
    )
    records, start = [], 0
    for i, sentence in enumerate(sentences):
        records.append(
            Claim(
                id=claim_id(article.id, sentence, i),
                article_id=article.id,
                source=article.source,
                text=sentence,
                start=start,
                end=start + len(sentence),
            )
        )
        start += len(sentence) + 1
    return article, records


def test_review_page_of_an_article_with_2000_claims(tmp_path):
    store = open_store(str(tmp_path / "long.db"))
    article, records = _long_article(2000)
    load_output(store, output_dir(tmp_path / "long", (article, records)))
    with TestClient(create_app(store), base_url=BASE) as http:
        http.get("/", params={"claim": records[0].id})  # warm up templates
        began = time.perf_counter()
        page = http.get("/", params={"claim": records[1000].id, "status": "all"})
        seconds = time.perf_counter() - began
    store.close()
    assert page.status_code == 200
    assert page.text.count('class="seg claim-pending') >= 1999
    # Quadratic highlighting took 5.9 s here; linear takes well under a second.
    assert seconds < 3, f"{seconds:.1f} s"
