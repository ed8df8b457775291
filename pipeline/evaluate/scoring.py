"""Score predicted claims against the gold, exactly as annotation-guide section 7 says.

Per gold article: claims are matched one-to-one by sentence overlap; speakers, targets and
modality are compared on matched claims; figures and dates are compared as per-article
multisets, each counted once per sentence. `Report.total` sums the counts (micro).
See `pipeline/evaluate/README.md` for every definition chosen where the guide leaves room.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property
from typing import Any

from newsclaims.evaluate import normalise
from newsclaims.evaluate.assign import best_matching
from newsclaims.evaluate.locate import ArticleText, Span, locate
from newsclaims.evaluate.report import PRF, Accuracy, ArticleReport, ErrorItem, Report, Scores

NAMED_KINDS = frozenset({"person", "organization"})
_GRAM = 8  # shingle size of the cheap test that two texts cannot share over half of either


@dataclass(frozen=True)
class _View:
    """A claim of one side (gold or predicted) ready for matching."""

    index: int
    claim: Mapping[str, Any]
    text: str
    norm: str
    span: Span | None
    speaker: Mapping[str, Any] | None

    @cached_property
    def grams(self) -> tuple[str, ...]:
        """The normalised text's 8-character shingles, in order (for matching by text)."""
        return tuple(self.norm[k : k + _GRAM] for k in range(len(self.norm) - _GRAM + 1))

    @cached_property
    def gram_set(self) -> frozenset[str]:
        return frozenset(self.grams)


@dataclass(frozen=True)
class _Item:
    """A figure or date that counts: its comparison key, its claim and how to show it."""

    key: tuple[Any, ...]
    claim: int
    sentence: str
    shown: str
    mention: tuple[int, int] | None = None


def score(
    gold: Sequence[Mapping[str, Any]],
    predicted: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    texts: Mapping[str, str] | None = None,
) -> Report:
    """Score `predicted` claims (by source) against `gold` articles (guide section 7).

    `texts` (article body by source, from `articles.jsonl`) lets claims be matched by
    character offsets; without it they are matched by normalised text. Predicted articles
    with no gold are not scored and are listed in `Report.unscored_sources`.
    """
    warnings: list[str] = []
    preds = {_source_key(s): (s, list(claims)) for s, claims in predicted.items()}
    bodies = {_source_key(s): t for s, t in (texts or {}).items()}
    used: set[str] = set()
    articles: list[ArticleReport] = []
    for article in gold:
        source = str(article.get("source", ""))
        key = _resolve_source(_source_key(source), preds, bodies, warnings)
        if key not in preds and key not in bodies:
            warnings.append(f"{source}: no output for this gold article; all its claims are misses")
        used.add(key)
        claims = preds.get(key, (source, []))[1]
        articles.append(
            _score_article(source, article.get("claims") or [], claims, bodies.get(key), warnings)
        )
    unscored = tuple(sorted(preds[k][0] for k in preds if k not in used))
    if unscored:
        shown = ", ".join(unscored[:5]) + (" ..." if len(unscored) > 5 else "")
        warnings.append(f"{len(unscored)} predicted article(s) have no gold, not scored: {shown}")
    total = sum((a.scores for a in articles), Scores())
    return Report(
        total=total, articles=tuple(articles), warnings=tuple(warnings), unscored_sources=unscored
    )


def _source_key(source: str) -> str:
    """A source path compared loosely: forward slashes, no leading `./`."""
    key = str(source).replace("\\", "/")
    while key.startswith("./"):
        key = key[2:]
    return key


def _resolve_source(
    key: str, preds: Mapping[str, Any], bodies: Mapping[str, str], warnings: list[str]
) -> str:
    """The predicted source of a gold source: the same path, else the one path that ends with
    it (or that it ends with), so gold written relative to another folder still finds it."""
    if key in preds or key in bodies:
        return key
    known = sorted(set(preds) | set(bodies))
    found = [k for k in known if k.endswith("/" + key) or key.endswith("/" + k)]
    if len(found) == 1:
        warnings.append(f"{key}: matched to predicted source {found[0]}")
        return found[0]
    return key


def _score_article(
    source: str,
    gold_claims: Sequence[Mapping[str, Any]],
    pred_claims: Sequence[Mapping[str, Any]],
    text: str | None,
    warnings: list[str],
) -> ArticleReport:
    article = None if text is None else ArticleText.of(text)
    gold = _views(source, gold_claims, article, warnings, side="gold")
    pred = _views(source, pred_claims, article, warnings, side="predicted")
    overlaps = {
        (g.index, p.index): ov for g in gold for p in pred if _is_match(ov := _overlap(g, p))
    }
    candidates = {
        pair: (ov[0], int(speakers_agree(gold[pair[0]].speaker, pred[pair[1]].speaker)),
               _tm_agreement(gold[pair[0]].claim, pred[pair[1]].claim))
        for pair, ov in overlaps.items()
    }  # fmt: skip
    matched = best_matching(candidates)
    errors: list[ErrorItem] = []
    scores = _claim_scores(source, gold, pred, matched, errors)
    near = set(overlaps)
    figures = _items_prf(
        source, _figure_items(source, gold, warnings), _figure_items(source, pred, warnings),
        _figures_agree, near, "figures", errors,
    )  # fmt: skip
    dates = _items_prf(
        source, _date_items(gold), _date_items(pred), _dates_agree, near, "dates", errors
    )
    scores = Scores(
        claims=scores.claims,
        speakers=scores.speakers,
        attributed=scores.attributed,
        figures=figures,
        dates=dates,
        targets=scores.targets,
        modality=scores.modality,
    )
    return ArticleReport(source=source, scores=scores, errors=tuple(errors))


# --- claims ---------------------------------------------------------------------------------


def _views(
    source: str,
    claims: Sequence[Mapping[str, Any]],
    article: ArticleText | None,
    warnings: list[str],
    *,
    side: str,
) -> list[_View]:
    texts = [str(c.get("text") or "") for c in claims]
    norms = [normalise.sentence(t) for t in texts]
    speakers = [_speaker(c) for c in claims]
    spans: list[Span | None] = [None] * len(claims)
    if article is not None:
        offsets = [
            (c.get("start"), c.get("end"))
            if side == "predicted" and c.get("start") is not None and c.get("end") is not None
            else None
            for c in claims
        ]
        keys = [_speaker_identity(s) for s in speakers]
        spans, missing, bad = locate(norms, keys, offsets, article)
        for i in missing:
            warnings.append(
                f"{source}: {side} claim not found in the article text, matched by text: "
                f"{texts[i][:80]!r}"
            )
        if bad:
            warnings.append(
                f"{source}: {len(bad)} predicted claim(s) have offsets that do not match their "
                "text; placed by their text"
            )
    return [
        _View(
            index=i, claim=claim, text=texts[i], norm=norms[i], span=spans[i], speaker=speakers[i]
        )
        for i, claim in enumerate(claims)
    ]


def _overlap(a: _View, b: _View) -> tuple[int, int]:
    """Characters two claims share, and the length of the shorter one.

    By character offsets when both are placed in the article text; otherwise the longest
    common substring of their normalised texts (exact whenever it could exceed half of the
    shorter text; 0 when a cheap shingle test shows it cannot).
    """
    if a.span is not None and b.span is not None:
        shared = min(a.span[1], b.span[1]) - max(a.span[0], b.span[0])
        shorter = min(a.span[1] - a.span[0], b.span[1] - b.span[0])
        return max(shared, 0), shorter
    shorter = min(len(a.norm), len(b.norm))
    if shorter == 0:
        return 0, 0
    if not _may_share(a, b, shorter // 2 + 1):
        return 0, shorter
    found = SequenceMatcher(None, a.norm, b.norm, autojunk=False).find_longest_match()
    return found.size, shorter


def _may_share(a: _View, b: _View, need: int) -> bool:
    """False only when the two texts surely have no common substring of `need` characters:
    such a substring would give `need - 7` consecutive shingles of one found in the other."""
    if need < _GRAM:
        return True
    short, other = (a, b) if len(a.norm) <= len(b.norm) else (b, a)
    run = 0
    for gram in short.grams:
        run = run + 1 if gram in other.gram_set else 0
        if run > need - _GRAM:
            return True
    return False


def _is_match(overlap: tuple[int, int]) -> bool:
    """Section 7: the sentences overlap by more than half of the shorter one."""
    shared, shorter = overlap
    return shorter > 0 and 2 * shared > shorter


def _claim_scores(
    source: str,
    gold: list[_View],
    pred: list[_View],
    matched: list[tuple[int, int]],
    errors: list[ErrorItem],
) -> Scores:
    gold_hit = {g for g, _ in matched}
    pred_hit = {p for _, p in matched}
    for g in gold:
        if g.index not in gold_hit:
            shown = _show_speaker(g.speaker)
            errors.append(ErrorItem("claims", "miss", source, g.text, gold=shown))
    for p in pred:
        if p.index not in pred_hit:
            errors.append(
                ErrorItem("claims", "extra", source, p.text, predicted=_show_speaker(p.speaker))
            )
    speakers_ok = attributed_tp = 0
    targets = Accuracy()
    modality = Accuracy()
    for gi, pi in matched:
        g, p = gold[gi], pred[pi]
        if speakers_agree(g.speaker, p.speaker):
            speakers_ok += 1
            attributed_tp += g.speaker is not None
        else:
            errors.append(
                ErrorItem(
                    "speakers", "wrong", source, g.text,
                    gold=_show_speaker(g.speaker), predicted=_show_speaker(p.speaker),
                )
            )  # fmt: skip
        if "target" in g.claim:
            ok = targets_agree(g.claim.get("target"), p.claim.get("target"))
            targets += Accuracy(int(ok), 1)
            if not ok:
                errors.append(
                    ErrorItem(
                        "targets", "wrong", source, g.text,
                        gold=_target_name(g.claim.get("target")) or "null",
                        predicted=_target_name(p.claim.get("target")) or "null",
                    )
                )  # fmt: skip
        if g.claim.get("modality") is not None:
            ok = modality_agrees(g.claim.get("modality"), p.claim.get("modality"))
            modality += Accuracy(int(ok), 1)
            if not ok:
                errors.append(
                    ErrorItem(
                        "modality", "wrong", source, g.text,
                        gold=str(g.claim.get("modality")), predicted=str(p.claim.get("modality")),
                    )
                )  # fmt: skip
    return Scores(
        claims=PRF(len(matched), len(gold), len(pred)),
        speakers=Accuracy(speakers_ok, len(matched)),
        attributed=PRF(
            attributed_tp,
            sum(g.speaker is not None for g in gold),
            sum(p.speaker is not None for p in pred),
        ),
        targets=targets,
        modality=modality,
    )


def _speaker(claim: Mapping[str, Any]) -> Mapping[str, Any] | None:
    speaker = claim.get("speaker")
    if isinstance(speaker, str):
        return {"name": speaker, "kind": None}
    return speaker if isinstance(speaker, Mapping) else None


def _kind(speaker: Mapping[str, Any]) -> str:
    return str(speaker.get("kind") or "").strip().lower()


def _speaker_identity(speaker: Mapping[str, Any] | None) -> Hashable:
    """Who a speaker is, for telling two claims of one sentence apart while locating them."""
    if speaker is None:
        return None
    kind = _kind(speaker)
    return kind, normalise.name(speaker.get("name"), kind=kind)


def speakers_agree(gold: Mapping[str, Any] | None, predicted: Mapping[str, Any] | None) -> bool:
    """Section 7: both null, or kinds agree and, for a person or organisation, names agree
    after case-folding and dropping titles (see `normalise.name`)."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    kind = _kind(gold)
    if kind == "document" and predicted.get("document"):
        # Gold written before guide section 3 credited documents to their owners: a
        # prediction that names the owner and keeps the document phrase agrees with it.
        return True
    if kind != _kind(predicted):
        return False
    if kind not in NAMED_KINDS:
        return True
    return normalise.name(gold.get("name"), kind=kind) == normalise.name(
        predicted.get("name"), kind=kind
    )


def _target_name(target: Any) -> str | None:
    if isinstance(target, Mapping):
        target = target.get("name")
    if target is None or not str(target).strip():
        return None
    return str(target)


def targets_agree(gold: Any, predicted: Any) -> bool:
    """Gold target (string or null) against a predicted target (`{name, label}` or null)."""
    g, p = _target_name(gold), _target_name(predicted)
    if g is None or p is None:
        return g is None and p is None
    return normalise.name(g) == normalise.name(p)


def modality_agrees(gold: Any, predicted: Any) -> bool:
    return predicted is not None and str(gold).strip().lower() == str(predicted).strip().lower()


def _tm_agreement(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> int:
    """Target and modality agreements of a pair (a tie-break when matching claims)."""
    agreed = 0
    if "target" in gold:
        agreed += targets_agree(gold.get("target"), predicted.get("target"))
    if gold.get("modality") is not None:
        agreed += modality_agrees(gold.get("modality"), predicted.get("modality"))
    return agreed


def _show_speaker(speaker: Mapping[str, Any] | None) -> str:
    if speaker is None:
        return "null"
    return f"{speaker.get('kind')}: {speaker.get('name')}"


# --- figures and dates ----------------------------------------------------------------------


def _same_sentence(a: _View, b: _View) -> bool:
    """Two claims of one side come from one sentence: their spans overlap as a match would,
    or, without spans, their normalised texts are equal or one contains the other (longest
    common substrings would join near-duplicate sentences of one article)."""
    if a.span is not None and b.span is not None:
        return _is_match(_overlap(a, b))
    if not a.norm or not b.norm:
        return False
    return a.norm in b.norm or b.norm in a.norm


def _sentence_groups(views: list[_View]) -> list[list[_View]]:
    """Claims of one side grouped by sentence (connected by `_same_sentence`)."""
    parent = list(range(len(views)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a in views:
        for b in views[a.index + 1 :]:
            if _same_sentence(a, b):
                ra, rb = root(a.index), root(b.index)
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[_View]] = {}
    for view in views:
        groups.setdefault(root(view.index), []).append(view)
    return list(groups.values())


def _once_per_sentence(
    views: list[_View], items_of: Callable[[_View], Iterable[_Item]]
) -> list[_Item]:
    """The items of an article's claims, each counted once per sentence.

    An item with character offsets (a predicted figure's `start`/`end`) is one mention: the
    same mention listed by two claims counts once. Items without offsets count, per sentence,
    as many times as the claim of that sentence that lists them most often.
    """
    out: list[_Item] = []
    mentions: set[tuple[Any, ...]] = set()
    for group in _sentence_groups(views):
        per_claim = [list(items_of(v)) for v in group]
        most = Counter[tuple[Any, ...]]()
        for items in per_claim:
            for key, n in Counter(i.key for i in items if i.mention is None).items():
                most[key] = max(most[key], n)
        taken = Counter[tuple[Any, ...]]()
        for items in per_claim:
            for item in items:
                if item.mention is not None:
                    if (item.mention, item.key) not in mentions:
                        mentions.add((item.mention, item.key))
                        out.append(item)
                elif taken[item.key] < most[item.key]:
                    taken[item.key] += 1
                    out.append(item)
    return out


def _mention(entry: Mapping[str, Any]) -> tuple[int, int] | None:
    """The character offsets of a figure or date, when it gives them."""
    start, end = entry.get("start"), entry.get("end")
    if isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool):
        return start, end
    return None


def _figure_items(source: str, views: list[_View], warnings: list[str]) -> list[_Item]:
    def items_of(view: _View) -> Iterable[_Item]:
        for figure in view.claim.get("figures") or []:
            if not isinstance(figure, Mapping):
                continue
            number = normalise.value(figure.get("value"))
            if number is None:
                warnings.append(f"{source}: figure without a numeric value ignored: {figure!r}")
                continue
            comparator = normalise.comparator(figure.get("comparator"))
            key = (
                number,
                normalise.unit(figure.get("unit")),
                comparator or f"?{figure.get('comparator')}",
            )
            shown = f"{figure.get('text', '')!r} = {number:g} {key[1] or '-'} {key[2]}"
            yield _Item(key, view.index, view.text, shown, _mention(figure))

    return _once_per_sentence(views, items_of)


def _date_items(views: list[_View]) -> list[_Item]:
    def items_of(view: _View) -> Iterable[_Item]:
        for date in view.claim.get("dates") or []:
            if not isinstance(date, Mapping):
                continue
            key = (normalise.day(date.get("earliest")), normalise.day(date.get("latest")))
            if key == (None, None):
                continue  # section 7: only dates with at least one end count
            shown = f"{date.get('text', '')!r} = {key[0] or '..'} / {key[1] or '..'}"
            yield _Item(key, view.index, view.text, shown, _mention(date))

    return _once_per_sentence(views, items_of)


def _figures_agree(gold: tuple[Any, ...], predicted: tuple[Any, ...]) -> bool:
    """Units and comparators equal, values within 0.5% of the gold value."""
    return (
        gold[1] == predicted[1]
        and gold[2] == predicted[2]
        and normalise.values_agree(gold[0], predicted[0])
    )


def _dates_agree(gold: tuple[Any, ...], predicted: tuple[Any, ...]) -> bool:
    return gold == predicted


def _items_prf(
    source: str,
    gold: list[_Item],
    pred: list[_Item],
    agree: Callable[[tuple[Any, ...], tuple[Any, ...]], bool],
    near: set[tuple[int, int]],
    field: str,
    errors: list[ErrorItem],
) -> PRF:
    """Multiset precision/recall of one article's items: the most one-to-one agreeing pairs
    (preferring pairs whose claims overlap, so the error list names the right sentences)."""
    candidates = {
        (i, j): (int((g.claim, p.claim) in near),)
        for i, g in enumerate(gold)
        for j, p in enumerate(pred)
        if agree(g.key, p.key)
    }
    matched = best_matching(candidates)
    gold_hit = {i for i, _ in matched}
    pred_hit = {j for _, j in matched}
    for i, item in enumerate(gold):
        if i not in gold_hit:
            errors.append(ErrorItem(field, "miss", source, item.sentence, gold=item.shown))
    for j, item in enumerate(pred):
        if j not in pred_hit:
            errors.append(ErrorItem(field, "extra", source, item.sentence, predicted=item.shown))
    return PRF(len(matched), len(gold), len(pred))
