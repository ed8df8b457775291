"""Plain-text views of a Report: the score table and the list of every error."""

from __future__ import annotations

from newsclaims.evaluate.report import PRF, Accuracy, ErrorItem, Report

_ERROR_ORDER = ("claims", "speakers", "figures", "dates", "targets", "modality")
_ERROR_TITLES = {
    ("claims", "miss"): "missed claims",
    ("claims", "extra"): "extra claims",
    ("speakers", "wrong"): "wrong speakers (gold -> predicted)",
    ("figures", "miss"): "missed figures",
    ("figures", "extra"): "extra figures",
    ("dates", "miss"): "missed dates",
    ("dates", "extra"): "extra dates",
    ("targets", "wrong"): "wrong targets (gold -> predicted)",
    ("modality", "wrong"): "wrong modality (gold -> predicted)",
}
_ROWS = (
    ("claims", "claims"),
    ("speakers", "speakers (accuracy)"),
    ("attributed", "attributed claims"),
    ("figures", "figures"),
    ("dates", "dates"),
    ("targets", "targets (accuracy)"),
    ("modality", "modality (accuracy)"),
)


def _num(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def format_table(report: Report) -> str:
    """The micro-averaged scores as an aligned text table, then any warnings.

    For precision/recall rows, `gold`/`pred` are counts and `correct` is the true positives;
    for accuracy rows, `gold` is the number of matched claims scored for the field.
    """
    header = ("field", "gold", "pred", "correct", "precision", "recall", "f1", "accuracy")
    lines = [header]
    for name, label in _ROWS:
        value = getattr(report.total, name)
        if isinstance(value, PRF):
            lines.append(
                (label, str(value.gold), str(value.predicted), str(value.tp),
                 _num(value.precision), _num(value.recall), _num(value.f1), "")
            )  # fmt: skip
        elif isinstance(value, Accuracy):
            lines.append(
                (label, str(value.total), "", str(value.correct), "", "", "",
                 _num(value.accuracy))
            )  # fmt: skip
    widths = [max(len(row[k]) for row in lines) for k in range(len(header))]
    out = [
        "  ".join(cell.ljust(w) if k == 0 else cell.rjust(w) for k, (cell, w) in
                  enumerate(zip(row, widths, strict=True))).rstrip()
        for row in lines
    ]  # fmt: skip
    out.insert(1, "-" * len(out[0]))
    out.append(f"{len(report.articles)} gold article(s) scored")
    out.extend(f"warning: {w}" for w in report.warnings)
    return "\n".join(out)


def _describe(error: ErrorItem) -> str:
    if error.field == "claims":
        return f"speaker {error.gold if error.kind == 'miss' else error.predicted}"
    if error.kind == "wrong":
        return f"{error.gold} -> {error.predicted}"
    detail = error.gold if error.kind == "miss" else error.predicted
    return detail or ""


def format_errors(report: Report) -> str:
    """Every miss, extra and wrong value, grouped by field and kind, each with its source and
    sentence; an empty section is left out."""
    errors = report.errors
    sections: list[str] = []
    for field in _ERROR_ORDER:
        for kind in ("miss", "extra", "wrong"):
            chosen = [e for e in errors if e.field == field and e.kind == kind]
            if not chosen:
                continue
            lines = [f"## {_ERROR_TITLES.get((field, kind), f'{field} {kind}')} ({len(chosen)})"]
            for e in chosen:
                detail = _describe(e)
                lines.append(f"- {e.source}: {detail}" if detail else f"- {e.source}")
                lines.append("    " + " ".join(e.sentence.split()))
            sections.append("\n".join(lines))
    return "\n\n".join(sections) if sections else "no errors"
