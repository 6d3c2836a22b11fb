"""Property-based requests from the OpenAPI document (schemathesis): whatever a client sends,
every operation answers without a server error, on SQLite and PostgreSQL. Bounded (a fixed
number of derandomised examples per operation) so CI stays quick and repeatable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from api_corpus import TOKEN, build
from redline.api import create_app

EXAMPLES = 15  # per operation


@pytest.fixture(params=["sqlite", "postgresql"])
def api_schema(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'fuzz.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(build(url), token=TOKEN))


@pytest.mark.parametrize("mode", list(GenerationMode))
def test_no_request_makes_a_server_error(api_schema: Any, mode: GenerationMode) -> None:
    """Valid requests (positive) and requests that break the schema on purpose (negative)."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15, "the API's operations were not all read from its OpenAPI document"
    failures: list[str] = []
    skipped: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: Any) -> None:
            auth = {"Authorization": f"Bearer {TOKEN}"} if case.method == "POST" else None
            response = case.call(headers=auth)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query}: {response.status_code}")

        try:
            run()
        except Unsatisfiable:
            # an operation with no parameters or body has nothing a negative request can break
            assert mode is GenerationMode.NEGATIVE, operation.path
            skipped.append(operation.path)
    assert not failures, failures[:10]
    assert len(skipped) < len(operations) / 2, skipped
