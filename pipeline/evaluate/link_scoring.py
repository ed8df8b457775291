"""Scoring of `newsclaims link` against a linking gold (`gold-links.jsonl`).

The gold names each claim by its source and a substring of its sentence. Each is matched to
the predicted claim of that source whose sentence holds the substring (normalised as for
claim scoring); a gold claim that no prediction holds stays in the scoring as a claim of
its own, placed in no predicted cluster, so it costs recall. The claims scored are every
predicted claim of the set plus those unmatched gold claims; a claim in no cluster is a
singleton.

- clusters: pairwise precision, recall and F1 over the pairs of claims put in one cluster,
  and B-cubed precision, recall and F1 averaged over every claim scored;
- conflicts: precision and recall over unordered pairs of claims, and how many of the
  matched pairs have the gold's relation (`revision` or `disagreement`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path

from newsclaims.evaluate.normalise import sentence
from newsclaims.evaluate.report import PRF
from newsclaims.models import Claim
from newsclaims.models.links import Cluster, Conflict

GOLD_KINDS = ("cluster", "conflict")


@dataclass(frozen=True)
class GoldClaim:
    source: str
    text: str


@dataclass
class LinkGold:
    clusters: list[list[GoldClaim]] = field(default_factory=list)
    conflicts: list[tuple[GoldClaim, GoldClaim, str]] = field(default_factory=list)


@dataclass
class LinkReport:
    pairwise: PRF
    bcubed: Rates
    conflicts: PRF
    relations_right: int = 0
    claims: int = 0
    unmatched: list[str] = field(default_factory=list)
    missed_pairs: list[tuple[str, str]] = field(default_factory=list)
    extra_pairs: list[tuple[str, str]] = field(default_factory=list)
    missed_conflicts: list[tuple[str, str]] = field(default_factory=list)
    extra_conflicts: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        out = asdict(self)
        for name in ("pairwise", "bcubed", "conflicts"):
            out[name] = getattr(self, name).to_dict()
        return out


def is_link_gold(path: Path) -> bool:
    """True for a linking gold: its first record has `kind` cluster or conflict."""
    with Path(path).open(encoding="utf-8-sig") as handle:
        for line in handle:
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(row, dict) and row.get("kind") in GOLD_KINDS
    return False


def _gold_claim(row: object, where: str) -> GoldClaim:
    if not isinstance(row, dict) or not row.get("source") or not row.get("text"):
        raise ValueError(f"{where}: a claim needs `source` and `text`")
    return GoldClaim(str(row["source"]), str(row["text"]))


def load_link_gold(path: Path) -> LinkGold:
    """The clusters and conflicts of a linking gold; ValueError naming the line if bad."""
    gold = LinkGold()
    with Path(path).open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{where}: not valid JSON ({error.msg})") from error
            kind = row.get("kind") if isinstance(row, dict) else None
            if kind == "cluster":
                members = row.get("members")
                if not isinstance(members, list) or len(members) < 2:
                    raise ValueError(f"{where}: a cluster needs two or more `members`")
                gold.clusters.append([_gold_claim(m, where) for m in members])
            elif kind == "conflict":
                relation = row.get("relation")
                if relation not in ("revision", "disagreement"):
                    raise ValueError(f"{where}: `relation` must be revision or disagreement")
                a, b = _gold_claim(row.get("a"), where), _gold_claim(row.get("b"), where)
                gold.conflicts.append((a, b, relation))
            else:
                raise ValueError(f"{where}: `kind` must be cluster or conflict")
    return gold


class _Matcher:
    """Gold claims to predicted claim ids, by source and normalised substring."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.by_source: dict[str, list[tuple[str, str]]] = {}
        for claim in claims:
            self.by_source.setdefault(claim.source, []).append((claim.id, sentence(claim.text)))
        self.unmatched: dict[GoldClaim, str] = {}

    def __call__(self, gold: GoldClaim) -> str:
        wanted = sentence(gold.text)
        for claim_id, text in self.by_source.get(gold.source, []):
            if wanted in text:
                return claim_id
        return self.unmatched.setdefault(gold, f"gold:{gold.source}:{gold.text}")


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in combinations(sorted(set(g)), 2)}


def _prf(gold: int, pred: int, correct: int) -> PRF:
    return PRF(tp=correct, gold=gold, predicted=pred)


@dataclass(frozen=True)
class Rates:
    """Precision and recall given as averages (B-cubed), with their F1."""

    precision: float | None
    recall: float | None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return None if p is None or r is None or p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def _bcubed(items: Sequence[str], gold: dict[str, set[str]], pred: dict[str, set[str]]) -> Rates:
    precision = recall = 0.0
    for claim in items:
        g, p = gold.get(claim, {claim}), pred.get(claim, {claim})
        common = len(g & p)
        precision += common / len(p)
        recall += common / len(g)
    if not items:
        return Rates(None, None)
    return Rates(precision / len(items), recall / len(items))


def score_links(
    gold: LinkGold, claims: Sequence[Claim], clusters: Sequence[Cluster],
    conflicts: Sequence[Conflict],
) -> LinkReport:  # fmt: skip
    """Score predicted clusters and conflicts of `claims` against the gold."""
    match = _Matcher(claims)
    gold_groups = [{match(m) for m in members} for members in gold.clusters]
    gold_conflicts = {tuple(sorted((match(a), match(b)))): rel for a, b, rel in gold.conflicts}
    items = [c.id for c in claims] + sorted(set(match.unmatched.values()))
    texts = {c.id: f"{c.source}: {c.text}" for c in claims}
    for gold_claim, key in match.unmatched.items():
        texts[key] = f"{gold_claim.source}: {gold_claim.text} (not a predicted claim)"

    gold_of = {c: g for g in gold_groups for c in g}
    pred_of = {c: set(k.claims) for k in clusters for c in k.claims}
    gold_pairs, pred_pairs = _pairs(gold_groups), _pairs(k.claims for k in clusters)
    predicted_conflicts = {
        tuple(sorted((c.a.claim_id, c.b.claim_id))): c.relation for c in conflicts
    }
    right = sum(1 for pair, rel in predicted_conflicts.items() if gold_conflicts.get(pair) == rel)

    def named(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        return sorted((texts.get(a, a), texts.get(b, b)) for a, b in pairs)

    return LinkReport(
        pairwise=_prf(len(gold_pairs), len(pred_pairs), len(gold_pairs & pred_pairs)),
        bcubed=_bcubed(items, gold_of, pred_of),
        conflicts=_prf(
            len(gold_conflicts),
            len(predicted_conflicts),
            len(gold_conflicts.keys() & predicted_conflicts.keys()),
        ),
        relations_right=right,
        claims=len(items),
        unmatched=sorted(f"{k.source}: {k.text}" for k in match.unmatched),
        missed_pairs=named(gold_pairs - pred_pairs),
        extra_pairs=named(pred_pairs - gold_pairs),
        missed_conflicts=named(gold_conflicts.keys() - predicted_conflicts.keys()),
        extra_conflicts=named(predicted_conflicts.keys() - gold_conflicts.keys()),
    )


def _num(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def format_link_table(report: LinkReport) -> str:
    rows = [("clusters (pairwise)", report.pairwise), ("clusters (B-cubed)", report.bcubed),
            ("conflicts", report.conflicts)]  # fmt: skip
    lines = [f"{'':22} {'gold':>6} {'pred':>6} {'correct':>8} {'P':>6} {'R':>6} {'F1':>6}"]
    for name, prf in rows:
        counts = (prf.gold, prf.predicted, prf.tp) if isinstance(prf, PRF) else ("", "", "")
        rates = " ".join(f"{_num(x):>6}" for x in (prf.precision, prf.recall, prf.f1))
        lines.append(f"{name:22} {counts[0]:>6} {counts[1]:>6} {counts[2]:>8} {rates}")
    lines.append(
        f"claims scored {report.claims}; conflicts with the gold's relation "
        f"{report.relations_right} of {report.conflicts.tp}"
    )
    if report.unmatched:
        lines.append(f"gold claims no prediction holds: {len(report.unmatched)}")
    return "\n".join(lines)


def format_link_errors(report: LinkReport) -> str:
    out = []
    for title, rows in (
        ("gold claims no prediction holds", [(u,) for u in report.unmatched]),
        ("missed pairs", report.missed_pairs),
        ("extra pairs", report.extra_pairs),
        ("missed conflicts", report.missed_conflicts),
        ("extra conflicts", report.extra_conflicts),
    ):
        if rows:
            out.append(f"{title} ({len(rows)}):")
            out.extend("  " + "\n    ~ ".join(row) for row in rows)
    return "\n".join(out) or "no errors"


def _read_records(path: Path, model):
    with path.open(encoding="utf-8") as handle:
        return [model.model_validate_json(line) for line in handle if line.strip()]


def score_folder(gold: LinkGold, folder: Path) -> LinkReport:
    """Score an extract output folder: its `clusters.jsonl` and `conflicts.jsonl` when it
    has them (`extract --link`, `link --out` into it), else the links made now."""
    from newsclaims.link import CLUSTERS, CONFLICTS, link_outputs, read_output

    claims, _ = read_output(folder, [])
    if (folder / CLUSTERS).is_file() and (folder / CONFLICTS).is_file():
        clusters = _read_records(folder / CLUSTERS, Cluster)
        conflicts = _read_records(folder / CONFLICTS, Conflict)
    else:
        links = link_outputs([folder])
        clusters, conflicts = links.clusters, links.conflicts
    return score_links(gold, claims, clusters, conflicts)


def evaluate_link_inputs(
    gold_path: Path, inputs: Sequence[str], *, out: Path | None = None, **options
) -> LinkReport:
    """Score linking of `inputs` (a set folder to extract, or one extract output folder)."""
    import tempfile

    from newsclaims.run.api import extract

    gold = load_link_gold(gold_path)
    if len(inputs) == 1 and (Path(inputs[0]) / "claims.jsonl").is_file():
        return score_folder(gold, Path(inputs[0]))
    if out is not None:
        extract(list(inputs), out=out, **options)
        return score_folder(gold, out)
    with tempfile.TemporaryDirectory(prefix="newsclaims-eval-") as tmp:
        extract(list(inputs), out=Path(tmp), **options)
        return score_folder(gold, Path(tmp))
