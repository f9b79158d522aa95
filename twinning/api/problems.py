"""Answers of the API's write endpoints: a write function's ValidationError (or an app's own
rule error) as the one-line ``detail`` of a 422, the policy's PermissionDenied as a 403. Feature
apps pass their own translated messages."""

from __future__ import annotations

from contextlib import contextmanager

from django.core.exceptions import PermissionDenied, ValidationError
from ninja.errors import HttpError


def validation_detail(exc: ValidationError) -> str:
    """ "field: message; field: message" for errors by field, the messages alone otherwise."""
    if hasattr(exc, "error_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in exc.message_dict.items())
    return " ".join(exc.messages)


@contextmanager
def forbidden_as_403(message: str):
    """The policy's PermissionDenied (may see, may not change) as a JSON 403 with ``message``."""
    try:
        yield
    except PermissionDenied as exc:
        raise HttpError(403, message) from exc


@contextmanager
def invalid_as_422(*rule_errors: type[Exception]):
    """A write function's ValidationError as a JSON 422 whose detail reads "field: message"; an
    app's own rule errors (``rule_errors``, whose message is already translated) as a JSON 422
    with that message."""
    try:
        yield
    except ValidationError as exc:
        raise HttpError(422, validation_detail(exc)) from exc
    except rule_errors as exc:
        raise HttpError(422, str(exc)) from exc
