"""`export --format claimreview`: schema.org Claim objects that a JSON-LD processor
(pyld) expands into schema.org types and properties, with no network."""

from __future__ import annotations

import json

import pytest
from pyld import jsonld
from typer.testing import CliRunner

from newsclaims.cli import app
from newsclaims.link import link
from newsclaims.link.claimreview import CONTEXT, claim_objects
from newsclaims.models import Speaker
from tests.link_support import claim, figure, month, origin, origins

SCHEMA = "http://schema.org/"
# A local copy of what matters in https://schema.org's context document: every term is a
# schema.org IRI (`@vocab`), `url` an IRI, dates typed. The test needs no network.
SCHEMA_CONTEXT = {
    "@context": {
        "@vocab": SCHEMA,
        "schema": SCHEMA,
        "url": {"@id": "schema:url", "@type": "@id"},
        "datePublished": {"@id": "schema:datePublished", "@type": "schema:Date"},
    }
}
# The schema.org terms a Claim of ours may use (https://schema.org/Claim, CreativeWork,
# Person, Organization): a property outside them, or a misspelt one, fails the test.
CLASSES = {"Claim", "CreativeWork", "Person", "Organization"}
PROPERTIES = {
    "text", "author", "datePublished", "firstAppearance", "appearance", "url", "publisher",
    "name", "identifier", "jobTitle", "affiliation",
}  # fmt: skip


def _loader(url, options=None):
    if url.rstrip("/") not in (CONTEXT, "http://schema.org"):
        raise AssertionError(f"the test fetched {url}")
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}


def _walk(node, types: set, properties: set) -> None:
    if isinstance(node, list):
        for item in node:
            _walk(item, types, properties)
    elif isinstance(node, dict) and "@value" not in node:  # a literal's @type is a datatype
        for key, value in node.items():
            if key == "@type":
                types.update(value)
            elif not key.startswith("@"):
                properties.add(key)
                _walk(value, types, properties)


@pytest.fixture
def objects():
    text = "Fjordlaks harvested 41,300 tonnes of salmon in the third quarter, it said."
    f = figure("41,300 tonnes", 41300, unit="tonne")
    a = claim("e/wire.md", text, figures=[f], dates=[month(2024, 9)], speaker="Fjordlaks")
    person = Speaker(name="Ida Aasland", kind="person", title="chief executive",
                     organization="Fjordlaks")  # fmt: skip
    b = claim("e/ledger.json", text.replace("it said", "Aasland said"), figures=[f],
              dates=[month(2024, 9)]).model_copy(update={"speaker": person})  # fmt: skip
    table = {
        "e/wire.md": origin("2024-10-17", "Nordic Wire", "https://wire.example/fjordlaks"),
        "e/ledger.json": origin("2024-10-18", "Seafood Ledger", "https://ledger.example/f"),
    }
    links = link([a, b], origins([a, b], table))
    return claim_objects(links.clusters, {c.id: c for c in (a, b)})


def test_claimreview_expands_to_schema_org_types_and_properties(objects):
    (obj,) = objects
    expanded = jsonld.expand(obj, {"documentLoader": _loader})
    types, properties = set(), set()
    _walk(expanded, types, properties)
    assert types and properties
    assert all(t.startswith(SCHEMA) for t in types | properties)
    assert {t.removeprefix(SCHEMA) for t in types} <= CLASSES
    assert {p.removeprefix(SCHEMA) for p in properties} <= PROPERTIES
    (node,) = expanded
    assert node["@type"] == [SCHEMA + "Claim"]
    first = node[SCHEMA + "firstAppearance"][0]
    assert first[SCHEMA + "url"] == [{"@id": "https://wire.example/fjordlaks"}]
    assert len(node[SCHEMA + "appearance"]) == 2


def test_claimreview_author_is_the_speaker_and_the_date_the_first_appearance(objects):
    (obj,) = objects
    assert obj["author"] == {"@type": "Organization", "name": "Fjordlaks"}
    assert obj["datePublished"] == "2024-10-17"
    assert [a["url"] for a in obj["appearance"]] == [
        "https://wire.example/fjordlaks",
        "https://ledger.example/f",
    ]
    assert obj["appearance"][1]["publisher"] == {"@type": "Organization", "name": "Seafood Ledger"}


def test_claimreview_command_writes_one_object_per_cluster(tmp_path):
    out = tmp_path / "OUT"
    out.mkdir()
    text = '"We spent far less time and money treating fish this summer," Aasland said.'
    claims = [claim("q/a.md", text, speaker="Aasland"), claim("q/b.md", text, speaker="Aasland")]
    (out / "claims.jsonl").write_text("".join(c.model_dump_json() + "\n" for c in claims))
    articles = [{"id": c.article_id, "source": c.source, "text": c.text, "published": "2024-10-17",
                 "url": f"https://x.example/{c.source}"} for c in claims]  # fmt: skip
    (out / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles))
    result = CliRunner().invoke(app, ["export", "--format", "claimreview", "--from", str(out)])
    assert result.exit_code == 0, result.output
    (line,) = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert line["@type"] == "Claim" and line["firstAppearance"]["url"] == "https://x.example/q/a.md"
    # The same from the database the output was loaded into.
    db = str(tmp_path / "claims.db")
    assert CliRunner().invoke(app, ["link", str(out), "-q"]).exit_code == 0
    assert CliRunner().invoke(app, ["load", str(out), "--db", db]).exit_code == 0
    loaded = CliRunner().invoke(app, ["export", "--format", "claimreview", "--db", db])
    assert loaded.exit_code == 0, loaded.output
    assert [json.loads(x) for x in loaded.stdout.splitlines() if x.startswith("{")] == [line]
    missing = CliRunner().invoke(
        app, ["export", "--format", "claimreview", "--db", str(tmp_path / "none.db")]
    )
    assert missing.exit_code == 3
