"""The review app through FastAPI's TestClient: pages, the JSON API, safety headers."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from newsclaims.review import create_app
from newsclaims.review.app import allowed_hosts
from newsclaims.store import load_output, open_store
from tests.db.records import SCRIPT
from tests.db.test_store import ACME_FIRST, BUDGET, JANE, RIVALS

BASE = "http://127.0.0.1"


@pytest.fixture
def sqlite_store(tmp_path, out_v1):
    store = open_store(str(tmp_path / "claims.db"))
    load_output(store, out_v1)
    yield store
    store.close()


@pytest.fixture
def client(sqlite_store):
    with TestClient(create_app(sqlite_store, reviewer="ana"), base_url=BASE) as test_client:
        yield test_client


def accept(client, claim_id, **extra):
    body = {"status": "accepted", "reviewer": "ana", **extra}
    return client.post(f"/api/claims/{claim_id}/decision", json=body)


def test_review_page_escapes_article_text(client):
    page = client.get("/", params={"claim": JANE})
    assert page.status_code == 200
    html = page.text
    assert SCRIPT not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "Acme &lt;b&gt;sales&lt;/b&gt;" in html  # the title too
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    # Highlights of the claim under review: speaker, figures, dates, target.
    for kind in ("seg current", "speaker", "figure", "date", "target"):
        assert kind in html


def test_review_page_assets_are_served_locally(client):
    html = client.get("/").text
    assert "http://" not in html.replace(BASE, "") and "https://" not in html
    for asset in ("/static/review.js", "/static/review.css", "/static/favicon.svg"):
        assert asset in html
        assert client.get(asset).status_code == 200


def test_review_decisions_edits_and_undo(client):
    assert accept(client, ACME_FIRST).json()["status"] == "accepted"
    edited = accept(
        client,
        JANE,
        edits={
            "speaker": {"name": "Janet Roe", "kind": "person", "title": "chief executive"},
            "modality": "asserted",
        },
    ).json()
    assert edited["claim"]["speaker"]["name"] == "Janet Roe"
    assert edited["extracted"]["speaker"]["name"] == "Jane Roe"
    assert edited["decision"]["edited_fields"] == [
        "speaker.name",
        "speaker.organization",
        "modality",
    ]
    assert edited["decision"]["reviewer"] == "ana"
    rejected = client.post(
        f"/api/claims/{RIVALS}/decision", json={"status": "rejected", "reviewer": "ben"}
    )
    assert rejected.json()["status"] == "rejected"
    assert client.get("/api/counts").json() == {
        "pending": 1,
        "accepted": 2,
        "edited": 1,
        "rejected": 1,
        "ignored": 0,
        "total": 4,
    }
    assert client.delete(f"/api/claims/{RIVALS}/decision").json()["status"] == "pending"
    listed = client.get("/api/claims", params={"status": "edited"}).json()
    assert [c["claim"]["id"] for c in listed["claims"]] == [JANE]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"status": "maybe", "reviewer": "ana"}, 422),
        ({"status": "accepted", "reviewer": ""}, 422),
        (
            {
                "status": "accepted",
                "reviewer": "ana",
                "edits": {"speaker": {"name": "X", "kind": "alien"}},
            },
            422,
        ),
        ({"status": "accepted", "reviewer": "ana", "edits": {"figures": {"9": {"value": 1}}}}, 422),
        (
            {
                "status": "accepted",
                "reviewer": "ana",
                "edits": {"dates": {"0": {"earliest": "2024-05-01", "latest": "2024-01-01"}}},
            },
            422,
        ),
        ({"status": "accepted", "reviewer": "ana", "edits": {"colour": "red"}}, 422),
    ],
)
def test_review_bad_decisions_are_refused(client, body, status):
    assert client.post(f"/api/claims/{ACME_FIRST}/decision", json=body).status_code == status
    assert client.get(f"/api/claims/{ACME_FIRST}").json()["status"] == "pending"


def test_review_unknown_claim_is_404(client):
    assert accept(client, "c_nope").status_code == 404
    assert client.get("/api/claims/c_nope").status_code == 404


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "all"}, [ACME_FIRST, JANE, RIVALS, BUDGET]),
        ({"status": "all", "source": "policy/budget.txt"}, [BUDGET]),
        ({"status": "all", "speaker": "roe"}, [JANE]),
        ({"status": "all", "target": "council"}, [BUDGET]),
        ({"status": "accepted"}, [ACME_FIRST]),
        ({"status": "pending"}, [JANE, RIVALS, BUDGET]),
        ({"status": "all", "speaker": "100%_"}, []),
    ],
)
def test_review_filters(client, params, expected):
    accept(client, ACME_FIRST)
    listed = client.get("/api/claims", params=params).json()
    assert [c["claim"]["id"] for c in listed["claims"]] == expected


def test_review_page_moves_on_after_a_decision(client):
    accept(client, ACME_FIRST)
    page = client.get("/").text  # pending: the first pending claim
    assert (
        f'data-claim="{JANE}"' in page
        and f'data-next="/?status=pending&amp;claim={RIVALS}"' in page
    )
    page = client.get("/", params={"claim": ACME_FIRST}).text  # decided, still reachable
    assert 'id="status">accepted' in page and f"claim={JANE}" in page
    assert client.get("/", params={"status": "rejected"}).text.count("Nothing here") == 1


def test_review_decisions_survive_a_restart(sqlite_store, tmp_path):
    with TestClient(create_app(sqlite_store), base_url=BASE) as first:
        accept(first, JANE, edits={"target": None})
    sqlite_store.close()
    reopened = open_store(str(tmp_path / "claims.db"))
    with TestClient(create_app(reopened), base_url=BASE) as second:
        claim = second.get(f"/api/claims/{JANE}").json()
    reopened.close()
    assert claim["status"] == "accepted" and claim["claim"]["target"] is None
    assert claim["decision"]["edited_fields"] == ["target"]


def test_review_export_download(client):
    accept(client, JANE, edits={"modality": "forecast"})
    response = client.get("/export", params={"status": "accepted", "format": "jsonl"})
    assert "attachment" in response.headers["content-disposition"]
    records = [json.loads(line) for line in response.text.splitlines()]
    assert [(r["id"], r["modality"]) for r in records] == [(JANE, "forecast")]
    csv_text = client.get("/export", params={"format": "csv"}).text
    assert csv_text.startswith("claim_id,article_id,source,status")


def test_review_refuses_other_hosts_and_origins(client):
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    posted = client.post(
        f"/api/claims/{ACME_FIRST}/decision",
        json={"status": "accepted", "reviewer": "x"},
        headers={"origin": "http://evil.example"},
    )
    assert posted.status_code == 403
    form = client.post(
        f"/api/claims/{ACME_FIRST}/decision",
        content="status=accepted&reviewer=x",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert form.status_code == 422
    assert client.get(f"/api/claims/{ACME_FIRST}").json()["status"] == "pending"


@pytest.mark.parametrize(
    ("host", "allowed"),
    [("127.0.0.1", True), ("0.0.0.0", False), ("192.0.2.7", True)],
)
def test_review_allowed_hosts(host, allowed):
    hosts = allowed_hosts(host)
    assert ("*" not in hosts) == allowed
    if allowed:
        assert "127.0.0.1" in hosts and host in hosts


def test_review_openapi_lists_the_models(client):
    schema = client.get("/api/openapi.json").json()
    assert {"DecisionIn", "ClaimOut", "ClaimEdit", "Claim"} <= set(schema["components"]["schemas"])


def test_review_orphans_are_listed(client, sqlite_store, tmp_path):
    from tests.db.records import output_dir, version_two

    client.post(f"/api/claims/{RIVALS}/decision", json={"status": "rejected", "reviewer": "ben"})
    load_output(sqlite_store, output_dir(tmp_path / "v2", *version_two()))
    orphans = client.get("/api/orphans").json()
    assert [(o["claim_id"], o["status"]) for o in orphans] == [(RIVALS, "rejected")]
    assert "1 orphaned decisions" in client.get("/").text


def test_review_empty_database(tmp_path):
    store = open_store(str(tmp_path / "empty.db"))
    with TestClient(create_app(store), base_url=BASE) as empty:
        page = empty.get("/")
        assert page.status_code == 200 and "Nothing left under these filters" in page.text
        assert empty.get("/api/counts").json()["total"] == 0
    store.close()


def test_review_command_with_unreachable_database():
    from typer.testing import CliRunner

    from newsclaims.cli import app

    result = CliRunner().invoke(app, ["review", "--db", "postgresql://nobody@127.0.0.1:1/x"])
    assert result.exit_code == 3 and "cannot write to the database" in result.output
