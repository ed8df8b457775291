"""Reviewer edits of a claim: what can be changed, and applying it (pure functions).

An edit names only what changed. `speaker` or `target` given as null removes it;
figures and dates are edited by their position in the claim's lists.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Self

from pydantic import AfterValidator, Field, model_validator

from newsclaims.models import Claim, DateMention, Figure, Speaker, Target
from newsclaims.models.records import Comparator, Modality, Record, SpeakerKind


def no_nul(value: str) -> str:
    """Refuse a NUL character: PostgreSQL cannot store one in text, and no claim holds one."""
    if "\x00" in value:
        raise ValueError("text must not contain a NUL character")
    return value


Text = Annotated[str, AfterValidator(no_nul)]
"""A string of an edit or a request: any text but NUL."""

FiniteNumber = int | Annotated[float, Field(allow_inf_nan=False)]
"""A figure value: `1e400` (infinity) and NaN are refused, as JSON cannot hold them."""


class SpeakerEdit(Record):
    name: Text = Field(min_length=1)
    kind: SpeakerKind
    title: Text | None = None
    organization: Text | None = None


class TargetEdit(Record):
    name: Text = Field(min_length=1)
    label: Text | None = None


class FigureEdit(Record):
    value: FiniteNumber
    unit: Text | None = None
    comparator: Comparator = "="


class DateEdit(Record):
    earliest: dt.date | None = None
    latest: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.earliest and self.latest and self.earliest > self.latest:
            raise ValueError("earliest is after latest")
        return self


class ClaimEdit(Record):
    """The corrected fields of one claim; fields left out stay as extracted."""

    speaker: SpeakerEdit | None = None
    target: TargetEdit | None = None
    modality: Modality | None = None
    figures: dict[int, FigureEdit] = Field(default_factory=dict)
    dates: dict[int, DateEdit] = Field(default_factory=dict)


def _blank(value: str | None) -> str | None:
    value = value.strip() if isinstance(value, str) else value
    return value or None


def apply_edit(claim: Claim, edit: ClaimEdit) -> Claim:
    """The claim with the edit applied. Raises ValueError when it does not fit the claim."""
    data = claim.model_dump()
    given = edit.model_fields_set
    if "speaker" in given:
        if edit.speaker is None:
            data.update(speaker=None, attribution="none", cue=None)
        else:
            old = claim.speaker
            data["speaker"] = Speaker(
                name=edit.speaker.name.strip(),
                kind=edit.speaker.kind,
                title=_blank(edit.speaker.title),
                organization=_blank(edit.speaker.organization),
                mention=old.mention if old and old.name == edit.speaker.name.strip() else None,
                document=old.document if old and old.name == edit.speaker.name.strip() else None,
            ).model_dump()
    if "target" in given:
        data["target"] = (
            None
            if edit.target is None
            else Target(name=edit.target.name.strip(), label=_blank(edit.target.label)).model_dump()
        )
    if "modality" in given and edit.modality is not None:
        data["modality"] = edit.modality
    lists = (("figures", edit.figures, Figure), ("dates", edit.dates, DateMention))
    for kind, edits, model in lists:
        for index, change in edits.items():
            if not 0 <= index < len(data[kind]):
                raise ValueError(f"the claim has no {kind[:-1]} number {index + 1}")
            row = {**data[kind][index], **change.model_dump()}
            if kind == "figures":
                row["unit"] = _blank(row["unit"])
            data[kind][index] = model.model_validate(row).model_dump()
    return Claim.model_validate(data)


def changed_fields(claim: Claim, edited: Claim) -> list[str]:
    """Paths of the fields an edit changed: `speaker.name`, `figures[0].value`, ..."""
    before, after = claim.model_dump(mode="json"), edited.model_dump(mode="json")
    paths: list[str] = []
    for key in ("speaker", "target"):
        old, new = before[key], after[key]
        if old == new:
            continue
        if old is None or new is None:
            paths.append(key)
        else:
            paths += [f"{key}.{f}" for f in new if f != "mention" and old.get(f) != new.get(f)]
    paths += [k for k in ("attribution", "cue", "modality") if before[k] != after[k]]
    for kind in ("figures", "dates"):
        for i, (old, new) in enumerate(zip(before[kind], after[kind], strict=True)):
            paths += [f"{kind}[{i}].{f}" for f in new if old[f] != new[f]]
    return paths


def minimal_edit(claim: Claim, edit: ClaimEdit) -> tuple[ClaimEdit, list[str]]:
    """The edit reduced to what really differs from the claim, and the changed paths.

    A form that sends every field back unchanged gives an empty edit: a plain decision.
    """
    edited = apply_edit(claim, edit)
    paths = changed_fields(claim, edited)
    heads = {p.split(".")[0].split("[")[0] for p in paths}
    if "speaker" not in heads and {"attribution", "cue"} & heads:
        heads.add("speaker")
    keep: dict = {}
    if "speaker" in heads:
        keep["speaker"] = edit.speaker
    if "target" in heads:
        keep["target"] = edit.target
    if "modality" in heads:
        keep["modality"] = edit.modality
    for kind in ("figures", "dates"):
        touched = {int(p[len(kind) + 1 : p.index("]")]) for p in paths if p.startswith(kind)}
        changes = getattr(edit, kind)
        if touched:
            keep[kind] = {i: changes[i] for i in sorted(touched)}
    return ClaimEdit(**keep), paths
