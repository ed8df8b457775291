"""The review web app: FastAPI, server-rendered Jinja2 pages, one small vanilla JS file.

Everything is served by the app itself (no CDN): it works offline. Article text is only
ever inserted as escaped text, and a Content-Security-Policy allows scripts from the app's
own /static only, so a `<script>` in an article is shown, never run.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsclaims.models.records import Comparator, Modality, SpeakerKind
from newsclaims.review.api import ClaimList, ClaimOut, CountsOut, DecisionIn, DecisionOut
from newsclaims.review.highlight import Mark, occurrences, segments
from newsclaims.store.decisions import UnknownClaim, decide, reviewed_claim, stale, undo
from newsclaims.store.engine import Store
from newsclaims.store.export import FORMATS, export_claims
from newsclaims.store.queries import (
    STATUS_FILTERS,
    Filters,
    article_view,
    choices,
    claim_rows,
    counts,
    neighbours,
    one_row,
    orphaned_decisions,
)

HERE = Path(__file__).parent
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
        "form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
LIST_BEFORE, LIST_AFTER = 30, 120


def allowed_hosts(host: str) -> list[str]:
    """Host headers to accept: the loopback names, or anything when bound to all addresses
    (a DNS-rebinding page cannot talk to a loopback server under another name)."""
    if host in ("0.0.0.0", "::"):
        return ["*"]
    return sorted({*LOCAL_HOSTS, host.strip("[]"), "testserver"})


def _filters(status: str, source: str, speaker: str, target: str) -> Filters:
    if status not in STATUS_FILTERS:
        raise HTTPException(422, f"status must be one of {', '.join(STATUS_FILTERS)}")
    return Filters(status=status, source=source, speaker=speaker.strip(), target=target.strip())


def _page_marks(view, current) -> list[Mark]:
    marks = [Mark(s, e, "figure") for s, e in view.figures]
    marks += [Mark(s, e, "date") for s, e in view.dates]
    for row in view.claims:
        marks.append(Mark(row.claim.start, row.claim.end, f"claim-{row.status}", row.claim.id))
        mention = row.claim.speaker.mention if row.claim.speaker else None
        if mention:
            marks.append(Mark(mention.start, mention.end, "speaker"))
    if current is not None:
        marks.append(Mark(current.claim.start, current.claim.end, "current", current.claim.id))
        target = current.claim.target.name if current.claim.target else None
        marks += [Mark(s, e, "target") for s, e in occurrences(view.text, target)]
    return marks


def create_app(store: Store, *, reviewer: str = "", host: str = "127.0.0.1") -> FastAPI:
    """The review app over an open store."""
    app = FastAPI(
        title="newsclaims review",
        description="Accept, reject and correct extracted claims.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(host))
    hosts = set(allowed_hosts(host))

    @app.middleware("http")
    async def guard(request: Request, call_next):
        # A page of another site may not post decisions (a JSON body already needs a CORS
        # preflight; this also stops plain form posts).
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            origin = request.headers.get("origin")
            if origin and "*" not in hosts and (urlsplit(origin).hostname or "") not in hosts:
                return JSONResponse({"detail": "cross-origin request refused"}, status_code=403)
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    # follow_symlink: an editable install (`editable_mode=strict`) links these files.
    static = StaticFiles(directory=HERE / "static", follow_symlink=True)
    app.mount("/static", static, name="static")
    templates = Jinja2Templates(directory=HERE / "templates")

    def row_or_404(conn, claim_id: str):
        row = one_row(conn, claim_id)
        if row is None:
            raise HTTPException(404, f"no claim {claim_id}")
        return row

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page(
        request: Request,
        claim: str = "",
        status: str = "pending",
        source: str = "",
        speaker: str = "",
        target: str = "",
    ):
        filters = _filters(status, source, speaker, target)
        with store.engine.connect() as conn:
            current = one_row(conn, claim) if claim else None
            if current is None:
                first = claim_rows(conn, filters, limit=1)
                current = first[0] if first else None
            earlier, later = (
                neighbours(conn, filters, current.claim.id, before=LIST_BEFORE, after=LIST_AFTER)
                if current
                else ([], [])
            )
            view = article_view(conn, current.claim.article_id) if current else None
            context = {
                "filters": filters,
                "status_filters": STATUS_FILTERS,
                "choices": choices(conn),
                "counts": counts(conn, filters),
                "orphans": len(orphaned_decisions(conn)),
            }
        shown, _warning = (
            reviewed_claim(current.claim, current.decision) if current else (None, None)
        )

        def link(claim_id: str | None = None, **changes: str) -> str:
            params = {**filters.params(), **changes}
            params = {k: v for k, v in params.items() if v}
            if claim_id:
                params["claim"] = claim_id
            return "/?" + urlencode(params)

        context |= {
            "current": current,
            "shown": shown,
            "stale": stale(current.claim, current.decision) if current else False,
            "earlier": earlier,
            "later": later,
            "prev": earlier[-1].claim.id if earlier else None,
            "next": later[0].claim.id if later else None,
            "article": view,
            "segments": segments(view.text, _page_marks(view, current)) if view else [],
            "link": link,
            "reviewer": reviewer,
            "speaker_kinds": SpeakerKind.__args__,
            "modalities": Modality.__args__,
            "comparators": Comparator.__args__,
            "formats": FORMATS,
        }
        return templates.TemplateResponse(request, "page.html", context)

    @app.get("/api/claims", response_model=ClaimList)
    def list_claims(
        status: str = "all",
        source: str = "",
        speaker: str = "",
        target: str = "",
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> ClaimList:
        """Claims in review order, filtered, with the counts per status."""
        filters = _filters(status, source, speaker, target)
        with store.engine.connect() as conn:
            rows = claim_rows(conn, filters, limit=limit, offset=offset)
            return ClaimList(
                counts=CountsOut.of(counts(conn, filters)),
                claims=[ClaimOut.of(r) for r in rows],
            )

    @app.get("/api/claims/{claim_id}", response_model=ClaimOut)
    def get_claim(claim_id: str) -> ClaimOut:
        with store.engine.connect() as conn:
            return ClaimOut.of(row_or_404(conn, claim_id))

    @app.post("/api/claims/{claim_id}/decision", response_model=ClaimOut)
    def post_decision(claim_id: str, body: DecisionIn) -> ClaimOut:
        """Accept or reject a claim, with corrections; replaces an earlier decision."""
        try:
            decide(store, claim_id, status=body.status, reviewer=body.reviewer, edit=body.edits)
        except UnknownClaim:
            raise HTTPException(404, f"no claim {claim_id}") from None
        except ValueError as error:
            raise HTTPException(422, str(error)) from None
        with store.engine.connect() as conn:
            return ClaimOut.of(row_or_404(conn, claim_id))

    @app.delete("/api/claims/{claim_id}/decision", response_model=ClaimOut)
    def delete_decision(claim_id: str, reviewer: str = "") -> ClaimOut:
        """Put a claim back to pending (the log keeps the earlier decision)."""
        with store.engine.connect() as conn:
            row_or_404(conn, claim_id)
        undo(store, claim_id, reviewer=reviewer)
        with store.engine.connect() as conn:
            return ClaimOut.of(row_or_404(conn, claim_id))

    @app.get("/api/counts", response_model=CountsOut)
    def get_counts(source: str = "", speaker: str = "", target: str = "") -> CountsOut:
        with store.engine.connect() as conn:
            return CountsOut.of(counts(conn, _filters("all", source, speaker, target)))

    @app.get("/api/orphans", response_model=list[DecisionOut])
    def get_orphans() -> list[DecisionOut]:
        """Decisions kept for claims that a re-load removed."""
        with store.engine.connect() as conn:
            return [DecisionOut.of(d) for d in orphaned_decisions(conn)]

    @app.get("/export", include_in_schema=False)
    def download(status: str = "accepted", format: str = "jsonl") -> Response:
        _filters(status, "", "", "")
        if format not in FORMATS:
            raise HTTPException(422, "format must be jsonl or csv")
        buffer = io.StringIO()
        export_claims(store, buffer, status=status, fmt=format)
        media = "text/csv" if format == "csv" else "application/x-ndjson"
        name = f"claims-{status}.{format}"
        return Response(
            buffer.getvalue(),
            media_type=f"{media}; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((HERE / "static" / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    return app
