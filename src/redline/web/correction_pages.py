"""Correcting a statement from its page: a form signed in with the API token, CSRF-protected.

The form posts here; the change goes through the API's own correction route function
(``api.routes.statements.correct_statement``), so the taxonomy check, the stored override and
the regrouping of claims are the ones an API client gets. Refusals (no token configured, a
wrong token) are the API's errors, shown as pages by the app's one error handler.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from redline.api.deps import RevisionCacheDep, StoreDep, TaxonomyDep, check_token
from redline.api.models import CorrectionIn
from redline.api.routes.statements import correct_statement
from redline.web.forms import check_form_token
from redline.web.render import Renderer

__all__ = ["FIELDS", "add_correction_pages", "correction_of"]

FIELDS = ("stance", "issues", "speaker", "date", "undated", "reject", "who", "note")


def correction_of(form: dict[str, str]) -> dict[str, Any]:
    """The form's filled-in fields as a ``CorrectionIn`` body: empty fields leave values alone."""
    body: dict[str, Any] = {}
    for name in ("stance", "speaker", "date", "note", "who"):
        if form.get(name, "").strip():
            body[name] = form[name].strip()
    if form.get("issues", "").strip():
        body["issues"] = [i.strip() for i in form["issues"].replace(";", ",").split(",") if i.strip()]
    for flag in ("reject", "undated"):
        if form.get(flag) == "yes":
            body[flag] = True
    return body


def add_correction_pages(router: APIRouter, renderer: Renderer) -> None:
    @router.post("/statements/{statement_id}/correct", name="dashboard.correct")
    async def correct(
        request: Request, statement_id: str, store: StoreDep, cache: RevisionCacheDep, taxonomy: TaxonomyDep
    ) -> Response:
        raw = parse_qs((await request.body()).decode("utf-8", "replace"), keep_blank_values=True)
        form = {k: v[0] for k, v in raw.items() if v}
        if not check_form_token(request.app.state.form_secret, statement_id, form.get("csrf", "")):
            return renderer.error(
                request,
                403,
                "This form has expired or did not come from this site.",
                "Reload the page and try again.",
            )
        check_token(request.app.state.token, f"Bearer {form.get('token', '')}")
        try:
            change = CorrectionIn.model_validate(correction_of(form))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'form'}: {e['msg']}" for e in exc.errors()
            )
            return renderer.error(request, 400, f"The correction was not saved: {problems}")
        args = (statement_id, store, cache, taxonomy, change, request)
        out = await run_in_threadpool(correct_statement, *args)
        target = renderer.url(request, "statement", {"corrected": out.override_id}, statement_id=statement_id)
        return RedirectResponse(target + "#corrections", status_code=303)
