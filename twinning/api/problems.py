"""Turning a write function's ValidationError into the one-line ``detail`` of a 422 answer."""

from __future__ import annotations

from django.core.exceptions import ValidationError


def validation_detail(exc: ValidationError) -> str:
    """ "field: message; field: message" for errors by field, the messages alone otherwise."""
    if hasattr(exc, "error_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in exc.message_dict.items())
    return " ".join(exc.messages)
