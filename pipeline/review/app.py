"""The review web app: FastAPI, server-rendered Jinja2 pages, one small vanilla JS file.

Everything is served by the app itself (no CDN): it works offline. Article text is only
ever inserted as escaped text, and a Content-Security-Policy allows scripts from the app's
own /static only, so a `<script>` in an article is shown, never run.

Guards on every request: the Host header must name this server (DNS rebinding); a write
must come from this server's own origin, port included; with a token (required when
listening beyond loopback) every request must carry it; request bodies are capped at
MAX_BODY bytes; a NUL character anywhere in the address is refused.
"""

from __future__ import annotations

import io
import secrets
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsclaims.models.records import Comparator, Modality, SpeakerKind
from newsclaims.review.api import (
    ClaimList,
    ClaimOut,
    CountsOut,
    DecisionIn,
    DecisionOut,
    UndoIn,
    UndoOut,
)
from newsclaims.review.highlight import Mark, occurrences, segments
from newsclaims.store.decisions import (
    UnknownClaim,
    decide,
    reviewed_claim,
    stale,
    undo,
    undo_last,
)
from newsclaims.store.engine import Store
from newsclaims.store.export import FORMATS, export_claims
from newsclaims.store.links import appearances, conflict_queue, conflicts_of
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
MAX_BODY = 1_000_000
"""Largest request body read, in bytes (a decision with every field edited is ~2 KB)."""
TOKEN_COOKIE = "newsclaims-token"
TOKEN_PARAM = "token"
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


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach."""
    host = host.strip("[]")
    return host in LOCAL_HOSTS or host.startswith("127.")


def allowed_hosts(host: str) -> list[str]:
    """Host headers to accept: the loopback names, or anything when bound to all addresses
    (a DNS-rebinding page cannot talk to a loopback server under another name)."""
    if host in ("0.0.0.0", "::"):
        return ["*"]
    return sorted({*LOCAL_HOSTS, host.strip("[]")})


def _filters(status: str, source: str, speaker: str, target: str, text: str = "") -> Filters:
    if status not in STATUS_FILTERS:
        raise HTTPException(422, f"status must be one of {', '.join(STATUS_FILTERS)}")
    if any("\x00" in value for value in (source, speaker, target, text)):
        raise HTTPException(422, "a filter must not contain a NUL character")
    return Filters(
        status=status,
        source=source,
        speaker=speaker.strip(),
        target=target.strip(),
        text=" ".join(text.split()),
    )


def _default_port(scheme: str) -> int:
    return 443 if scheme in ("https", "wss") else 80


def same_origin(origin: str, *, scheme: str, host_header: str) -> bool:
    """True when an Origin header names this server: scheme, host and port all equal."""
    mine = urlsplit(f"{scheme}://{host_header}")
    try:
        theirs = urlsplit(origin)
        their_port = theirs.port or _default_port(theirs.scheme)
        my_port = mine.port or _default_port(mine.scheme)
    except ValueError:
        return False
    return (
        theirs.scheme == mine.scheme
        and (theirs.hostname or "") == (mine.hostname or "")
        and their_port == my_port
    )


def _token_of(request: Request) -> str:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.query_params.get(TOKEN_PARAM) or request.cookies.get(TOKEN_COOKIE) or ""


class BodyLimit:
    """Refuse a request body over `limit` bytes with 413, by Content-Length or as it comes
    (chunked), before the app reads it: a 200 MB POST is never held in memory."""

    def __init__(self, app, *, limit: int = MAX_BODY) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            return await self._refuse(scope, receive, send)
        if scope["method"] in ("GET", "HEAD", "OPTIONS") and length is None:
            return await self.app(scope, receive, send)
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.limit:
                return await self._refuse(scope, receive, send)
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        return await self.app(scope, replay, send)

    async def _refuse(self, scope, receive, send):
        response = JSONResponse(
            {"detail": f"request body larger than {self.limit:,} bytes"}, status_code=413
        )
        await response(scope, receive, send)


def _params(filters: Filters) -> dict[str, str]:
    """The page's query parameters for these filters (`q` for the claim text)."""
    params = filters.params()
    if "text" in params:
        params["q"] = params.pop("text")
    return params


def _page_marks(view, current) -> list[Mark]:
    marks = [Mark(s, e, "figure") for s, e in view.figures]
    marks += [Mark(s, e, "date") for s, e in view.dates]
    for row in view.claims:
        marks.append(Mark(row.claim.start, row.claim.end, f"claim-{row.status}", row.key))
        mention = row.claim.speaker.mention if row.claim.speaker else None
        if mention:
            marks.append(Mark(mention.start, mention.end, "speaker"))
    if current is not None:
        marks.append(Mark(current.claim.start, current.claim.end, "current", current.key))
        target = current.claim.target.name if current.claim.target else None
        marks += [Mark(s, e, "target") for s, e in occurrences(view.text, target)]
    return marks


def new_token() -> str:
    return secrets.token_urlsafe(24)


def create_app(
    store: Store,
    *,
    reviewer: str = "",
    host: str = "127.0.0.1",
    token: str | None = None,
    max_body: int = MAX_BODY,
) -> FastAPI:
    """The review app over an open store; with `token`, every request must carry it
    (`?token=`, then a cookie the page keeps, or `Authorization: Bearer`)."""
    app = FastAPI(
        title="newsclaims review",
        description="Accept, reject and correct extracted claims.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )

    @app.middleware("http")
    async def guard(request: Request, call_next):
        response = _refusal(request)
        if response is None:
            response = await call_next(request)
            if token and request.query_params.get(TOKEN_PARAM) == token:
                response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", path="/")
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    def _refusal(request: Request) -> Response | None:
        scope = request.scope
        if "\x00" in scope["path"] or b"%00" in scope.get("query_string", b"").lower():
            return JSONResponse({"detail": "NUL character in the address"}, status_code=400)
        if token and not secrets.compare_digest(_token_of(request), token):
            return JSONResponse(
                {"detail": "a token is needed: open the address newsclaims review printed"},
                status_code=401,
            )
        # A page of another site (or of another port on this host) may not post
        # decisions: a JSON body already needs a CORS preflight; this also stops forms.
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            origin = request.headers.get("origin")
            if origin and not same_origin(
                origin, scheme=request.url.scheme, host_header=request.headers.get("host", "")
            ):
                return JSONResponse({"detail": "cross-origin request refused"}, status_code=403)
        return None

    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(host))
    app.add_middleware(BodyLimit, limit=max_body)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        # Where and why, without echoing the input: it may be `1e400` or NaN, which JSON
        # cannot hold (FastAPI's own answer would fail with a 500).
        detail = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in error.errors()
        ]
        return JSONResponse({"detail": detail}, status_code=422)

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
        q: str = "",
    ):
        filters = _filters(status, source, speaker, target, q)
        with store.engine.connect() as conn:
            current = one_row(conn, claim) if claim else None
            if current is None:
                first = claim_rows(conn, filters, limit=1)
                current = first[0] if first else None
            earlier, later = (
                neighbours(conn, filters, current.key, before=LIST_BEFORE, after=LIST_AFTER)
                if current
                else ([], [])
            )
            view = article_view(conn, current.article_key) if current else None
            linked = appearances(conn, current.key) if current else None
            disputes = conflicts_of(conn, current.key) if current else []
            n_conflicts = len(conflict_queue(conn))
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
            params = {**_params(filters), **changes}
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
            "prev": earlier[-1].key if earlier else None,
            "next": later[0].key if later else None,
            "article": view,
            "segments": segments(view.text, _page_marks(view, current)) if view else [],
            "link": link,
            "reviewer": reviewer,
            "speaker_kinds": SpeakerKind.__args__,
            "modalities": Modality.__args__,
            "comparators": Comparator.__args__,
            "formats": FORMATS,
            "linked": linked,
            "disputes": disputes,
            "n_conflicts": n_conflicts,
        }
        return templates.TemplateResponse(request, "page.html", context)

    @app.get("/conflicts", response_class=HTMLResponse, include_in_schema=False)
    def conflicts_page(request: Request):
        """The conflicts queue: pairs of claims whose figures for one fact disagree,
        largest relative difference first, each side a link to its claim."""
        with store.engine.connect() as conn:
            queue = conflict_queue(conn)
        context = {
            "queue": queue,
            "claim_link": lambda key: "/?" + urlencode({"status": "all", "claim": key}),
        }
        return templates.TemplateResponse(request, "conflicts.html", context)

    @app.get("/api/claims", response_model=ClaimList)
    def list_claims(
        status: str = "all",
        source: str = "",
        speaker: str = "",
        target: str = "",
        q: Annotated[str, Query(description="Words of the claim text (any case).")] = "",
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> ClaimList:
        """Claims in review order, filtered, with the counts per status."""
        filters = _filters(status, source, speaker, target, q)
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
        """Accept, reject or ignore a claim, with corrections; replaces an earlier decision."""
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
        """Take back a claim's decision: its earlier decision again, or pending (the log
        keeps every step)."""
        if "\x00" in reviewer:
            raise HTTPException(422, "reviewer must not contain a NUL character")
        with store.engine.connect() as conn:
            row_or_404(conn, claim_id)
        undo(store, claim_id, reviewer=reviewer)
        with store.engine.connect() as conn:
            return ClaimOut.of(row_or_404(conn, claim_id))

    @app.post("/api/undo", response_model=UndoOut)
    def post_undo(body: UndoIn) -> UndoOut:
        """Take back the reviewer's latest decision still in force, on whichever claim
        (the page has moved on since); again and again, newest first."""
        claim_id = undo_last(store, reviewer=body.reviewer)
        if claim_id is None:
            return UndoOut(claim_id=None)
        with store.engine.connect() as conn:
            row = one_row(conn, claim_id)
        return UndoOut(claim_id=claim_id, claim=ClaimOut.of(row) if row else None)

    @app.get("/api/counts", response_model=CountsOut)
    def get_counts(source: str = "", speaker: str = "", target: str = "", q: str = "") -> CountsOut:
        with store.engine.connect() as conn:
            return CountsOut.of(counts(conn, _filters("all", source, speaker, target, q)))

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
