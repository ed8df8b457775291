"""Whether two claims report the same fact, disagree about one, or neither.

Evidence is weighed, not required field by field, because two outlets rarely word one fact
alike: near-copy sentences (word pairs in common), content words in common, figures that
can be the same value (worth more the more digits they are written with: `41,300 tonnes`
is rarely a coincidence, `10%` often is), the same unit or rate, dates that overlap, the
same speaker, target and modality. Evidence against: dates that do not overlap, named
speakers or targets with no word in common.

Two claims conflict when a figure of one and a figure of the other have the same kind,
unit and rate, are both written as one value, cannot both be true (their intervals do not
meet) and the rest of the evidence says it is the same fact, with the same modality.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from newsclaims.link.facts import Fig, Item, content_words, stem, written_digits

# Weights and thresholds, tuned on tests/data/linked-dev/ only (pipeline/link/README.md).
COPY = 0.5  # word-pair Jaccard of a near copy (also the wire-copy mark of a cluster)
SAME = 1.3  # evidence needed to put two claims in one cluster (1.5 before round 4)
CONFLICT = 1.7  # evidence needed to report two differing figures as a conflict
PARAPHRASE = 1.3  # evidence for two claims of one speaker, not both with figures (linked-wide)
W_TEXT = 3.0
W_CONTENT = 2.0
W_DATES = 0.3
W_SPEAKER = 0.4
W_TARGET = 0.2
W_MODALITY = 0.3  # both goals, or both forecasts
W_APART = 0.3  # reports published weeks apart, with no date in common (round 4)
APART_DAYS = 14
W_UNIT = 0.3  # the same unit, currency or rate (`per kilogram`)
W_CLOSE = 0.3  # differing figures within 5% of each other: a typo, a revision
W_SWAP = 0.6  # the same digits in another order (`71.20` and `72.10`): a transposition
W_SWAP_PRECISE = 1.0  # of three digits or more (`2,140` and `2,410`): as rare by chance as
# a match of as many digits (DIGITS), so it weighs as much (linked-wide)
W_SCALE = 0.3  # one significant digit at two scales (`A$500`, `A$5,000`; linked-wide)
DIGITS = {0: 0.3, 1: 0.3, 2: 0.6}  # a figure match by its fewest written digits; more: 1.0
W_MORE = 0.3  # each further figure that matches
MIN_CONTENT = 0.12  # content words in common that a figure match needs besides
PLAN_MATCH = DIGITS[2] + W_UNIT  # a match that lets one plan need only a word in common
# Tuned on tests/data/linked-wide/ (with linked-dev and linked-own checked unchanged):
DATED = 1.5  # evidence for two claims without figures on one side, of one bounded date
DATED_CONTENT = 0.25  # and the content words they need in common
DAY = 1.0  # the same, for one named day that is no report's day (linked-wide, round 4)
DAY_CONTENT = 0.2
REPORT_DAYS = 7  # a weekday names a day of the week before publication
TOPIC = 1.5  # evidence for two claims, not both with figures, of no speaker in common
TOPIC_CONTENT = 0.35  # and the content words they need in common (round 5)

Relation = Literal["same", "conflict"]


@dataclass(frozen=True, slots=True)
class Verdict:
    relation: Relation
    score: float
    figures: tuple[Fig, Fig] | None = None  # the two figures that disagree


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def _words(a: frozenset[str], b: frozenset[str]) -> int:
    """1 the same (a word in common), -1 different (both named, none in common), 0 unknown."""
    if not a or not b:
        return 0
    return 1 if a & b else -1


def _periods(x: Item, y: Item) -> tuple[tuple, tuple]:
    """The two claims' date intervals; only the bounded ones when both have some (an open
    `until the end of 2025` overlaps nearly everything)."""
    return (x.bounded, y.bounded) if x.bounded and y.bounded else (x.dates, y.dates)


def _dates(x: Item, y: Item) -> int:
    """1 some intervals overlap, -1 none does, 0 one claim has no date."""
    if not x.dates or not y.dates:
        return 0
    xs, ys = _periods(x, y)
    for lo, hi in xs:
        for lo2, hi2 in ys:
            if lo <= hi2 and lo2 <= hi:
                return 1
    return -1


def same_period(x: Item, y: Item) -> bool:
    """No dates on one side, or two intervals that mostly coincide (overlap over union at
    least a half): `October` and `in October`, not `the third quarter` and `2023`."""
    if not x.dates or not y.dates:
        return True
    xs, ys = _periods(x, y)
    for lo, hi in xs:
        for lo2, hi2 in ys:
            inner = min(hi, hi2) - max(lo, lo2) + 1
            outer = max(hi, hi2) - min(lo, lo2) + 1
            if inner > 0 and (outer == float("inf") or inner / outer >= 0.5):
                return True
    return False


def _dated(x: Item, y: Item) -> bool:
    """Both claims with bounded dates, two of which mostly coincide, or neither with one
    and both with an open date ending on one day: a deadline (`by the end of 2025`,
    `before the end of 2025`)."""
    if x.bounded or y.bounded:
        return bool(x.bounded and y.bounded) and same_period(x, y)
    ends = {hi for lo, hi in x.dates if math.isinf(lo) and math.isfinite(hi)}
    return any(math.isinf(lo) and hi in ends for lo, hi in y.dates)


def named_days(x: Item, y: Item) -> int:
    """How many single days both claims give that are not a day of the week before
    either article's publication (`said on Monday` dates the report, not the fact):
    `will close on January 22`, `will vote on October 8`, `was discovered on March 9`."""
    days = {lo for lo, hi in x.bounded if lo == hi} & {lo for lo, hi in y.bounded if lo == hi}
    published = [p for p in (x.published, y.published) if p is not None]
    return sum(all(not 0 <= p - day <= REPORT_DAYS for p in published) for day in days)


def _named(x: Item) -> bool:
    """The claim's target is named in its own sentence (`Kestrel Rail has offered`), not
    resolved from elsewhere in the article (`The operator has offered`, `The company will`):
    a resolved target is often another entity of the article."""
    return any(stem(w) in x.words for w in x.target_words)


def _targets(x: Item, y: Item) -> int:
    """`_words` of the two targets, where two that differ count only when both are named
    in their sentences (round 6)."""
    found = _words(x.target_words, y.target_words)
    return found if found >= 0 or (_named(x) and _named(y)) else 0


def _agree(x: Item, y: Item) -> bool:
    """No speakers nor targets named on both sides with no word in common."""
    speakers = _words(x.speaker_words, y.speaker_words)
    return speakers >= 0 and _targets(x, y) >= 0


def _apart(x: Item, y: Item) -> bool:
    """Two reports published more than APART_DAYS apart: one fact is told by several
    outlets within days, so a weak match weeks apart (`shares rose 3.1%` of two
    companies) is more likely chance."""
    if x.published is None or y.published is None:
        return False
    return abs(x.published - y.published) > APART_DAYS


def meet(f: Fig, g: Fig) -> bool:
    """Two figures that can be the same value: same kind, the same unit when both name one
    (`1,200 GW` is not `1,214 patients`), no opposite changes (`rose 7.4%` is `a 7.4%
    gain`, not `fell 7.4%`), intervals that overlap (not only touch: `1.6%` is not `1.5%`)."""
    changes = f.change == g.change or f.change is None or g.change is None
    units = f.measure is None or g.measure is None or f.measure == g.measure
    return f.kind == g.kind and changes and units and f.low < g.high and g.low < f.high


def counted_alike(f: Fig, g: Fig) -> bool:
    """Two counts of one value in two unit nouns (`31,000 vehicles`, `31,000 drivers`):
    written as one value, the same value and two significant digits or more, so that
    each can be the other report's word for the same counted thing; compared only when
    the speakers and targets do not disagree (`align`)."""
    return (
        f.value == g.value  # first: most pairs of figures differ in value
        and f.kind == g.kind == "count"
        and f.exact
        and g.exact
        and f.measure is not None
        and g.measure is not None
        and f.measure != g.measure
        and f.change == g.change
        and min(f.digits, g.digits) >= 2
    )


def _alike(f: Fig, g: Fig) -> bool:
    """The same unit, currency or rate, named on both."""
    return bool((f.measure and f.measure == g.measure) or (f.currency and f.per and f.per == g.per))


def _match_weight(f: Fig, g: Fig) -> float:
    weight = DIGITS.get(min(f.digits, g.digits), 1.0)
    return weight + (W_UNIT if _alike(f, g) or (f.currency and f.currency == g.currency) else 0)


def transposed(f: Fig, g: Fig) -> float:
    """The weight of two figures written with the same digits in another order (`12,018`
    and `12,108`, `NOK 71.2` and `72.10 crowns`: the commonest typo in a copied figure),
    0 for two that are not: more for more digits, as a figure match's."""
    a, b = written_digits(f.text), written_digits(g.text)
    if len(a) < 2 or a == b or sorted(a) != sorted(b):
        return rescaled(f, g)
    return W_SWAP_PRECISE if len(a) >= 3 else W_SWAP


def rescaled(f: Fig, g: Fig) -> float:
    """The weight of two figures written with the same significant digits at scales ten
    or more times apart (`A$500` and `A$5,000`, `$1.2 million` and `$1.2 billion`: a zero
    or a scale word slipped in a copy), 0 for two that are not: as a transposition's, by
    the digits in common (one digit, `5` and `50`, is the weakest). Not percentages."""
    if f.kind == "%":  # `25%` and `2.5%` are often two facts of one sentence
        return 0.0
    a = written_digits(f.text).rstrip("0")
    if not a or a != written_digits(g.text).rstrip("0") or not (f.value and g.value):
        return 0.0
    ratio = math.log10(abs(f.value / g.value))
    if abs(ratio) < 0.5 or abs(ratio - round(ratio)) > 1e-6:
        return 0.0
    return W_SWAP_PRECISE if len(a) >= 3 else W_SWAP if len(a) == 2 else W_SCALE


def _correction(x: Item) -> bool:
    """A claim that gives a value and its typo (`$31 million, not $13 million`: a
    correction note): it matches the wrong value as well as the right one, and its
    article's own sentence gives the fact (`Pellucid put the expected cost ... at $31
    million`), so it is the same fact as no other claim (linked-wide, round 5)."""
    figures = x.figures
    if len(figures) < 2:
        return False
    return any(
        f.kind == g.kind and f.value != g.value and transposed(f, g) > 0
        for k, f in enumerate(figures)
        for g in figures[k + 1 :]
    )


def align(x: Item, y: Item) -> tuple[float, tuple[Fig, Fig] | None]:
    """The weight of the figures of `x` that meet one of `y`, and the first pair left
    unmatched on both sides with the same kind, unit and rate that cannot both be true.
    Counts of one value in two unit nouns meet when the speakers and targets do not
    disagree (`counted_alike`), weighed by their digits alone."""
    matched_x: set[int] = set()
    matched_y: set[int] = set()
    weights = []
    for i, f in enumerate(x.figures):
        best = 0.0
        for j, g in enumerate(y.figures):
            if meet(f, g):
                matched_x.add(i)
                matched_y.add(j)
                best = max(best, _match_weight(f, g))
            elif counted_alike(f, g) and _agree(x, y):
                matched_x.add(i)
                matched_y.add(j)
                best = max(best, DIGITS.get(min(f.digits, g.digits), 1.0))
        if best:
            weights.append(best)
    # The best match counts whole, each further one a little: a sentence full of small
    # percentages matches many others by chance.
    weight = max(weights, default=0.0) + W_MORE * (len(weights) - 1 if weights else 0)
    for i, f in enumerate(x.figures):
        if i in matched_x or not f.exact:
            continue
        for j, g in enumerate(y.figures):
            if j in matched_y or not g.exact or f.kind != g.kind or f.change != g.change:
                continue
            # A unit dropped on one side is the same unit when the figures are one
            # figure with its digits swapped (`would seat 32,000`, `23,000 fans`).
            units = f.measure == g.measure or (
                (f.measure is None or g.measure is None) and transposed(f, g) > 0
            )
            if units and f.per == g.per:
                return weight, (f, g)
    return weight, None


def evidence(
    x: Item,
    y: Item,
    text: float | None = None,
    content: float | None = None,
    dates: int | None = None,
) -> float:
    """How much says two claims are about one fact, figures aside (`text`, `content` and
    `dates`: the two Jaccard similarities and the date relation, when already known)."""
    text = jaccard(x.shingles, y.shingles) if text is None else text
    content = jaccard(x.content, y.content) if content is None else content
    score = W_TEXT * text + W_CONTENT * content
    score += W_DATES * (_dates(x, y) if dates is None else dates)
    score += W_SPEAKER * _words(x.speaker_words, y.speaker_words)
    score += W_TARGET * _targets(x, y)
    if _apart(x, y) and (_dates(x, y) if dates is None else dates) <= 0:
        score -= W_APART
    if x.modality == y.modality != "asserted":
        score += W_MODALITY
    return score


def outlook(x: Item) -> str:
    """The claim's modality, with a statement of an event dated after its article's
    publication taken as a forecast (`The bridge shuts on Jan. 22`, published before it:
    a scheduled event, told by another outlet as `will close on January 22`; round 6).
    Only for claims without figures on both sides: with figures it added false
    conflicts on the synthetic claims of `bench --link` (asserted figures of a later
    month)."""
    if x.modality != "asserted" or not x.bounded or x.published is None:
        return x.modality
    return "forecast" if all(lo > x.published for lo, _hi in x.bounded) else x.modality


WordSets = tuple[frozenset[int], frozenset[str]]  # an item's word pairs and content words


def _paraphrase(x: Item, y: Item, content: float) -> bool:
    """Content words enough in common for a paraphrase by one speaker: MIN_CONTENT, or,
    when one claim has figures and the other none, DATED_CONTENT besides the speaker's
    name words."""
    if not (x.figures or y.figures):
        return content >= MIN_CONTENT
    names = content_words(list(x.speaker_words | y.speaker_words))
    return jaccard(x.content - names, y.content - names) >= DATED_CONTENT


def _same_plan(x: Item, y: Item, matched: float, dates: int) -> bool:
    """Two goals or forecasts whose figure match is of two digits or more with a unit
    (not a percentage, `10%` by 2030, nor a sum of money: common targets) and whose dates
    overlap: `Her target is 350,000 tonnes a year by 2027`, `aims to produce 350,000
    tonnes of copper a year by 2027` (linked-wide, round 4)."""
    if dates <= 0 or "asserted" in (x.modality, y.modality) or matched < PLAN_MATCH - 1e-9:
        return False
    return any(f.measure not in (None, "%") for f in x.figures)


def compare(x: Item, y: Item, *, sets: tuple[WordSets, WordSets] | None = None) -> Verdict | None:
    """The relation of two claims of different articles, or None (`sets`: the two items'
    word sets, when already unpacked)."""
    (xs, xc), (ys, yc) = sets or ((x.shingles, x.content), (y.shingles, y.content))
    text = jaccard(xs, ys)
    dates = _dates(x, y)
    if dates < 0 and x.text != y.text:  # `in October 2023` and `in October 2024`
        return None
    content = jaccard(xc, yc)
    score = evidence(x, y, text, content, dates)
    matched, conflict = align(x, y)
    if conflict is not None:
        f, g = conflict
        # Another modality is another fact (`analysts forecast £398m`, `made £412m`),
        # unless the figures are one figure with two digits swapped, or at another scale:
        # a typo in a copy, whatever modality each wording gives it (`put the expected
        # cost at $13 million`, `expects it to cost $31 million`; `will cost households a
        # fine of A$5,000`, `face a fine of A$500`).
        swap = transposed(f, g)
        if (x.modality != y.modality and not swap) or not same_period(x, y):
            return None
        largest = max(abs(f.value), abs(g.value))
        close = largest and abs(f.value - g.value) / largest <= 0.05
        total = score + (W_UNIT if _alike(f, g) else 0) + (W_CLOSE if close else 0) + swap
        if total >= CONFLICT:
            return Verdict("conflict", total, conflict)
        return None
    if matched:
        total = score + matched
        if _correction(x) or _correction(y):
            return None  # a note on the article, not a report of the fact
        # Figures alone are no evidence, but one plan or forecast, with the same figure
        # in a unit by the same date, needs only a word in common.
        if content < (0.0 if _same_plan(x, y, matched, dates) else MIN_CONTENT) or not content:
            return None
        return Verdict("same", total) if total >= SAME else None
    if not (x.figures and y.figures):
        told_alike = x.modality == y.modality != "asserted"  # weighed in `evidence`
        if not told_alike and outlook(x) == outlook(y) != "asserted":
            score += W_MODALITY  # a future event stated as a fact, as a forecast
        # Near copies (wire copy, a quote repeated), or a paraphrase by the same speaker.
        same_speaker = _words(x.speaker_words, y.speaker_words) > 0
        # A paraphrase needs words in common besides the speaker's (`European` names
        # both the European Super League and the European Space Agency).
        # One side with figures, the other none: the words besides the speaker's name
        # must say more (DATED_CONTENT): `the Rail Workers' Alliance said` names the
        # union in a strike date and in its leader's quote.
        if text >= COPY or (same_speaker and score >= PARAPHRASE and _paraphrase(x, y, content)):
            return Verdict("same", score)
        # One fact in other words, whoever tells it: many content words in common and
        # no one named on both sides who differs (`Brightwater said it would also cut
        # water pressure at night in some suburbs`, `Brightwater will also lower water
        # pressure overnight in some suburbs`), of one date when both give one (one
        # plan with two deadlines is two claims).
        timed = not (x.dates and y.dates) or _dated(x, y)
        if content >= TOPIC_CONTENT and score >= TOPIC and timed and _agree(x, y):
            return Verdict("same", score)
        # The same event on the same day in other words (`will close ... beginning
        # January 22`, `will close starting Thursday, January 22`), or the same plan with
        # the same deadline, whoever tells it.
        if _dated(x, y) and content >= DATED_CONTENT and score >= DATED:
            return Verdict("same", score)
        days = named_days(x, y)
        if days and content >= DAY_CONTENT and score >= DAY:
            return Verdict("same", score)
        # Several such days in common (`on June 14, June 16 and June 19`, `on Wednesday
        # 14 June, ... Friday 16 June and Monday 19 June`) are rarely chance: each further
        # day weighs as a date in common, and a content word in common is enough.
        if days >= 2 and content and score + W_DATES * (days - 1) >= DAY:
            return Verdict("same", score + W_DATES * (days - 1))
    return None
