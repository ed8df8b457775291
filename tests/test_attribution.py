import pytest

from tests.conftest import annotate
from tests.data.attribution_cases import CASES, OWNERS, REFERENTS


def _statement(doc, prefix):
    hits = [s for s in doc._.statements if doc.text[s.start : s.end].startswith(prefix)]
    assert hits, f"no sentence starts with {prefix!r}"
    return hits[0]


def _check(doc, prefix, expected):
    attribution, name, kind, cue = expected
    stmt = _statement(doc, prefix)
    got = (
        stmt.attribution,
        stmt.speaker.name if stmt.speaker and name is not None else None,
        stmt.speaker.kind if stmt.speaker else None,
        stmt.cue,
    )
    assert got == (attribution, name, kind, cue)


@pytest.mark.parametrize("text, prefix, expected, _blank", CASES)
def test_attribution_trained(nlp, text, prefix, expected, _blank):
    _check(annotate(nlp, text), prefix, expected)


@pytest.mark.parametrize("text, prefix, expected", [c[:3] for c in CASES if c[3]])
def test_attribution_blank(blank_nlp, text, prefix, expected):
    _check(annotate(blank_nlp, text), prefix, expected)


def _check_owner(doc, prefix, name, kind, mention, document):
    stmt = _statement(doc, prefix)
    speaker = stmt.speaker
    got = (
        speaker.name if speaker else None,
        speaker.kind if speaker else None,
        speaker.mention.text if speaker and speaker.mention else None,
        speaker.document if speaker else None,
    )
    assert got == (name, kind, mention, document)


@pytest.mark.parametrize("text, prefix, name, kind, mention, document, _blank", OWNERS)
def test_attribution_owner_and_mention_trained(
    nlp, text, prefix, name, kind, mention, document, _blank
):
    _check_owner(annotate(nlp, text), prefix, name, kind, mention, document)


@pytest.mark.parametrize(
    "text, prefix, name, kind, mention, document", [c[:6] for c in OWNERS if c[6]]
)
def test_attribution_owner_and_mention_blank(
    blank_nlp, text, prefix, name, kind, mention, document
):
    _check_owner(annotate(blank_nlp, text), prefix, name, kind, mention, document)


@pytest.mark.parametrize("text, prefix, expected", REFERENTS)
def test_attribution_descriptions_skip_exchanges_and_agencies(nlp, text, prefix, expected):
    stmt = _statement(annotate(nlp, text), prefix)
    assert stmt.speaker is not None and stmt.speaker.name == expected


@pytest.mark.parametrize(
    "text, prefix, title, organization",
    [
        (
            "Pfizer's chief executive Albert Bourla said the drug worked.",
            "Pfizer",
            "chief executive",
            "Pfizer",
        ),
        ("Mary Barra, chief executive of General Motors, said sales rose.", "Mary", None, None),
    ],
)
def test_attribution_title_leaves_out_the_name(nlp, text, prefix, title, organization):
    speaker = _statement(annotate(nlp, text), prefix).speaker
    assert speaker is not None
    if title is not None:
        assert (speaker.title, speaker.organization) == (title, organization)
    assert speaker.name not in (speaker.title or "")


def test_attribution_names_never_run_over_a_line_break(blank_nlp):
    """An entity the NER ran from a headline into the body (`... Fault` / `Ted Cruz said`)
    is its part after the break; one on a single line is left alone."""
    from spacy.tokens import Span

    from newsclaims.extraction.attribution.entities import within_line

    doc = blank_nlp.make_doc("It's All CNN's Fault\nTed Cruz said sorry.")
    fused = Span(doc, 5, 9, label="PERSON")
    assert fused.text == "Fault\nTed Cruz"
    assert within_line(fused).text == "Ted Cruz"
    alone = Span(doc, 7, 9, label="PERSON")
    assert within_line(alone) is alone
